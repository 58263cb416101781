// Every manager page in a real browser (Debian's chromium through playwright-core), served as
// the app serves pages: under the strict security headers, with the stylesheet and script from
// /manage/assets/. Each page: no console errors (so nothing the CSP refuses), no WCAG 2.2 AA
// violation that axe-core finds, and a screenshot in test-results/ for a human look. The whole
// flow through the real routes is test/browser/manager.test.ts; this checks the pages alone.
import { mkdirSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import { Hono } from 'hono'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../support/chromium.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { securityHeaders } from '../../src/auth/headers.js'
import { signinPage } from '../../src/auth/pages.js'
import { homePage } from '../../src/home/home-page.js'
import { ASSET_PATHS, MANAGER_CSS, MANAGER_JS } from '../../src/manager/views/assets.js'
import { FAVICON_PATH, FAVICON_SVG } from '../../src/ui/favicon.js'
import { renderEditPages } from '../support/edit-fixtures.js'
import { renderPages } from '../support/manager-fixtures.js'

const require = createRequire(import.meta.url)
const RESULTS = join(import.meta.dirname, '..', '..', 'test-results')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

let http: ServerType
let base: string
let browser: Browser
let pages: Record<string, string>

beforeAll(async () => {
  // The pages seen before signing in share the manager's stylesheet, so they are checked here too.
  pages = {
    ...(await renderPages()),
    ...(await renderEditPages()),
    welcome: String(await homePage()),
    signin: String(await signinPage()),
    'signin-refused': String(await signinPage('Enter a valid email address.')),
  }
  const app = new Hono()
  app.use('*', securityHeaders())
  app.get(ASSET_PATHS.css, (c) => c.body(MANAGER_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }))
  app.get(ASSET_PATHS.js, (c) => c.body(MANAGER_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  app.get(FAVICON_PATH, (c) => c.body(FAVICON_SVG, 200, { 'content-type': 'image/svg+xml' }))
  app.get('/page/:name', (c) => {
    const html = pages[c.req.param('name')]
    return html === undefined ? c.notFound() : c.html(html)
  })
  http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  browser = await launchChromium()
  mkdirSync(RESULTS, { recursive: true })
})

afterAll(async () => {
  await browser?.close()
  await new Promise((resolve) => http?.close(resolve))
})

function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  return errors
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: require.resolve('axe-core') })
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[]
  }
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

const NAMES = [
  'welcome',
  'signin',
  'signin-refused',
  'schools',
  'home',
  'day',
  'terms',
  'grades',
  'staff',
  'posts',
  'week',
  'week-empty',
  'absences',
  'reports',
  'print',
  'poster',
  'availability',
  'people',
  'people-last-manager',
  'personal-link',
  'personal-link-new',
  'delete-staff',
  'delete-slot-in-use',
  'edit-staff-refused',
  'edit-school',
  'edit-conflict',
  'edit-gone',
]

describe('the manager pages in a browser', () => {
  it.each(NAMES)('%s: loads under the CSP with no console error, and saves a screenshot', async (name) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    const errors = collectErrors(page)
    const res = await page.goto(`${base}/page/${name}`)
    expect(res?.status()).toBe(200)
    // The stylesheet applied: the skip link is moved off screen until focused.
    expect(await page.evaluate(`getComputedStyle(document.querySelector('body')).fontFamily`)).toMatch(/system-ui/)
    await page.screenshot({ path: join(RESULTS, `manager-page-${name}.png`), fullPage: true })
    expect(errors).toEqual([])
    await context.close()
  })

  it.each(NAMES)('%s: has no WCAG 2.2 AA violation that axe-core finds', async (name) => {
    // axe goes in as a script element, which the CSP rightly refuses; the test above holds the CSP.
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true })
    const page = await context.newPage()
    await page.goto(`${base}/page/${name}`)
    expect(await axeViolations(page)).toEqual([])
    await context.close()
  })

  // A new manager on a phone: the page itself never scrolls sideways at 390 px. A wide grid may
  // scroll inside its own labelled region, so only what sticks out past the viewport counts.
  it.each(NAMES)('%s: fits a 390 px phone with nothing to scroll sideways', async (name) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } })
    const page = await context.newPage()
    await page.goto(`${base}/page/${name}`)
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number
    // On a failure, name what reaches past the viewport: anything outside a scrolling region, and
    // anything positioned absolutely, which escapes a region that is not itself positioned.
    const wide =
      width > 390
        ? await page.evaluate(`[...document.querySelectorAll('body *')]
            .filter((e) => e.getBoundingClientRect().right > 390 && (!e.parentElement.closest('.scroll') || getComputedStyle(e).position === 'absolute'))
            .map((e) => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))
            .slice(0, 8)`)
        : []
    await page.screenshot({ path: join(RESULTS, `manager-page-${name}-390.png`), fullPage: true })
    expect(width, `reaching past 390 px: ${JSON.stringify(wide)}`).toBeLessThanOrEqual(390)
    await context.close()
  })

  it('shows progress while the week is generated, and stops a second click', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await context.newPage()
    await page.goto(`${base}/page/week-empty`)
    // The page stays as the manager sees it while the server solves: the test stops the
    // form from leaving (after the page's own listener has run) instead of waiting for a solve.
    await page.evaluate(`document.addEventListener('submit', (event) => event.preventDefault())`)
    const progress = page.getByRole('status').filter({ hasText: 'Generating the week' })
    expect(await progress.isVisible()).toBe(false)
    await page.getByRole('button', { name: 'Generate the week' }).click()
    await expect.poll(() => progress.isVisible()).toBe(true)
    await expect.poll(() => page.getByRole('button', { name: 'Generate the week' }).isDisabled()).toBe(true)
    await page.screenshot({ path: join(RESULTS, 'manager-page-week-generating.png') })
    await context.close()
  })

  it('prints the week on A4 landscape', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${base}/page/print`)
    const pdf = await page.pdf({ preferCSSPageSize: true })
    // The first page's MediaBox: A4 landscape is 842 x 595 points.
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'))
    expect(box && [Math.round(Number(box[1])), Math.round(Number(box[2]))]).toEqual([842, 595])
    await context.close()
  })
})
