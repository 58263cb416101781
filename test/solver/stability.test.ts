import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRota } from '../../solver/index.js'
import type { Assignment, Scenario } from '../../solver/index.js'
import { expandWeek } from '../../solver/expand.js'
import { restorePublished } from '../../solver/stability.js'
import { RotaState } from '../../solver/state.js'
import { weekArb } from '../support/solver/arbitrary.js'
import { drawn, pairOf, place, rotaOf } from '../support/solver/rota-state.js'
import { tinyWeek } from '../support/solver/scenarios.js'

const kept = (state: RotaState, previous: Set<string>) => [...previous].filter((k) => state.has(...(k.split('|').map(Number) as [number, number]))).length

describe('the re-plan repair pass', () => {
  it('puts a published person back and gives the seat they moved to to someone free', () => {
    const base = tinyWeek()
    const sc: Scenario = tinyWeek({
      staff: [...base.staff, { ...base.staff[1]!, id: 'c', name: 'Cat Cole' }],
      duties: [base.duties[0]!, { ...base.duties[0]!, id: 'gate', name: 'Gate' }],
    })
    const week = expandWeek(sc)
    const state = new RotaState(week)
    const published: Assignment = { staff: 'a', duty: 'yard', date: '2026-11-23', slot: 'break' }
    const previous = new Set([pairOf(week, published)!.join('|')])
    place(week, state, [
      { staff: 'a', duty: 'gate', date: '2026-11-23', slot: 'break' },
      { staff: 'b', duty: 'yard', date: '2026-11-23', slot: 'break' },
    ])
    const report = restorePublished(week, state, new Set(), previous, 1000)
    expect(report.restored).toBe(1)
    expect(kept(state, previous)).toBe(1)
    expect(week.occurrences.map((o) => state.filled(o.index))).toEqual([1, 1])
    expect(checkRota(sc, rotaOf(week, state))).toEqual([])
  })

  it('never empties a seat, moves a pin, gives up a kept assignment or breaks a rule', () => {
    fc.assert(
      fc.property(weekArb(), fc.array(fc.nat(), { maxLength: 40 }), (sc, order) => {
        const week = expandWeek(sc)
        const state = new RotaState(week)
        // A rota drawn at random through the gate, with the published rota only partly in it.
        place(week, state, drawn(week, order))
        place(
          week,
          state,
          (sc.previous ?? []).filter((_, i) => i % 2 === 0),
        )
        const previous = new Set((sc.previous ?? []).map((a) => pairOf(week, a)?.join('|')).filter((k): k is string => k !== undefined))
        const pins = new Set([...previous].filter((k, i) => i % 3 === 0 && state.has(...(k.split('|').map(Number) as [number, number]))))
        const filled = week.occurrences.map((o) => state.filled(o.index))
        const before = kept(state, previous)
        restorePublished(week, state, pins, previous, 10_000)
        expect(kept(state, previous)).toBeGreaterThanOrEqual(before)
        for (const o of week.occurrences) expect(state.filled(o.index)).toBeGreaterThanOrEqual(filled[o.index]!)
        for (const k of pins) expect(state.has(...(k.split('|').map(Number) as [number, number]))).toBe(true)
        expect(checkRota(sc, rotaOf(week, state))).toEqual([])
      }),
      { numRuns: 100 },
    )
  })
})
