// The price of a gap in a real browser (Debian's chromium through playwright-core) against the
// real app on SQLite: a manager sets the teaching assistants' hourly rate (after a rate below
// zero the form refuses by name), opens the week whose published rota leaves seats empty, reads
// the priced ways to fill Monday's gaps, applies one with a click, sees the re-plan's changes,
// publishes, and finds the cost in the cover cost ledger on the Reports page. Every page is
// checked with axe-core for WCAG 2.2 AA at desk size and at 390 px, with no sideways scroll.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { axeViolations, newSchoolWithManager, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { gapWeek } from '../support/gap-week.js'
import { fixedClock, freshStore, testApp, writeContext, type TestStore } from '../support/kit.js'

/** Saturday 21 November 2026: the week to plan is the one starting Monday 23 November. */
const NOW = '2026-11-21T09:00:00Z'
const WEEK = '2026-11-23'

let store: TestStore
let story: Story
let base: string
let page: Page
let schoolId: string
const errors: string[] = []
let step = 0

beforeAll(async () => {
  store = freshStore()
  const clock = fixedClock(NOW)
  const ctx = writeContext(store, 'admin:test', clock)
  const made = await newSchoolWithManager(ctx, 'bursar@gap.example')
  schoolId = made.schoolId
  // A school already running: the week is published with its gaps.
  await importScenario(store, schoolId, gapWeek(), ctx)
  const draft = await generateDraft(ctx, schoolId, WEEK)
  await publishWeek(ctx, schoolId, WEEK, `"${draft.version}"`)

  story = await startStory(testApp({ store, clock }).fetch, errors)
  ;({ base, page } = story)
  await signIn(story, ctx, made.userId)
  page.setDefaultTimeout(15_000)
})

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** One step: its screenshot, and no WCAG 2.2 AA violation axe finds at desk size or at 390 px, where nothing scrolls sideways. */
async function snap(name: string): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `price-of-gaps-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  await page.setViewportSize({ width: 390, height: 844 })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `${name} at 390 px`).toBeLessThanOrEqual(390)
  expect(await axeViolations(page), `axe on ${name} at 390 px`).toEqual([])
  await page.screenshot({ path: join(RESULTS, `price-of-gaps-${String(step).padStart(2, '0')}-${name}-390.png`), fullPage: true })
  await page.setViewportSize({ width: 1280, height: 900 })
  expect(errors).toEqual([])
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Manager' }).getByRole('link', { name, exact: true })
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text })
const option = (text: string | RegExp) => page.getByRole('listitem').filter({ hasText: text })

describe('a manager fills a gap at a price they can see', () => {
  it('sets the teaching assistants’ hourly rate, after the form refuses one below zero by name', async () => {
    await page.goto(`${base}/manage/${schoolId}`)
    await nav('Grades').click()
    await page.getByRole('link', { name: 'Edit grade TA' }).click()
    await page.getByLabel('Hourly rate (£)').fill('-5')
    await page.getByRole('button', { name: 'Save grade' }).click()
    await page.getByRole('alert').filter({ hasText: 'must not be below zero' }).waitFor()
    expect(await page.getByRole('alert').innerText()).toContain('Hourly rate (£)')
    await snap('rate-refused')
    await page.getByLabel('Hourly rate (£)').fill('13.69')
    await page.getByRole('button', { name: 'Save grade' }).click()
    await status('Grade saved.').waitFor()
    expect(await page.getByRole('row', { name: /^TA / }).innerText()).toContain('£13.69 an hour')
  })

  it('reads Monday’s gaps with what each way of filling them costs', async () => {
    await page.goto(`${base}/manage/${schoolId}/week/${WEEK}`)
    await page.getByRole('link', { name: 'What would fill these seats, and what each way costs' }).click()
    const monday = page.getByRole('region', { name: 'Monday 23 November' })
    await monday.waitFor()
    expect(await monday.innerText()).toContain('Pay Eve Evans 0.5 additional hours (0 of 1.5 used): £6.85')
    expect(await monday.innerText()).toContain('Ask Nia Khan to do a second duty this week (over their cap of 1)')
    expect(await monday.innerText()).toContain('Allow Grade B to do on-call duties')
    await snap('gaps-priced')
  })

  it('pays Eve the half hour with one click, and the week page shows what the re-plan moved', async () => {
    await option('Pay Eve Evans 0.5 additional hours').getByRole('button', { name: 'Apply and re-plan' }).click()
    await status('Change made and the week re-planned').waitFor()
    const diff = page.getByRole('region', { name: 'What this re-plan changes' })
    expect(await diff.innerText()).toContain('Eve Evans')
    expect(await diff.innerText()).toContain('Parents')
    await snap('re-planned')
    await page.getByRole('button', { name: /^Publish as publication \d+$/ }).click()
    await status('Published.').waitFor()
  })

  it('finds the half hour and its cost in the cover cost ledger', async () => {
    await page.goto(`${base}/manage/${schoolId}/reports?asOf=${WEEK}`)
    const ledger = page.getByRole('table', { name: /^Cover cost ledger per person/ })
    expect(await ledger.getByRole('row', { name: /^Eve Evans/ }).innerText()).toContain('0.5 h, £6.85')
    await snap('ledger')
  })
})
