// What the browser stories share: the app served and a browser on it, where screenshots go, the
// page's errors as they happen, and axe-core's WCAG 2.2 AA findings on the page as it is now.
import { mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { serve, type ServerType } from '@hono/node-server'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { createSession } from '../../src/auth/sessions.js'
import { ensureUser, grant } from '../../src/auth/users.js'
import type { WriteContext } from '../../src/platform/deps.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { launchChromium } from './chromium.js'

const require = createRequire(import.meta.url)
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

/** Screenshots for a human look, outside git. */
export const RESULTS = join(import.meta.dirname, '..', '..', 'test-results')

/** Console errors and uncaught exceptions of `page`, into `errors`, each with the page's address. */
export function collectPageErrors(page: Page, errors: string[]): void {
  page.on('console', (m) => {
    // A page answered 4xx (a refused form) is logged as a failed load; answers are checked by the stories.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`${page.url()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
}

/**
 * axe-core on the page as it is now, one line per violation. It goes in through the DevTools
 * protocol, which the page's CSP does not govern, so the pages are checked under their real headers.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE)
  const result = (await page.evaluate(`axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(AXE_TAGS)} } })`)) as {
    violations: { id: string; help: string; nodes: { target: string[] }[] }[]
  }
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)
}

/** A story's app on a free port and a browser on it, at desk size, collecting the page's errors. */
export interface Story {
  /** "localhost", which browsers treat as secure, so the __Host- session cookie is kept over http */
  base: string
  browser: Browser
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

export async function startStory(fetch: (request: Request) => Response | Promise<Response>, errors: string[]): Promise<Story> {
  const http: ServerType = serve({ fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  const base = `http://localhost:${(http.address() as AddressInfo).port}`
  const browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  collectPageErrors(page, errors)
  mkdirSync(RESULTS, { recursive: true })
  return {
    base,
    browser,
    context,
    page,
    close: async () => {
      await browser.close()
      await new Promise((resolve) => http.close(resolve))
    },
  }
}

/** What `npm run admin` does for a new school: an organisation, an empty school, its manager. */
export async function newSchoolWithManager(ctx: WriteContext, email: string): Promise<{ schoolId: string; userId: string }> {
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  const user = await ensureUser(ctx, email, 'Bea Bursar')
  await grant(ctx, user.id, { role: 'manager', schoolId: school.id })
  return { schoolId: school.id, userId: user.id }
}

/** Signed in already: the session an emailed sign-in link would have opened, as the story's cookie (the link itself is test/browser/manager.test.ts's). */
export async function signIn(story: Story, ctx: WriteContext, userId: string): Promise<void> {
  const session = await createSession(ctx, { kind: 'user', userId })
  await story.context.addCookies([
    { name: '__Host-session', value: session.token, domain: 'localhost', path: '/', secure: true, httpOnly: true, sameSite: 'Lax' },
  ])
}
