// /me on a 390 px phone puts the duties first and folds the seven forms (report an absence,
// leave, when you cannot, preferences, swaps, how you hear, calendar) under "Ask or tell the
// office", each a native <details>: it opens with no script and from the keyboard, and the answer
// to a form comes back with that form's fold open, so the person sees what became of it. Real
// chromium through playwright-core, mostly with JavaScript off; axe-core checks the page folded,
// unfolded and as a refusal answered it.
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, RESULTS, startStory, type Story } from '../support/browser-story.js'
import { startMeServer, type MeServer } from '../support/browser-server.js'
import { fold, unfold } from '../support/me-folds.js'

const PHONE = { width: 390, height: 844 }
const FOLDS = [
  'Report an absence',
  'Leave',
  'When you cannot do duties',
  'Duties you would rather do, or not',
  'Swaps',
  'How you hear about changes',
  'Your duties in your calendar',
]

let server: MeServer
let story: Story
let base: string
let browser: Browser
let noScript: BrowserContext
let scripted: BrowserContext

beforeAll(async () => {
  server = await startMeServer()
  story = await startStory(server.fetch, [])
  ;({ base, browser } = story)
  noScript = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
  scripted = await browser.newContext({ viewport: PHONE })
  // Amira opens her personal link once on each phone; its session cookie brings her back.
  for (const phone of [noScript, scripted]) {
    const page = await phone.newPage()
    await page.goto(`${base}${server.personalLinkPath}`)
    expect(new URL(page.url()).pathname).toBe('/me')
    await page.close()
  }
})

afterAll(async () => {
  await story?.close()
  await server?.close()
})

async function openMe(context: BrowserContext): Promise<Page> {
  const page = await context.newPage()
  await page.goto(`${base}/me`)
  await page.getByRole('heading', { level: 1 }).waitFor()
  return page
}

const openFolds = async (page: Page) => {
  const open: string[] = []
  for (const title of FOLDS) if ((await fold(page, title).getAttribute('open')) !== null) open.push(title)
  return open
}

/** The page as the no-script phone has it, drawn in a scripted one so axe-core can run there. */
async function axeOn(page: Page): Promise<string[]> {
  const copy = await scripted.newPage()
  await copy.goto(`${base}/me`)
  await copy.setContent(await page.content(), { waitUntil: 'load' })
  try {
    return await axeViolations(copy)
  } finally {
    await copy.close()
  }
}

/** Whether the element's top is at the top of the screen (within a pixel's rounding), so a link to it landed there. */
async function onScreen(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox()
  return box !== null && box.y > -1 && box.y < PHONE.height / 4
}

describe('/me with its forms folded', () => {
  it('opens on the duties, with every form folded below them under "Ask or tell the office"', async () => {
    const page = await openMe(noScript)
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts()
    expect(headings.findIndex((h) => h.startsWith('Today,'))).toBeLessThan(headings.indexOf('Ask or tell the office'))
    const office = page.getByRole('region', { name: 'Ask or tell the office' })
    expect(await office.locator('details.fold summary').allInnerTexts()).toEqual(FOLDS)
    expect(await openFolds(page)).toEqual([])
    // The page was 8,571 px tall at 390 px with every form open.
    const height = (await page.locator('body').boundingBox())?.height ?? Number.POSITIVE_INFINITY
    expect(height).toBeLessThan(4000)
    await page.screenshot({ path: join(RESULTS, 'me-folded.png'), fullPage: true })
    expect(await axeOn(page)).toEqual([])
    await page.close()
  })

  it('opens a fold from the keyboard with no script', async () => {
    const page = await openMe(noScript)
    await fold(page, 'Leave').locator('summary').focus()
    await page.keyboard.press('Enter')
    expect(await openFolds(page)).toEqual(['Leave'])
    expect(await page.getByLabel('First day', { exact: true }).isVisible()).toBe(true)
    await page.keyboard.press('Space')
    expect(await openFolds(page)).toEqual([])
    await page.close()
  })

  it('answers a refused leave form with Leave open at its reasons, and every other form still folded', async () => {
    const page = await openMe(noScript)
    await unfold(page, 'Leave')
    await page.getByRole('button', { name: 'Ask for leave' }).click()
    await page.locator('#leave-start[aria-invalid="true"]').waitFor()
    expect(await openFolds(page)).toEqual(['Leave'])
    expect(await page.locator('#leave-start-error').isVisible()).toBe(true)
    await page.screenshot({ path: join(RESULTS, 'me-folded-leave-refused.png'), fullPage: true })
    expect(await axeOn(page)).toEqual([])
    await page.close()
  })

  it('lands an answered leave request on the Leave fold, open with its message', async () => {
    const page = await openMe(noScript)
    await unfold(page, 'Leave')
    await page.getByLabel('First day', { exact: true }).fill('2026-12-07')
    await page.getByRole('button', { name: 'Ask for leave' }).click()
    await page.waitForURL((url) => url.search === '?leave=asked')
    expect(new URL(page.url()).hash).toBe('#leave')
    expect(await openFolds(page)).toEqual(['Leave'])
    expect(await fold(page, 'Leave').getByRole('status').innerText()).toContain('Asked: your manager sees the request')
    expect(await onScreen(page, '#leave')).toBe(true)
    await page.close()
  })

  it('keeps links into the page working: /me#to-see lands on the changes to mark as seen, /me#calendar on its fold', async () => {
    // Ben, whom the re-plan gave Thursday's yard, has a change to mark as seen.
    const ben = await browser.newContext({ viewport: PHONE, javaScriptEnabled: false })
    const page = await ben.newPage()
    await page.goto(`${base}${server.colleagueLinkPath}`)
    await page.goto(`${base}/me#to-see`)
    expect(await onScreen(page, '#to-see')).toBe(true)
    await page.goto(`${base}/me#calendar`)
    expect(await onScreen(page, '#calendar')).toBe(true)
    await ben.close()
  })

  it('has no axe violations with every fold open, and does not scroll sideways', async () => {
    const page = await openMe(scripted)
    for (const title of FOLDS) await unfold(page, title)
    expect(await openFolds(page)).toEqual(FOLDS)
    expect(await axeViolations(page)).toEqual([])
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(PHONE.width)
    await page.close()
  })
})
