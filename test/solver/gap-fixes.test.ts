import { describe, expect, it } from 'vitest'
import { fillsWithoutCost, priceGaps, relax, type Relaxation } from '../../solver/gap-fixes.js'
import type { Rota, Scenario, Staff } from '../../solver/scenario.js'
import { tinyWeek } from '../support/solver/scenarios.js'

const MON = { mon: { start: '08:00', end: '16:00' } }
const person = (id: string, name: string, extra: Partial<Staff> = {}): Staff => ({ id, name, grade: 'G', hoursPerWeek: 37, pattern: MON, ...extra })

/** Two yard seats at break; Nia must take the gate at lunch (Ben has gone by then), her one duty of the week. */
function cappedWeek(): Scenario {
  return tinyWeek({
    staff: [person('nia', 'Nia Khan', { maxDutiesPerWeek: 1 }), person('ben', 'Ben Jones', { pattern: { mon: { start: '08:00', end: '12:00' } } })],
    duties: [
      { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 2 },
      { id: 'gate', name: 'Gate', kind: 'lunch', slots: ['lunch1'], days: ['mon'], staff: 1, priority: 1 },
    ],
  })
}

/** An evening event longer than the one free colleague's additional hours left. */
function eveningWeek(): Scenario {
  return tinyWeek({
    staff: [person('ben', 'Ben Jones', { additionalHoursRemaining: 1.5 })],
    duties: [],
    events: [{ id: 'pe', name: "Parents' evening", date: '2026-11-23', start: '17:00', end: '19:00' }],
  })
}

/** On-call that only one grade may do, and its one holder is away; Grade B works then. */
function gradedWeek(): Scenario {
  return tinyWeek({
    grades: [
      { id: 'A', name: 'Grade A', dutyKinds: ['oncall'] },
      { id: 'B', name: 'Grade B', dutyKinds: ['break'] },
    ],
    staff: [person('ann', 'Ann Able', { grade: 'A' }), person('bea', 'Bea Bright', { grade: 'B' })],
    duties: [{ id: 'call', name: 'On call', kind: 'oncall', slots: ['break'], days: ['mon'], staff: 1 }],
    absences: [{ staff: 'ann', date: '2026-11-23' }],
  })
}

const kinds = (fixes: { relaxation: Relaxation }[]) => fixes.map((f) => f.relaxation)

describe('the price of a gap', () => {
  it('offers a capped colleague one duty over her cap, and the what-if fills the seat', () => {
    const { seats } = priceGaps(cappedWeek())
    const yard = seats.find((s) => s.seat.duty === 'yard')
    expect(kinds(yard?.fixes ?? [])).toEqual([{ kind: 'extra-duty', staff: 'nia', cap: 1 }])
    expect(yard?.fixes[0]?.rota.unfilled).toEqual([])
  })

  it('offers just the additional hours an event needs beyond what is left', () => {
    const { seats } = priceGaps(eveningWeek())
    expect(kinds(seats[0]?.fixes ?? [])).toEqual([{ kind: 'additional-hours', staff: 'ben', hours: 0.5, remaining: 1.5 }])
  })

  it('offers to let a grade do the kind of work when the grade is all that stops its holder', () => {
    const { seats } = priceGaps(gradedWeek())
    expect(kinds(seats[0]?.fixes ?? [])).toEqual([{ kind: 'grade-kind', grade: 'B', dutyKind: 'oncall' }])
  })

  it('offers nothing for a seat no change of cap, hours or grade could fill', () => {
    const week = gradedWeek()
    const nobodyElse = { ...week, staff: week.staff.filter((s) => s.id === 'ann') }
    const { seats } = priceGaps(nobodyElse)
    expect(seats).toEqual([{ seat: { duty: 'call', date: '2026-11-23', slot: 'break' }, missing: 1, fixes: [] }])
  })

  it('drops a change whose re-plan fills the seat but leaves a seat of any priority emptier', () => {
    const rota = (filled: Record<string, number>, staff: string[]): Rota => ({
      format: 'duty-rota/rota@1',
      assignments: staff.map((s) => ({ staff: s, duty: 'yard', date: '2026-11-23', slot: 'break' })),
      unfilled: [],
      stats: { filled },
    })
    const key = 'yard|2026-11-23|break'
    expect(fillsWithoutCost(rota({ 1: 1, 3: 0 }, []), rota({ 1: 1, 3: 1 }, ['nia']), key)).toBe(true)
    expect(fillsWithoutCost(rota({ 1: 1, 3: 0 }, []), rota({ 1: 0, 3: 1 }, ['nia']), key)).toBe(false)
    expect(fillsWithoutCost(rota({ 1: 1, 3: 1 }, ['ben']), rota({ 1: 1, 3: 1 }, ['nia']), key)).toBe(false)
  })

  it('stops trying candidates once the step budget is spent, and says so', () => {
    const prices = priceGaps(cappedWeek(), { totalSteps: 1 })
    expect(prices.cut).toBe(true)
    expect(prices.seats.flatMap((s) => s.fixes)).toEqual([])
  })

  it('takes candidates from another source, such as supply staff, as one more kind of change', () => {
    const supply = person('sup', 'Sam Supply')
    const { seats } = priceGaps(gradedWeek(), { sources: [() => [{ kind: 'add-staff', staff: { ...supply, grade: 'A' }, source: 'supply' }]] })
    expect(kinds(seats[0]?.fixes ?? []).map((r) => r.kind)).toEqual(['add-staff'])
  })

  it('applies a change to a copy of the week, leaving the week as it was', () => {
    const week = cappedWeek()
    const relaxed = relax(week, { kind: 'extra-duty', staff: 'nia', cap: 1 })
    expect(relaxed.staff.find((s) => s.id === 'nia')?.maxDutiesPerWeek).toBe(2)
    expect(week.staff.find((s) => s.id === 'nia')?.maxDutiesPerWeek).toBe(1)
  })
})
