// A manager brings in supply for a day nobody can cover, in a real browser (Debian's chromium
// through playwright-core) against the real app on SQLite: they add a supply person on the Supply
// page (a rate below zero refused first, with what they typed kept), see another whose DBS has
// expired marked "Cannot work" with the date, then book the first from the week page for the
// Tuesday whose seats are unfilled, and the re-planned draft gives them that seat. Each page is
// checked at 390 px (no sideways scroll) and at desk width, with axe-core for WCAG 2.2 AA, and
// saved as a screenshot in test-results/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDutyPost, addGrade, addSlot, importStaff } from '../../src/manager/setup-pages.js'
import { createSupplyPerson } from '../../src/supply/supply-people.js'
import { axeViolations, newSchoolWithManager, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { fixedClock, freshStore, testApp, writeContext, type TestStore } from '../support/kit.js'

/** Friday 20 November 2026: the week to plan starts Monday 23 November. */
const NOW = '2026-11-20T09:00:00Z'
const WEEK = '2026-11-23'

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
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addGrade(pc, { code: 'TA', name: 'Teaching assistant', dutyKinds: ['break', 'lunch'] })
  // Ben is the only one on the staff, and he does not work Tuesdays.
  await importStaff(pc, { text: 'Code,Name,Grade,Hours,Pattern\nBJ,Ben Jones,TA,30,Mon 08:30-15:30; Wed-Fri 08:30-15:30' })
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })
  await createSupplyPerson(ctx, schoolId, {
    code: 'pat',
    name: 'Pat Agency',
    grade: 'TA',
    agency: 'Zeta Staffing',
    ratePence: 1800,
    rateUnit: 'hour',
    checks: {
      dbs: { checkedOn: '2023-11-01', expiresOn: '2026-11-15' },
      agency_confirmation: { checkedOn: '2026-11-01', expiresOn: null },
      identity: { checkedOn: '2026-11-01', expiresOn: null },
    },
  })

  story = await startStory(testApp({ store, clock }).fetch, errors)
  page = story.page
  await page.setViewportSize({ width: 390, height: 844 })
  await signIn(story, ctx, userId)
})

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** One step: its screenshot, no sideways scroll at the page's width, and no WCAG 2.2 AA violation axe finds. */
async function snap(name: string, width = 390): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `supply-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `width of ${name}`).toBeLessThanOrEqual(width)
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  expect(errors).toEqual([])
}

const status = (text: string) => page.getByRole('status').filter({ hasText: text })

describe('a manager books supply for the day nobody can cover', () => {
  it('adds a supply person, a rate below zero refused first', async () => {
    await page.goto(`${story.base}/manage/${school}/supply`)
    expect(await page.getByText('Cannot work: DBS seen expired 2026-11-15').isVisible()).toBe(true)
    await page.getByLabel('Name', { exact: true }).fill('Sam Supply')
    await page.getByLabel('Short name').fill('sam')
    await page.getByLabel('Grade').selectOption('TA')
    await page.getByLabel('Agency').fill('Acme Supply')
    await page.getByLabel('Rate (£)').fill('-145')
    await page.locator('#supply-form-dbs-on').fill('2026-09-01')
    await page.locator('#supply-form-dbs-until').fill('2027-08-31')
    await page.locator('#supply-form-agency_confirmation-on').fill('2026-11-01')
    await page.locator('#supply-form-identity-on').fill('2026-11-01')
    await page.getByRole('button', { name: 'Add supply person' }).click()
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true)
    expect(await page.getByRole('alert').innerText()).toContain('Rate (£): must not be below zero')
    expect(await page.getByLabel('Agency').inputValue()).toBe('Acme Supply')
    await snap('refused')
    await page.getByLabel('Rate (£)').fill('145.00')
    await page.getByRole('button', { name: 'Add supply person' }).click()
    await expect.poll(() => status('Supply person added.').isVisible()).toBe(true)
    expect(await page.getByRole('row', { name: /Sam Supply/ }).innerText()).toContain('Can work')
    await snap('added')
  })

  it('books them from the week for the Tuesday whose seat is unfilled, and the draft gives them the seat', async () => {
    await page.goto(`${story.base}/manage/${school}/week/${WEEK}`)
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await expect.poll(() => status('The week is generated').isVisible()).toBe(true)
    const section = page.getByRole('region', { name: 'Book supply for the unfilled days' })
    expect(await section.innerText()).toContain('Pat Agency cannot work Tue 24 Nov: DBS seen expired 2026-11-15')
    await snap('offered')
    await page.locator('#book-supply-staff').selectOption({ label: 'Sam Supply (Acme Supply)' })
    await page.locator('#book-supply-date').selectOption({ label: 'Tue 24 Nov' })
    await page.getByRole('button', { name: 'Book supply' }).click()
    await expect.poll(() => status('Supply booked').isVisible()).toBe(true)
    expect(await page.getByRole('region', { name: 'Book supply for the unfilled days' }).count()).toBe(0)
    expect(await page.getByRole('table', { name: /^Duty posts by day/ }).innerText()).toContain('Sam Supply')
    await snap('booked')
  })

  it('reads the same at desk width', async () => {
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${story.base}/manage/${school}/supply`)
    await snap('desk', 1280)
    await page.goto(`${story.base}/manage/${school}/week/${WEEK}`)
    await snap('week-desk', 1280)
  })
})
