// A new business manager runs the week through the pages alone, in a real browser (Debian's
// chromium through playwright-core) against the real app on SQLite: signs in with a one-time
// link from their email, sets up a small school from nothing (school day, term dates, grades,
// staff from a CSV file, duty posts), generates and publishes the week, records an absence,
// publishes the re-plan after reading what it changes, and deletes someone only after being
// told what goes with them. Every page visited is checked with
// axe-core for WCAG 2.2 AA and must log no console error (so nothing the CSP refuses); a
// screenshot of each step goes to test-results/.
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { axeViolations, newSchoolWithManager, RESULTS, startStory, type Story } from '../support/browser-story.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { fixedClock, freshStore, testApp, writeContext, type TestStore } from '../support/kit.js'

const EMAIL = 'bursar@elmtree.example'

/** Saturday 21 November 2026: the week to plan is the one starting Monday 23 November. */
const NOW = '2026-11-21T09:00:00Z'

let store: TestStore
let story: Story
let base: string
let page: Page
const mailer = new MemoryMailer()
const errors: string[] = []
const refused: string[] = []
const audited: Record<string, string[]> = {}
let step = 0

beforeAll(async () => {
  store = freshStore()
  const clock = fixedClock(NOW)
  await newSchoolWithManager(writeContext(store, 'admin:test', clock), EMAIL)

  story = await startStory(testApp({ store, clock, mailer }).fetch, errors)
  ;({ base, page } = story)
  page.on('response', (r) => {
    // The sign-in pages have no icon, so the browser asks for /favicon.ico; nothing else may fail.
    if (r.status() >= 400 && new URL(r.url()).pathname !== '/favicon.ico') refused.push(`${r.request().method()} ${new URL(r.url()).pathname} ${r.status()}`)
  })
})

afterAll(async () => {
  await story?.close()
  await store?.close()
})

/** axe-core on the page as it is now, under the page's real headers. */
async function checkAccessibility(name: string): Promise<void> {
  audited[name] = await axeViolations(page)
  expect(audited[name], `axe on ${name} (${page.url()})`).toEqual([])
}

/** One step of the story: its screenshot, and the accessibility of the page it ends on. */
async function snap(name: string): Promise<void> {
  step++
  await page.screenshot({ path: join(RESULTS, `manager-flow-${String(step).padStart(2, '0')}-${name}.png`), fullPage: true })
  await checkAccessibility(name)
}

const nav = (name: string) => page.getByRole('navigation', { name: 'Manager' }).getByRole('link', { name, exact: true })

describe('a new business manager runs the week through the pages alone', () => {
  it('signs in with the one-time link from their email', async () => {
    await page.goto(`${base}/manage`)
    expect(new URL(page.url()).pathname).toBe('/auth/signin')
    await snap('sign-in')
    await page.getByLabel('Your email address').fill(EMAIL)
    await page.getByRole('button', { name: 'Send me a sign-in link' }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Check your email' }).isVisible()).toBe(true)
    await snap('link-sent')
    const link = /https?:\/\/\S+/.exec(mailer.lastTo(EMAIL)?.text ?? '')?.[0]
    expect(link).toBeDefined()
    await page.goto(link as string)
    await snap('confirm-sign-in')
    await page.getByRole('button', { name: 'Sign in' }).click()
    // Signed in, the manager lands on their pages; with one school, /manage opens it.
    await page.waitForURL((url) => url.pathname.startsWith('/manage'))
    await expect.poll(() => page.getByRole('heading', { name: 'Start', level: 1 }).isVisible()).toBe(true)
    expect(await page.getByText('To do').count()).toBe(5)
    await snap('start')
  })

  it('sets up the school day, keeping what was typed when a time is wrong', async () => {
    await nav('School day').click()
    const addSlot = async (code: string, kind: string, start: string, end: string) => {
      await page.getByLabel('Short name').fill(code)
      await page.getByLabel('Kind').selectOption({ label: kind })
      await page.getByLabel('Starts').fill(start)
      await page.getByLabel('Ends').fill(end)
      await page.getByRole('button', { name: 'Add slot' }).click()
    }
    await addSlot('break', 'Break', '10:50', '10:30')
    // Refused: the form comes back as typed, the problem at its field and in the summary.
    await expect.poll(() => page.getByRole('alert').isVisible()).toBe(true)
    expect(await page.getByRole('alert').innerText()).toContain('Ends: must be after the start (10:50)')
    expect(await page.getByLabel('Short name').inputValue()).toBe('break')
    expect(await page.getByLabel('Starts').inputValue()).toBe('10:50')
    await snap('slot-refused')
    await page.getByLabel('Ends').fill('11:10')
    await page.getByRole('button', { name: 'Add slot' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Slot added.' }).isVisible()).toBe(true)
    await addSlot('lunch1', 'Lunch', '12:10', '12:40')
    await addSlot('lunch2', 'Lunch', '12:40', '13:10')
    expect(await page.getByRole('table', { name: 'The school day, in order' }).getByRole('row').count()).toBe(4)
    await snap('school-day')
  })

  it('pastes the term dates', async () => {
    await nav('Term dates').click()
    await page
      .getByLabel('Term dates, one per line')
      .fill(
        [
          'Autumn term 2026-09-03 2026-12-18',
          'Half term 2026-10-26 2026-10-30',
          'INSET 2026-09-02',
          'Spring term 2027-01-05 2027-03-26',
          'Bank holiday 2027-05-03',
        ].join('\n'),
      )
    await page.getByRole('button', { name: 'Save term dates' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Term dates saved.' }).isVisible()).toBe(true)
    expect(await page.getByRole('table', { name: 'Terms and half terms, by date' }).getByRole('row').count()).toBe(4)
    await snap('term-dates')
  })

  it('adds a grade and the work it allows', async () => {
    await nav('Grades').click()
    await page.getByLabel('Short name').fill('G4')
    await page.getByLabel('Name', { exact: true }).fill('Grade 4 (NJC 9-17)')
    await page.getByRole('button', { name: 'Add grade' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Grade added.' }).isVisible()).toBe(true)
    await snap('grades')
  })

  it('imports staff from a CSV file exported from the MIS, and adds one more by hand', async () => {
    await nav('Staff').click()
    const csv = [
      'Staff Code,Title,Forename,Surname,Grade,Contracted Hours,Working Pattern,Qualifications',
      'AP,Mrs,Amira,Patel,G4,36:40,Mon-Fri 08:00-15:50,First aid (30/06/2027)',
      'BJ,Mr,Ben,Jones,G4,32.5,Mon-Fri 08:00-15:30,',
      'CD,Ms,Cara,Doyle,G4,30,Mon-Fri 08:30-15:00,First aid (31/08/2028)',
    ].join('\r\n')
    await page.getByLabel('CSV file', { exact: true }).setInputFiles({ name: 'sims-staff.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
    await page.getByRole('button', { name: 'Import staff' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Staff imported.' }).isVisible()).toBe(true)
    await page.getByLabel('Name', { exact: true }).fill('Dee Evans')
    await page.getByLabel('Staff code').fill('DE')
    await page.getByLabel('Grade').selectOption('G4')
    await page.getByLabel('Hours per week').fill('25')
    await page.getByLabel('Working pattern').fill('Mon-Thu 08:30-15:00')
    await page.getByRole('button', { name: 'Add member of staff' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Member of staff added.' }).isVisible()).toBe(true)
    expect(await page.getByRole('table', { name: 'Staff and their contracts' }).getByRole('row').count()).toBe(5)
    await snap('staff')
  })

  it('adds the duty posts', async () => {
    await nav('Duty posts').click()
    const addPost = async (name: string, code: string, kind: string, slot: string, people: string, skills: string) => {
      await page.getByLabel('Name', { exact: true }).fill(name)
      await page.getByLabel('Short name').fill(code)
      await page.getByLabel('Kind').selectOption({ label: kind })
      await page.getByRole('group', { name: 'Slots it runs in' }).getByLabel(slot).check()
      await page.getByLabel('People needed').fill(people)
      await page.getByLabel('Skills needed').fill(skills)
      await page.getByRole('button', { name: 'Add duty post' }).click()
      await expect.poll(() => page.getByRole('status').filter({ hasText: 'Duty post added.' }).isVisible()).toBe(true)
    }
    await addPost('Yard', 'yard', 'Break', 'break (10:50 to 11:10)', '2', 'first-aid:1')
    await addPost('Dining hall', 'hall', 'Lunch', 'lunch1 (12:10 to 12:40)', '1', '')
    await nav('Start').click()
    expect(await page.getByText('To do').count()).toBe(0)
    await snap('duty-posts-done')
  })

  it('generates the week, reviews both grids and publishes it', async () => {
    await nav('The week').click()
    await expect.poll(() => page.getByRole('heading', { name: 'Week of Monday 23 November', level: 1 }).isVisible()).toBe(true)
    await snap('week-empty')
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'The week is generated' }).isVisible()).toBe(true)
    const posts = page.getByRole('table', { name: /^Duty posts by day, .*\(draft\)$/ })
    expect(await posts.getByRole('listitem').count()).toBeGreaterThan(10)
    expect(await page.getByText(/^15 of 15 seats filled/).isVisible()).toBe(true)
    expect(
      await page
        .getByRole('table', { name: /^Staff by day/ })
        .getByRole('row')
        .count(),
    ).toBe(5)
    await snap('week-draft')
    await page.getByRole('button', { name: /^Publish as publication \d+$/ }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published.' }).isVisible()).toBe(true)
    await snap('week-published')
  })

  it('hands a member of staff their personal link, which opens their duties on a phone', async () => {
    await nav('Staff').click()
    await page.getByRole('link', { name: 'Personal link for Amira Patel' }).click()
    await expect.poll(() => page.getByText('Amira Patel has no personal link yet').isVisible()).toBe(true)
    await snap('personal-link')
    await page.getByRole('button', { name: 'Make a personal link' }).click()
    const link = page.getByLabel('Or send them the link')
    await expect.poll(() => link.isVisible()).toBe(true)
    expect(await page.getByRole('img', { name: "QR code of Amira Patel's personal link" }).isVisible()).toBe(true)
    await snap('personal-link-new')
    // Her phone: a browser that has never signed in, opening the link she was given.
    const phone = await story.browser.newContext({ viewport: { width: 390, height: 844 } })
    try {
      const mine = await phone.newPage()
      await mine.goto(await link.inputValue())
      expect(new URL(mine.url()).pathname).toBe('/me')
      expect(await mine.getByRole('heading', { level: 1 }).innerText()).toContain('Amira Patel')
    } finally {
      await phone.close()
    }
    await nav('The week').click()
  })

  it('records an absence and sees the cover it creates', async () => {
    // Whoever is on the yard on Tuesday falls ill.
    const tuesdayYard = page
      .getByRole('table', { name: /^Duty posts by day/ })
      .getByRole('row', { name: /^Yard/ })
      .getByRole('cell')
      .nth(1)
    const who = (await tuesdayYard.getByRole('listitem').first().innerText()).split(/Pin|Unpin/)[0]?.trim() ?? ''
    expect(who).not.toBe('')
    await nav('Absences').click()
    await page.getByLabel('Who').selectOption({ label: who })
    await page.getByLabel('First day').fill('2026-11-24')
    await page.getByLabel('Last day').fill('2026-11-24')
    await page.getByLabel('Reason').selectOption('sickness')
    await page.getByRole('button', { name: 'Record absence and re-plan' }).click()
    const cover = page.getByRole('region', { name: 'The cover this creates' })
    await expect.poll(() => cover.isVisible()).toBe(true)
    expect(await cover.innerText()).toContain(`${who} no longer has: Yard, Tue 24 Nov (break).`)
    expect(await cover.innerText()).toMatch(/Covers: Yard, Tue 24 Nov \(break\)\./)
    await snap('absence-cover')
  })

  it('re-plans: reads the difference first, then publishes again', async () => {
    await page.getByRole('link', { name: /^Review and publish the re-plan/ }).click()
    const diff = page.getByRole('region', { name: 'What this re-plan changes' })
    await expect.poll(() => diff.isVisible()).toBe(true)
    expect(await diff.innerText()).toMatch(/1 assignment is taken off and 1 is given/)
    await snap('replan-diff')
    await page.getByRole('button', { name: /^Publish as publication \d+$/ }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Published.' }).isVisible()).toBe(true)
    expect(await page.getByRole('region', { name: 'What this re-plan changes' }).count()).toBe(0)
    await snap('replan-published')
  })

  it('reads the ledgers, prints the week and puts the QR code on the staffroom wall', async () => {
    await nav('Reports').click()
    expect(
      await page
        .getByRole('table', { name: /^Fairness ledger as of/ })
        .getByRole('row')
        .count(),
    ).toBe(5)
    const csv = await page.request.get(
      await page.getByRole('link', { name: 'Download the fairness ledger (CSV)' }).evaluate((a) => (a as unknown as { href: string }).href),
    )
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/)
    expect((await csv.text()).split('\r\n')[0]).toMatch(/^staff,name,fte,week_duties/)
    await snap('reports')
    await page.getByRole('link', { name: /^Print the week of/ }).click()
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/publication \d+/)
    await snap('print')
    await page.goBack()
    await nav('Staffroom QR code').click()
    expect(await page.getByRole('img', { name: `QR code for ${base}/me` }).isVisible()).toBe(true)
    await snap('poster')
  })

  it('is told a slot in use cannot be deleted, and what goes with a person before deleting them', async () => {
    await nav('School day').click()
    await page.getByRole('button', { name: 'Delete slot break', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Slot break (10:50-11:10) cannot be deleted yet', level: 1 }).isVisible()).toBe(true)
    expect(await page.getByRole('main').getByRole('listitem').allInnerTexts()).toEqual(['duty post Yard runs in it'])
    expect(await page.getByRole('main').getByRole('button').count()).toBe(0)
    await snap('delete-slot-in-use')
    await nav('Staff').click()
    const staffRows = page.getByRole('table', { name: 'Staff and their contracts' }).getByRole('row')
    await page.getByRole('button', { name: 'Delete Amira Patel', exact: true }).click()
    await expect.poll(() => page.getByRole('heading', { name: 'Delete Amira Patel?', level: 1 }).isVisible()).toBe(true)
    const goes = await page.getByRole('main').getByRole('listitem').allInnerTexts()
    expect(goes).toContain('the fairness and hours reports no longer show them')
    expect(goes).toContain('their personal link stops working, and a phone signed in with it is signed out')
    await snap('delete-staff')
    // Kept: back on the list, nobody is gone.
    await page.getByRole('link', { name: 'Keep it' }).click()
    await expect.poll(() => staffRows.count()).toBe(5)
    await page.getByRole('button', { name: 'Delete Amira Patel', exact: true }).click()
    await page.getByRole('main').getByRole('button', { name: 'Delete Amira Patel', exact: true }).click()
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Member of staff deleted.' }).isVisible()).toBe(true)
    expect(await staffRows.count()).toBe(4)
    expect(await staffRows.filter({ hasText: 'Amira Patel' }).count()).toBe(0)
  })

  it('met no console error, no refusal but the one made on purpose, and no accessibility violation', () => {
    expect(errors).toEqual([])
    expect(refused.map((r) => r.replace(/sch_\w+/, '{school}'))).toEqual(['POST /manage/{school}/setup/day 400'])
    expect(Object.keys(audited).length).toBe(23)
    expect(Object.entries(audited).filter(([, v]) => v.length > 0)).toEqual([])
  })
})
