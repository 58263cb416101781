import fc from 'fast-check'
import { readdirSync } from 'node:fs'
import { beforeAll, describe, expect, it } from 'vitest'
import { loadHighs, solveExact } from '../../bench/exact.js'
import { proveSeats } from '../../solver/bound.js'
import type { SeatProof } from '../../solver/bound.js'
import { expandWeek } from '../../solver/expand.js'
import { solve } from '../../solver/index.js'
import type { Rota, Scenario } from '../../solver/index.js'
import { RotaState } from '../../solver/state.js'
import { weekArb } from '../support/solver/arbitrary.js'
import { crisisWeekArb } from '../support/solver/crisis.js'
import { optimalPriorities } from '../support/solver/exact-reference.js'
import { examplesDir, loadExample, tinyWeek } from '../support/solver/scenarios.js'

const proofOf = (rota: Rota): SeatProof => rota.stats?.proof as SeatProof

/**
 * The bound against the exact optimum: never below it, and "proved" only where the rota meets it.
 * Past the first stage HiGHS did not finish the reference is no optimum; that stage's own count
 * is still a lawful rota's, so the bound must reach it.
 */
async function boundHolds(sc: Scenario): Promise<void> {
  const rota = solve(sc)
  const exact = await solveExact(sc, { timeLimitPerStage: 20 })
  const optimal = optimalPriorities(exact)
  for (const { priority, filled, bound, proved } of proofOf(rota).byPriority) {
    const reached = exact.filled[priority] ?? 0
    expect(bound, `priority ${priority}: bound below a lawful rota's seats`).toBeGreaterThanOrEqual(reached)
    expect(filled).toBeLessThanOrEqual(bound)
    if (!optimal.includes(priority)) return
    if (proved) expect(filled, `priority ${priority}: proved, yet the optimum fills more`).toBe(reached)
    // Past a priority the rota does not prove, "proved" says no rota fills more of this one at
    // all; the optimum may fill fewer of it, having given its people to the priority above.
    if (!proved) return
  }
}

describe('the bound on seats per priority', () => {
  beforeAll(async () => {
    await loadHighs()
  })

  it('is never below the exact optimum on crisis weeks and their re-plans', async () => {
    await fc.assert(fc.asyncProperty(crisisWeekArb({ maxStaff: 10, replan: true }), boundHolds), { numRuns: 40 })
  })

  it('is never below the exact optimum on any small week', async () => {
    await fc.assert(fc.asyncProperty(weekArb(), boundHolds), { numRuns: 60 })
  })
})

describe('the proof on the rota', () => {
  it.each(readdirSync(examplesDir).filter((f) => f.endsWith('.json')))('is found for every priority of %s', (file) => {
    const proof = proofOf(solve(loadExample(file)))
    expect(proof.complete).toBe(true)
    expect(proof.byPriority.filter((p) => !p.proved)).toEqual([])
  })

  it('proves a short week full where no more staff exist, below its seat count', () => {
    const sc = tinyWeek({ duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 5 }] })
    expect(proofOf(solve(sc)).byPriority).toEqual([{ priority: 3, filled: 2, bound: 2, proved: true }])
  })

  it('counts a weekly limit that holds across days', () => {
    const staff = tinyWeek().staff.map((s) => ({ ...s, maxDutiesPerWeek: 1, pattern: { mon: s.pattern.mon!, tue: s.pattern.mon! } }))
    const sc = tinyWeek({ staff, duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue'], staff: 2 }] })
    expect(proofOf(solve(sc)).byPriority).toEqual([{ priority: 3, filled: 2, bound: 2, proved: true }])
  })

  it('shows the gap of a rota that leaves seats someone could fill', () => {
    const sc = loadExample('secondary.json')
    const week = expandWeek(sc)
    const empty = proveSeats(week, new RotaState(week))
    const solved = proofOf(solve(sc))
    expect(empty.byPriority.map((p) => p.proved)).toEqual(solved.byPriority.map(() => false))
    // The first priority's bound does not depend on the rota; the lower ones are then bounded alone.
    expect(empty.byPriority[0]?.bound).toBe(solved.byPriority[0]?.bound)
    for (const [i, p] of empty.byPriority.entries()) expect(p.bound).toBeGreaterThanOrEqual(solved.byPriority[i]?.bound ?? 0)
  })

  it('claims nothing it has not shown when its step budget runs out', () => {
    const sc = loadExample('secondary.json')
    const week = expandWeek(sc)
    const proof = proveSeats(week, new RotaState(week), 1_000)
    expect(proof.complete).toBe(false)
    const seats = new Map<number, number>()
    for (const o of week.occurrences) seats.set(o.priority, (seats.get(o.priority) ?? 0) + o.seats)
    expect(proof.byPriority.map((p) => [p.priority, p.bound, p.proved])).toEqual([...seats].sort((a, b) => a[0] - b[0]).map(([pr, n]) => [pr, n, false]))
  })
})
