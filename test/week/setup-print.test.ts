// What a rota remembers of the week it was made for, so the week page can say what changed
// since: now its cover requests and events too. A rota printed before they were kept is not
// taken to have had none, or every request would read as added since.
import { describe, expect, it } from 'vitest'
import { setupChanges, setupPrint } from '../../src/week/setup-print.js'
import { tinyScenario } from '../support/week.js'

const week = () => ({
  ...tinyScenario(),
  cover: [{ id: 'c1', date: '2026-11-24', slot: 'p1', label: '9X Maths', staff: 1 }],
  events: [{ id: 'pe', name: "Parents' evening", date: '2026-11-25', start: '16:00', end: '18:00', staff: 2 }],
})

describe('the setup print of a week', () => {
  it('names a cover request moved to another day, and an event added, since the rota was made', () => {
    const then = setupPrint({ ...week(), events: [] })
    const now = setupPrint({ ...week(), cover: [{ id: 'c1', date: '2026-11-26', slot: 'p1', label: '9X Maths', staff: 1 }] })
    expect(setupChanges(then, now)).toEqual([
      { list: 'cover', code: 'c1', name: '9X Maths', change: { fields: [1] } },
      { list: 'events', code: 'pe', name: "Parents' evening", change: 'added' },
    ])
  })

  it('says nothing of cover or events against a print made before they were printed', () => {
    const { cover: _c, events: _e, ...older } = setupPrint(week())
    expect(setupChanges(older, setupPrint(week()))).toEqual([])
  })

  it('does not count a new label as a change the rota must follow', () => {
    const relabelled = { ...week(), cover: [{ id: 'c1', date: '2026-11-24', slot: 'p1', label: '9X Maths, room M4', staff: 1 }] }
    expect(setupChanges(setupPrint(week()), setupPrint(relabelled))).toEqual([])
  })
})
