import { describe, expect, it } from 'vitest'
import { DEFAULT_STEPS, checkRota, solve, type SolveProgress } from '../../solver/index.js'
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

describe('progress of a solve', () => {
  const reportsOf = (options: { budget?: number; progressEvery?: number } = {}) => {
    const reports: SolveProgress[] = []
    const rota = solve(loadExample('large-secondary.json'), { ...options, onProgress: (p) => reports.push(p) })
    return { reports, rota }
  }

  it('is told in steps that only grow, against the budget, ending done at the steps the rota says it used', () => {
    const { reports, rota } = reportsOf()
    expect(reports.length).toBeGreaterThan(3)
    for (const [i, r] of reports.entries()) {
      expect(r.budget).toBe(DEFAULT_STEPS)
      if (i > 0) expect(r.steps).toBeGreaterThanOrEqual(reports[i - 1]?.steps ?? 0)
    }
    expect(reports[0]?.stage).toBe('greedy start')
    expect(reports.at(-1)).toEqual({ stage: 'done', steps: rota.stats?.steps, budget: DEFAULT_STEPS })
  })

  it('within one stage comes only after another so many steps, never by the clock', () => {
    const every = 2_000
    const { reports } = reportsOf({ progressEvery: every })
    const inOneStage = reports.filter((r, i) => i > 0 && reports[i - 1]?.stage === r.stage)
    expect(inOneStage.length).toBeGreaterThan(0)
    for (const r of inOneStage) {
      const before = reports[reports.indexOf(r) - 1]
      expect(r.steps - (before?.steps ?? 0)).toBeGreaterThanOrEqual(every)
    }
  })

  it('is the same for the same week, and listening to it does not change the rota', () => {
    const first = reportsOf()
    expect(reportsOf().reports).toEqual(first.reports)
    expect(first.rota).toEqual(solve(loadExample('large-secondary.json')))
  })
})
