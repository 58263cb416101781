import { describe, expect, it } from 'vitest'
import { solve } from '../../solver/index.js'
import type { Scenario } from '../../solver/index.js'
import { tinyWeek } from './helpers.js'

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
    expect(withPreference((sc) => { sc.staff[1]!.prefer = ['yard'] })).toEqual(['b'])
  })

  it('keeps the duty from someone who would avoid it', () => {
    expect(withPreference((sc) => { sc.staff[0]!.avoid = ['yard'] })).toEqual(['b'])
  })

  it('without preferences, leaves the tie to the first person', () => {
    expect(withPreference(() => {})).toEqual(['a'])
  })
})
