// School wall-clock times to instants. A school's "08:30" means 08:30 where the school is,
// whatever zone the server runs in (Workers run in UTC), so every conversion names the school's
// zone explicitly through js-joda and its tz database; nothing here reads the process zone.
import '@js-joda/timezone'
import { Instant, LocalDate, LocalTime, ZonedDateTime, ZoneId, type Clock } from '@js-joda/core'

/** The instant of a school-local date and "HH:MM" ("24:00" is the end of that day). */
export function schoolInstant(date: string, time: string, timezone: string): Instant {
  const zone = ZoneId.of(timezone)
  const day = LocalDate.parse(date)
  if (time === '24:00') return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant()
  return ZonedDateTime.of(day, LocalTime.parse(time), zone).toInstant()
}

/** Today's date where the school is. */
export function schoolToday(clock: Clock, timezone: string): LocalDate {
  return Instant.now(clock).atZone(ZoneId.of(timezone)).toLocalDate()
}

/** Whether `tz` names a zone this runtime knows (an IANA name such as "Europe/London"). */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz })
    return true
  } catch {
    return false
  }
}
