import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { checkRota, solve } from '../../solver/index.js'
import { occurrenceKey } from '../../solver/expand.js'
import { priceGaps, relax } from '../../solver/gap-fixes.js'
import type { Rota } from '../../solver/scenario.js'
import { sharedChecker, type SharedCheck } from '../support/check-rota.js'
import { weekArb } from '../support/solver/arbitrary.js'

const STEPS = 300_000
const filledAt = (rota: Rota, key: string) => rota.assignments.filter((a) => occurrenceKey(a.duty, a.date, a.slot) === key).length

let shared: (scenario: unknown, rota: unknown) => SharedCheck

beforeAll(async () => {
  shared = await sharedChecker()
})

describe('every fix the price of a gap proposes', () => {
  it('fills at least the seat it names, when applied and re-planned, and breaks no hard rule', () => {
    let proposed = 0
    fc.assert(
      fc.property(weekArb(), (sc) => {
        const prices = priceGaps(sc, { budget: STEPS, seats: 3, perSeat: 3 })
        for (const { seat, fixes } of prices.seats) {
          const key = occurrenceKey(seat.duty, seat.date, seat.slot)
          for (const fix of fixes) {
            proposed++
            const relaxed = relax(sc, fix.relaxation)
            const rota = solve(relaxed, { budget: STEPS })
            expect(filledAt(rota, key)).toBeGreaterThan(filledAt(prices.baseline, key))
            expect(checkRota(relaxed, rota)).toEqual([])
            const independent = shared(relaxed, rota)
            expect(independent.violations).toEqual([])
            expect(independent.unfilledMismatch + independent.noReason).toBe(0)
          }
        }
      }),
      { numRuns: 40, seed: 1414 },
    )
    // A run that proposed nothing would prove nothing.
    expect(proposed).toBeGreaterThan(0)
  })
})
