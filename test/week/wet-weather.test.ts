// The week as the weather has it (src/week/wet-weather.ts): on a wet day the Sports hall runs in
// the Yard's place, and the published rota and the pins move with the posts, so the re-plan
// keeps the same people on duty.
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { rewriteForWeather, withWetWeather, type WetWeek } from '../../src/week/wet-weather.js'
import { tinyScenario } from '../support/week.js'

const MONDAY = '2026-11-23'
const TUESDAY = '2026-11-24'
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const

/** The tiny week with a Sports hall of two seats as the Yard's wet-weather alternative. */
function withHall(): Scenario {
  const s = tinyScenario()
  return {
    ...s,
    duties: [...s.duties, { id: 'hall', name: 'Sports hall', kind: 'break', slots: ['break'], days: [...WEEKDAYS], staff: 2 }],
  }
}

const wetOn = (...dates: string[]): WetWeek => ({ alternatives: [{ dry: 'yard', wet: 'hall' }], wetDates: dates })
const daysOf = (s: Scenario, id: string) => s.duties.find((d) => d.id === id)?.days

describe('a week with a wet day', () => {
  it('runs the alternative that day only, and its dry post every other day', () => {
    const planned = withWetWeather(withHall(), wetOn(TUESDAY))
    expect(daysOf(planned, 'hall')).toEqual(['tue'])
    expect(daysOf(planned, 'yard')).toEqual(['mon', 'wed', 'thu', 'fri'])
  })

  it('has no alternative at all while every day is dry', () => {
    const planned = withWetWeather(withHall(), wetOn())
    expect(planned.duties.map((d) => d.id)).toEqual(['yard'])
  })

  it('has no dry post at all when every day it runs is wet', () => {
    const planned = withWetWeather(withHall(), wetOn(MONDAY, TUESDAY, '2026-11-25', '2026-11-26', '2026-11-27'))
    expect(planned.duties.map((d) => d.id)).toEqual(['hall'])
  })

  it('leaves a school without alternatives exactly as it was', () => {
    const s = tinyScenario()
    expect(withWetWeather(s, { alternatives: [], wetDates: [TUESDAY] })).toBe(s)
  })

  it("moves the published Yard duty of the wet day onto the Sports hall, and keeps the other days' as they were", () => {
    const s = {
      ...withHall(),
      previous: [
        { staff: 'ann', duty: 'yard', date: MONDAY, slot: 'break' },
        { staff: 'ben', duty: 'yard', date: TUESDAY, slot: 'break' },
      ],
    }
    expect(withWetWeather(s, wetOn(TUESDAY)).previous).toEqual([
      { staff: 'ann', duty: 'yard', date: MONDAY, slot: 'break' },
      { staff: 'ben', duty: 'hall', date: TUESDAY, slot: 'break' },
    ])
  })

  it('moves a published Sports hall duty back onto the Yard once the day is dry again', () => {
    const s = { ...withHall(), previous: [{ staff: 'ben', duty: 'hall', date: TUESDAY, slot: 'break' }] }
    expect(withWetWeather(s, wetOn()).previous).toEqual([{ staff: 'ben', duty: 'yard', date: TUESDAY, slot: 'break' }])
  })

  it('moves a pin on the Yard of the wet day onto the Sports hall, so the pin still holds', () => {
    const s = { ...withHall(), pins: [{ staff: 'cat', duty: 'yard', date: TUESDAY, slot: 'break' }] }
    expect(withWetWeather(s, wetOn(TUESDAY)).pins).toEqual([{ staff: 'cat', duty: 'hall', date: TUESDAY, slot: 'break' }])
  })

  it('drops what names a post that is not in the week, so the scenario still reads', () => {
    const s = withHall()
    const staff = s.staff.map((p, i) => (i === 0 ? { ...p, prefer: ['hall'], avoid: ['yard'] } : p))
    const planned = withWetWeather({ ...s, staff }, wetOn())
    expect([planned.staff[0]?.prefer, planned.staff[0]?.avoid]).toEqual([[], ['yard']])
  })
})

describe('moving an assignment between a post and its alternative', () => {
  const duties = [
    { id: 'yard', name: 'Yard', kind: 'break' as const, slots: ['break', 'lunch'], days: [...WEEKDAYS], staff: 1 },
    { id: 'hall', name: 'Sports hall', kind: 'break' as const, slots: ['am', 'pm'], days: [...WEEKDAYS], staff: 2 },
  ]

  it('takes the slot in the same place of the other post when it does not run in the same one', () => {
    const moved = rewriteForWeather([{ staff: 'ann', duty: 'yard', date: TUESDAY, slot: 'lunch' }], duties, wetOn(TUESDAY))
    expect(moved).toEqual([{ staff: 'ann', duty: 'hall', date: TUESDAY, slot: 'pm' }])
  })

  it('leaves cover, events and posts without an alternative alone', () => {
    const others = [
      { staff: 'ann', duty: 'c1', date: TUESDAY, slot: 'p1' },
      { staff: 'ben', duty: 'parents-eve', date: TUESDAY },
    ]
    expect(rewriteForWeather(others, duties, wetOn(TUESDAY))).toEqual(others)
  })
})
