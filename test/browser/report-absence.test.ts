// A member of staff reports tomorrow's absence on their phone, with a note for whoever covers,
// in a real browser (Debian's chromium through playwright-core, the real app on
// SQLite); the manager, on a phone too, finds it on the Absences page with the note and the
// re-plan of the published week waiting as a draft on the week's page; rejecting it re-plans the
// week again at once, with her duty given back. Every page on the way is
// checked with axe-core for WCAG 2.2 AA and for sideways scroll at 390 px; a screenshot of each
// step goes to test-results/.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SESSION_COOKIE, createSession } from '../../src/auth/sessions.js'
import { axeViolations } from '../support/axe.js'
import { makeSchool, publish, type School } from '../support/calendar.js'
import { launchChromium } from '../support/chromium.js'
import { testApp } from '../support/kit.js'
import { unfold } from '../support/me-folds.js'

const RESULTS = join(import.meta.dirname, '..', '..', 'test-results')
/** Monday 23 November 2026, 07:15 in London: Amira wakes up knowing she cannot come tomorrow. */
const NOW = '2026-11-23T07:15:00Z'
const NOTE = 'Year 4 reading group: books in the blue tray'

let school: School
let http: ServerType
let base: string
let browser: Browser
let staffPage: Page
let managerPage: Page
let personalLink: string

beforeAll(async () => {
  school = await makeSchool(NOW)
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
    ['stf_cara', 'yard', '2026-11-24', 'break'],
  ])
  const app = testApp({ store: school.store, clock: school.clock })
  const token = (await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token
  const issued = await app.request(`/api/schools/${school.schoolId}/staff/${school.staff.amira}/link`, {
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
  await page.screenshot({ path: join(RESULTS, `report-absence-${name}.png`), fullPage: true })
  expect(await axeViolations(page)).toEqual([])
  expect(await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(0)
}

describe('reporting an absence from the phone', () => {
  it('reaches the manager with the note, and the re-plan of the published week waits as a draft', async () => {
    await staffPage.goto(`${base}${personalLink}`)
    expect(new URL(staffPage.url()).pathname).toBe('/me')
    await unfold(staffPage, 'Report an absence')
    const form = staffPage.getByRole('region', { name: 'Report an absence' })
    await form.getByLabel('Tomorrow').click()
    await form.getByLabel('Reason (only your managers see it)').selectOption({ label: 'Sickness' })
    await form.getByLabel('Note for whoever covers you (they see it with the duty)').fill(NOTE)
    await check(staffPage, 'form')
    await form.getByRole('button', { name: 'Report my absence' }).click()
    await expect.poll(() => staffPage.getByRole('status').first().innerText()).toContain('Reported: your managers are told')
    expect(await form.innerText()).toContain('Absent Tue 24 Nov: reported: your managers can see it')
    await check(staffPage, 'reported')

    await managerPage.goto(`${base}/manage/${school.schoolId}/absences`)
    const reported = managerPage.getByRole('region', { name: 'Reported by staff' })
    const text = await reported.innerText()
    expect(text).toContain('Amira Patel')
    expect(text).toContain('Tuesday 24 November')
    expect(text).toContain(`Note for whoever covers: ${NOTE}`)
    await expect.poll(() => reported.getByRole('button', { name: /Reject/ }).count()).toBe(1)
    await check(managerPage, 'manager-absences')

    await managerPage.goto(`${base}/manage/${school.schoolId}/week/2026-11-23`)
    expect(await managerPage.getByRole('main').innerText()).toMatch(/Draft made .+ \(a re-plan\)/)
    await check(managerPage, 'manager-week-draft')
  })

  it('rejected by the manager, re-plans the week at once and gives Amira her gate duty back', async () => {
    await managerPage.goto(`${base}/manage/${school.schoolId}/absences`)
    const reported = managerPage.getByRole('region', { name: 'Reported by staff' })
    await reported.getByRole('button', { name: /Reject/ }).click()
    await managerPage.getByRole('status').filter({ hasText: 'Rejected: the absence is deleted' }).waitFor()
    const given = managerPage.getByRole('region', { name: 'The duties this gives back' })
    // The draft is read against the published rota, where Amira still has Tuesday's gate.
    expect(await given.innerText()).not.toContain('Amira Patel no longer has')
    await check(managerPage, 'manager-rejected')
    await given.getByRole('link', { name: 'Review and publish the re-plan for the week of Monday 23 November' }).click()
    expect(await managerPage.getByRole('main').innerText()).toMatch(/Draft made .+ \(a re-plan\)/)
    const amira = managerPage.getByRole('table', { name: /^Staff by day/ }).getByRole('row', { name: /^Amira Patel/ })
    // Her cells Monday to Sunday: Tuesday's is the second.
    expect(await amira.getByRole('cell').nth(1).innerText()).toMatch(/gate/i)

    await staffPage.goto(`${base}/me`)
    await unfold(staffPage, 'Report an absence')
    expect(await staffPage.getByRole('region', { name: 'Report an absence' }).innerText()).toContain('Absent Tue 24 Nov: rejected by a manager')
  })
})
