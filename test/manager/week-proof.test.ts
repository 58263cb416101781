// The week page says a rota is the best possible only where the solver proved it, and otherwise
// how many more seats might be filled, in words and never in codes.
import { createElement } from 'hono/jsx'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, addTermDates, importStaff } from '../../src/manager/setup-pages.js'
import { SeatsSection } from '../../src/manager/views/week-seats.js'
import { buildWeekModel } from '../../src/manager/week-model.js'
import { generateWeek, weekPage } from '../../src/manager/week-pages.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { managerSchool } from '../support/manager-school.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'
const BEST = 'This is the best possible with these staff and rules'

beforeAll(async () => {
  store = freshStore()
  pc = await managerSchool(store)
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18')
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'cover', 'event'] })
  const csv = ['Code,Name,Grade,Hours,Pattern,Skills', 's001,Nia Khan,G4,36.67,Mon-Fri 08:00-15:50,', 's002,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50,'].join('\n')
  await importStaff(pc, { text: csv })
  // Three people a day at break, and only two staff: a seat a day stays empty whatever the rota.
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '3' })
})

afterAll(async () => {
  await store.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
const seatsOf = (html: string) => /<section aria-labelledby="seats">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
const generateVersion = (html: string) => /\/generate"[^>]*>(?:<input[^>]*>)*?<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1] ?? '0'

describe('the week page on seats nobody could fill', () => {
  it('says the rota is the best possible once the week is generated, and not before', async () => {
    const before = await weekPage(pc, MONDAY)
    expect(seatsOf(htmlOf(before))).not.toContain(BEST)
    await generateWeek(pc, MONDAY, { version: generateVersion(htmlOf(before)) })
    const seats = seatsOf(htmlOf(await weekPage(pc, MONDAY)))
    expect(seats).toContain('10 of 15 seats filled.')
    expect(seats).toContain(`${BEST}: no rota can fill more of these seats.`)
    expect(seats).not.toContain('might be possible')
  })

  it('stops saying so once the setup changed after the rota was made', async () => {
    await addDutyPost(pc, { code: 'gate', name: 'Gate', kind: 'break', slots: 'break', days: ['mon'], peopleNeeded: '1' })
    expect(seatsOf(htmlOf(await weekPage(pc, MONDAY)))).not.toContain(BEST)
  })
})

const week: Scenario = {
  format: 'duty-rota/scenario@1',
  school: { name: 'Elm Tree Primary', timezone: 'Europe/London' },
  week: MONDAY,
  slots: [{ id: 'break', kind: 'break', start: '10:50', end: '11:10' }],
  grades: [{ id: 'G4', name: 'Grade 4', dutyKinds: ['break'] }],
  staff: [{ id: 'AP', name: 'Amira Patel', grade: 'G4', hoursPerWeek: 30, pattern: { mon: { start: '08:00', end: '15:50' } } }],
  duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 4 }],
}
const rotaWith = (stats: Record<string, unknown>) => ({
  assignments: [{ staff: 'AP', duty: 'yard', date: MONDAY, slot: 'break' }],
  unfilled: [{ duty: 'yard', date: MONDAY, slot: 'break', missing: 3, reason: 'there are no staff to ask' }],
  stats,
})
const seatsText = (stats: Record<string, unknown>) => String(createElement(SeatsSection, { model: buildWeekModel(week, rotaWith(stats), []), generated: true }))

describe('the seat count where the proof is not complete', () => {
  it('says how many more seats might be possible, and never that it is the best', () => {
    const text = seatsText({ proof: { byPriority: [{ priority: 3, filled: 1, bound: 3, proved: false }], steps: 10, complete: true } })
    expect(text).toContain('2 more seats might be possible with these staff and rules: the planner could not rule them out.')
    expect(text).not.toContain(BEST)
    expect(text).not.toMatch(/priority|bound/)
  })

  it('says nothing of the best for a rota made before proofs were kept', () => {
    const text = seatsText({})
    expect(text).not.toContain(BEST)
    expect(text).not.toContain('might be possible')
  })
})
