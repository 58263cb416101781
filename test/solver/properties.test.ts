import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PinError, checkRota, parseScenario, solve } from '../../solver/index.js'
import type { Rota, Scenario } from '../../solver/index.js'
import { weekArb } from '../support/solver/arbitrary.js'

const RUNS = { numRuns: 60 }

function seatsOf(rota: Rota): Map<string, number> {
  const taken = new Map<string, number>()
  for (const a of rota.assignments) {
    const k = `${a.duty}|${a.date}|${a.slot ?? ''}`
    taken.set(k, (taken.get(k) ?? 0) + 1)
  }
  return taken
}

/** Solves, treating a PinError as the only acceptable failure. */
function solveOrPinError(sc: Scenario): Rota | PinError {
  try {
    return solve(sc)
  } catch (e) {
    if (e instanceof PinError) return e
    throw e
  }
}

describe('any week the format allows', () => {
  it('is a valid scenario (the generator itself is right)', () => {
    fc.assert(
      fc.property(weekArb({ pins: true }), (sc) => {
        const parsed = parseScenario(sc)
        expect(parsed.ok ? [] : parsed.problems).toEqual([])
      }),
      RUNS,
    )
  })

  it('gets a rota that keeps every hard rule and accounts for every empty seat', () => {
    fc.assert(
      fc.property(weekArb(), (sc) => {
        expect(checkRota(sc, solve(sc))).toEqual([])
      }),
      RUNS,
    )
  })

  it('gets the identical rota, in the identical order, when solved twice', () => {
    fc.assert(
      fc.property(weekArb({ pins: true }), (sc) => {
        const first = solveOrPinError(sc)
        const second = solveOrPinError(structuredClone(sc))
        if (first instanceof PinError) expect(second).toBeInstanceOf(PinError)
        else expect(second).toEqual(first)
      }),
      RUNS,
    )
  })

  it('never gives work to someone while they are absent', () => {
    fc.assert(
      fc.property(weekArb(), (sc) => {
        const wholeDayOff = new Set((sc.absences ?? []).filter((a) => a.start === undefined).map((a) => `${a.staff}|${a.date}`))
        for (const a of solve(sc).assignments) expect(wholeDayOff.has(`${a.staff}|${a.date}`)).toBe(false)
      }),
      RUNS,
    )
  })

  it('keeps every pin, or refuses the pins before solving with a path and a rule for each', () => {
    fc.assert(
      fc.property(weekArb({ pins: true }), (sc) => {
        const result = solveOrPinError(sc)
        if (result instanceof PinError) {
          expect(result.problems.length).toBeGreaterThan(0)
          for (const p of result.problems) {
            expect(p.path).toMatch(/^pins\[\d+\]$/)
            expect(p.message).toMatch(/^rule \d+: .{8,}/)
          }
          return
        }
        const have = new Set(result.assignments.map((a) => `${a.staff}|${a.duty}|${a.date}|${a.slot ?? ''}`))
        for (const pin of sc.pins ?? []) expect(have.has(`${pin.staff}|${pin.duty}|${pin.date}|${pin.slot ?? ''}`)).toBe(true)
        expect(checkRota(sc, result)).toEqual([])
      }),
      RUNS,
    )
  })

  it('rejects a pin on someone absent all day, naming the absence but not its reason', () => {
    fc.assert(
      fc.property(weekArb({ maxStaff: 3 }), (sc) => {
        const off = (sc.absences ?? []).find((a) => a.start === undefined)
        fc.pre(off !== undefined)
        // What they would have been given had they been in: a pin that breaks only the absence.
        const given = solve({ ...sc, absences: [] }).assignments.find((a) => a.date === off!.date && a.staff === off!.staff)
        fc.pre(given !== undefined)
        const pinned = { ...sc, pins: [given!] }
        const result = solveOrPinError(pinned)
        expect(result).toBeInstanceOf(PinError)
        const message = (result as PinError).problems[0]?.message ?? ''
        expect(message).toContain('absent')
        expect(message).not.toContain('sickness')
      }),
      RUNS,
    )
  })

  it('returns impossible demand as unfilled seats with reasons instead of failing', () => {
    fc.assert(
      fc.property(weekArb({ maxStaff: 3 }), (sc) => {
        // Every kind of seat is scaled past the staff list: events still run on closed days, so
        // scaling duties alone can leave a week whose only seats (events) are all fillable.
        const huge = {
          ...sc,
          duties: sc.duties.map((d) => ({ ...d, staff: 40 })),
          cover: (sc.cover ?? []).map((c) => ({ ...c, staff: 40 })),
          events: (sc.events ?? []).map((e) => ({ ...e, staff: 40 })),
        }
        const rota = solve(huge)
        fc.pre(((rota.stats?.seatsTotal as number) ?? 0) > 0)
        expect(rota.unfilled.length).toBeGreaterThan(0)
        for (const u of rota.unfilled) expect(u.reason.length).toBeGreaterThan(10)
        expect(checkRota(huge, rota)).toEqual([])
      }),
      { numRuns: 30 },
    )
  })

  it('lists exactly the seats it did not fill, once per occurrence', () => {
    fc.assert(
      fc.property(weekArb(), (sc) => {
        const rota = solve(sc)
        const taken = seatsOf(rota)
        const keys = rota.unfilled.map((u) => `${u.duty}|${u.date}|${u.slot ?? ''}`)
        expect(new Set(keys).size).toBe(keys.length)
        for (const u of rota.unfilled) expect(u.missing).toBeGreaterThan(0)
        const seats = (rota.stats?.seatsTotal as number) ?? 0
        const filled = [...taken.values()].reduce((a, b) => a + b, 0)
        expect(filled + rota.unfilled.reduce((a, u) => a + u.missing, 0)).toBe(seats)
      }),
      RUNS,
    )
  })
})
