// What "equivalent" means for a scenario round trip, as one function: the canonical form of a
// file is the file with x- extension fields dropped (but a commitment's "x-needs-cover": true,
// the one extension the app reads and writes back), optional fields that are empty or at their
// default dropped (fullTimeHours 37, unpaidBreakMinutes 0, additionalHoursRemaining 0,
// dutiesThisTerm 0, priority 3, cover/event staff 1, empty skills/commitments/avoid/prefer and
// empty optional lists; `previous: []` is kept: it says a rota is published), duplicates in
// set-like lists dropped, and every list that is a set put in the export's order (slots and a
// duty's slots keep the file's order: that order means something). An export is equivalent to
// a file when it is deep-equal (toStrictEqual) to the file's canonical form: the export must
// already be canonical, so nothing is normalised on the exported side.
import { WEEKDAYS, WORK_KINDS } from '../../solver/scenario.js'
import { NEEDS_COVER_KEY } from '../../src/scenario/week-state.js'

type Json = Record<string, unknown>

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const inOrder = (order: readonly string[]) => (list: unknown) => [...new Set(list as string[])].sort((a, b) => order.indexOf(a) - order.indexOf(b))
const days = inOrder(WEEKDAYS)
const kinds = inOrder(WORK_KINDS)

function dropExtensions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropExtensions)
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([k, v]) => !k.startsWith('x-') || (k === NEEDS_COVER_KEY && v === true))
        .map(([k, v]) => [k, dropExtensions(v)]),
    )
  }
  return value
}

function dropWhen(obj: Json, key: string, isDefault: (v: unknown) => boolean): void {
  if (key in obj && isDefault(obj[key])) delete obj[key]
}
const isEmpty = (v: unknown) => v === undefined || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && v !== null && Object.keys(v).length === 0)
const sortKeys = (v: unknown) => Object.fromEntries(Object.entries(v as Json).sort(([a], [b]) => cmp(a, b)))
const byId = (a: Json, b: Json) => cmp(str(a.id), str(b.id))
const placed = (a: Json, b: Json) =>
  cmp(str(a.date), str(b.date)) || cmp(str(a.duty), str(b.duty)) || cmp(str(a.slot), str(b.slot)) || cmp(str(a.staff), str(b.staff))
const uniqueBy = (list: Json[]) => [...new Map(list.map((x) => [JSON.stringify(sortKeys(x)), x])).values()]

function work(item: Json): Json {
  if (isEmpty(item.skills)) delete item.skills
  else item.skills = sortKeys(item.skills)
  dropWhen(item, 'priority', (v) => v === 3)
  return item
}

export function canonical(file: unknown): Json {
  const sc = structuredClone(dropExtensions(file)) as Json
  const school = sc.school as Json
  dropWhen(school, 'fullTimeHours', (v) => v === 37)
  if (Array.isArray(sc.closed)) sc.closed = [...new Set(sc.closed as string[])].sort(cmp)
  for (const slot of sc.slots as Json[]) if ('days' in slot) slot.days = days(slot.days)
  sc.grades = (sc.grades as Json[]).map((g) => ({ ...g, dutyKinds: kinds(g.dutyKinds) })).sort(byId)
  sc.staff = (sc.staff as Json[])
    .map((p) => {
      dropWhen(p, 'unpaidBreakMinutes', (v) => v === 0)
      dropWhen(p, 'additionalHoursRemaining', (v) => v === 0)
      dropWhen(p, 'dutiesThisTerm', (v) => v === 0)
      if (Array.isArray(p.skills)) p.skills = [...new Set(p.skills as string[])].sort(cmp)
      if (Array.isArray(p.commitments)) {
        p.commitments = (p.commitments as Json[]).sort(
          (a, b) =>
            WEEKDAYS.indexOf(a.day as never) - WEEKDAYS.indexOf(b.day as never) ||
            cmp(str(a.start), str(b.start)) ||
            cmp(str(a.end), str(b.end)) ||
            cmp(str(a.label), str(b.label)),
        )
      }
      for (const key of ['avoid', 'prefer']) if (Array.isArray(p[key])) p[key] = [...new Set(p[key] as string[])]
      for (const key of ['skills', 'commitments', 'avoid', 'prefer']) dropWhen(p, key, isEmpty)
      return p
    })
    .sort(byId)
  sc.duties = (sc.duties as Json[]).map((d) => work({ ...d, days: days(d.days), slots: [...new Set(d.slots as string[])] })).sort(byId)
  if (Array.isArray(sc.absences)) {
    sc.absences = uniqueBy(sc.absences as Json[]).sort(
      (a, b) =>
        cmp(str(a.date), str(b.date)) ||
        cmp(str(a.staff), str(b.staff)) ||
        cmp(str(a.start), str(b.start)) ||
        cmp(str(a.end), str(b.end)) ||
        cmp(str(a.reason), str(b.reason)),
    )
  }
  for (const key of ['cover', 'events']) {
    if (!Array.isArray(sc[key])) continue
    sc[key] = (sc[key] as Json[])
      .map((item) => {
        dropWhen(item, 'staff', (v) => v === 1)
        return work(item)
      })
      .sort(byId)
  }
  for (const key of ['previous', 'pins']) if (Array.isArray(sc[key])) sc[key] = uniqueBy(sc[key] as Json[]).sort(placed)
  for (const key of ['closed', 'absences', 'cover', 'events', 'pins']) dropWhen(sc, key, isEmpty)
  return sc
}
