import { describe, expect, it } from 'vitest'
import { DEFAULT_STEPS, checkRota, solve } from '../../solver/index.js'
import { loadExample } from '../support/solver/scenarios.js'

describe('the step budget', () => {
  it('lets an ordinary week run every pass to its end and says so', () => {
    const rota = solve(loadExample('large-secondary.json'))
    expect(rota.stats?.stoppedEarly).toBe(false)
    expect(rota.stats?.budget).toBe(DEFAULT_STEPS)
    expect(rota.stats?.steps as number).toBeLessThan(DEFAULT_STEPS)
  })

  it('returns a rota that keeps every hard rule when the budget runs out, and says where it stopped', () => {
    const sc = loadExample('large-secondary.json')
    const full = solve(sc)
    const cut = solve(sc, { budget: Math.floor((full.stats?.steps as number) / 4) })
    expect(cut.stats?.stoppedEarly).toBe(true)
    expect(typeof cut.stats?.stoppedIn).toBe('string')
    expect(checkRota(sc, cut)).toEqual([])
    expect(cut.assignments.length).toBeGreaterThan(0)
  })

  it('still hands out the seats of a greedy rota on a budget of one step', () => {
    const sc = loadExample('secondary.json')
    const cut = solve(sc, { budget: 1 })
    expect(cut.stats?.stoppedEarly).toBe(true)
    expect(checkRota(sc, cut)).toEqual([])
    expect(cut.stats?.filledTotal as number).toBeGreaterThan(0)
  })

  it('gives the same rota twice for the same week and budget', () => {
    const sc = loadExample('large-secondary.json')
    expect(solve(sc, { budget: 200_000 })).toEqual(solve(sc, { budget: 200_000 }))
  })
})
