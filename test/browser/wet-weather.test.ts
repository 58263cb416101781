// A wet Monday morning, in a real browser (Debian's chromium through playwright-core, the real app
// on SQLite), everyone on a phone at 390 px: the manager switches today to wet weather on the
// week page, opens the re-plan it makes at once (the Yard's people now in the Sports hall) and
// publishes it; a colleague who was on the Yard opens /me and finds the Sports hall there. Every
// page on the way is checked with axe-core for WCAG 2.2 AA and for sideways scroll; a screenshot
// of each step goes to test-results/.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, createSession } from '../../src/auth/sessions.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { axeViolations } from '../support/axe.js'
import { makeSchool, type School } from '../support/calendar.js'
import { launchChromium } from '../support/chromium.js'
import { testApp } from '../support/kit.js'

const RESULTS = join(import.meta.dirname, '..', '..', 'test-results')
/** Monday 23 November 2026, 07:40 in London: rain on the way in, break at 10:50. */
const NOW = '2026-11-23T07:40:00Z'
const MONDAY = '2026-11-23'

let school: School
let http: ServerType
let base: string
let browser: Browser
let staffPage: Page
let managerPage: Page
let personalLink: string
let colleague: string

beforeAll(async () => {
  school = await makeSchool(NOW)
  await school.store.db
    .insertInto('duty_posts')
    .values({
      id: 'dpt_hall',
      school_id: school.schoolId,
      code: 'hall',
      name: 'Sports hall',
      kind: 'break',
      days: '["mon","tue","wed","thu","fri"]',
      people_needed: 3,
      wet_weather_for: 'dpt_yard',
    })
    .execute()
  await school.store.db.insertInto('duty_post_slots').values({ duty_post_id: 'dpt_hall', slot_id: 'slt_break' }).execute()
  const draft = await generateDraft(school.ctx, school.schoolId, MONDAY)
  const published = await publishWeek(school.ctx, school.schoolId, MONDAY, `"${draft.version}"`)
  const onYard = published.rota.assignments.find((a) => a.duty === 'yard' && a.date === MONDAY)?.staff
  const staffId = { S1: school.staff.amira, S2: school.staff.ben, S3: school.staff.cara }[onYard ?? '']
  if (!staffId) throw new Error('nobody on the Yard this morning')
  colleague = staffId
  const app = testApp({ store: school.store, clock: school.clock })
  const token = (await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token
  const issued = await app.request(`/api/schools/${school.schoolId}/staff/${colleague}/link`, {
    method: 'POST',
    headers: { cookie: `${SESSION_COOKIE}=${token}`, origin: 'http://localhost' },
  })
  personalLink = new URL(((await issued.json()) as { url: string }).url).pathname
  http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  // "localhost", which browsers treat as secure, so the __Host- session cookie is kept over http.
  base = `http://localhost:${(http.address() as AddressInfo).port}`
  browser = await launchChromium()
  const phone = { viewport: { width: 390, height: 844 } }
  staffPage = await (await browser.newContext(phone)).newPage()
  const manager = await browser.newContext(phone)
  await manager.addCookies([{ name: SESSION_COOKIE, value: token, domain: 'localhost', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' }])
  managerPage = await manager.newPage()
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => http?.close(resolve))
  await school?.close()
})

/** The page as it is now: no WCAG 2.2 AA violation axe-core can find, no sideways scroll at 390 px. */
async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `wet-weather-${name}.png`), fullPage: true })
  expect(await axeViolations(page)).toEqual([])
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0)
}

describe('a wet morning switched from the phone', () => {
  it('moves the Yard’s people to the Sports hall, and once published the colleague sees it on /me', async () => {
    await managerPage.goto(`${base}/manage/${school.schoolId}/week/${MONDAY}`)
    const weather = managerPage.getByRole('region', { name: 'Wet weather' })
    expect(await weather.innerText()).toContain('On a wet day Sports hall runs instead of Yard, by the climbing frame')
    await check(managerPage, 'week-dry')

    await weather.getByRole('button', { name: 'Wet weather today' }).click()
    await managerPage.waitForURL(/done=wet-replanned/)
    const main = managerPage.getByRole('main')
    expect(await main.innerText()).toMatch(/Draft made .+ \(a re-plan\)/)
    const diff = await managerPage.getByRole('region', { name: 'What this re-plan changes' }).innerText()
    expect(diff).toContain('Now has: Sports hall, Mon 23 Nov (break)')
    await expect.poll(() => managerPage.getByRole('button', { name: 'Back to dry weather today' }).count()).toBe(1)
    await check(managerPage, 'week-wet-draft')

    await managerPage.getByRole('button', { name: /Publish as publication 2/ }).click()
    await managerPage.waitForURL(/done=published/)
    await check(managerPage, 'week-wet-published')

    await staffPage.goto(`${base}${personalLink}`)
    expect(new URL(staffPage.url()).pathname).toBe('/me')
    const today = await staffPage.getByRole('main').innerText()
    expect(today).toContain('Sports hall')
    await check(staffPage, 'me')
  })
})
