// The jobs of the README's first paragraph on the pages alone, in a real browser with scripts
// off (Debian's chromium through playwright-core, the real app on SQLite): a colleague rings in
// sick, so the manager records the absence, asks for cover for their lesson on the Cover page,
// adds a parents' evening on the Events page, generates the week and finds both in the week's
// grid as seats with people in them. Every page on the way is checked with axe-core for WCAG
// 2.2 AA and for sideways scroll at 390 px; a screenshot of each step goes to test-results/.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, createSession } from '../../src/auth/sessions.js'
import { ensureUser, grant } from '../../src/auth/users.js'
import { axeViolations } from '../support/axe.js'
import { launchChromium } from '../support/chromium.js'
import { fixedClock, freshStore, testApp, type TestStore } from '../support/kit.js'
import { smallSchoolPages } from '../support/page-school.js'

const RESULTS = join(import.meta.dirname, '..', '..', 'test-results')
/** Saturday 21 November 2026: the week to plan is the one starting Monday 23 November. */
const NOW = '2026-11-21T09:00:00Z'

let store: TestStore
let http: ServerType
let base: string
let browser: Browser
let desk: BrowserContext
let phone: BrowserContext
let page: Page
let step = 0

beforeAll(async () => {
  store = freshStore()
  const pc = await smallSchoolPages(store, NOW)
  const user = await ensureUser(pc.ctx, 'bursar@elmtree.example', 'Bea Bursar')
  await grant(pc.ctx, user.id, { role: 'manager', schoolId: pc.schoolId })
  const token = (await createSession(pc.ctx, { kind: 'user', userId: user.id })).token
  const app = testApp({ store, clock: fixedClock(NOW) })
  http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  // "localhost", which browsers treat as secure, so the __Host- session cookie is kept over http.
  base = `http://localhost:${(http.address() as AddressInfo).port}`
  browser = await launchChromium()
  const cookie = { name: SESSION_COOKIE, value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' as const }
  // Scripts off: every form here must work as plain HTML.
  desk = await browser.newContext({ viewport: { width: 1280, height: 900 }, javaScriptEnabled: false })
  phone = await browser.newContext({ viewport: { width: 390, height: 844 } })
  for (const c of [desk, phone]) await c.addCookies([cookie])
  page = await desk.newPage()
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => http?.close(resolve))
  await store?.close()
})

/** The page as it is now: axe-core finds no WCAG 2.2 AA violation, and at 390 px it does not scroll sideways. */
async function check(name: string): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `cover-events-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  // The page as answered (a POST's answer cannot be fetched again), drawn at 390 px with scripts on for axe.
  const narrow = await phone.newPage()
  await narrow.goto(`${base}/manage`)
  await narrow.setContent(await page.content(), { waitUntil: 'load' })
  expect(await narrow.evaluate('document.documentElement.scrollWidth'), `${name} at 390 px`).toBeLessThanOrEqual(390)
  expect(await axeViolations(narrow), `axe on ${name}`).toEqual([])
  await narrow.close()
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Manager' }).getByRole('link', { name, exact: true })

describe('a colleague rings in sick, and there is a parents’ evening this week', () => {
  it('records the absence', async () => {
    await page.goto(`${base}/manage`)
    await nav('Absences').click()
    await page.getByLabel('Who', { exact: true }).selectOption({ label: 'Ben Jones' })
    await page.getByLabel('First day').fill('2026-11-24')
    await page.getByLabel('Last day').fill('2026-11-24')
    await page.getByLabel('Reason').selectOption({ label: 'Sickness' })
    await page.getByRole('button', { name: 'Record absence and re-plan' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'The cover this creates' }).isVisible()).toBe(true)
  })

  it('asks for cover for his lesson on the Cover page', async () => {
    await nav('Cover').click()
    await expect.poll(() => page.getByRole('heading', { name: 'Cover, week of Monday 23 November', level: 1 }).isVisible()).toBe(true)
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Tuesday 24 November' })
    await page.getByLabel('Slot', { exact: true }).selectOption({ label: 'p3 (11:15-12:15)' })
    await page.getByLabel('What needs covering').fill('9X Maths, room M4')
    await page.getByLabel('Covering for').selectOption({ label: 'Ben Jones, Tue 24 Nov (Sickness)' })
    await page.getByRole('button', { name: 'Add cover request' }).click()
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Cover request added.')
    const row = page.getByRole('row', { name: /9X Maths, room M4/ })
    expect(await row.innerText()).toMatch(/Ben Jones\s+p3, 11:15-12:15\s+1 person\s+3\s+Not generated yet/)
    await check('cover-added')
  })

  it('adds a parents’ evening on the Events page', async () => {
    await nav('Events').click()
    await page.getByLabel('Name', { exact: true }).fill("Parents' evening")
    await page.getByLabel('Date', { exact: true }).fill('2026-11-25')
    await page.getByLabel('From', { exact: true }).fill('16:00')
    await page.getByLabel('Until', { exact: true }).fill('18:00')
    await page.getByLabel('People needed').fill('2')
    await page.getByRole('button', { name: 'Add event' }).click()
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Event added.')
    expect(await page.getByRole('row', { name: /Parents' evening/ }).innerText()).toMatch(/Wednesday 25 November, 16:00-18:00\s+2 people/)
    await check('event-added')
  })

  it('generates the week and sees both as seats in the grid, with people in them', async () => {
    await nav('The week').click()
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await expect.poll(() => page.getByRole('status').first().innerText()).toContain('The week is generated')
    const grid = page.getByRole('table', { name: /Duty posts by day/ })
    const coverRow = await grid.getByRole('row', { name: /Cover: 9X Maths, room M4/ }).innerText()
    expect(coverRow).toMatch(/Amira Patel|Cara Doyle/)
    expect(coverRow).not.toContain('Ben Jones')
    const eventRow = await grid.getByRole('row', { name: /Parents' evening/ }).innerText()
    // Two people, each named with their Pin and Bar buttons.
    expect(new Set(eventRow.match(/Amira Patel|Ben Jones|Cara Doyle/g))).toHaveProperty('size', 2)
    await check('week-with-cover-and-event')
    await page.getByRole('link', { name: 'Cover for this week' }).click()
    expect(await page.getByRole('row', { name: /9X Maths, room M4/ }).innerText()).toMatch(/Filled by (Amira Patel|Cara Doyle)/)
    await check('cover-filled')
  })

  it('adds the rest of the cover list from a CSV file: a bad row is named, the good file is shown before it is added', async () => {
    const paste = page.getByLabel('Or paste the CSV here')
    await paste.fill('date,slot,label\n2026-11-24,p9,7A Art\n2026-11-24,p3,7B Art')
    await page.getByRole('button', { name: 'Preview the file' }).click()
    await expect.poll(() => page.getByRole('alert').first().innerText()).toContain('Line 2, slot: no slot with code "p9" in this school')
    await check('cover-csv-bad-row')
    await paste.fill('date,slot,label\n2026-11-24,p3,7B Art')
    await page.getByRole('button', { name: 'Preview the file' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'This file adds 1 cover request' }).isVisible()).toBe(true)
    await check('cover-csv-preview')
    await page.getByRole('button', { name: 'Add these cover requests' }).click()
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Cover requests imported from the file.')
    expect(await page.getByRole('row', { name: /7B Art/ }).innerText()).toContain('Not in the rota yet: generate the week again')
  })

  it('edits a request on its Edit page', async () => {
    await page.getByRole('link', { name: 'Edit cover for 7B Art' }).click()
    await check('cover-edit')
    await page.getByLabel('What needs covering').fill('7B Art, room A2')
    await page.getByRole('button', { name: 'Save cover request' }).click()
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Cover request saved.')
    expect(await page.getByRole('row', { name: /7B Art, room A2/ }).count()).toBe(1)
  })
})
