// A manager keeps a term going by editing in place, in a real browser (Debian's chromium through
// playwright-core) at phone width against the real app on SQLite: after publishing the week, they
// give the yard one more person on its Edit page and the week tells them to generate it again;
// then they end the autumn term a week early on its Edit page, and the week before Christmas
// becomes a holiday that is not generated. Every page is checked with axe-core for WCAG 2.2 AA,
// must not scroll sideways at 390 px, and is saved as a screenshot in test-results/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDutyPost, addGrade, addSlot, addTermDates, importStaff } from '../../src/manager/setup-pages.js'
import { axeViolations, newSchoolWithManager, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { fixedClock, freshStore, testApp, writeContext, type TestStore } from '../support/kit.js'

/** Saturday 5 December 2026: the week to plan starts Monday 7 December. */
const NOW = '2026-12-05T09:00:00Z'

let store: TestStore
let story: Story
let page: Page
let school: string
const errors: string[] = []
let step = 0

beforeAll(async () => {
  store = freshStore()
  const clock = fixedClock(NOW)
  const ctx = writeContext(store, 'admin:test', clock)
  const { schoolId, userId } = await newSchoolWithManager(ctx, 'bursar@elmtree.example')
  school = schoolId
  const pc = { ctx, schoolId, origin: 'https://rota.example.org' }
  // The school as the manager set it up on its pages last term.
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addSlot(pc, { code: 'lunch1', kind: 'lunch', start: '12:10', end: '12:40' })
  await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18\nSpring term 2027-01-05 2027-03-26')
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] })
  const csv = ['Code,Name,Grade,Hours,Pattern', 'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50', 'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50']
  await importStaff(pc, { text: [...csv, 'CD,Cara Doyle,G4,30,Mon-Fri 08:30-15:00'].join('\n') })
  const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri']
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: weekdays, peopleNeeded: '1' })
  await addDutyPost(pc, { code: 'hall', name: 'Dining hall', kind: 'lunch', slots: 'lunch1', days: weekdays, peopleNeeded: '1' })

  story = await startStory(testApp({ store, clock }).fetch, errors)
  page = story.page
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(story, ctx, userId)
})

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** One step: its screenshot, no sideways scroll at 390 px, and no WCAG 2.2 AA violation axe finds. */
async function snap(name: string): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `edit-term-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `width of ${name}`).toBeLessThanOrEqual(390)
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  expect(errors).toEqual([])
}

const status = (text: string) => page.getByRole('status').filter({ hasText: text })

describe('a manager edits the setup in place as the term goes on', () => {
  it('publishes the week of 7 December', async () => {
    await page.goto(`${story.base}/manage/${school}/week/2026-12-07`)
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await expect.poll(() => status('The week is generated').isVisible()).toBe(true)
    await page.getByRole('button', { name: /^Publish as publication \d+$/ }).click()
    await expect.poll(() => status('Published.').isVisible()).toBe(true)
    expect(await page.getByText('The setup changed after this rota was made').count()).toBe(0)
    await snap('week-published')
  })

  it('gives the yard a second person on its Edit page, a bad number first, and is told to generate again', async () => {
    await page.goto(`${story.base}/manage/${school}/setup/posts`)
    await page.getByRole('link', { name: 'Edit duty post Yard' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Edit duty post Yard', level: 1 }).isVisible()).toBe(true)
    expect(await page.getByLabel('People needed').inputValue()).toBe('1')
    await snap('post-edit')
    await page.getByLabel('People needed').fill('two')
    await page.getByRole('button', { name: 'Save duty post' }).click()
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true)
    expect(await page.getByRole('alert').innerText()).toContain('People needed')
    expect(await page.getByLabel('People needed').inputValue()).toBe('two')
    await snap('post-edit-refused')
    await page.getByLabel('People needed').fill('2')
    await page.getByRole('button', { name: 'Save duty post' }).click()
    await expect.poll(() => status('Duty post saved.').isVisible()).toBe(true)

    await page.goto(`${story.base}/manage/${school}/week/2026-12-07`)
    const notice = page.getByRole('region', { name: 'The setup changed after this rota was made: generate the week again' })
    await expect.poll(() => notice.isVisible()).toBe(true)
    expect(await notice.innerText()).toContain("Duty post 'Yard': number of people changed after this rota was made.")
    await snap('week-needs-generating')
  })

  it('ends the autumn term a week early, and the week before Christmas is refused as a holiday', async () => {
    await page.goto(`${story.base}/manage/${school}/week/2026-12-14`)
    expect(await page.getByRole('button', { name: 'Generate the week' }).isVisible()).toBe(true)
    await page.goto(`${story.base}/manage/${school}/setup/terms`)
    await page.getByRole('link', { name: /^Edit Autumn term/ }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Edit Autumn term', level: 1 }).isVisible()).toBe(true)
    await page.getByLabel('Last day').fill('2026-12-11')
    await snap('term-edit')
    await page.getByRole('button', { name: 'Save term dates' }).click()
    await expect.poll(() => status('Term dates saved.').isVisible()).toBe(true)
    await snap('term-saved')

    await page.goto(`${story.base}/manage/${school}/week/2026-12-14`)
    await expect.poll(() => page.getByText(/No rota to plan: .*Christmas/).isVisible()).toBe(true)
    expect(await page.getByRole('button', { name: 'Generate the week' }).count()).toBe(0)
    await snap('christmas-refused')
  })
})
