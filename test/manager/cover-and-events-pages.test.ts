// The Cover and Events pages through their handlers on a real database, with no HTTP: a manager
// asks for cover for a colleague who rang in sick and adds a parents' evening, sees where each
// seat stands once the week is generated, edits both (and is stopped, with both versions shown,
// when someone else saved first), deletes, and adds a cover list from a CSV file after seeing
// what it adds, or is told which rows are wrong.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addCover, askRemoveCover, coverPage, editCoverPage, importCover, removeCover, saveCover } from '../../src/manager/cover-pages.js'
import { addEvent, editEventPage, eventsPage, removeEvent, saveEvent } from '../../src/manager/event-pages.js'
import { submitAbsence } from '../../src/manager/other-pages.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { generateWeek, weekPage } from '../../src/manager/week-pages.js'
import { listCoverRequests } from '../../src/week/cover-requests.js'
import { listEvents } from '../../src/week/events.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { smallSchoolPages } from '../support/page-school.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'
const TUESDAY = '2026-11-24'
const WEDNESDAY = '2026-11-25'

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
const textOf = (r: PageResult) =>
  htmlOf(r)
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
const redirectTo = (r: PageResult) => (r.kind === 'redirect' ? r.to : `not a redirect: ${textOf(r).match(/There (is|are) [^.]*\.[^.]*/)?.[0] ?? r.kind}`)
const coverOfWeek = async () => (await listCoverRequests(store, pc.schoolId, { limit: 100, from: MONDAY, to: '2026-11-29' })).items
const eventsOfWeek = async () => (await listEvents(store, pc.schoolId, { limit: 100, from: MONDAY, to: '2026-11-29' })).items
const sickNote = { staff: 'BJ', startDate: TUESDAY, endDate: TUESDAY, start: '', end: '', reason: 'sickness' }
const cover9X = { date: TUESDAY, slot: 'p3', label: '9X Maths, room M4', peopleNeeded: '1', priority: '2' }
const parentsEvening = { name: "Parents' evening", date: WEDNESDAY, start: '16:00', end: '18:00', peopleNeeded: '2', priority: '3' }

beforeAll(async () => {
  store = freshStore()
  // Friday before the week: the week to plan is the one starting Monday 23 November.
  pc = await smallSchoolPages(store, '2026-11-20T09:00:00Z')
  expect(await submitAbsence(pc, sickNote)).toMatchObject({ kind: 'html', status: 200 })
})

afterAll(async () => {
  await store.close()
})

describe('the Cover page of a week', () => {
  it('asks for cover for a colleague who rang in sick, and lists it on its day with who is away', async () => {
    const absence = /<option value="([^"]+)">Ben Jones, Tue 24 Nov \(Sickness\)/.exec(htmlOf(await coverPage(pc, MONDAY)))?.[1]
    expect(absence).toBeDefined()
    expect(redirectTo(await addCover(pc, MONDAY, { ...cover9X, absence: absence as string }))).toMatch(/week\/2026-11-23\/cover\?done=cover-added$/)
    const page = textOf(await coverPage(pc, MONDAY))
    expect(page).toContain('Tuesday 24 November')
    expect(page).toMatch(/9X Maths, room M4 Ben Jones p3, 11:15-12:15 1 person 2 Not generated yet/)
  })

  it('makes a code from the day and slot when none is typed, and another for a second lesson in the same slot', async () => {
    expect(redirectTo(await addCover(pc, MONDAY, { ...cover9X, label: '9Y Maths' }))).toMatch(/done=cover-added/)
    expect((await coverOfWeek()).map((c) => c.code).sort()).toEqual(['2026-11-24-p3', '2026-11-24-p3-2'])
  })

  it('gives a refused form back as typed, with the problem at its field', async () => {
    const r = await addCover(pc, MONDAY, { date: TUESDAY, slot: '', label: '10C Art', peopleNeeded: 'two' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toContain('value="10C Art"')
    expect(textOf(r)).toContain('Slot: choose a slot')
    expect(textOf(r)).toContain('People needed: must be a whole number')
    expect(await coverOfWeek()).toHaveLength(2)
  })

  it('shows each seat filled by name once the week is generated, and the week grid has it as a seat', async () => {
    expect(redirectTo(await generateWeek(pc, MONDAY, { version: '0' }))).toMatch(/done=generated/)
    const page = textOf(await coverPage(pc, MONDAY))
    expect(page).toContain("Seats as the week's draft under review (not published yet) has them.")
    expect(page).toMatch(/9X Maths, room M4 Ben Jones p3, 11:15-12:15 1 person 2 Filled by (Amira Patel|Cara Doyle)/)
    // Ben is off sick on Tuesday: never his own cover.
    expect(page).not.toMatch(/9X Maths[^|]*Filled by Ben Jones/)
    expect(textOf(await weekPage(pc, MONDAY))).toMatch(/Cover: 9X Maths, room M4 p3, 11:15-12:15 – Does not run (Amira Patel|Cara Doyle) Pin/)
  })

  it('says an unfilled seat is unfilled and why, in names', async () => {
    // Three seats and only two people at work on Tuesday (Ben is off sick).
    expect(redirectTo(await addCover(pc, MONDAY, { date: TUESDAY, slot: 'p3', label: 'Year 6 trip', peopleNeeded: '3' }))).toMatch(/done=cover-added/)
    await generateWeek(pc, MONDAY, { version: '1' })
    expect(textOf(await coverPage(pc, MONDAY))).toMatch(
      /Year 6 trip – p3, 11:15-12:15 3 people 3 3 unfilled: everyone who could is already on other work[^;]*; 1 person who could is absent \(Ben Jones\)/,
    )
  })

  it('edits a request with the version it read, and then says the week must be generated again for it', async () => {
    const [c] = (await coverOfWeek()).filter((x) => x.label === '9X Maths, room M4')
    if (!c) throw new Error('no 9X request')
    const form = htmlOf(await editCoverPage(pc, MONDAY, c.id))
    expect(form).toContain(`name="version" value="${c.version}"`)
    expect(form).toContain('value="9X Maths, room M4"')
    // The lesson moves to Wednesday: the rota shown was made for Tuesday.
    const moved = { ...cover9X, date: WEDNESDAY, label: '9X Maths, room M6', code: c.code, absence: c.absenceId ?? '', version: String(c.version) }
    expect(redirectTo(await saveCover(pc, MONDAY, c.id, moved))).toMatch(/done=cover-saved/)
    const page = textOf(await coverPage(pc, MONDAY))
    expect(page).toMatch(/Wednesday 25 November .* 9X Maths, room M6 Ben Jones p3, 11:15-12:15 1 person 2 Not in the rota yet: generate the week again/)
    expect(page).toContain("Cover '9X Maths, room M6': day or time changed after this rota was made")
  })

  it('opens a request only from its own week, since the form offers that week’s days', async () => {
    const [c] = await coverOfWeek()
    if (!c) throw new Error('no request')
    const r = await editCoverPage(pc, '2026-11-30', c.id)
    expect(r).toMatchObject({ kind: 'html', status: 404 })
    expect(textOf(r)).toContain(`no cover request with id ${c.id} in the week of Monday 30 November`)
  })

  it('refuses a save over someone else’s, and shows what is saved now beside what was typed', async () => {
    const [c] = (await coverOfWeek()).filter((x) => x.label === '9X Maths, room M6')
    if (!c) throw new Error('no 9X request')
    const read = String(c.version)
    expect(redirectTo(await saveCover(pc, MONDAY, c.id, { ...cover9X, label: 'Saved by a colleague', priority: '1', version: read }))).toMatch(/cover-saved/)
    const stale = await saveCover(pc, MONDAY, c.id, { ...cover9X, label: 'Typed by me', version: read })
    expect(stale).toMatchObject({ kind: 'html', status: 409 })
    const text = textOf(stale)
    expect(text).toContain('Someone else changed the cover request for Saved by a colleague')
    expect(text).toMatch(/What needs covering differs Saved by a colleague Typed by me/)
    expect(text).toMatch(/Priority differs 1 2/)
    // "Apply mine" carries what was typed, at the version now saved: saving over theirs is a choice.
    expect(htmlOf(stale)).toContain('value="Typed by me"')
    expect(htmlOf(stale)).toContain(`name="version" value="${c.version + 1}"`)
    expect((await coverOfWeek()).find((x) => x.id === c.id)?.label).toBe('Saved by a colleague')
  })

  it('deletes a request only after asking', async () => {
    const [c] = (await coverOfWeek()).filter((x) => x.label === 'Year 6 trip')
    if (!c) throw new Error('no trip request')
    expect(textOf(await askRemoveCover(pc, MONDAY, c.id))).toContain('Delete the cover request for Year 6 trip on Tuesday 24 November (p3)?')
    expect(await coverOfWeek()).toHaveLength(3)
    expect(redirectTo(await removeCover(pc, MONDAY, c.id))).toMatch(/week\/2026-11-23\/cover\?done=cover-deleted$/)
    expect(await coverOfWeek()).toHaveLength(2)
  })
})

describe('a cover list from a CSV file', () => {
  const file = ['date,slot,label,staff,skills', `${WEDNESDAY},p3,7B English,1,`, '2026-11-26,p3,11Y History,1,'].join('\n')

  it('shows what the file adds, and adds nothing until it is applied', async () => {
    const preview = await importCover(pc, MONDAY, {}, file)
    expect(preview).toMatchObject({ kind: 'html', status: 200 })
    expect(textOf(preview)).toContain('This file adds 2 cover requests')
    expect(textOf(preview)).toMatch(/7B English – p3, 11:15-12:15 1 person 3/)
    expect(await coverOfWeek()).toHaveLength(2)
    const text = /name="text" value="([^"]*)"/.exec(htmlOf(preview))?.[1]?.replace(/&#10;/g, '\n')
    expect(redirectTo(await importCover(pc, MONDAY, { text: text ?? '', apply: 'yes' }, undefined))).toMatch(/done=cover-imported/)
    expect((await coverOfWeek()).map((c) => c.label).sort()).toEqual(['11Y History', '7B English', '9Y Maths', 'Saved by a colleague'])
  })

  it('names each bad row and adds none of the file', async () => {
    const bad = ['date,slot,label,staff', `${WEDNESDAY},p9,7C Music,1`, '2026-12-02,p3,8A French,1', `${WEDNESDAY},p3,8B French,none`].join('\n')
    const r = await importCover(pc, MONDAY, { text: bad }, undefined)
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    const text = textOf(r)
    expect(text).toContain('There are 3 problems with the file; nothing was saved')
    expect(text).toContain('Line 2, slot: no slot with code "p9" in this school')
    expect(text).toContain('Line 3, date: 2026-12-02 is not in the week starting 2026-11-23')
    expect(text).toContain('Line 4, staff: must be a whole number')
    expect(htmlOf(r)).toContain('7C Music')
    expect(await coverOfWeek()).toHaveLength(4)
  })
})

describe('the Events page', () => {
  it('adds a parents’ evening, says its week must be generated again, then shows who is on it', async () => {
    expect(redirectTo(await addEvent(pc, parentsEvening))).toMatch(/events\?from=2026-11-23&done=event-added$/)
    expect((await eventsOfWeek()).map((e) => e.code)).toEqual(['parents-evening'])
    const before = textOf(await eventsPage(pc, MONDAY))
    expect(before).toMatch(/Parents' evening Wednesday 25 November, 16:00-18:00 2 people 3 Not in the rota yet: generate the week again/)
    expect(before).toContain("Event 'Parents' evening' added after this rota was made")
    await generateWeek(pc, MONDAY, { version: '2' })
    expect(textOf(await eventsPage(pc, MONDAY))).toMatch(
      /Parents' evening Wednesday 25 November, 16:00-18:00 2 people 3 Filled by [A-Z][a-z]+ [A-Z][a-z]+, [A-Z]/,
    )
    expect(textOf(await weekPage(pc, MONDAY))).toMatch(/Parents' evening 16:00-18:00/)
  })

  it('gives a refused event back as typed', async () => {
    const r = await addEvent(pc, { ...parentsEvening, name: 'Open evening', end: '15:00' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toContain('value="Open evening"')
    expect(textOf(r)).toContain('Until: must be after the start (16:00)')
  })

  it('edits with the version read, and refuses a stale save showing both', async () => {
    const [e] = await eventsOfWeek()
    if (!e) throw new Error('no event')
    expect(htmlOf(await editEventPage(pc, e.id))).toContain(`name="version" value="${e.version}"`)
    const read = String(e.version)
    expect(redirectTo(await saveEvent(pc, e.id, { ...parentsEvening, end: '19:00', version: read }))).toMatch(/done=event-saved/)
    const stale = await saveEvent(pc, e.id, { ...parentsEvening, end: '18:30', version: read })
    expect(stale).toMatchObject({ kind: 'html', status: 409 })
    expect(textOf(stale)).toContain("Someone else changed Parents' evening on Wednesday 25 November")
    expect(textOf(stale)).toMatch(/Until differs 19:00 18:30/)
    expect((await eventsOfWeek())[0]?.end).toBe('19:00')
  })

  it('deletes an event', async () => {
    const [e] = await eventsOfWeek()
    if (!e) throw new Error('no event')
    expect(redirectTo(await removeEvent(pc, e.id))).toMatch(/events\?done=event-deleted$/)
    expect(await eventsOfWeek()).toHaveLength(0)
  })
})
