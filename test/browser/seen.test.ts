// "Seen" in a real browser (Debian's chromium through playwright-core), at 390 px against the
// real app on SQLite: a re-plan gives Cara Amira's yard duty this morning; Cara opens her
// personal link, finds the duty marked New with a Seen button, and taps it; the manager's week
// page then says Cara has seen it. Every page is checked with axe-core for WCAG 2.2 AA, must not
// scroll sideways at 390 px, and is saved as a screenshot in test-results/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { makeSchool, publish, type School } from '../support/calendar.js'
import { testApp } from '../support/kit.js'

/** Tuesday 24 November 2026, 07:45 in London: before the 08:30 start. */
const NOW = '2026-11-24T07:45:00Z'
const WEEK = '2026-11-23'
const PHONE = { width: 390, height: 844 }

let school: School
let story: Story
let carasLink: string
const errors: string[] = []

beforeAll(async () => {
  school = await makeSchool(NOW)
  await publish(school, WEEK, [
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
  ])
  // Amira is away today: the re-plan gives her yard duty to Cara.
  school.clock.advanceSeconds(300)
  await publish(school, WEEK, [
    ['stf_cara', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
  ])
  const app = testApp({ store: school.store, clock: school.clock })
  story = await startStory(app.fetch, errors)
  await story.page.setViewportSize(PHONE)
  await signIn(story, school.ctx, 'usr_manager')
  const cookie = (await story.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  const issued = await app.request(`/api/schools/${school.schoolId}/staff/${school.staff.cara}/link`, {
    method: 'POST',
    headers: { cookie, origin: 'http://localhost' },
  })
  carasLink = new URL(((await issued.json()) as { url: string }).url).pathname
})

afterAll(async () => {
  await story?.close()
  await school?.close()
})

/** Its screenshot, no sideways scroll at 390 px, no WCAG 2.2 AA violation axe finds, no page error. */
async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `seen-${name}.png`), fullPage: true })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `width of ${name}`).toBeLessThanOrEqual(PHONE.width)
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  expect(errors).toEqual([])
}

describe('Seen, on the phone and on the week page', () => {
  it('the covering colleague taps Seen on /me, and the week page shows she has seen it', async () => {
    const phone = await (await story.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })).newPage()
    await phone.goto(`${story.base}${carasLink}`)
    expect(new URL(phone.url()).pathname).toBe('/me')
    const toSee = phone.getByRole('region', { name: 'Changes to mark as seen' })
    await expect.poll(() => toSee.isVisible()).toBe(true)
    expect(await toSee.getByRole('link').allInnerTexts()).toEqual(['Tue 24 Nov, 10:50 to 11:10: Break duty, Yard, by the climbing frame'])
    await check(phone, '01-me-to-see')

    // The link in the list leads to the duty in the week, where its Seen button is.
    await toSee.getByRole('link').click()
    const duty = phone.locator('li.duty:target')
    expect(await duty.innerText()).toContain('New')
    await duty.getByRole('button', { name: 'Seen' }).tap()
    await phone.getByRole('status').filter({ hasText: 'Marked as seen' }).waitFor()
    expect(await phone.getByRole('button', { name: 'Seen' }).count()).toBe(0)
    await check(phone, '02-me-seen')

    const office = story.page
    await office.goto(`${story.base}/manage/${school.schoolId}/week/${WEEK}`)
    const receipts = office.getByRole('region', { name: 'Who has seen the changes' })
    expect(await receipts.innerText()).toMatch(/Seen: Cara Li \(Tuesday 24 November at 07:5\d\)/)
    // Ben only has a new colleague on the yard: he goes where he went, so nobody asks him.
    expect(await receipts.innerText()).toContain('Everyone has seen their changes.')
    expect(await receipts.innerText()).not.toContain('Ben Ortiz')
    await check(office, '03-week-seen')
  })
})
