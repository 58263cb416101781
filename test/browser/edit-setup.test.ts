// A manager changes the setup of a running school in a real browser (Debian's chromium through
// playwright-core) against the real app on SQLite: takes a kind of duty away from a grade, moves a
// person onto that grade (after a typing mistake that the form names and keeps), meets a colleague's
// save made while they were editing and applies their own over it, re-imports a CSV of codes and
// new hours for two people after reading its preview, sees that the published week
// kept its duties and now says the setup changed, generates again, and the person's new grade is
// used. Every page is checked with axe-core for WCAG 2.2 AA and at 390 px for sideways scroll, and
// a screenshot of each step goes to test-results/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageContext } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, importStaff } from '../../src/manager/setup-pages.js'
import { getStaff, listStaff, updateStaff } from '../../src/setup/staff.js'
import { axeViolations, newSchoolWithManager, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { fixedClock, freshStore, testApp, writeContext, type TestStore } from '../support/kit.js'

/** Saturday 21 November 2026: the week to plan is the one starting Monday 23 November. */
const NOW = '2026-11-21T09:00:00Z'

let store: TestStore
let story: Story
let base: string
let page: Page
let pc: PageContext
const errors: string[] = []
let step = 0

beforeAll(async () => {
  store = freshStore()
  const clock = fixedClock(NOW)
  const ctx = writeContext(store, 'admin:test', clock)
  const { schoolId, userId } = await newSchoolWithManager(ctx, 'bursar@elmtree.example')
  // A school already running: its day, two grades, two people and one duty a day.
  pc = { ctx, schoolId, origin: 'http://localhost' }
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover'] })
  await addGrade(pc, { code: 'TA', name: 'Teaching assistant', dutyKinds: ['break', 'cover'] })
  await importStaff(pc, { text: 'Code,Name,Grade,Hours,Pattern\nAP,Amira Patel,G4,32.5,Mon-Fri 08:00-15:50\nBJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50\n' })
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })

  story = await startStory(testApp({ store, clock }).fetch, errors)
  ;({ base, page } = story)
  await signIn(story, ctx, userId)
  page.setDefaultTimeout(10_000)
})

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** One step: its screenshot, no WCAG 2.2 AA violation axe finds, and no sideways scroll at 390 px. */
async function snap(name: string): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `edit-setup-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `${name} at 390 px`).toBeLessThanOrEqual(390)
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(errors).toEqual([])
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Manager' }).getByRole('link', { name, exact: true })
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text })
/** The cells of a person's row in the "Staff by day" grid. */
const dutiesOf = (person: string) => page.getByRole('table', { name: /^Staff by day/ }).getByRole('row', { name: new RegExp(`^${person}`) })
const staffId = async (code: string) => (await listStaff(store, pc.schoolId, { limit: 10 })).items.find((s) => s.code === code)?.id ?? ''

describe('a manager changes a grade and a person’s grade, and the next generate uses them', () => {
  it('publishes the week with Amira on the yard', async () => {
    await page.goto(`${base}/manage`)
    await nav('The week').click()
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await status('The week is generated').waitFor()
    await page.getByRole('button', { name: /^Publish as publication \d+$/ }).click()
    await status('Published.').waitFor()
    expect(await dutiesOf('Amira Patel').innerText()).toContain('Yard')
    await snap('week-published')
  })

  it('takes break duty away from the teaching assistants’ grade', async () => {
    await nav('Grades').click()
    await page.getByRole('link', { name: 'Edit grade TA' }).click()
    await page.getByRole('heading', { name: 'Edit grade TA', level: 1 }).waitFor()
    expect(await page.getByLabel('Short name').inputValue()).toBe('TA')
    expect(await page.getByRole('checkbox', { name: 'Break' }).isChecked()).toBe(true)
    await snap('grade-edit')
    await page.getByRole('checkbox', { name: 'Break' }).uncheck()
    await page.getByRole('button', { name: 'Save grade' }).click()
    await status('Grade saved.').waitFor()
    expect(await page.getByRole('row', { name: /^TA / }).innerText()).not.toContain('Break')
  })

  it('moves Amira onto that grade, after a mistake the form names and keeps', async () => {
    await nav('Staff').click()
    await page.getByRole('link', { name: 'Edit Amira Patel' }).click()
    await page.getByLabel('Grade').selectOption('TA')
    await page.getByLabel('Hours per week').fill('lots')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').innerText()).toContain('Hours per week: "lots" is not a number of hours')
    // Nothing typed is lost: the new grade is still chosen.
    expect(await page.getByLabel('Grade').inputValue()).toBe('TA')
    await snap('staff-edit-refused')
    await page.getByLabel('Hours per week').fill('32.5')
    await page.getByRole('button', { name: 'Save changes' }).click()
    await status('Changes saved.').waitFor()
    expect((await getStaff(store, pc.schoolId, await staffId('AP'))).grade).toBe('TA')
  })

  it('meets a colleague’s save made while editing Ben, sees both, and applies their own', async () => {
    await page.getByRole('link', { name: 'Edit Ben Jones' }).click()
    await page.getByLabel('Hours per week').fill('28')
    // Meanwhile a colleague saves Ben's new email through the API's use case.
    const id = await staffId('BJ')
    const { id: _, grade: _g, gradeId: _gi, version: _v, commitments: _c, ...ben } = await getStaff(store, pc.schoolId, id)
    await updateStaff(pc.ctx, pc.schoolId, id, { ...ben, grade: 'G4', email: 'ben@elmtree.example', commitments: [] })
    await page.getByRole('button', { name: 'Save changes' }).click()
    await page.getByRole('heading', { name: 'Someone else changed Ben Jones', level: 1 }).waitFor()
    const both = page.getByRole('table', { name: 'Their saved values and what you typed' })
    expect(await both.getByRole('row', { name: /^Hours per week/ }).innerText()).toMatch(/32\.5\s+28/)
    expect(await both.getByRole('row', { name: /^Email/ }).innerText()).toMatch(/ben@elmtree\.example\s+-/)
    await snap('staff-edit-conflict')
    await page.getByRole('button', { name: 'Apply mine over theirs' }).click()
    await status('Changes saved.').waitFor()
    expect(await getStaff(store, pc.schoolId, id)).toMatchObject({ hoursPerWeek: 28, email: null })
  })

  it('re-imports a file of codes and hours for two people, seeing both changes before applying them', async () => {
    await nav('Staff').click()
    const csv = 'code,hours\nAP,30\nBJ,25\n'
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: 'Import staff' }).click()
    const preview = page.getByRole('region', { name: 'What this file would change' })
    await preview.waitFor()
    expect(await preview.innerText()).toContain('0 to add, 2 to update')
    expect(await preview.innerText()).toContain('AP Amira Patel: hours 32.5 -> 30')
    expect(await preview.innerText()).toContain('BJ Ben Jones: hours 28 -> 25')
    await snap('staff-csv-preview')
    await preview.getByRole('button', { name: 'Apply these changes' }).click()
    await status('Staff imported.').waitFor()
    expect(await page.getByRole('row', { name: /^Amira Patel/ }).innerText()).toMatch(/TA\s+30\s/)
    expect(await page.getByRole('row', { name: /^Ben Jones/ }).innerText()).toMatch(/G4\s+25\s/)
  })

  it('finds the published week kept, saying what changed, and generates it again with Amira off the yard', async () => {
    await nav('The week').click()
    const notice = page.getByRole('region', { name: 'The setup changed after this rota was made: generate the week again' })
    await notice.waitFor()
    expect(await notice.innerText()).toContain("Staff Amira Patel's grade and working pattern or limits changed after this rota was made.")
    expect(await dutiesOf('Amira Patel').innerText()).toContain('Yard')
    await snap('week-setup-changed')
    await notice.getByRole('button', { name: 'Generate again' }).click()
    await status('The week is generated').waitFor()
    expect(await dutiesOf('Amira Patel').innerText()).not.toContain('Yard')
    expect(await dutiesOf('Ben Jones').innerText()).toContain('Yard')
    await snap('week-generated-with-new-grade')
  })
})
