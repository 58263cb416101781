// Which week the manager means: the Monday of this school week in the school's time zone, or
// the next one at the weekend, when the week to plan is the coming one.
import '@js-joda/timezone'
import { DayOfWeek, LocalDate, TemporalAdjusters, ZonedDateTime, ZoneId, type Clock } from '@js-joda/core'

export function mondayOfWeek(clock: Clock, timezone = 'Europe/London'): string {
  const today = ZonedDateTime.now(clock).withZoneSameInstant(ZoneId.of(timezone)).toLocalDate()
  const weekend = today.dayOfWeek() === DayOfWeek.SATURDAY || today.dayOfWeek() === DayOfWeek.SUNDAY
  return (weekend ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).toString()
}

/** The Monday before and after. */
export function neighbours(monday: string): { previous: string; next: string } {
  const d = LocalDate.parse(monday)
  return { previous: d.minusWeeks(1).toString(), next: d.plusWeeks(1).toString() }
}
