// Editing a slot, a duty post, a term, a closure day and an absence on the manager's pages,
// through the page handlers on a real database: each Edit page opens with what is saved, saves
// through the API's update use case, names a bad field beside itself with nothing lost, and
// answers a save over someone else's newer one with both versions. Changes after a publish are
// told on the week page; a changed absence re-plans the published week it now falls in.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { editAbsencePage, saveAbsence } from '../../src/manager/absence-edit-pages.js'
import { submitAbsence } from '../../src/manager/other-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import {
  addDutyPost,
  addGrade,
  addSlot,
  addTermDates,
  askRemoveSlot,
  dutyPostsPage,
  importStaff,
  schoolDayPage,
  termDatesPage,
} from '../../src/manager/setup-pages.js'
import {
  editClosurePage,
  editDutyPostPage,
  editPeriodPage,
  editSlotPage,
  saveClosure,
  saveDutyPost,
  savePeriod,
  saveSlot,
} from '../../src/manager/term-edit-pages.js'
import { generateWeek, publishTheWeek, weekPage } from '../../src/manager/week-pages.js'
import { getCalendarPeriod, getClosure, listCalendarPeriods, listClosures, updateCalendarPeriod, updateClosure } from '../../src/setup/calendar.js'
import { getDutyPost, listDutyPosts, updateDutyPost } from '../../src/setup/duty-posts.js'
import { getSlot, listSlots, updateSlot } from '../../src/setup/slots.js'
import { getAbsence, listAbsences, updateAbsence } from '../../src/week/absences.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { decode, formOf, htmlOf, pageSchool } from '../support/page-forms.js'

let store: TestStore
let pc: PageContext
let schoolId: string
const MONDAY = '2026-11-23'

const slotId = async (code: string) => (await listSlots(store, schoolId, { limit: 50 })).items.find((s) => s.code === code)?.id ?? ''
const postId = async (code: string) => (await listDutyPosts(store, schoolId, { limit: 50 })).items.find((p) => p.code === code)?.id ?? ''
const periodId = async (name: string) => (await listCalendarPeriods(store, schoolId, { limit: 50 })).items.find((p) => p.name === name)?.id ?? ''
const closureId = async (date: string) => (await listClosures(store, schoolId, { limit: 50 })).items.find((c) => c.date === date)?.id ?? ''

beforeAll(async () => {
  store = freshStore()
  pc = await pageSchool(store)
  schoolId = pc.schoolId
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addSlot(pc, { code: 'lunch1', kind: 'lunch', start: '12:10', end: '12:40' })
  await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18\nHalf term 2026-10-26 2026-10-30\nINSET 2026-09-02\nINSET 2026-11-02')
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] })
  const csv = ['Code,Name,Grade,Hours,Pattern', 'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50', 'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50'].join('\n')
  await importStaff(pc, { text: csv })
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri']
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: weekdays, peopleNeeded: '1' })
  await addDutyPost(pc, { code: 'gate', name: 'Gate', kind: 'break', slots: 'break', days: weekdays, peopleNeeded: '1' })
})

afterAll(async () => {
  await store.close()
})

describe('a slot edited on its page', () => {
  it('is offered on every row of the school day and opens with what is saved', async () => {
    const id = await slotId('break')
    expect(htmlOf(await schoolDayPage(pc))).toContain(`href="/manage/${schoolId}/setup/day/${id}/edit"`)
    expect(formOf(htmlOf(await editSlotPage(pc, id)), 'Save slot')).toEqual({ version: '1', code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  })

  it('names the duty posts that run in it, each a link to its Edit page', async () => {
    const html = htmlOf(await editSlotPage(pc, await slotId('break')))
    expect(html).toContain(`<a href="/manage/${schoolId}/setup/posts/${await postId('yard')}/edit">Yard</a>`)
  })

  it('saves a new time through the slot use case', async () => {
    const id = await slotId('break')
    const r = await saveSlot(pc, id, { version: '1', code: 'break', kind: 'break', start: '10:45', end: '11:05', days: [] })
    expect(r).toEqual({ kind: 'redirect', to: `/manage/${schoolId}/setup/day?done=slot-saved` })
    expect(await getSlot(store, schoolId, id)).toMatchObject({ start: '10:45', end: '11:05', days: null, version: 2 })
  })

  it('gives a bad time and an end before the start back beside their fields, nothing saved', async () => {
    const id = await slotId('lunch1')
    const r = await saveSlot(pc, id, { version: '1', code: 'lunch1', kind: 'lunch', start: 'noon', end: '12:40' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toContain('id="slot-edit-start-error"')
    expect(formOf(htmlOf(r), 'Save slot')).toMatchObject({ version: '1', start: 'noon', end: '12:40' })
    const backwards = await saveSlot(pc, id, { version: '1', code: 'lunch1', kind: 'lunch', start: '12:40', end: '12:10' })
    expect(htmlOf(backwards)).toMatch(/slot-edit-end-error">[\s\S]*must be after the start/)
    expect((await getSlot(store, schoolId, id)).version).toBe(1)
  })

  it('saved by someone else meanwhile, shows their times beside the ones typed', async () => {
    const id = await slotId('lunch1')
    const opened = formOf(htmlOf(await editSlotPage(pc, id)), 'Save slot')
    await updateSlot(pc.ctx, schoolId, id, { code: 'lunch1', kind: 'lunch', start: '12:00', end: '12:30', days: null }, '"1"')
    const r = await saveSlot(pc, id, { ...opened, start: '12:15' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toContain('Someone else changed slot lunch1')
    expect(htmlOf(r)).toMatch(/Starts<span class="flag">differs<\/span><\/th><td>12:00<\/td><td>12:15<\/td>/)
    expect((await getSlot(store, schoolId, id)).start).toBe('12:00')
  })

  it("in use, its delete question links each post that uses it to that post's Edit page", async () => {
    const html = htmlOf(await askRemoveSlot(pc, await slotId('break')))
    expect(html).toContain('cannot be deleted yet')
    expect(html).toContain(`duty post <a href="/manage/${schoolId}/setup/posts/${await postId('gate')}/edit">Gate</a> runs in it`)
  })
})

describe('a duty post edited on its page', () => {
  it('opens with what is saved, its slots and days ticked', async () => {
    const id = await postId('gate')
    expect(htmlOf(await dutyPostsPage(pc))).toContain(`href="/manage/${schoolId}/setup/posts/${id}/edit"`)
    expect(formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post')).toEqual({
      version: '1',
      name: 'Gate',
      code: 'gate',
      kind: 'break',
      slots: 'break',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      peopleNeeded: '1',
      skillSeats: '',
      priority: '3',
      wetWeatherFor: '',
    })
  })

  it('moved to another slot, no longer keeps the old slot from being deleted', async () => {
    const id = await postId('gate')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post')
    expect(await saveDutyPost(pc, id, { ...opened, slots: 'lunch1', kind: 'lunch' })).toEqual({
      kind: 'redirect',
      to: `/manage/${schoolId}/setup/posts?done=post-saved`,
    })
    expect(await getDutyPost(store, schoolId, id)).toMatchObject({ slots: ['lunch1'], kind: 'lunch', version: 2 })
    expect(htmlOf(await askRemoveSlot(pc, await slotId('break')))).not.toContain('Gate')
  })

  it('names each bad field and keeps everything typed', async () => {
    const id = await postId('gate')
    const typed = { ...formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post'), slots: [], peopleNeeded: 'two', skillSeats: 'first aid' }
    const r = await saveDutyPost(pc, id, typed)
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    const html = htmlOf(r)
    for (const field of ['slots', 'peopleNeeded', 'skillSeats']) expect(html).toContain(`id="post-edit-${field}-error"`)
    expect(html).toContain('value="two"')
    expect(html).toContain('value="first aid"')
    expect((await getDutyPost(store, schoolId, id)).version).toBe(2)
  })

  it('saved by someone else meanwhile, shows both and applies the typed one only when asked', async () => {
    const id = await postId('gate')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post')
    const saved = await getDutyPost(store, schoolId, id)
    await updateDutyPost(pc.ctx, schoolId, id, { ...saved, peopleNeeded: 2 }, '"2"')
    const r = await saveDutyPost(pc, id, { ...opened, name: 'School gate' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    const html = htmlOf(r)
    expect(html).toContain('2 fields differ: Name, People needed.')
    expect((await getDutyPost(store, schoolId, id)).name).toBe('Gate')
    expect(await saveDutyPost(pc, id, formOf(html, 'Apply mine over theirs'))).toMatchObject({ kind: 'redirect' })
    expect(await getDutyPost(store, schoolId, id)).toMatchObject({ name: 'School gate', peopleNeeded: 1, version: 4 })
  })
})

describe('a closure day edited on its page', () => {
  it('opens with what is saved and saves a new date', async () => {
    const id = await closureId('2026-11-02')
    expect(htmlOf(await termDatesPage(pc))).toContain(`href="/manage/${schoolId}/setup/terms/closures/${id}/edit"`)
    const opened = formOf(htmlOf(await editClosurePage(pc, id)), 'Save closure day')
    expect(opened).toEqual({ version: '1', date: '2026-11-02', kind: 'inset', name: 'INSET' })
    expect(await saveClosure(pc, id, { ...opened, date: '2026-11-06' })).toMatchObject({ kind: 'redirect', to: expect.stringContaining('closure-saved') })
    expect(await getClosure(store, schoolId, id)).toMatchObject({ date: '2026-11-06', version: 2 })
  })

  it('refuses the date of another closure day at the date field, keeping what was typed', async () => {
    const id = await closureId('2026-11-06')
    const r = await saveClosure(pc, id, { version: '2', date: '2026-09-02', kind: 'inset', name: 'Training' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toMatch(/closure-edit-date-error">[\s\S]*already a closure day/)
    expect(htmlOf(r)).toContain('value="Training"')
  })

  it('saved by someone else meanwhile, says so with both', async () => {
    const id = await closureId('2026-11-06')
    await updateClosure(pc.ctx, schoolId, id, { date: '2026-11-06', kind: 'other', name: 'Boiler repair' }, '"2"')
    const r = await saveClosure(pc, id, { version: '2', date: '2026-11-06', kind: 'inset', name: 'INSET' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toMatch(/<td>Closed<\/td><td>INSET day<\/td>/)
  })
})

describe('changes after the week is published', () => {
  it('a duty post given more people: the week says to generate again, naming the post', async () => {
    expect(await generateWeek(pc, MONDAY, { version: '0' })).toMatchObject({ kind: 'redirect' })
    expect(await publishTheWeek(pc, MONDAY, { version: '1' })).toMatchObject({ kind: 'redirect' })
    expect(htmlOf(await weekPage(pc, MONDAY))).not.toContain('The setup changed after this rota was made')
    const id = await postId('yard')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post')
    expect(await saveDutyPost(pc, id, { ...opened, peopleNeeded: '2', priority: '1' })).toMatchObject({ kind: 'redirect' })
    const after = decode(htmlOf(await weekPage(pc, MONDAY)))
    expect(after).toContain('The setup changed after this rota was made: generate the week again')
    expect(after).toContain("Duty post 'Yard': number of people and priority changed after this rota was made.")
  })

  it('a priority alone changed is told too', async () => {
    expect(await generateWeek(pc, MONDAY, formOf(htmlOf(await weekPage(pc, MONDAY)), 'Generate again'))).toMatchObject({ kind: 'redirect' })
    const id = await postId('yard')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, id)), 'Save duty post')
    expect(await saveDutyPost(pc, id, { ...opened, priority: '4' })).toMatchObject({ kind: 'redirect' })
    expect(decode(htmlOf(await weekPage(pc, MONDAY, { show: 'draft' })))).toContain("Duty post 'Yard': priority changed after this rota was made.")
  })

  it('an absence moved into the published week re-plans it, as recording one does', async () => {
    await submitAbsence(pc, { staff: 'AP', startDate: '2026-12-07', endDate: '2026-12-07' })
    const id = (await listAbsences(store, schoolId, { limit: 10 })).items[0]?.id ?? ''
    const opened = formOf(htmlOf(await editAbsencePage(pc, id)), 'Save and re-plan')
    expect(opened).toEqual({ version: '1', staff: 'AP', startDate: '2026-12-07', endDate: '2026-12-07', start: '', end: '', reason: '' })
    const r = await saveAbsence(pc, id, { ...opened, startDate: '2026-11-23', endDate: '2026-11-27', reason: 'sickness' })
    expect(r).toMatchObject({ kind: 'html', status: 200 })
    const html = decode(htmlOf(r))
    expect(html).toContain('Absence saved.')
    expect(html).toContain('The cover this creates')
    expect(html).toContain(`Review and publish the re-plan for the week of`)
    expect(await getAbsence(store, schoolId, id)).toMatchObject({ startDate: '2026-11-23', reason: 'sickness', version: 2 })
  })

  it('an absence given a last day before its first is refused beside that field', async () => {
    const id = (await listAbsences(store, schoolId, { limit: 10 })).items[0]?.id ?? ''
    const r = await saveAbsence(pc, id, { version: '2', staff: 'AP', startDate: '2026-11-23', endDate: '2026-11-20' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toMatch(/absence-edit-endDate-error">[\s\S]*must not be before the first day/)
    expect((await getAbsence(store, schoolId, id)).version).toBe(2)
  })

  it('an absence changed by someone else meanwhile shows both and re-plans nothing', async () => {
    const id = (await listAbsences(store, schoolId, { limit: 10 })).items[0]?.id ?? ''
    const saved = await getAbsence(store, schoolId, id)
    await updateAbsence(pc.ctx, schoolId, id, { ...saved, endDate: '2026-11-24' }, '"2"')
    const r = await saveAbsence(pc, id, { version: '2', staff: 'AP', startDate: '2026-11-23', endDate: '2026-11-25', reason: 'sickness' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).not.toContain('The cover this creates')
    expect(htmlOf(r)).toMatch(/Last day<span class="flag">differs<\/span><\/th><td>2026-11-24<\/td><td>2026-11-25<\/td>/)
  })

  it("a term's end moved before the week makes it a holiday that is not generated", async () => {
    const id = await periodId('Autumn term')
    expect(htmlOf(await termDatesPage(pc))).toContain(`href="/manage/${schoolId}/setup/terms/periods/${id}/edit"`)
    const opened = formOf(htmlOf(await editPeriodPage(pc, id)), 'Save term dates')
    expect(opened).toEqual({ version: '1', name: 'Autumn term', kind: 'term', startDate: '2026-09-03', endDate: '2026-12-18' })
    expect(await savePeriod(pc, id, { ...opened, endDate: '2026-11-20' })).toMatchObject({ kind: 'redirect', to: expect.stringContaining('period-saved') })
    expect(await getCalendarPeriod(store, schoolId, id)).toMatchObject({ endDate: '2026-11-20', version: 2 })
    const week = htmlOf(await weekPage(pc, MONDAY))
    expect(week).toContain('No rota to plan')
    expect(week).not.toContain('Generate')
  })

  it('a term ending before it starts is refused beside the last day, nothing saved', async () => {
    const id = await periodId('Autumn term')
    const r = await savePeriod(pc, id, { version: '2', name: 'Autumn term', kind: 'term', startDate: '2026-09-03', endDate: '2026-09-01' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toMatch(/period-edit-endDate-error">[\s\S]*must not be before the first day/)
    expect(htmlOf(r)).toContain('value="2026-09-01"')
  })

  it('a term saved by someone else meanwhile shows both', async () => {
    const id = await periodId('Autumn term')
    await updateCalendarPeriod(pc.ctx, schoolId, id, { name: 'Autumn term', kind: 'term', startDate: '2026-09-03', endDate: '2026-12-18' }, '"2"')
    const r = await savePeriod(pc, id, { version: '2', name: 'Autumn', kind: 'term', startDate: '2026-09-03', endDate: '2026-11-20' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toContain('2 fields differ: Name, Last day.')
  })
})
