// Which zone names the app takes: exactly those js-joda's tz database can compute with.
import { ZoneRulesProvider } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { isKnownTimeZone, schoolInstant } from '../../src/platform/zone.js'

describe('isKnownTimeZone', () => {
  it('takes the IANA names js-joda knows, recent ones too', () => {
    for (const name of ['Europe/London', 'Pacific/Auckland', 'America/Ciudad_Juarez', 'Europe/Kyiv', 'UTC']) expect(isKnownTimeZone(name), name).toBe(true)
  })

  it('refuses what js-joda cannot compute a school day with, or would compute in the process zone', () => {
    // "europe/london" passed the old Intl check (Intl ignores case) and then failed at every
    // conversion; "SYSTEM" is the server's own zone; offsets are not places with a clock change.
    for (const name of ['Mars/Olympus', 'europe/london', 'SYSTEM', '+01:00', 'Z', 'UTC+01:00', '']) expect(isKnownTimeZone(name), name).toBe(false)
  })

  it('is the list the app computes with: every name it takes gives a school instant', () => {
    const names = ZoneRulesProvider.getAvailableZoneIds()
    expect(names.length).toBeGreaterThan(400)
    for (const name of names) {
      expect(isKnownTimeZone(name), name).toBe(true)
      expect(() => schoolInstant('2026-10-26', '08:30', name), name).not.toThrow()
    }
  })
})
