// Which week the manager means: the Monday of this school week in the school's time zone, or
// the next one at the weekend, when the week to plan is the coming one.
import { DayOfWeek, LocalDate, TemporalAdjusters, type Clock } from '@js-joda/core'
import { schoolToday } from '../calendar/zone.js'

export function mondayOfWeek(clock: Clock, timezone = 'Europe/London'): string {
  const today = schoolToday(clock, timezone)
  const weekend = today.dayOfWeek() === DayOfWeek.SATURDAY || today.dayOfWeek() === DayOfWeek.SUNDAY
  return (weekend ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).toString()
}

/** The Monday before and after. */
export function neighbours(monday: string): { previous: string; next: string } {
  const d = LocalDate.parse(monday)
  return { previous: d.minusWeeks(1).toString(), next: d.plusWeeks(1).toString() }
}
