// The week page's figures: which seats run, who fills them, what is unfilled and why, and each
// person's load against their fair share.
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { buildWeekModel } from '../../src/manager/week-model.js'

const day = { start: '08:00', end: '15:50' }
const scenario: Scenario = {
  format: 'duty-rota/scenario@1',
  school: { name: 'Elm Tree Primary', timezone: 'Europe/London' },
  week: '2026-11-23',
  closed: ['2026-11-27'],
  slots: [
    { id: 'break', kind: 'break', start: '10:50', end: '11:10' },
    { id: 'lunch', kind: 'lunch', start: '12:10', end: '12:40', days: ['mon', 'tue'] },
  ],
  grades: [{ id: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] }],
  staff: [
    { id: 'AP', name: 'Amira Patel', grade: 'G4', hoursPerWeek: 30, pattern: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    { id: 'BJ', name: 'Ben Jones', grade: 'G4', hoursPerWeek: 15, pattern: { mon: day, tue: day } },
  ],
  duties: [
    { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 2 },
    { id: 'hall', name: 'Dining hall', kind: 'lunch', slots: ['lunch'], days: ['mon', 'tue', 'wed'], staff: 1 },
  ],
  absences: [{ staff: 'BJ', date: '2026-11-24' }],
  cover: [{ id: 'c1', date: '2026-11-25', slot: 'break', label: '9X Maths' }],
  events: [{ id: 'pe', name: "Parents' evening", date: '2026-11-25', start: '16:00', end: '19:00', staff: 1 }],
}

const rota = {
  assignments: [
    { staff: 'AP', duty: 'yard', date: '2026-11-23', slot: 'break' },
    { staff: 'BJ', duty: 'yard', date: '2026-11-23', slot: 'break' },
    { staff: 'AP', duty: 'hall', date: '2026-11-24', slot: 'lunch' },
    { staff: 'AP', duty: 'pe', date: '2026-11-25' },
  ],
  unfilled: [{ duty: 'yard', date: '2026-11-24', slot: 'break', missing: 1, reason: 'BJ is absent; AP is on nothing else but yard needs two' }],
}

const overrides = [
  { id: 'ovr_1', kind: 'pin' as const, staff: 'AP', duty: 'yard', date: '2026-11-23', slot: 'break' },
  { id: 'ovr_2', kind: 'bar' as const, staff: 'BJ', duty: 'hall', date: '2026-11-24', slot: 'lunch' },
]

describe('the week model', () => {
  const model = buildWeekModel(scenario, rota, overrides)

  it('shows Monday to Friday, marking the closure day', () => {
    expect(model.days.map((d) => [d.weekday, d.closed])).toEqual([
      ['mon', false],
      ['tue', false],
      ['wed', false],
      ['thu', false],
      ['fri', true],
    ])
  })

  it('has a row per duty post and slot, then cover, then events, each running only where it can', () => {
    expect(model.posts.map((p) => [p.section, p.what, p.time, p.cells.map((c) => (c.runs ? 'x' : '.')).join('')])).toEqual([
      ['duty', 'Yard', '10:50-11:10', 'xxxx.'],
      ['duty', 'Dining hall', '12:10-12:40', 'xx...'], // lunch runs Mon and Tue only
      ['cover', 'Cover: 9X Maths', '10:50-11:10', '..x..'],
      ['event', "Parents' evening", '16:00-19:00', '..x..'],
    ])
  })

  it('names who fills each seat, marks pins and bars, and gives an unfilled seat its reason', () => {
    const yard = model.posts[0]?.cells
    expect(yard?.[0]?.people).toEqual([
      { staff: 'AP', name: 'Amira Patel', pinId: 'ovr_1' },
      { staff: 'BJ', name: 'Ben Jones' },
    ])
    expect(yard?.[1]).toMatchObject({ people: [], needed: 2, missing: 1, reason: expect.stringMatching(/^BJ is absent/) })
    expect(model.posts[1]?.cells[1]?.barred).toEqual([{ staff: 'BJ', name: 'Ben Jones', barId: 'ovr_2' }])
    expect(model.unfilled).toEqual([{ work: 'yard', what: 'Yard', date: '2026-11-24', slot: 'break', missing: 1, reason: expect.any(String) }])
  })

  it('counts seats: every running seat is needed, unfilled ones and ones the rota left out are not filled', () => {
    // yard 4 days x 2, hall 2 days, cover 1, event 1; the rota seats 5 and answers for 1 unfilled,
    // so the 6 it says nothing about (as for a post added after it was made) are not planned
    expect(model.seats).toEqual({ needed: 12, filled: 5 })
    expect(model.unplanned).toBe(6)
  })

  it('does not count the empty seats of work already over when a mid-week draft was made, nor call them unplanned', () => {
    // made on Tuesday at 11:00: Monday's seats and Tuesday's break had started; lunch had not.
    // Monday's empty hall seat is over; Tuesday's yard has its answer (unfilled); Wednesday's and
    // Thursday's yard and the cover, still to come, stay unplanned as before
    const midWeek = buildWeekModel(scenario, { ...rota, stats: { past: { before: '2026-11-24T11:00' } } }, overrides)
    expect(midWeek.over).toBe(1)
    expect(midWeek.unplanned).toBe(5)
    expect(midWeek.seats).toEqual({ needed: 11, filled: 5 })
    expect(midWeek.posts[1]?.cells[0]).toMatchObject({ over: 1, unplanned: 0 })
  })

  it("lists each person's week by surname, with whole-day absences, and their load against a share in proportion to hours", () => {
    // Jones before Patel
    const [ben, amira] = model.people
    expect(amira?.days.map((d) => d.duties.map((x) => x.what))).toEqual([['Yard'], ['Dining hall'], ["Parents' evening"], [], []])
    expect(amira?.days[0]?.duties[0]?.pinned).toBe(true)
    expect(ben?.days.map((d) => [d.absent, d.worksToday])).toEqual([
      [false, true],
      [true, true],
      [false, false],
      [false, false],
      [false, false],
    ])
    // 3 duties (the event counts as hours, not a duty), hours 30:15 -> shares 2 and 1
    expect([amira?.load, amira?.fairShare, ben?.load, ben?.fairShare]).toEqual([2, 2, 1, 1])
  })

  it('shows the seats with nobody in them before anything is generated', () => {
    const empty = buildWeekModel(scenario, null, [])
    expect(empty.posts[0]?.cells[0]).toMatchObject({ people: [], needed: 2, missing: 0 })
    expect(empty.seats).toEqual({ needed: 12, filled: 0 })
    expect(empty.people.every((p) => p.load === 0 && p.fairShare === 0)).toBe(true)
  })
})
