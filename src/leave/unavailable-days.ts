// What approved unavailability means for one week: the dated times each person cannot be given
// work. The scenario format already has this concept, the absence ("staff who are off; start/end
// optional = the whole day"), which the solver, solver/check.ts and the independent checker keep
// as hard rule 3; so an approved mark enters the week's scenario as absences with the reason
// category "unavailable" (an absence's reason is never shown to colleagues nor read by the
// solver), and the import knows those entries by that category (scenario/import-unavailability.ts).
// A one-week file is dated by nature: "every Tuesday 12:10-12:40" is the Tuesday of that week.
import type { Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { WEEKDAYS, type Weekday } from '../../solver/scenario.js'

/** The absence reason category the scenario gives approved unavailability. */
export const UNAVAILABLE_REASON = 'unavailable'

export interface ApprovedMark {
  id: string
  staffId: string
  repeat: 'weekly' | 'once'
  day: Weekday | null
  date: string | null
  start: string | null
  end: string | null
}

export interface UnavailableTime {
  staffId: string
  date: string
  /** both null: the whole day */
  start: string | null
  end: string | null
}

/** Approved marks that can touch the week of `dates` (Monday first): every weekly one, and the dated ones inside it. */
export async function readApprovedMarks(db: Kysely<Database>, schoolId: string, dates: readonly string[]): Promise<ApprovedMark[]> {
  const rows = await db
    .selectFrom('staff_unavailability')
    .select(['id', 'staff_id', 'repeat', 'day', 'date', 'start_time', 'end_time'])
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .where((eb) => eb.or([eb('repeat', '=', 'weekly'), eb.and([eb('date', '>=', dates[0] ?? ''), eb('date', '<=', dates[dates.length - 1] ?? '')])]))
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, staffId: r.staff_id, repeat: r.repeat, day: r.day, date: r.date, start: r.start_time, end: r.end_time }))
}

/** The dates of the week (Monday first) a mark covers. */
export function datesOf(mark: ApprovedMark, dates: readonly string[]): string[] {
  if (mark.repeat === 'once') return dates.filter((d) => d === mark.date)
  return dates.filter((_, i) => WEEKDAYS[i] === mark.day)
}

/** Each approved mark on each date of the week it covers. */
export function unavailableTimes(marks: readonly ApprovedMark[], dates: readonly string[]): UnavailableTime[] {
  return marks.flatMap((m) => datesOf(m, dates).map((date) => ({ staffId: m.staffId, date, start: m.start, end: m.end })))
}
