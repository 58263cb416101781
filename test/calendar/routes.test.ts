// /me and the feeds over HTTP, through the real app: a personal link opens the page, the page
// hands out the calendar link, calendar apps poll it cheaply, and revoking it closes it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { ME_STYLE_HASH } from '../../src/ui/phone-styles.js'
import { makeSchool, openPersonalLink, parseFeed, publish, type School } from '../support/calendar.js'
import { testApp } from '../support/kit.js'

const ORIGIN = 'http://localhost'

let school: School
let app: App
let manager: string

beforeEach(async () => {
  school = await makeSchool('2026-11-24T07:45:00Z') // Tuesday, before school
  app = testApp({ store: school.store, clock: school.clock })
  manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'gate', '2026-11-25', 'gate'],
  ])
})
afterEach(() => school.close())

/** What a member of staff does: opens the personal link their manager issued. */
const staffSession = (staffId = school.staff.amira) => openPersonalLink((path, init) => app.request(path, init), school, manager, staffId)

const post = (path: string, cookie: string) => app.request(path, { method: 'POST', headers: { cookie, origin: ORIGIN } })

/** The feed URL a page or an API answer shows, as a path this app serves. */
function feedPath(html: string): string {
  const m = /value="(https?:\/\/[^"]+\/feeds\/[A-Za-z0-9_-]{43}\.ics)"/.exec(html)
  if (!m?.[1]) throw new Error('no feed URL on the page')
  return new URL(m[1]).pathname
}

describe('/me', () => {
  it("opens from the personal link and shows today's duties, privately and under the strict CSP", async () => {
    const cookie = await staffSession()
    const res = await app.request('/me', { headers: { cookie } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    expect(res.headers.get('cache-control')).toBe('private, no-cache')
    expect(res.headers.get('content-security-policy')).toContain(`style-src 'self' ${ME_STYLE_HASH}`)
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline')
    const html = await res.text()
    expect(html).toContain('Your duties, Amira Patel')
    expect(html).toContain('Today, Tuesday 24 November')
    expect(html).toContain('With Ben Ortiz')
    expect(new TextEncoder().encode(html).length).toBeLessThan(50 * 1024)
  })

  it('without a session explains how to get in, and shows nothing', async () => {
    const res = await app.request('/me')
    expect(res.status).toBe(401)
    const html = await res.text()
    expect(html).toContain('Open your personal link')
    expect(html).not.toContain('Amira')
  })

  it('stops working for a copied cookie once the manager re-issues the personal link', async () => {
    const cookie = await staffSession()
    await staffSession()
    expect((await app.request('/me', { headers: { cookie } })).status).toBe(401)
  })
})

describe("a person's calendar link", () => {
  it('is offered as webcal:// and add-to-Google links, with the warning that calendar apps are slow', async () => {
    const cookie = await staffSession()
    const before = await (await app.request('/me', { headers: { cookie } })).text()
    expect(before).toContain('Google Calendar checks every 8 to 24 hours')
    const res = await post('/me/calendar', cookie)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const html = await res.text()
    expect(html).toMatch(/href="webcal:\/\/localhost\/feeds\/[A-Za-z0-9_-]{43}\.ics"/)
    expect(html).toMatch(/href="https:\/\/calendar\.google\.com\/calendar\/render\?cid=webcal%3A%2F%2Flocalhost%2Ffeeds%2F[A-Za-z0-9_-]{43}\.ics"/)
    const feed = await app.request(feedPath(html))
    expect(feed.status).toBe(200)
    expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(parseFeed(await feed.text()).events.map((e) => e.start)).toEqual(['2026-11-24T08:30:00Z', '2026-11-24T10:50:00Z'])
  })

  it('answers 304 to a client whose copy is current, by ETag or by date, until a publish changes it', async () => {
    const cookie = await staffSession()
    const path = feedPath(await (await post('/me/calendar', cookie)).text())
    const first = await app.request(path)
    const etag = first.headers.get('etag') ?? ''
    const lastModified = first.headers.get('last-modified') ?? ''
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(lastModified).toMatch(/GMT$/)
    expect((await app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(304)
    expect((await app.request(path, { headers: { 'if-modified-since': lastModified } })).status).toBe(304)
    const notModified = await app.request(path, { headers: { 'if-none-match': etag } })
    expect(notModified.headers.get('etag')).toBe(etag)
    expect(await notModified.text()).toBe('')

    school.clock.advanceSeconds(3600)
    await publish(school, '2026-11-23', [['stf_amira', 'gate', '2026-11-24', 'gate']])
    const changed = await app.request(path, { headers: { 'if-none-match': etag, 'if-modified-since': lastModified } })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect(parseFeed(await changed.text()).events).toHaveLength(1)
  })

  it('rotates: asking again stops the old link; revoking stops it altogether (404)', async () => {
    const cookie = await staffSession()
    const old = feedPath(await (await post('/me/calendar', cookie)).text())
    const fresh = feedPath(await (await post('/me/calendar', cookie)).text())
    expect((await app.request(old)).status).toBe(404)
    expect((await app.request(fresh)).status).toBe(200)
    const revoked = await post('/me/calendar/revoke', cookie)
    expect(revoked.status).toBe(303)
    expect((await app.request(fresh)).status).toBe(404)
    expect(await (await app.request('/me', { headers: { cookie } })).text()).toContain('Get a calendar link')
  })

  it('cannot be issued or revoked by another site (CSRF)', async () => {
    const cookie = await staffSession()
    for (const path of ['/me/calendar', '/me/calendar/revoke']) {
      const res = await app.request(path, { method: 'POST', headers: { cookie, origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' } })
      expect(res.status, path).toBe(403)
    }
  })

  it('answers 404 for anything that is not a live feed', async () => {
    for (const path of ['/feeds/nothing.ics', `/feeds/${'a'.repeat(43)}.ics`, `/feeds/${'a'.repeat(43)}`, '/feeds/']) {
      expect((await app.request(path)).status, path).toBe(404)
    }
  })
})

describe('feeds a manager issues', () => {
  const api = (method: string, path: string) => app.request(`/api/schools/${school.schoolId}${path}`, { method, headers: { cookie: manager, origin: ORIGIN } })

  it('the whole school, for as long as they manage it', async () => {
    const res = await api('POST', '/school-feed')
    expect(res.status).toBe(201)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const body = (await res.json()) as { id: string; scope: string; https: string; webcal: string; google: string }
    expect(body.scope).toBe('school')
    expect(body.webcal.startsWith('webcal://')).toBe(true)
    const path = new URL(body.https).pathname
    expect(parseFeed(await (await app.request(path)).text()).events).toHaveLength(4)
    await school.store.db.deleteFrom('memberships').where('user_id', '=', 'usr_manager').execute()
    expect((await app.request(path)).status).toBe(404)
  })

  it("one duty post, and a person's own feed (e.g. after a lost phone), each revocable", async () => {
    const post = (await (await api('POST', `/duty-posts/${school.posts.yard}/feed`)).json()) as { id: string; https: string }
    expect(
      parseFeed(await (await app.request(new URL(post.https).pathname)).text())
        .events.map((e) => e.summary)
        .sort(),
    ).toEqual(['Break duty: Yard, by the climbing frame (Amira Patel)', 'Break duty: Yard, by the climbing frame (Ben Ortiz)'])
    const ben = (await (await api('POST', `/staff/${school.staff.ben}/feed`)).json()) as { id: string; https: string }
    expect(parseFeed(await (await app.request(new URL(ben.https).pathname)).text()).events).toHaveLength(2)

    const listed = (await (await api('GET', '/feeds')).json()) as { items: { id: string; scope: string }[] }
    expect(listed.items.map((f) => f.scope).sort()).toEqual(['duty_post', 'person'])
    expect(JSON.stringify(listed)).not.toMatch(/[A-Za-z0-9_-]{43}/)

    expect((await api('DELETE', `/feeds/${post.id}`)).status).toBe(204)
    expect((await app.request(new URL(post.https).pathname)).status).toBe(404)
    expect((await api('DELETE', `/staff/${school.staff.ben}/feed`)).status).toBe(204)
    expect((await app.request(new URL(ben.https).pathname)).status).toBe(404)
  })
})
