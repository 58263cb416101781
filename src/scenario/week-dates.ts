// Date arithmetic for building and importing one week, with js-joda so nothing depends on the
// process time zone. Dates stay ISO strings at the edges because that is how the database and
// the scenario format both hold them, and ISO dates compare correctly as strings.
import { DayOfWeek, LocalDate, LocalTime } from '@js-joda/core'
import { isoDate } from '../../solver/scenario.js'

export interface WeekRange {
  monday: string
  sunday: string
  /** The Monday after: the first date that is no longer in the week. */
  nextMonday: string
  /** The Sunday before: the last date before the week. */
  previousSunday: string
  dates: string[]
}

/** Undefined when `iso` is not a real calendar date. */
export function parseDate(iso: string): LocalDate | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined
  try {
    return LocalDate.parse(iso)
  } catch {
    return undefined
  }
}

export function isMondayDate(iso: string): boolean {
  return isoDate.safeParse(iso).success && parseDate(iso)?.dayOfWeek() === DayOfWeek.MONDAY
}

export function weekRange(monday: string): WeekRange {
  const start = LocalDate.parse(monday)
  const dates = Array.from({ length: 7 }, (_, i) => start.plusDays(i).toString())
  return {
    monday,
    sunday: start.plusDays(6).toString(),
    nextMonday: start.plusDays(7).toString(),
    previousSunday: start.minusDays(1).toString(),
    dates,
  }
}

/**
 * First day of the school year that `date` falls in. English school years run from
 * 1 September to 31 August; the additional-hours allowance is per school year.
 */
export function schoolYearStart(date: string): string {
  const d = LocalDate.parse(date)
  const year = d.monthValue() >= 9 ? d.year() : d.year() - 1
  return LocalDate.of(year, 9, 1).toString()
}

/** Hours between two "HH:MM" times of one day ("24:00" is the end of the day). */
export function hoursBetween(start: string, end: string): number {
  return (minutesOfDay(end) - minutesOfDay(start)) / 60
}

function minutesOfDay(time: string): number {
  if (time === '24:00') return 24 * 60
  const t = LocalTime.parse(time)
  return t.hour() * 60 + t.minute()
}

/**
 * Hours are REAL in the database and sums of them pick up binary noise (26.7 + 3 - 3 is
 * 26.700000000000003). Six decimals keep every figure a person would type while making the
 * round trip exact.
 */
export function roundHours(hours: number): number {
  return Math.round(hours * 1e6) / 1e6
}
