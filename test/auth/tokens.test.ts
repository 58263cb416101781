import { Instant } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { hashToken, isoInstant, looksLikeToken, newToken } from '../../src/platform/tokens.js'

describe('tokens', () => {
  it('are 256 random bits in 43 URL-safe characters, never repeated', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const t = newToken()
      expect(looksLikeToken(t)).toBe(true)
      seen.add(t)
    }
    expect(seen.size).toBe(1000)
  })

  it('are stored as their SHA-256 in hex (the known digest of "abc")', async () => {
    expect(await hashToken('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
  })

  it('reject anything that is not shaped like one of ours before any lookup', () => {
    for (const bad of [undefined, null, '', 'x', `${newToken()}x`, `${newToken().slice(1)}!`]) expect(looksLikeToken(bad)).toBe(false)
  })

  it('instants print at fixed width so that they compare as strings', () => {
    const whole = isoInstant(Instant.parse('2026-11-23T09:00:00Z'))
    const half = isoInstant(Instant.parse('2026-11-23T09:00:00.500Z'))
    expect(whole).toBe('2026-11-23T09:00:00.000Z')
    expect(whole < half).toBe(true)
  })
})
