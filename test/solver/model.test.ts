// The group LP's columns: one per assignment a person may take, then the fairness tiers. A tier
// that took an assignment column's number would tie one person's fairness to another's duty,
// and could keep a seat empty that someone was free to take.
import { describe, expect, it } from 'vitest'
import { groupsOf } from '../../solver/decompose.js'
import { expandWeek } from '../../solver/expand.js'
import { buildGroupModel } from '../../solver/model.js'
import { RotaState } from '../../solver/state.js'
import { loadExample } from '../support/solver/scenarios.js'

const EXAMPLES = ['primary.json', 'secondary.json', 'large-secondary.json', 'residential.json']

describe('the group model of each example week', () => {
  for (const name of EXAMPLES) {
    it(`${name}: enters assignments only with +1 and numbers every fairness tier after them`, () => {
      const week = expandWeek(loadExample(name))
      const state = new RotaState(week)
      let tiersSeen = 0
      for (const group of groupsOf(week)) {
        const model = buildGroupModel({ week, occurrences: group.occurrences, state, pins: [], previous: new Set() })
        const assignments = model.columns.length
        for (const row of model.rows) {
          for (const [c, a] of row.terms) {
            expect(c).toBeGreaterThanOrEqual(0)
            expect(c).toBeLessThan(model.columnCount)
            if (c < assignments) expect(a).toBe(1)
            else tiersSeen++
          }
        }
      }
      expect(tiersSeen).toBeGreaterThan(0)
    })
  }
})
