// The school's own periods that the ledgers count over: the week, the half term, the term and
// the school year a date falls in, read from calendar_periods. A "half term" is the part of a
// term before or after its half-term holiday; a term without a recorded holiday is one half.
// Dates stay ISO strings (they compare correctly as text); arithmetic goes through js-joda.
import { DayOfWeek, LocalDate } from '@js-joda/core'
import type { Store } from '../../db/store.js'
import { schoolYearStart } from '../scenario/week-dates.js'

export interface Period {
  name: string
  from: string
  /** inclusive */
  to: string
}

export interface CalendarRow {
  kind: 'term' | 'half_term'
  name: string
  start_date: string
  end_date: string
}

export interface Periods {
  week: Period
  halfTerm: Period | null
  term: Period | null
  year: Period
}

export async function loadCalendar(store: Store, schoolId: string): Promise<CalendarRow[]> {
  return store.db
    .selectFrom('calendar_periods')
    .select(['kind', 'name', 'start_date', 'end_date'])
    .where('school_id', '=', schoolId)
    .orderBy('start_date')
    .execute()
}

export function mondayOf(date: string): string {
  const d = LocalDate.parse(date)
  return d.minusDays(d.dayOfWeek().value() - DayOfWeek.MONDAY.value()).toString()
}

export const plusDays = (date: string, days: number): string => LocalDate.parse(date).plusDays(days).toString()

/** The term that contains `date`, or failing that the latest term that began on or before it. */
export function termOf(calendar: readonly CalendarRow[], date: string): CalendarRow | undefined {
  const terms = calendar.filter((p) => p.kind === 'term' && p.start_date <= date)
  return terms.find((t) => t.end_date >= date) ?? terms[terms.length - 1]
}

export function periodsOf(calendar: readonly CalendarRow[], date: string): Periods {
  const monday = mondayOf(date)
  const yearFrom = schoolYearStart(date)
  const year: Period = {
    name: `${yearFrom.slice(0, 4)}-${String(Number(yearFrom.slice(0, 4)) + 1).slice(2)}`,
    from: yearFrom,
    to: plusDays(LocalDate.parse(yearFrom).plusYears(1).toString(), -1),
  }
  const week: Period = { name: `week of ${monday}`, from: monday, to: plusDays(monday, 6) }
  const t = termOf(calendar, date)
  if (!t) return { week, halfTerm: null, term: null, year }
  const term: Period = { name: t.name, from: t.start_date, to: t.end_date }
  const holiday = calendar.find((p) => p.kind === 'half_term' && p.start_date > t.start_date && p.end_date < t.end_date)
  let halfTerm: Period = term
  if (holiday) {
    halfTerm =
      date < holiday.start_date
        ? { name: `${t.name}, first half`, from: t.start_date, to: plusDays(holiday.start_date, -1) }
        : { name: `${t.name}, second half`, from: plusDays(holiday.end_date, 1), to: t.end_date }
  }
  return { week, halfTerm, term, year }
}
