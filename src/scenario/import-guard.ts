// Checks an import must pass before anything is written, beyond the format itself:
// values the data model is stricter about than the format (field errors, 400), and changes
// that would lose or clash with data outside what the file describes (conflicts, 409).
import type { Store } from '../../db/store.js'
import type { AbsenceReason } from '../../db/schema.js'
import type { Scenario } from '../../solver/scenario.js'
import type { FieldError } from '../platform/http/problem.js'
import { isKnownTimeZone } from '../platform/zone.js'
import { removalsOf } from './import-plan.js'
import { UNAVAILABLE_REASON } from '../leave/unavailable-days.js'
import { CHECKS_MISSING_REASON } from '../supply/supply.js'
import type { DutyState, SlotState, StaffState, WeekState } from './week-state.js'

export const ABSENCE_REASONS: readonly AbsenceReason[] = ['sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other']

/**
 * Rules of the data model that the file format leaves open. It reads the raw body loosely, so
 * that these errors come in the same answer as the format's own (one per bad path), and
 * ignores anything of the wrong shape: the format's errors already name that.
 */
export function fieldProblems(input: unknown): FieldError[] {
  const errors: FieldError[] = []
  const file = asObject(input)
  const timezone = asObject(file?.school)?.timezone
  if (typeof timezone === 'string' && timezone !== '' && !isKnownTimeZone(timezone)) {
    errors.push({ path: 'school.timezone', message: 'not an IANA time zone such as "Europe/London"', in: 'body' })
  }
  // Reasons are stored as a category so that nothing sensitive is free text (domain.md);
  // "unavailable" is approved unavailability, kept in its own table (import-unavailability.ts);
  // "checks-missing" is what a supply person's checks say of a booked day, read, never stored.
  const derived = [UNAVAILABLE_REASON, CHECKS_MISSING_REASON]
  const absences = file?.absences
  if (Array.isArray(absences)) {
    absences.forEach((a: unknown, i) => {
      const reason = asObject(a)?.reason
      if (typeof reason === 'string' && !derived.includes(reason) && !(ABSENCE_REASONS as readonly string[]).includes(reason)) {
        errors.push({ path: `absences[${i}].reason`, message: `must be one of ${[...ABSENCE_REASONS, ...derived].join(', ')}`, in: 'body' })
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
  const gone = removalsOf(state, sc)
  return [
    ...(await staffConflicts(store.db, state, gone.staff)),
    ...(await slotConflicts(store.db, state, gone.slots)),
    ...(await dutyConflicts(store.db, state, gone.duties)),
    ...(await codeClashes(store.db, state, sc)),
  ]
}

type Db = Store['db']

const KEEP_IN_FILE = 'keep it in the file, or remove it through the setup pages first'

/** Staff the file drops who hold assignments, absences beyond this week or pins and bars in other weeks. */
async function staffConflicts(db: Db, state: WeekState, gone: readonly StaffState[]): Promise<FieldError[]> {
  if (gone.length === 0) return []
  const { monday, sunday } = state.range
  const ids = gone.map((s) => s.id)
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
  const errors: FieldError[] = []
  for (const person of gone) {
    const held = [
      plural(assignments.filter((a) => a.staff_id === person.id).length, 'rota assignment'),
      plural(absences.filter((a) => a.staff_id === person.id).length, 'absence outside this week', 'absences outside this week'),
      plural(overrides.filter((o) => o.staff_id === person.id).length, 'pin or bar in another week', 'pins or bars in other weeks'),
    ].filter((s) => s !== '')
    if (held.length > 0) {
      errors.push({
        path: 'staff',
        message: `"${person.code}" is not in the file but cannot be removed: ${held.join(', ')} would be lost; ${KEEP_IN_FILE}`,
        in: 'body',
      })
    }
  }
  return errors
}

/** Slots the file drops that cover requests in other weeks use. */
async function slotConflicts(db: Db, state: WeekState, gone: readonly SlotState[]): Promise<FieldError[]> {
  if (gone.length === 0) return []
  const { monday, sunday } = state.range
  const rows = await inChunks(
    gone.map((s) => s.id),
    (chunk) => db.selectFrom('cover_requests').select(['slot_id', 'date']).where('slot_id', 'in', chunk).execute(),
  )
  const used = rows.filter((r) => r.date < monday || r.date > sunday)
  return gone.flatMap((slot): FieldError[] => {
    const n = used.filter((u) => u.slot_id === slot.id).length
    return n > 0
      ? [{ path: 'slots', message: `"${slot.code}" is not in the file but ${plural(n, 'cover request')} in other weeks use it; ${KEEP_IN_FILE}`, in: 'body' }]
      : []
  })
}

/** Duty posts the file drops that pins or bars in other weeks name. */
async function dutyConflicts(db: Db, state: WeekState, gone: readonly DutyState[]): Promise<FieldError[]> {
  if (gone.length === 0) return []
  const overrides = await inChunks(
    gone.map((d) => d.code),
    (chunk) =>
      db
        .selectFrom('week_overrides')
        .select('work_code')
        .where('school_id', '=', state.school.id)
        .where('work_code', 'in', chunk)
        .where('week', '!=', state.range.monday)
        .execute(),
  )
  return gone.flatMap((duty): FieldError[] => {
    const n = overrides.filter((o) => o.work_code === duty.code).length
    return n > 0
      ? [
          {
            path: 'duties',
            message: `"${duty.code}" is not in the file but ${plural(n, 'pin or bar', 'pins or bars')} in other weeks name it; ${KEEP_IN_FILE}`,
            in: 'body',
          },
        ]
      : []
  })
}

/**
 * A duty post's code names it in every week (see workCodeHolder in refs.ts): a duty the file
 * adds may not have the code of a cover request or event in another week. This week's cover
 * and events are the file's own, which the format already keeps apart from its duties.
 */
async function codeClashes(db: Db, state: WeekState, sc: Scenario): Promise<FieldError[]> {
  const known = new Set(state.duties.map((d) => d.code))
  const added = sc.duties.map((d) => d.id).filter((code) => !known.has(code))
  if (added.length === 0) return []
  const schoolId = state.school.id
  const monday = state.range.monday
  const weekly = await Promise.all(
    (['cover_requests', 'events'] as const).map((table) =>
      inChunks(added, (chunk) =>
        db
          .selectFrom(table)
          .select(['code', 'week'])
          .where('school_id', '=', schoolId)
          .where('code', 'in', chunk)
          .where('week', '!=', monday)
          .orderBy('week')
          .execute(),
      ),
    ),
  )
  const [cover = [], events = []] = weekly
  const errors: FieldError[] = []
  for (const code of added) {
    const c = cover.find((r) => r.code === code)
    const e = events.find((r) => r.code === code)
    const holder = c ? `a cover request in the week of ${c.week}` : e ? `an event in the week of ${e.week}` : undefined
    if (holder !== undefined)
      errors.push({ path: 'duties', message: `"${code}" is new in the file but ${holder} already has this code; give the duty another`, in: 'body' })
  }
  return errors
}

function plural(n: number, one: string, many = `${one}s`): string {
  return n === 0 ? '' : `${n} ${n === 1 ? one : many}`
}
