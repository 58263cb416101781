// A slice of a whole term in a new business manager's hands, in a real browser (Debian's chromium
// through playwright-core) against the real app on SQLite, starting from the demo school a fresh
// `npm start` makes and the sign-in link it prints. On the Saturday before the autumn term's
// sixth week the manager edits a grade and sees the generate use it, re-imports a staff file that
// changes two people, adds cover and an event on their own pages and finds them as seats in the
// week, publishes; adds a duty post and is told the week needs generating again; publishes the
// next week, finds the October half term skipped and the Christmas week refused; and on the
// Friday a member of staff finds next week on their phone. Every page on the way is checked with
// axe-core for WCAG 2.2 AA and at 390 px for sideways scroll; a screenshot of each step goes to
// test-results/.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoManagerLink, ensureDemoSchool } from '../../src/scenario/demo.js'
import { axeViolations, RESULTS, startStory, type Story } from '../support/browser-story.js'
import { freshStore, handClock, testApp, writeContext, type TestClock, type TestStore } from '../support/kit.js'

const DEMO = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'scenarios', 'primary.json'), 'utf8')) as unknown

/** Saturday 10 October 2026: the week to plan starts Monday 12 October, two weeks before half term. */
const NOW = '2026-10-10T09:00:00Z'
/** Friday 16 October 2026, 16:00 in London, when staff look ahead to Monday. */
const FRIDAY = '2026-10-16T15:00:00Z'

let store: TestStore
let clock: TestClock
let story: Story
let base: string
let page: Page
let schoolId: string
let demoLink: string
const errors: string[] = []
let step = 0

beforeAll(async () => {
  store = freshStore()
  clock = handClock(NOW)
  const ctx = writeContext(store, 'system', clock)
  const demo = await ensureDemoSchool(ctx, DEMO)
  if (!demo) throw new Error('no demo school was made')
  schoolId = demo.schoolId
  story = await startStory(testApp({ store, clock }).fetch, errors)
  ;({ base, page } = story)
  demoLink = await demoManagerLink(ctx, schoolId, base)
  page.setDefaultTimeout(20_000)
}, 60_000)

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** One step: its screenshot, no WCAG 2.2 AA violation axe finds, and no sideways scroll at 390 px. */
async function snap(name: string, on: Page = page): Promise<void> {
  step++
  await on.screenshot({ path: join(RESULTS, `whole-term-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  expect(await axeViolations(on), `axe on ${name}`).toEqual([])
  const size = on.viewportSize()
  await on.setViewportSize({ width: 390, height: 844 })
  expect(await on.evaluate('document.documentElement.scrollWidth'), `${name} at 390 px`).toBeLessThanOrEqual(390)
  if (size) await on.setViewportSize(size)
  expect(errors).toEqual([])
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Manager' }).getByRole('link', { name, exact: true })
const status = (text: string | RegExp) => page.getByRole('status').filter({ hasText: text })
const weekHeading = (monday: string) => page.getByRole('heading', { name: `Week of ${monday}`, level: 1 })
/** The cells of a person's row in the "Staff by day" grid. */
const dutiesOf = (person: string) => page.getByRole('table', { name: /^Staff by day/ }).getByRole('row', { name: new RegExp(`^${person}`) })
const postsGrid = () => page.getByRole('table', { name: /^Duty posts by day/ })
const setupChanged = () => page.getByRole('region', { name: 'The setup changed after this rota was made: generate the week again' })

async function generate(): Promise<void> {
  await page
    .getByRole('button', { name: /^(Generate the week|Generate again)$/ })
    .first()
    .click()
  await status('The week is generated').waitFor()
}

async function publish(): Promise<void> {
  const button = page.getByRole('button', { name: /^Publish as publication \d+$/ })
  const number = /\d+$/.exec(await button.innerText())?.[0]
  await button.click()
  await status('Published.').waitFor()
  // The number the button promised is the number published.
  expect(await page.getByText(new RegExp(`Publication ${number}\\b`)).count()).toBeGreaterThan(0)
}

describe('a new business manager runs a slice of the autumn term', () => {
  it('signs in with the link `npm start` prints for the demo school', async () => {
    await page.goto(demoLink)
    await snap('confirm-sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL((url) => url.pathname.startsWith('/manage'))
    await page.getByRole('heading', { name: 'Start', level: 1 }).waitFor()
    await snap('start')
  })

  it('takes lunch away from the level 2 teaching assistants’ grade, and the generate gives none of them a lunch', async () => {
    await nav('Grades').click()
    await page.getByRole('link', { name: 'Edit grade TA2' }).click()
    await page.getByRole('heading', { name: 'Edit grade TA2', level: 1 }).waitFor()
    await page.getByRole('checkbox', { name: 'Lunch' }).uncheck()
    await snap('grade-edit')
    await page.getByRole('button', { name: 'Save grade' }).click()
    await status('Grade saved.').waitFor()

    await nav('The week').click()
    await weekHeading('Monday 12 October').waitFor()
    await generate()
    for (const person of ['Jade Clarke', 'Dev Ali', 'Tariq Walker']) expect(await dutiesOf(person).innerText(), person).not.toMatch(/Hall|Field/)
    await snap('week-generated')
  })

  it('re-imports a staff file that changes two people, reading the changes before applying them', async () => {
    await nav('Staff').click()
    const csv = 'code,hours\ns001,30\ns002,25\n'
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'hours.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: 'Import staff' }).click()
    const preview = page.getByRole('region', { name: 'What this file would change' })
    await preview.waitFor()
    expect(await preview.innerText()).toContain('0 to add, 2 to update')
    expect(await preview.innerText()).toContain('s001 Nia Evans: hours 32.5 -> 30')
    expect(await preview.innerText()).toMatch(/s002 Imran Evans: hours [\d.]+ -> 25/)
    await snap('staff-csv-preview')
    await preview.getByRole('button', { name: 'Apply these changes' }).click()
    await status('Staff imported.').waitFor()
    expect(await page.getByRole('row', { name: /^Nia Evans/ }).innerText()).toMatch(/\s30\s/)
    expect(await page.getByRole('row', { name: /^Imran Evans/ }).innerText()).toMatch(/\s25\s/)
  })

  it('adds cover on the Cover page and an event on the Events page, and finds both as seats in the week', async () => {
    await nav('Cover').click()
    await page.getByRole('heading', { name: 'Cover, week of Monday 12 October', level: 1 }).waitFor()
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday 13 October' })
    await page.getByLabel('Slot', { exact: true }).selectOption({ label: 's2 (10:30-12:00)' })
    await page.getByLabel('What needs covering').fill('8C Geography, room H2')
    await page.getByRole('button', { name: 'Add cover request' }).click()
    await status('Cover request added.').waitFor()
    await snap('cover-added')

    await nav('Events').click()
    await page.getByLabel('Name', { exact: true }).fill('Year 6 open evening')
    await page.getByLabel('Date', { exact: true }).fill('2026-10-14')
    await page.getByLabel('From', { exact: true }).fill('16:00')
    await page.getByLabel('Until', { exact: true }).fill('17:30')
    await page.getByLabel('People needed').fill('1')
    await page.getByRole('button', { name: 'Add event' }).click()
    await status('Event added.').waitFor()
    await snap('event-added')

    await nav('The week').click()
    await generate()
    expect(
      await postsGrid()
        .getByRole('row', { name: /Cover: 8C Geography, room H2/ })
        .innerText(),
    ).toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/)
    expect(
      await postsGrid()
        .getByRole('row', { name: /Year 6 open evening/ })
        .innerText(),
    ).toMatch(/[A-Z][a-z]+ [A-Z][a-z]+/)
    await snap('week-with-cover-and-event')
    await publish()
    expect(await setupChanged().count()).toBe(0)
    await snap('week-1-published')
  })

  it('adds a duty post after the publish, is told the week needs generating again, regenerates and publishes', async () => {
    await nav('Duty posts').click()
    await page.getByLabel('Name', { exact: true }).fill('Library')
    await page.getByLabel('Short name').fill('library-lunch')
    await page.getByLabel('Kind').selectOption({ label: 'Lunch' })
    await page
      .getByRole('group', { name: 'Slots it runs in' })
      .getByLabel(/^lunch-a/)
      .check()
    await page.getByLabel('People needed').fill('1')
    await page.getByRole('button', { name: 'Add duty post' }).click()
    await status('Duty post added.').waitFor()

    await nav('The week').click()
    await setupChanged().waitFor()
    expect(await setupChanged().innerText()).toContain('Library')
    await snap('week-needs-generating')
    await setupChanged().getByRole('button', { name: 'Generate again' }).click()
    await status('The week is generated').waitFor()
    expect(
      await postsGrid()
        .getByRole('row', { name: /^Library/ })
        .count(),
    ).toBe(1)
    await publish()
    expect(await setupChanged().count()).toBe(0)
    await snap('week-1-republished')
  })

  it('publishes week 2, and the week after it skips the October half term', async () => {
    await page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name: 'Next week' }).click()
    await weekHeading('Monday 19 October').waitFor()
    await generate()
    await publish()
    await snap('week-2-published')
    const weeks = page.getByRole('navigation', { name: 'Weeks' })
    await weeks.getByRole('link', { name: 'Next school week, Monday 2 November (after October half term 2026)' }).click()
    await weekHeading('Monday 2 November').waitFor()
    expect(await weeks.getByRole('link', { name: /^Previous/ }).innerText()).toBe('Previous school week, Monday 19 October (before October half term 2026)')
    await snap('half-term-skipped')
  })

  it('pages back over the half term on the Cover page too, told what it steps over', async () => {
    await page.getByRole('navigation', { name: 'Weeks' }).getByRole('link', { name: 'Cover for this week' }).click()
    await page.getByRole('heading', { name: 'Cover, week of Monday 2 November', level: 1 }).waitFor()
    const weeks = page.getByRole('navigation', { name: 'Weeks' })
    await weeks.getByRole('link', { name: 'Previous school week, Monday 19 October (before October half term 2026)' }).click()
    await page.getByRole('heading', { name: 'Cover, week of Monday 19 October', level: 1 }).waitFor()
    expect(await weeks.getByRole('link', { name: /^Next/ }).innerText()).toBe('Next school week, Monday 2 November (after October half term 2026)')
    await snap('cover-half-term-skipped')
  })

  it('finds the Christmas week refused as not a school week', async () => {
    await page.goto(`${base}/manage/${schoolId}/week/2026-12-21`)
    await page.getByText(/No rota to plan: .*Christmas/).waitFor()
    expect(await page.getByRole('button', { name: 'Generate the week' }).count()).toBe(0)
    await snap('christmas-refused')
  })

  it('finds nobody in the demo school has an e-mail address to be sent a link', async () => {
    await nav('Staff').click()
    await page.getByRole('link', { name: 'E-mail personal links' }).click()
    await page.getByRole('heading', { name: 'E-mail personal links', level: 1 }).waitFor()
    expect(await page.getByText('Nia Evans: no e-mail').count()).toBe(1)
    await snap('email-links')
  })

  it('on the Friday of week 1, a member of staff finds week 2 on their phone', async () => {
    await nav('Staff').click()
    await page.getByRole('link', { name: 'Personal link for Nia Evans' }).click()
    await page.getByRole('button', { name: 'Make a personal link' }).click()
    const link = await page.getByLabel('Or send them the link').inputValue()
    await story.context.grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.getByRole('button', { name: 'Copy the link' }).click()
    await status('Copied.').waitFor()
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link)
    await snap('personal-link-copied')
    clock.advanceSeconds((Date.parse(FRIDAY) - Date.parse(NOW)) / 1000)
    const phone = await story.browser.newContext({ viewport: { width: 390, height: 844 } })
    try {
      const mine = await phone.newPage()
      await mine.goto(link)
      expect(new URL(mine.url()).pathname).toBe('/me')
      const next = mine.getByRole('region', { name: /Week of Monday 19 October|Next week/ })
      await next.first().waitFor()
      expect(await next.first().innerText()).toMatch(/Monday 19 October/)
      await snap('phone-next-week', mine)
    } finally {
      await phone.close()
    }
  })
})
