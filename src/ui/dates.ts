// Dates as people read them ("Monday 23 November"), spelled out here rather than through Intl,
// whose output differs between Node and Workers builds and would make pages differ by runtime.
import { Instant, LocalDate, ZonedDateTime } from '@js-joda/core'
import { schoolZone } from '../platform/zone.js'

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Monday 23 November" */
/** Weekday codes of the scenario format, as people read them. */
export const WEEKDAY_LONG = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
} as const

export function longDate(iso: string): string {
  const d = LocalDate.parse(iso)
  return `${DAYS[d.dayOfWeek().value() - 1]} ${d.dayOfMonth()} ${MONTHS[d.monthValue() - 1]}`
}

/** "Mon 23 Nov" */
export function shortDate(iso: string): string {
  const d = LocalDate.parse(iso)
  return `${DAYS[d.dayOfWeek().value() - 1]?.slice(0, 3)} ${d.dayOfMonth()} ${MONTHS[d.monthValue() - 1]?.slice(0, 3)}`
}

/** "Monday 23 November at 09:14" in the school's time zone, from an instant as stored (UTC). */
export function localWhen(instant: string, timezone: string): string {
  const local = ZonedDateTime.ofInstant(Instant.parse(instant), schoolZone(timezone))
  return `${longDate(local.toLocalDate().toString())} at ${local.toLocalTime().toString().slice(0, 5)}`
}

/** "09:05" from minutes after midnight, as the solver counts time. */
export function clockTime(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}
