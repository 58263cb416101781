// Sending the "get a calendar link" form twice (back and resend, a double tap) must not stop the
// link the first post made: the form names the feed it replaces, so a replay changes nothing.
// The page's own "get a new link" button still replaces the link on purpose.
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { makeSchool, openPersonalLink, type School } from '../support/calendar.js'
import { testApp } from '../support/kit.js'

const ORIGIN = 'http://localhost'

let school: School
let app: App
let cookie: string

beforeEach(async () => {
  school = await makeSchool('2026-11-24T07:45:00Z')
  app = testApp({ store: school.store, clock: school.clock })
  const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  cookie = await openPersonalLink((path, init) => app.request(path, init), school, manager, school.staff.amira)
})
afterEach(() => school.close())

/** The hidden field of the issue form on a page, as the browser would send it back. */
function issueForm(html: string): URLSearchParams {
  const m = /<form method="post" action="\/me\/calendar"><input type="hidden" name="replaces" value="([^"]*)"/.exec(html)
  if (!m?.[1]) throw new Error('no calendar form on the page')
  return new URLSearchParams({ replaces: m[1] })
}
const feedPath = (html: string) => {
  const m = /value="(https?:\/\/[^"]+\/feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)
  return m?.[1] ? new URL(m[1]).pathname : undefined
}
const send = (form: URLSearchParams) =>
  app.request('/me/calendar', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' }, body: form })

it('a replayed "get a calendar link" form keeps the link it made working and says it was already made', async () => {
  const form = issueForm(await (await app.request('/me', { headers: { cookie } })).text())
  const first = await (await send(form)).text()
  const link = feedPath(first)
  expect(link).toBeDefined()

  const replay = await send(form)
  expect(replay.status).toBe(409)
  const replayed = await replay.text()
  expect(replayed).toContain('Your calendar link was already made, so nothing was changed')
  expect(feedPath(replayed)).toBeUndefined()
  expect((await app.request(link!)).status).toBe(200)

  // The button on the page that showed the link replaces it on purpose.
  const renewed = feedPath(await (await send(issueForm(first))).text())
  expect(renewed).toBeDefined()
  expect(renewed).not.toBe(link)
  expect((await app.request(link!)).status).toBe(404)
  expect((await app.request(renewed!)).status).toBe(200)
})
