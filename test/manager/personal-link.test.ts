// Handing a member of staff their personal link from the staff page, through the whole app:
// the manager makes it (shown once, with a QR code), makes a new one when a phone is lost,
// or stops it, and chooses whether the person's calendar link stops too.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withBasics, withSchool, WEEKDAY_PATTERN, type TestApi } from '../support/api.js'
import { readQrCode } from '../support/qr.js'

let api: TestApi
let manage: string
let staffId: string
let base: string

beforeEach(async () => {
  api = await freshApi()
  const school = await withSchool(api)
  base = school.base
  await withBasics(api, base)
  const staff = await api.json('POST', `${base}/staff`, {
    code: 'AP',
    name: 'Amira Patel',
    grade: 'G4',
    hoursPerWeek: 32.5,
    pattern: WEEKDAY_PATTERN,
    unpaidBreakMinutes: 30,
  })
  expect(staff.status).toBe(201)
  staffId = staff.body.id
  manage = `/manage/${school.schoolId}/setup/staff/${staffId}/link`
})
afterEach(() => api.close())

/** Posts a page form as a browser does: url-encoded, from the app's own origin. */
const submit = (path: string, fields: Record<string, string> = {}) =>
  api.request('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' })

async function makeLink(fields: Record<string, string> = {}): Promise<{ status: number; html: string; url: string }> {
  const res = await submit(manage, fields)
  const html = await res.text()
  const url = /value="(https?:\/\/[^"]+\/auth\/staff\/[A-Za-z0-9_-]+)"/.exec(html)?.[1] ?? ''
  return { status: res.status, html, url }
}

/** Opens a personal link on a phone that has never signed in; the session cookie it gets, or none. */
async function openOnPhone(url: string): Promise<string | undefined> {
  const res = await api.app.request(new URL(url).pathname, { method: 'GET' })
  return res.headers.get('set-cookie')?.split(';')[0]
}

const phoneSees = async (cookie: string) => (await api.app.request('/me', { headers: { cookie } })).status

describe('a personal link from the staff page', () => {
  it('is offered on each row of the staff list', async () => {
    const html = await (await api.request('GET', manage.replace(/\/[^/]+\/link$/, ''))).text()
    expect(html).toContain(`href="${manage}"`)
    expect(html).toContain('Personal link<span class="visually-hidden"> for Amira Patel</span>')
  })

  it('says when the person has none yet', async () => {
    const html = await (await api.request('GET', manage)).text()
    expect(html).toContain('Amira Patel has no personal link yet')
    expect(html).toContain('>Make a personal link</button>')
  })

  it("is shown once, with a QR code, and opens the person's own phone page", async () => {
    const made = await makeLink()
    expect(made.status).toBe(201)
    expect(made.html).toContain('This is the only time the link is shown')
    expect(made.html).toMatch(/<svg[^>]*role="img" aria-label="QR code of Amira Patel/)
    expect(made.url).not.toBe('')
    expect(readQrCode(made.html)).toBe(made.url)
    const cookie = await openOnPhone(made.url)
    expect(cookie).toBeDefined()
    expect(await phoneSees(cookie!)).toBe(200)
    const again = await (await api.request('GET', manage)).text()
    expect(again).toContain('A personal link made on Monday 23 November at 09:00 is in use')
    expect(again).not.toContain(made.url)
  })

  it('made again for a lost phone, stops the old link and signs that phone out', async () => {
    const lost = await makeLink()
    const lostPhone = (await openOnPhone(lost.url))!
    const replacement = await makeLink()
    expect(replacement.url).not.toBe(lost.url)
    expect(await phoneSees(lostPhone)).toBe(401)
    expect(await openOnPhone(lost.url)).toBeUndefined()
    expect(await openOnPhone(replacement.url)).toBeDefined()
  })

  it("made again keeps the person's calendar link unless the manager ticks to stop it", async () => {
    await makeLink()
    const feed = await api.json('POST', `${base}/staff/${staffId}/feed`)
    const feedPath = new URL(feed.body.https ?? feed.body.url).pathname
    expect((await api.app.request(feedPath)).status).toBe(200)
    const page = await (await api.request('GET', manage)).text()
    expect(page).toContain('Also stop their calendar link')

    await makeLink()
    expect((await api.app.request(feedPath)).status).toBe(200)
    await makeLink({ alsoStopCalendar: 'yes' })
    expect((await api.app.request(feedPath)).status).toBe(404)
  })

  it('stopped without a new one, no longer opens the page and the phone is signed out', async () => {
    const made = await makeLink()
    const phone = (await openOnPhone(made.url))!
    const stop = await submit(`${manage}/stop`)
    expect(stop.status).toBe(303)
    expect(stop.headers.get('location')).toBe(`${manage}?done=link-stopped`)
    expect(await phoneSees(phone)).toBe(401)
    expect(await openOnPhone(made.url)).toBeUndefined()
    expect(await (await api.request('GET', manage)).text()).toContain('has no personal link yet')
  })

  it('stopped twice (a double click), says there was nothing left to stop', async () => {
    await makeLink()
    expect((await submit(`${manage}/stop`)).status).toBe(303)
    const again = await submit(`${manage}/stop`)
    expect(again.status).toBe(404)
    expect(await again.text()).toContain('Amira Patel has no personal link in use, so there was nothing to stop.')
  })

  it('is never stored as the link itself, only its digest', async () => {
    const made = await makeLink()
    const token = made.url.split('/').pop()!
    const rows = api.store.sqlite.prepare('SELECT * FROM staff_links').all() as Record<string, unknown>[]
    expect(rows).toHaveLength(1)
    expect(JSON.stringify(rows)).not.toContain(token)
    const audit = api.store.sqlite.prepare('SELECT * FROM audit_log').all()
    expect(JSON.stringify(audit)).not.toContain(token)
  })
})

describe('a personal link through the API', () => {
  it('can be stopped without a new one, and says so when there is none', async () => {
    expect((await api.json('POST', `${base}/staff/${staffId}/link`)).status).toBe(201)
    expect((await api.request('DELETE', `${base}/staff/${staffId}/link`)).status).toBe(204)
    const again = await api.json('DELETE', `${base}/staff/${staffId}/link`)
    expect(again.status).toBe(404)
    expect(again.body.detail).toContain('has no personal link in use')
  })
})
