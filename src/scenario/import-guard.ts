// Checks an import must pass before anything is written, beyond the format itself:
// values the data model is stricter about than the format (field errors, 400), and changes
// that would lose or clash with data outside what the file describes (conflicts, 409).
import type { Store } from '../../db/store.js'
import type { AbsenceReason } from '../../db/schema.js'
import type { Scenario } from '../../solver/scenario.js'
import type { FieldError } from '../platform/http/problem.js'
import { isKnownTimeZone } from '../platform/zone.js'
import { removalsOf } from './import-plan.js'
import type { WeekState } from './load.js'

export const ABSENCE_REASONS: readonly AbsenceReason[] = ['sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other']

/**
 * Rules of the data model that the file format leaves open. It reads the raw body loosely, so
 * that these errors come in the same answer as the format's own (one per bad path), and
 * ignores anything of the wrong shape: the format's errors already name that.
 */
export function fieldProblems(input: unknown): FieldError[] {
  const errors: FieldError[] = []
  const file = asObject(input)
  const timezone = asObject(file?.['school'])?.['timezone']
  if (typeof timezone === 'string' && timezone !== '' && !isKnownTimeZone(timezone)) {
    errors.push({ path: 'school.timezone', message: 'not an IANA time zone such as "Europe/London"', in: 'body' })
  }
  // Reasons are stored as a category so that nothing sensitive is free text (domain.md).
  const absences = file?.['absences']
  if (Array.isArray(absences)) {
    absences.forEach((a: unknown, i) => {
      const reason = asObject(a)?.['reason']
      if (typeof reason === 'string' && !(ABSENCE_REASONS as readonly string[]).includes(reason)) {
        errors.push({ path: `absences[${i}].reason`, message: `must be one of ${ABSENCE_REASONS.join(', ')}`, in: 'body' })
      }
    })
  }
  return errors
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
}

/** Reads for IN lists are chunked too: D1's limit of 100 bound parameters applies to them. */
async function inChunks<T>(values: readonly string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = []
  for (let i = 0; i < values.length; i += 90) out.push(...(await read(values.slice(i, i + 90))))
  return out
}

/**
 * Clashes with data the file cannot see: the removals the file implies must not take history
 * with them (see the rule in scenario-import-plan.ts). Cover and event ids need no check here:
 * they are unique per week, and a file's cover and events all lie in its own week.
 */
export async function conflictsOf(store: Store, state: WeekState, sc: Scenario): Promise<FieldError[]> {
  const db = store.db
  const schoolId = state.school.id
  const { monday, sunday } = state.range
  const errors: FieldError[] = []
  const outsideWeek = <T extends { date: string }>(rows: T[]) => rows.filter((r) => r.date < monday || r.date > sunday)

  const gone = removalsOf(state, sc)
  const keepInFile = 'keep it in the file, or remove it through the setup pages first'

  if (gone.staff.length > 0) {
    const ids = gone.staff.map((s) => s.id)
    const [assignments, absences, overrides] = await Promise.all([
      inChunks(ids, (chunk) => db.selectFrom('rota_assignments').select('staff_id').where('staff_id', 'in', chunk).execute()),
      inChunks(ids, (chunk) =>
        db
          .selectFrom('absences')
          .select('staff_id')
          .where('staff_id', 'in', chunk)
          .where((eb) => eb.or([eb('start_date', '<', monday), eb('end_date', 'is', null), eb('end_date', '>', sunday)]))
          .execute(),
      ),
      inChunks(ids, (chunk) => db.selectFrom('week_overrides').select('staff_id').where('staff_id', 'in', chunk).where('week', '!=', monday).execute()),
    ])
    for (const person of gone.staff) {
      const held = [
        plural(assignments.filter((a) => a.staff_id === person.id).length, 'rota assignment'),
        plural(absences.filter((a) => a.staff_id === person.id).length, 'absence outside this week', 'absences outside this week'),
        plural(overrides.filter((o) => o.staff_id === person.id).length, 'pin or bar in another week', 'pins or bars in other weeks'),
      ].filter((s) => s !== '')
      if (held.length > 0) {
        errors.push({ path: 'staff', message: `"${person.code}" is not in the file but cannot be removed: ${held.join(', ')} would be lost; ${keepInFile}`, in: 'body' })
      }
    }
  }

  if (gone.slots.length > 0) {
    const used = outsideWeek(
      await inChunks(
        gone.slots.map((s) => s.id),
        (chunk) => db.selectFrom('cover_requests').select(['slot_id', 'date']).where('slot_id', 'in', chunk).execute(),
      ),
    )
    for (const slot of gone.slots) {
      const n = used.filter((u) => u.slot_id === slot.id).length
      if (n > 0) errors.push({ path: 'slots', message: `"${slot.code}" is not in the file but ${plural(n, 'cover request')} in other weeks use it; ${keepInFile}`, in: 'body' })
    }
  }

  if (gone.duties.length > 0) {
    const overrides = await inChunks(
      gone.duties.map((d) => d.code),
      (chunk) => db.selectFrom('week_overrides').select('work_code').where('school_id', '=', schoolId).where('work_code', 'in', chunk).where('week', '!=', monday).execute(),
    )
    for (const duty of gone.duties) {
      const n = overrides.filter((o) => o.work_code === duty.code).length
      if (n > 0) errors.push({ path: 'duties', message: `"${duty.code}" is not in the file but ${plural(n, 'pin or bar', 'pins or bars')} in other weeks name it; ${keepInFile}`, in: 'body' })
    }
  }

  // A duty post's code names it in every week (see workCodeHolder in refs.ts): a duty the file
  // adds may not have the code of a cover request or event in another week. This week's cover
  // and events are the file's own, which the format already keeps apart from its duties.
  const known = new Set(state.duties.map((d) => d.code))
  const added = sc.duties.map((d) => d.id).filter((code) => !known.has(code))
  if (added.length > 0) {
    const weekly = await Promise.all(
      (['cover_requests', 'events'] as const).map((table) =>
        inChunks(added, (chunk) => db.selectFrom(table).select(['code', 'week']).where('school_id', '=', schoolId).where('code', 'in', chunk).where('week', '!=', monday).orderBy('week').execute()),
      ),
    )
    const [cover = [], events = []] = weekly
    for (const code of added) {
      const c = cover.find((r) => r.code === code)
      const e = events.find((r) => r.code === code)
      const holder = c ? `a cover request in the week of ${c.week}` : e ? `an event in the week of ${e.week}` : undefined
      if (holder !== undefined) errors.push({ path: 'duties', message: `"${code}" is new in the file but ${holder} already has this code; give the duty another`, in: 'body' })
    }
  }
  return errors
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? '' : `${n} ${n === 1 ? one : many}`
}
