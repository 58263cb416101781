// School wall-clock times to instants. A school's "08:30" means 08:30 where the school is,
// whatever zone the server runs in (Workers run in UTC), so every conversion names the school's
// zone explicitly through js-joda and its tz database; nothing here reads the process zone.
// This is the one place that loads that database, and the one that says which zone names the
// app takes: the same list it computes with, so a zone accepted is a zone it can use.
import '@js-joda/timezone'
import { Instant, LocalDate, LocalTime, ZonedDateTime, ZoneId, ZoneRulesProvider, type Clock } from '@js-joda/core'

let known: ReadonlySet<string> | undefined

/**
 * True for an IANA zone name in js-joda's tz database, spelt as it spells it ("Europe/London").
 * Not ZoneId.of alone: that also takes offsets ("+01:00", "Z") and "SYSTEM", the process zone.
 * Not Intl: it takes names js-joda refuses ("europe/london"), which would fail later, at every
 * conversion of that school's times.
 */
export function isKnownTimeZone(name: string): boolean {
  known ??= new Set(ZoneRulesProvider.getAvailableZoneIds())
  return known.has(name)
}

/** A school's zone, from the database loaded above. */
export function schoolZone(timezone: string): ZoneId {
  return ZoneId.of(timezone)
}

/** The instant of a school-local date and "HH:MM" ("24:00" is the end of that day). */
export function schoolInstant(date: string, time: string, timezone: string): Instant {
  const zone = schoolZone(timezone)
  const day = LocalDate.parse(date)
  if (time === '24:00') return ZonedDateTime.of(day.plusDays(1), LocalTime.MIDNIGHT, zone).toInstant()
  return ZonedDateTime.of(day, LocalTime.parse(time), zone).toInstant()
}

/** Today's date where the school is. */
export function schoolToday(clock: Clock, timezone: string): LocalDate {
  return Instant.now(clock).atZone(schoolZone(timezone)).toLocalDate()
}
