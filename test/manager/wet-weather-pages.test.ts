// Wet weather on the manager's pages, through the page handlers on a real database: a post's
// Edit page makes it another's wet-weather alternative, the posts list says so, and the week page
// switches a day to wet weather and back, each time with the re-plan to review.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageContext } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, dutyPostsPage, importStaff } from '../../src/manager/setup-pages.js'
import { editDutyPostPage, saveDutyPost } from '../../src/manager/term-edit-pages.js'
import { generateWeek, publishTheWeek, switchDayWeather, weekPage } from '../../src/manager/week-pages.js'
import { listDutyPosts, updateDutyPost } from '../../src/setup/duty-posts.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { decode, formOf, htmlOf, pageSchool } from '../support/page-forms.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'
const TUESDAY = '2026-11-24'

const post = async (code: string) => (await listDutyPosts(store, pc.schoolId, { limit: 50 })).items.find((p) => p.code === code)
const page = async () => decode(htmlOf(await weekPage(pc, MONDAY)))

beforeAll(async () => {
  store = freshStore()
  pc = await pageSchool(store)
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break'] })
  const csv = ['Code,Name,Grade,Hours,Pattern', 'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50', 'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50'].join('\n')
  await importStaff(pc, { text: csv })
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri']
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: weekdays, peopleNeeded: '1' })
  await addDutyPost(pc, { code: 'hall', name: 'Sports hall', kind: 'break', slots: 'break', days: weekdays, peopleNeeded: '2' })
})
afterAll(() => store.close())

describe('a wet-weather alternative chosen on its Edit page', () => {
  it('is offered every other post, and once saved the posts list says which post it replaces', async () => {
    const hall = await post('hall')
    const yard = await post('yard')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, hall?.id ?? '')), 'Save duty post')
    expect(opened.wetWeatherFor).toBe('')
    expect(await saveDutyPost(pc, hall?.id ?? '', { ...opened, wetWeatherFor: yard?.id ?? '' })).toMatchObject({ kind: 'redirect' })
    expect((await post('hall'))?.wetWeatherFor).toBe(yard?.id)
    expect(decode(htmlOf(await dutyPostsPage(pc)))).toContain('wet weather: instead of Yard')
  })

  it('names the chosen post, not its id, when someone else saved the post meanwhile', async () => {
    const hall = await post('hall')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, hall?.id ?? '')), 'Save duty post')
    const { id: _id, slotIds: _slots, version, ...input } = hall ?? { id: '', slotIds: [], version: 0 }
    await updateDutyPost(pc.ctx, pc.schoolId, hall?.id ?? '', { ...(input as Parameters<typeof updateDutyPost>[3]), priority: 2 }, `"${version}"`)
    const r = await saveDutyPost(pc, hall?.id ?? '', { ...opened, priority: '4' })
    expect(r).toMatchObject({ status: 409 })
    expect(decode(htmlOf(r))).toMatch(/Wet-weather alternative for<\/th><td>Yard<\/td><td>Yard<\/td>/)
  })

  it('is refused beside its field for the post itself', async () => {
    const hall = await post('hall')
    const opened = formOf(htmlOf(await editDutyPostPage(pc, hall?.id ?? '')), 'Save duty post')
    const r = await saveDutyPost(pc, hall?.id ?? '', { ...opened, wetWeatherFor: hall?.id ?? '' })
    expect(r).toMatchObject({ status: 400 })
    expect(decode(htmlOf(r))).toContain('a duty post cannot be its own wet-weather alternative')
  })
})

describe('the week page’s wet-weather switch', () => {
  it('offers each day still to come, and switching one makes the re-plan to review', async () => {
    expect(await generateWeek(pc, MONDAY, { version: '0' })).toMatchObject({ kind: 'redirect' })
    expect(await publishTheWeek(pc, MONDAY, { version: '1' })).toMatchObject({ kind: 'redirect' })
    const before = await page()
    expect(before).toContain('On a wet day Sports hall runs instead of Yard')
    const switchForm = formOf(htmlOf(await weekPage(pc, MONDAY)), 'Wet weather on Tue 24 Nov')
    expect(switchForm).toEqual({ wet: 'on', version: '2' })
    expect(await switchDayWeather(pc, MONDAY, TUESDAY, switchForm)).toEqual({
      kind: 'redirect',
      to: `/manage/${pc.schoolId}/week/${MONDAY}?done=wet-replanned`,
    })
    const after = await page()
    expect(after).toContain('(a re-plan)')
    expect(after).toContain('What this re-plan changes')
    expect(after).toContain('Now has: Sports hall, Tue 24 Nov (break)')
    expect(after).toContain('Back to dry weather on Tue 24 Nov')
  })

  it('turned back off, makes the re-plan that puts the day back on the Yard', async () => {
    const back = formOf(htmlOf(await weekPage(pc, MONDAY)), 'Back to dry weather on Tue 24 Nov')
    expect(await switchDayWeather(pc, MONDAY, TUESDAY, back)).toMatchObject({ to: expect.stringContaining('done=dry-replanned') })
    expect(await page()).toContain('Wet weather on Tue 24 Nov')
  })

  it('refuses a switch over a week someone generated since the page was read, as a generate does', async () => {
    const stale = formOf(htmlOf(await weekPage(pc, MONDAY)), 'Wet weather on Tue 24 Nov')
    expect(await generateWeek(pc, MONDAY, { version: stale.version as string })).toMatchObject({ kind: 'redirect' })
    const r = await switchDayWeather(pc, MONDAY, TUESDAY, stale)
    expect(r).toMatchObject({ status: 412 })
    expect(decode(htmlOf(r))).toContain('The week changed since you looked at it')
    expect(decode(htmlOf(r))).toContain('Wet weather on Tue 24 Nov')
  })

  it('refuses a day outside the week, and a form that says neither on nor off', async () => {
    expect(await switchDayWeather(pc, MONDAY, '2026-12-01', { wet: 'on' })).toMatchObject({ status: 400 })
    expect(await switchDayWeather(pc, MONDAY, TUESDAY, {})).toMatchObject({ status: 400 })
  })
})
