import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRota, solve } from '../../solver/index.js'
import type { Scenario } from '../../solver/index.js'
import { expandWeek } from '../../solver/expand.js'
import { unfairness } from '../../solver/fairness.js'
import { honourPreferences } from '../../solver/preferences.js'
import { RotaState } from '../../solver/state.js'
import { weekArb } from '../support/solver/arbitrary.js'
import { tinyWeek } from '../support/solver/scenarios.js'
import { drawn, holds, place, rotaOf } from '../support/solver/rota-state.js'

/** Two people alike in load and contract, one yard duty: only a preference tells them apart. */
function withPreference(change: (sc: Scenario) => void): string[] {
  const sc = structuredClone(tinyWeek())
  change(sc)
  return solve(sc).assignments.map((a) => a.staff)
}

describe('preferences on a full group', () => {
  // The greedy start gives the seat to the first person; the group LP must still run to honour
  // a preference, even though every seat of the group is already filled.
  it('gives the duty to someone who prefers it', () => {
    expect(
      withPreference((sc) => {
        sc.staff[1]!.prefer = ['yard']
      }),
    ).toEqual(['b'])
  })

  it('keeps the duty from someone who would avoid it', () => {
    expect(
      withPreference((sc) => {
        sc.staff[0]!.avoid = ['yard']
      }),
    ).toEqual(['b'])
  })

  it('without preferences, leaves the tie to the first person', () => {
    expect(withPreference(() => {})).toEqual(['a'])
  })
})

describe('the preference pass', () => {
  const score = (sc: Scenario, rota: { assignments: { staff: string; duty: string }[] }) => {
    const by = new Map(sc.staff.map((s) => [s.id, s]))
    return rota.assignments.reduce((n, a) => n + (by.get(a.staff)?.prefer?.includes(a.duty) ? 1 : 0) - (by.get(a.staff)?.avoid?.includes(a.duty) ? 1 : 0), 0)
  }

  it('swaps two duties between people so each gets the one they prefer, leaving counts alone', () => {
    const base = tinyWeek()
    const sc: Scenario = tinyWeek({
      staff: [
        { ...base.staff[0]!, avoid: ['yard'] },
        { ...base.staff[1]!, prefer: ['yard'] },
      ],
      duties: [base.duties[0]!, { ...base.duties[0]!, id: 'gate', name: 'Gate', slots: ['lunch1'] }],
    })
    const week = expandWeek(sc)
    const state = new RotaState(week)
    place(week, state, [
      { staff: 'a', duty: 'yard', date: '2026-11-23', slot: 'break' },
      { staff: 'b', duty: 'gate', date: '2026-11-23', slot: 'lunch1' },
    ])
    const report = honourPreferences(week, state, new Set(), new Set(), 1000)
    expect(report.moves).toBe(1)
    expect(
      rotaOf(week, state)
        .assignments.map((a) => `${a.staff} ${a.duty}`)
        .sort(),
    ).toEqual(['a gate', 'b yard'])
  })

  it('never changes U, a seat, a pin or a kept assignment, never lowers the preference score, never breaks a rule', () => {
    fc.assert(
      fc.property(
        weekArb(),
        fc.array(fc.nat(), { maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(6), fc.nat(3), fc.boolean()), { maxLength: 8 }),
        (drawnWeek, order, likes) => {
          const sc = structuredClone(drawnWeek)
          for (const [who, what, prefers] of likes) {
            const person = sc.staff[who % sc.staff.length]!
            const duty = sc.duties[what % sc.duties.length]!.id
            if (prefers && !person.avoid?.includes(duty)) person.prefer = [...(person.prefer ?? []), duty]
            if (!prefers && !person.prefer?.includes(duty)) person.avoid = [...(person.avoid ?? []), duty]
          }
          const week = expandWeek(sc)
          const state = new RotaState(week)
          const kept = place(week, state, sc.previous ?? [])
          const pins = new Set([...kept].filter((_, i) => i % 2 === 0))
          place(week, state, drawn(week, order))
          const filled = week.occurrences.map((o) => state.filled(o.index))
          const u = unfairness(week, state)
          const before = score(sc, rotaOf(week, state))
          honourPreferences(week, state, pins, kept, 5000)
          const rota = rotaOf(week, state)
          expect(unfairness(week, state)).toBeCloseTo(u, 9)
          expect(week.occurrences.map((o) => state.filled(o.index))).toEqual(filled)
          for (const k of kept) expect(holds(state, k)).toBe(true)
          expect(score(sc, rota)).toBeGreaterThanOrEqual(before)
          expect(checkRota(sc, rota)).toEqual([])
        },
      ),
      { numRuns: 100 },
    )
  })
})
