import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { expandWeek } from '../../solver/expand.js'
import { checkRota, solve } from '../../solver/index.js'
import type { Rota, Scenario, Unfilled } from '../../solver/index.js'
import { RotaState } from '../../solver/state.js'
import { crisisWeekArb } from '../support/solver/crisis.js'
import { place, rotaOf } from '../support/solver/rota-state.js'
import { tinyWeek } from '../support/solver/scenarios.js'

/** Who the independent checker lets take one more seat of `u` on top of `rota`. */
function freeFor(sc: Scenario, rota: Rota, u: Unfilled): string[] {
  const on = new Set(rota.assignments.filter((a) => a.duty === u.duty && a.date === u.date && a.slot === u.slot).map((a) => a.staff))
  return sc.staff
    .filter((person) => !on.has(person.id))
    .filter((person) => {
      const seat = { staff: person.id, duty: u.duty, date: u.date, ...(u.slot === undefined ? {} : { slot: u.slot }) }
      // Rule 0, the unfilled bookkeeping, always trips when a seat is added behind the rota's back.
      return checkRota(sc, { ...rota, assignments: [...rota.assignments, seat] }).every((p) => p.rule === 0)
    })
    .map((person) => person.id)
}

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

  it('never sends the manager to ease a limit while someone free could take the seat', () => {
    fc.assert(
      fc.property(crisisWeekArb({ maxStaff: 10 }), fc.infiniteStream(fc.boolean()), (sc, keep) => {
        // A rota with some of the solver's assignments taken out: the reasons alone must then tell
        // the manager who is free, whatever the solver would have done.
        const week = expandWeek(sc)
        const state = new RotaState(week)
        const kept = solve(sc).assignments.filter(() => keep.next().value)
        place(week, state, kept)
        const rota = rotaOf(week, state)
        for (const u of rota.unfilled) {
          const free = freeFor(sc, rota, u)
          expect(u.reason).not.toContain('eased')
          if (free.length === 0) expect(u.reason, u.reason).not.toContain('free then')
          else expect(u.reason, `${free.join(', ')} could sit`).toContain('free then and could be given it')
          if (free.length <= 4) for (const id of free) expect(u.reason).toContain(`(${id})`)
        }
      }),
      { numRuns: 60 },
    )
  })

  it('names the people free to take a seat the rota left empty', () => {
    const sc = tinyWeek()
    const week = expandWeek(sc)
    const rota = rotaOf(week, new RotaState(week))
    expect(rota.unfilled[0]?.reason).toBe('Ann Able (a), Ben Bell (b) are free then and could be given it')
  })
})
