// The manager's week through the page handlers on a real database, with no HTTP: a school set
// up from nothing, the week generated and published, an absence recorded, the re-plan
// reviewed and published. The browser test does the same through the pages themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { submitAbsence, fairnessCsv, posterPage, reportsPage } from '../../src/manager/other-pages.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, addTermDates, homePage, importStaff, schoolDayPage, staffPage } from '../../src/manager/setup-pages.js'
import { generateWeek, overrideSeat, printPage, publishTheWeek, weekPage } from '../../src/manager/week-pages.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { managerSchool } from '../support/manager-school.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'

beforeAll(async () => {
  store = freshStore()
  pc = await managerSchool(store)
})

afterAll(async () => {
  await store.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
const expectRedirect = (r: PageResult, to: RegExp) => {
  expect(r.kind === 'html' ? htmlOf(r).match(/<div class="error-summary"[\s\S]*?<\/div>/)?.[0] : r).toMatchObject({ kind: 'redirect' })
  expect(r.kind === 'redirect' ? r.to : '').toMatch(to)
}

describe('a manager runs the week through the pages', () => {
  it('sets up a small school from nothing', async () => {
    expect(htmlOf(await homePage(pc))).toContain('To do')
    expectRedirect(await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' }), /setup\/day\?done=slot-added$/)
    // Two sittings: whoever supervises one still has the other for their rest break.
    expectRedirect(await addSlot(pc, { code: 'lunch1', kind: 'lunch', start: '12:10', end: '12:40' }), /done=slot-added/)
    expectRedirect(await addSlot(pc, { code: 'lunch2', kind: 'lunch', start: '12:40', end: '13:10' }), /done=slot-added/)
    expectRedirect(await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18\nHalf term 2026-10-26 2026-10-30\nINSET 2026-09-02'), /done=terms-saved/)
    expectRedirect(await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] }), /done=grade-added/)
    const csv = [
      'Code,Name,Grade,Hours,Pattern,Skills',
      'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50,first-aid',
      'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50,',
      'CD,Cara Doyle,G4,30,Mon-Fri 08:30-15:00,first-aid',
      'DE,Dee Evans,G4,25,Mon-Thu 08:30-15:00,',
    ].join('\n')
    expectRedirect(await importStaff(pc, { text: csv }), /done=staff-imported/)
    expectRedirect(
      await addDutyPost(pc, {
        code: 'yard',
        name: 'Yard',
        kind: 'break',
        slots: 'break',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        peopleNeeded: '2',
        skillSeats: 'first-aid:1',
        priority: '2',
      }),
      /done=post-added/,
    )
    expectRedirect(
      await addDutyPost(pc, {
        code: 'hall',
        name: 'Dining hall',
        kind: 'lunch',
        slots: 'lunch1',
        days: ['mon', 'tue', 'wed', 'thu', 'fri'],
        peopleNeeded: '1',
      }),
      /done=post-added/,
    )
    expect(htmlOf(await homePage(pc))).not.toContain('To do')
  })

  it('lists the staff by surname, not by their codes', async () => {
    // Codes AP, BJ, CD, DE; surnames Patel, Jones, Doyle, Evans.
    const rows = [...htmlOf(await staffPage(pc)).matchAll(/<th scope="row">([^<]+)<\/th>/g)].map((m) => m[1])
    expect(rows).toEqual(['Cara Doyle', 'Dee Evans', 'Ben Jones', 'Amira Patel'])
  })

  it('gives a refused form back as typed, with a 409 for a code already taken', async () => {
    const r = await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toContain('value="break"')
    expect(htmlOf(await schoolDayPage(pc))).toContain('<th scope="row">lunch2</th>')
  })

  it('generates and publishes the week', async () => {
    expect(htmlOf(await weekPage(pc, MONDAY))).toContain('Generate the week')
    expectRedirect(await generateWeek(pc, MONDAY, { version: '0' }), /week\/2026-11-23\?done=generated/)
    const draft = htmlOf(await weekPage(pc, MONDAY))
    expect(draft).toContain('Publish as publication 1')
    expect(draft).toContain('15 of 15 seats filled')
    expectRedirect(await publishTheWeek(pc, MONDAY, { version: '1' }), /done=published/)
    expect(htmlOf(await weekPage(pc, MONDAY))).toMatch(/Published<\/dt><dd>Publication 1,/)
  })

  it('refuses to publish, or generate over, a version that is not the one the manager saw', async () => {
    const r = await publishTheWeek(pc, MONDAY, { version: '1' })
    expect(r).toMatchObject({ kind: 'html', status: 412 })
    expect(htmlOf(r)).toContain('The week changed since you looked at it')
    expect(await generateWeek(pc, MONDAY, { version: '1' })).toMatchObject({ kind: 'html', status: 412 })
    expect(await generateWeek(pc, MONDAY, {})).toMatchObject({ kind: 'html', status: 428 })
  })

  it('records an absence, shows the cover it creates, and publishes the re-plan after showing its difference', async () => {
    const week = htmlOf(await weekPage(pc, MONDAY))
    const who =
      (['Amira Patel', 'Ben Jones', 'Cara Doyle', 'Dee Evans'] as const).find((n) =>
        new RegExp(`<th scope="row">${n}<span class="time">[^<]*</span></th><td><ul>`).test(week),
      ) ?? 'Ben Jones'
    const code = { 'Amira Patel': 'AP', 'Ben Jones': 'BJ', 'Cara Doyle': 'CD', 'Dee Evans': 'DE' }[who]
    const recorded = await submitAbsence(pc, { staff: code, startDate: MONDAY, endDate: MONDAY, start: '', end: '', reason: 'sickness' })
    expect(htmlOf(recorded)).toContain('The cover this creates')
    expect(htmlOf(recorded)).toContain(`<strong>${who}</strong> no longer has:`)
    const replan = htmlOf(await weekPage(pc, MONDAY))
    expect(replan).toContain('What this re-plan changes')
    expect(replan).toContain('(a re-plan)')
    const version = /\/publish"[^>]*>(?:<input[^>]*>)*?<input type="hidden" name="version" value="(\d+)"/.exec(replan)?.[1] ?? ''
    expectRedirect(await publishTheWeek(pc, MONDAY, { version }), /done=published/)
  })

  it('pins and bars a seat from the grid', async () => {
    expectRedirect(await overrideSeat(pc, MONDAY, 'pin', { staff: 'AP', duty: 'yard', date: '2026-11-24', slot: 'break' }), /done=pinned/)
    const bad = await overrideSeat(pc, MONDAY, 'bar', { staff: 'AP', duty: 'yard', date: '2026-12-24', slot: 'break' })
    expect(bad).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(bad)).toContain('is not in the week starting 2026-11-23')
  })

  it('prints, reports and makes the poster', async () => {
    expect(htmlOf(await printPage(pc, MONDAY))).toMatch(/publication \d+/)
    expect(htmlOf(await reportsPage(pc, '2026-11-27'))).toContain('Fairness ledger as of Friday 27 November')
    const csv = await fairnessCsv(pc, '2026-11-27')
    expect(csv).toMatchObject({ kind: 'csv', filename: 'fairness-2026-11-27.csv' })
    expect(csv.kind === 'csv' ? csv.body.split('\r\n')[0] : '').toMatch(/^staff,name,fte,week_duties/)
    expect(htmlOf(await posterPage(pc))).toContain('https://rota.example.org/me')
  })

  it('lists people on the reports page by surname, as the staff page does', async () => {
    const table = htmlOf(await reportsPage(pc, '2026-11-27')).split('Fairness ledger as of')[1] ?? ''
    const order = ['Cara Doyle', 'Dee Evans', 'Ben Jones', 'Amira Patel'].map((name) => table.indexOf(`>${name}<`))
    expect(order.every((at) => at >= 0)).toBe(true)
    expect([...order].sort((a, b) => a - b)).toEqual(order)
  })
})
