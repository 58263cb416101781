import { describe, expect, it } from 'vitest'
import { solve } from '../../solver/index.js'
import { tinyWeek } from '../support/solver/scenarios.js'

describe('why a seat is unfilled', () => {
  it('names the skill and what stopped each holder of it', () => {
    const sc = tinyWeek({
      duties: [
        { id: 'hall', name: 'Dining hall', kind: 'break', slots: ['break'], days: ['mon'], staff: 1, skills: { 'first-aid': 1 }, priority: 1 },
        { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 1, skills: { 'first-aid': 1 }, priority: 2 },
      ],
    })
    const rota = solve(sc)
    expect(rota.unfilled).toEqual([
      {
        duty: 'yard',
        date: '2026-11-23',
        slot: 'break',
        missing: 1,
        reason: 'needs first-aid: the only one of the first-aid holders is Ann Able (a) on Dining hall then',
      },
    ])
  })

  it('says "absent" and never why', () => {
    const sc = tinyWeek({
      absences: [
        { staff: 'a', date: '2026-11-23', reason: 'sickness' },
        { staff: 'b', date: '2026-11-23', reason: 'sickness' },
      ],
    })
    const reason = solve(sc).unfilled[0]?.reason ?? ''
    expect(reason).toContain('absent')
    expect(reason).not.toContain('sickness')
  })

  it('summarises many candidates by cause', () => {
    const staff = Array.from({ length: 8 }, (_, i) => ({
      id: `t${i}`,
      name: `T ${i}`,
      grade: 'G',
      hoursPerWeek: 37,
      pattern: { tue: { start: '08:00', end: '16:00' } },
    }))
    const reason = solve(tinyWeek({ staff })).unfilled[0]?.reason
    expect(reason).toBe('of 8 staff: 8 not working Monday')
  })

  it('reports one entry per occurrence with the number of seats left', () => {
    const sc = tinyWeek({ duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 5 }] })
    const rota = solve(sc)
    expect(rota.unfilled.map((u) => u.missing)).toEqual([3])
  })
})
