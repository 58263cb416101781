// Where the demo school sits in time. The demo file plans one fixed week; a fresh install on any
// other date would open on a week long past with its cover, event and absence out of sight, and
// with no term dates every holiday would look like a school week. So on first start the demo
// gets English-style term dates for the school year around today and the next one, and its week
// is moved to the first school week from today (this one, or the next after a weekend or a
// holiday). Pure: the caller gives today's date in the school's zone from the injected clock.
import { DayOfWeek, LocalDate, TemporalAdjusters } from '@js-joda/core'
import type { Scenario } from '../../solver/scenario.js'
import type { CalendarPeriodInput } from '../setup/calendar.js'
import { nextSchoolDay } from '../setup/school-days.js'
import { schoolYearStart } from './week-dates.js'

const monday = (d: LocalDate) => d.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
const friday = (d: LocalDate) => d.with(TemporalAdjusters.previousOrSame(DayOfWeek.FRIDAY))
/** The first weekday on or after `d`. */
const weekday = (d: LocalDate) => (d.dayOfWeek().value() >= 6 ? d.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : d)
const lastMonday = (year: number, month: number) => LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY))

function period(kind: CalendarPeriodInput['kind'], name: string, start: LocalDate, end: LocalDate): CalendarPeriodInput {
  return { kind, name, startDate: start.toString(), endDate: end.toString() }
}

/** Three terms with a week's half term in each, for the school year that starts in September of `year`. */
function schoolYear(year: number): CalendarPeriodInput[] {
  const next = year + 1
  const halfTerm = (name: string, from: LocalDate) => period('half_term', name, from, from.plusDays(4))
  return [
    period('term', `Autumn term ${year}`, weekday(LocalDate.of(year, 9, 2)), friday(LocalDate.of(year, 12, 20))),
    halfTerm(`October half term ${year}`, lastMonday(year, 10)),
    period('term', `Spring term ${next}`, weekday(LocalDate.of(next, 1, 5)), friday(LocalDate.of(next, 3, 31))),
    halfTerm(`February half term ${next}`, monday(LocalDate.of(next, 2, 15))),
    period('term', `Summer term ${next}`, LocalDate.of(next, 4, 15).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)), friday(LocalDate.of(next, 7, 22))),
    halfTerm(`May half term ${next}`, lastMonday(next, 5)),
  ]
}

/** This school year's terms and the next one's, so the demo still has school weeks in August. */
export function demoTerms(today: LocalDate): CalendarPeriodInput[] {
  const year = LocalDate.parse(schoolYearStart(today.toString())).year()
  return [...schoolYear(year), ...schoolYear(year + 1)]
}

/** The Monday of the first week from `today` that has pupils by these terms. */
export function demoMonday(terms: readonly CalendarPeriodInput[], today: LocalDate): string {
  const day = nextSchoolDay(terms, [], today.toString())
  if (day === undefined) throw new Error(`the demo's term dates have no school day within a year of ${today.toString()}`)
  return monday(LocalDate.parse(day)).toString()
}

/** The scenario with its week, and every date that belongs to it, moved to the week of `to`. */
export function shiftedTo(scenario: Scenario, to: string): Scenario {
  // Whole weeks, so every date keeps its weekday and the file stays valid.
  const days = LocalDate.parse(to).toEpochDay() - LocalDate.parse(scenario.week).toEpochDay()
  const move = (date: string) => LocalDate.parse(date).plusDays(days).toString()
  const dated = <T extends { date: string }>(list: readonly T[]): T[] => list.map((x) => ({ ...x, date: move(x.date) }))
  return {
    ...scenario,
    week: to,
    ...(scenario.closed ? { closed: scenario.closed.map(move) } : {}),
    ...(scenario.absences ? { absences: dated(scenario.absences) } : {}),
    ...(scenario.cover ? { cover: dated(scenario.cover) } : {}),
    ...(scenario.events ? { events: dated(scenario.events) } : {}),
    ...(scenario.previous ? { previous: dated(scenario.previous) } : {}),
    ...(scenario.pins ? { pins: dated(scenario.pins) } : {}),
  }
}
