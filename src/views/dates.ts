// Dates as people read them ("Monday 23 November"), spelled out here rather than through Intl,
// whose output differs between Node and Workers builds and would make pages differ by runtime.
import { LocalDate } from '@js-joda/core'

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "Monday 23 November" */
export function longDate(iso: string): string {
  const d = LocalDate.parse(iso)
  return `${DAYS[d.dayOfWeek().value() - 1]} ${d.dayOfMonth()} ${MONTHS[d.monthValue() - 1]}`
}

/** "Mon 23 Nov" */
export function shortDate(iso: string): string {
  const d = LocalDate.parse(iso)
  return `${DAYS[d.dayOfWeek().value() - 1]?.slice(0, 3)} ${d.dayOfMonth()} ${MONTHS[d.monthValue() - 1]?.slice(0, 3)}`
}
