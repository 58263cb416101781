import { describe, expect, it } from 'vitest'
import { INELIGIBLE, expandWeek, ineligibility } from '../../solver/expand.js'
import { tinyWeek } from '../support/solver/scenarios.js'

function why(sc: ReturnType<typeof tinyWeek>, staff: string, key: string) {
  const week = expandWeek(sc)
  const o = week.occurrenceByKey.get(key)
  if (!o) throw new Error(`no occurrence ${key}`)
  return ineligibility(week, week.staffIndex.get(staff) as number, o.index)
}

describe('occurrences of the week', () => {
  it('runs a duty once per day and slot it lists', () => {
    const sc = tinyWeek({ duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break', 'lunch1'], days: ['mon', 'tue'], staff: 2 }] })
    expect(expandWeek(sc).occurrences.map((o) => o.key)).toEqual([
      'yard|2026-11-23|break',
      'yard|2026-11-23|lunch1',
      'yard|2026-11-24|break',
      'yard|2026-11-24|lunch1',
    ])
  })

  it('runs no duty or cover on a closed date, but still runs events', () => {
    const sc = tinyWeek({
      closed: ['2026-11-23'],
      cover: [{ id: 'c1', date: '2026-11-23', slot: 'break' }],
      events: [{ id: 'inset', name: 'INSET', date: '2026-11-23', start: '09:00', end: '15:00' }],
    })
    expect(expandWeek(sc).occurrences.map((o) => o.key)).toEqual(['inset|2026-11-23|'])
  })

  it('skips a slot on the days it does not run', () => {
    const sc = tinyWeek({ duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue'], staff: 1 }] })
    sc.slots[0] = { ...sc.slots[0]!, days: ['tue'] }
    expect(expandWeek(sc).occurrences.map((o) => o.date)).toEqual(['2026-11-24'])
  })

  it('gives cover one person at priority 3 unless it says otherwise', () => {
    const o = expandWeek(tinyWeek({ cover: [{ id: 'c1', date: '2026-11-23', slot: 'break' }] })).occurrences[1]
    expect([o?.kind, o?.seats, o?.priority]).toEqual(['cover', 1, 3])
  })
})

describe('who may take an occurrence', () => {
  const key = 'yard|2026-11-23|break'
  it('rules out a grade that does not list the kind', () => {
    const sc = tinyWeek({ grades: [{ id: 'G', name: 'Lunch only', dutyKinds: ['lunch'] }] })
    expect(why(sc, 'a', key)).toBe(INELIGIBLE.grade)
  })
  it('rules out someone not working that weekday', () => {
    const sc = tinyWeek()
    sc.staff[0] = { ...sc.staff[0]!, pattern: { tue: { start: '08:00', end: '16:00' } } }
    expect(why(sc, 'a', key)).toBe(INELIGIBLE.notWorking)
  })
  it('rules out a slot outside their hours', () => {
    const sc = tinyWeek()
    sc.staff[0] = { ...sc.staff[0]!, pattern: { mon: { start: '11:00', end: '15:00' } } }
    expect(why(sc, 'a', key)).toBe(INELIGIBLE.outsideHours)
  })
  it('rules out someone absent for part of the slot', () => {
    expect(why(tinyWeek({ absences: [{ staff: 'a', date: '2026-11-23', start: '10:45', end: '11:30' }] }), 'a', key)).toBe(INELIGIBLE.absent)
  })
  it('rules out someone with a commitment then', () => {
    const sc = tinyWeek()
    sc.staff[0] = { ...sc.staff[0]!, commitments: [{ day: 'mon', start: '10:00', end: '11:00' }] }
    expect(why(sc, 'a', key)).toBe(INELIGIBLE.commitment)
  })
  it('rules out an event longer than the additional hours left', () => {
    const sc = tinyWeek({ events: [{ id: 'eve', name: 'Parents', date: '2026-11-23', start: '16:00', end: '19:00' }] })
    sc.staff[0] = { ...sc.staff[0]!, additionalHoursRemaining: 2.5 }
    sc.staff[1] = { ...sc.staff[1]!, additionalHoursRemaining: 3 }
    expect([why(sc, 'a', 'eve|2026-11-23|'), why(sc, 'b', 'eve|2026-11-23|')]).toEqual([INELIGIBLE.additionalHours, 0])
  })
  it('rules out a lunch block that with their commitments leaves no rest break', () => {
    const sc = tinyWeek({ duties: [{ id: 'hall', name: 'Hall', kind: 'lunch', slots: ['lunch1'], days: ['mon'], staff: 1 }] })
    sc.staff[0] = { ...sc.staff[0]!, commitments: [{ day: 'mon', start: '12:30', end: '13:00' }] }
    expect([why(sc, 'a', 'hall|2026-11-23|lunch1'), why(sc, 'b', 'hall|2026-11-23|lunch1')]).toEqual([INELIGIBLE.noRestBreak, 0])
  })
})
