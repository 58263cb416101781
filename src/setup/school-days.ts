// Which days of a week have pupils, by the school's term dates. A school that has recorded at
// least one term has pupils only inside a term, outside its half-term holidays and on no
// closure day. A school with no term recorded yet treats every day as a school day (apart from
// its closures), so a fresh school can plan a week before it types its calendar in.
// The week page, generate, publish and the re-plan all read the week through schoolWeekOf, so
// they agree on which days are open and on the words that say why a week has none.
import { LocalDate } from '@js-joda/core'
import type { Store } from '../../db/store.js'

export interface TermPeriod {
  kind: 'term' | 'half_term'
  name: string
  /** ISO dates, inclusive */
  startDate: string
  endDate: string
}

export interface ClosureDay {
  date: string
  name: string
}

export interface SchoolWeek {
  monday: string
  /** Every date of the week (Monday to Sunday) with no pupils: holidays, half terms and closures. */
  closed: string[]
  /** Why the week has no school day from Monday to Friday; undefined when it has one. */
  noSchoolDay: string | undefined
}

type DayStatus = { open: true } | { open: false; why: 'holiday' | 'half_term' | 'closure'; name: string }

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "21 December 2026": the words a manager reads in a refusal. */
export function dayMonthYear(iso: string): string {
  const d = LocalDate.parse(iso)
  return `${d.dayOfMonth()} ${MONTHS[d.monthValue() - 1]} ${d.year()}`
}

export function dayStatus(periods: readonly TermPeriod[], closures: readonly ClosureDay[], date: string): DayStatus {
  const closure = closures.find((c) => c.date === date)
  if (closure) return { open: false, why: 'closure', name: closure.name }
  const terms = periods.filter((p) => p.kind === 'term')
  if (terms.length === 0) return { open: true }
  const halfTerm = periods.find((p) => p.kind === 'half_term' && p.startDate <= date && date <= p.endDate)
  if (halfTerm) return { open: false, why: 'half_term', name: halfTerm.name }
  if (terms.some((t) => t.startDate <= date && date <= t.endDate)) return { open: true }
  return { open: false, why: 'holiday', name: holidayName(terms, date) }
}

/** A name for the gap between terms that people recognise; the calendar stores none. */
function holidayName(terms: readonly TermPeriod[], date: string): string {
  const d = LocalDate.parse(date)
  const before = [...terms].filter((t) => t.endDate < date).sort((a, b) => (a.endDate < b.endDate ? 1 : -1))[0]
  const after = [...terms].filter((t) => t.startDate > date).sort((a, b) => (a.startDate < b.startDate ? -1 : 1))[0]
  const month = d.monthValue()
  if (month === 12 || (month === 1 && d.dayOfMonth() <= 10)) return 'Christmas holiday'
  if (month === 7 || month === 8) return 'summer holiday'
  if (month === 3 || month === 4) return 'Easter holiday'
  if (before && after) return `holiday between ${before.name} and ${after.name}`
  if (after) return `before ${after.name}`
  return before ? `after ${before.name}` : 'holiday'
}

export function schoolWeekOf(periods: readonly TermPeriod[], closures: readonly ClosureDay[], monday: string): SchoolWeek {
  const start = LocalDate.parse(monday)
  const dates = Array.from({ length: 7 }, (_, i) => start.plusDays(i).toString())
  const status = dates.map((date) => ({ date, status: dayStatus(periods, closures, date) }))
  const closed = status.filter((d) => !d.status.open).map((d) => d.date)
  const weekdays = status.slice(0, 5).map((d) => d.status)
  return { monday, closed, noSchoolDay: weekdays.some((s) => s.open) ? undefined : noSchoolDayReason(monday, weekdays) }
}

function noSchoolDayReason(monday: string, days: readonly DayStatus[]): string {
  const shut = days.flatMap((d) => (d.open ? [] : [d]))
  const lead = `the week of ${dayMonthYear(monday)} has no school day`
  const first = shut[0]
  if (first && shut.every((d) => d.why === 'holiday')) return `${lead}: it is outside every term (${first.name})`
  if (first && shut.every((d) => d.why === 'half_term')) return `${lead}: it is half term (${first.name})`
  const names = [...new Set(shut.map((d) => d.name))]
  return `${lead}: every day is closed (${names.join(', ')})`
}

/** The first date on or after `from` that has pupils, within a year; undefined when none does. */
export function nextSchoolDay(periods: readonly TermPeriod[], closures: readonly ClosureDay[], from: string): string | undefined {
  let d = LocalDate.parse(from)
  for (let i = 0; i < 366; i++, d = d.plusDays(1)) {
    const weekend = d.dayOfWeek().value() >= 6
    if (!weekend && dayStatus(periods, closures, d.toString()).open) return d.toString()
  }
  return undefined
}

async function loadCalendar(store: Store, schoolId: string, from: string, to: string): Promise<{ periods: TermPeriod[]; closures: ClosureDay[] }> {
  const [periods, closures] = await Promise.all([
    // A term is needed to know whether the school has any at all, so every one is read; a
    // school has a few dozen rows at most.
    store.db.selectFrom('calendar_periods').select(['kind', 'name', 'start_date', 'end_date']).where('school_id', '=', schoolId).execute(),
    store.db.selectFrom('closures').select(['date', 'name']).where('school_id', '=', schoolId).where('date', '>=', from).where('date', '<=', to).execute(),
  ])
  return { periods: periods.map((p) => ({ kind: p.kind, name: p.name, startDate: p.start_date, endDate: p.end_date })), closures }
}

export async function loadSchoolWeek(store: Store, schoolId: string, monday: string): Promise<SchoolWeek> {
  const { periods, closures } = await loadCalendar(store, schoolId, monday, LocalDate.parse(monday).plusDays(6).toString())
  return schoolWeekOf(periods, closures, monday)
}

/** A week either side that has pupils, and the holidays passed over on the way there. */
export interface NeighbourWeek {
  monday: string
  /** e.g. ["October half term 2026"]; empty when it is the very next (or previous) week */
  skipped: string[]
}

/** Longer than any school holiday (a summer is six or seven weeks), so a year's end is crossed too. */
const MOST_WEEKS_SKIPPED = 10

/**
 * The nearest week before and after `monday` with a school day, so that paging through the
 * term steps over a half term or a holiday instead of landing on a week with nothing to plan.
 * Past MOST_WEEKS_SKIPPED empty weeks (term dates not typed that far), the plain week either side.
 */
export async function schoolWeekNeighbours(store: Store, schoolId: string, monday: string): Promise<{ previous: NeighbourWeek; next: NeighbourWeek }> {
  const start = LocalDate.parse(monday)
  const span = MOST_WEEKS_SKIPPED + 1
  const { periods, closures } = await loadCalendar(store, schoolId, start.minusWeeks(span).toString(), start.plusWeeks(span).plusDays(6).toString())
  const towards = (step: 1 | -1): NeighbourWeek => {
    const skipped: string[] = []
    for (let i = 1; i <= span; i++) {
      const week = start.plusWeeks(step * i)
      const days = Array.from({ length: 5 }, (_, d) => dayStatus(periods, closures, week.plusDays(d).toString()))
      if (days.some((d) => d.open)) return { monday: week.toString(), skipped }
      for (const d of days) if (!d.open && !skipped.includes(d.name)) skipped.push(d.name)
    }
    return { monday: start.plusWeeks(step).toString(), skipped: [] }
  }
  return { previous: towards(-1), next: towards(1) }
}

/** How many weekdays with pupils lie between two dates (both included). */
export async function countSchoolDays(store: Store, schoolId: string, from: string, to: string): Promise<number> {
  const [periods, closures] = await Promise.all([
    store.db.selectFrom('calendar_periods').select(['kind', 'name', 'start_date', 'end_date']).where('school_id', '=', schoolId).execute(),
    store.db.selectFrom('closures').select(['date', 'name']).where('school_id', '=', schoolId).where('date', '>=', from).where('date', '<=', to).execute(),
  ])
  const terms = periods.map((p) => ({ kind: p.kind, name: p.name, startDate: p.start_date, endDate: p.end_date }))
  let count = 0
  for (let d = LocalDate.parse(from), end = LocalDate.parse(to); !d.isAfter(end); d = d.plusDays(1)) {
    if (d.dayOfWeek().value() < 6 && dayStatus(terms, closures, d.toString()).open) count++
  }
  return count
}
