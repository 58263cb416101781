import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PinError, parseScenario, solve } from '../../solver/index.js'
import type { Rota, Scenario } from '../../solver/index.js'
import { weekArb } from '../support/solver/arbitrary.js'
import { crisisWeekArb, shuffled } from '../support/solver/crisis.js'

/** The rota, or what the pin problems say about which pins (by content, not by position). */
function outcome(sc: Scenario): Rota | string[] {
  try {
    return solve(sc)
  } catch (e) {
    if (!(e instanceof PinError)) throw e
    return e.problems
      .map((p) => {
        const i = Number(/^pins\[(\d+)\]/.exec(p.path)?.[1])
        return `${JSON.stringify(sc.pins?.[i])} ${p.message}`
      })
      .sort()
  }
}

describe('the rota is a function of the week, not of the order of its lists', () => {
  it('gives the identical rota for a week with every list shuffled', () => {
    fc.assert(
      fc.property(weekArb({ pins: true }), fc.integer(), (sc, seed) => {
        const mixed = shuffled(sc, seed)
        expect(parseScenario(mixed).ok).toBe(true)
        expect(outcome(mixed)).toEqual(outcome(sc))
      }),
      { numRuns: 60 },
    )
  })

  it('gives the identical rota for a shuffled crisis week and re-plan', () => {
    fc.assert(
      fc.property(crisisWeekArb({ replan: true }), fc.integer(), (sc, seed) => {
        expect(solve(shuffled(sc, seed))).toEqual(solve(sc))
      }),
      { numRuns: 20 },
    )
  })

  it('reports a bad pin at its place in the list as given', () => {
    const sc = {
      ...baseWithPins(),
      pins: [
        { staff: 'b', duty: 'yard', date: '2026-11-23', slot: 'break' },
        { staff: 'a', duty: 'nowhere', date: '2026-11-23', slot: 'break' },
      ],
    }
    const problems = (() => {
      try {
        solve(sc)
        return []
      } catch (e) {
        return (e as PinError).problems.map((p) => p.path)
      }
    })()
    expect(problems).toEqual(['pins[1]'])
  })
})

function baseWithPins(): Scenario {
  return {
    format: 'duty-rota/scenario@1',
    school: { name: 'Test School', timezone: 'Europe/London' },
    week: '2026-11-23',
    slots: [{ id: 'break', kind: 'break', start: '10:30', end: '10:50' }],
    grades: [{ id: 'G', name: 'Grade', dutyKinds: ['break'] }],
    staff: [
      { id: 'a', name: 'Ann Able', grade: 'G', hoursPerWeek: 37, pattern: { mon: { start: '08:00', end: '16:00' } } },
      { id: 'b', name: 'Ben Bell', grade: 'G', hoursPerWeek: 37, pattern: { mon: { start: '08:00', end: '16:00' } } },
    ],
    duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 1 }],
  }
}
