// /me is served from a stored copy between changes (src/calendar/read-views.ts): a phone that
// has the page revalidates for nothing, and whatever changes what the person sees shows on
// the very next request, whether or not anyone publishes.
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { withCompression } from '../../src/platform/http/compression.js'
import { phoneWorld, publish, type School } from '../support/calendar.js'

const ORIGIN = 'http://localhost'
const WEEK = '2026-11-23'

let school: School
let app: App
let manager: string
let amira: string
let ben: string

beforeEach(async () => {
  const world = await phoneWorld('2026-11-24T07:45:00Z', WEEK, [
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_ben', 'gate', '2026-11-27', 'gate'],
  ]) // Tuesday, before school
  ;({ school, app, manager } = world)
  ;[amira, ben] = [await world.open(school.staff.amira), await world.open(school.staff.ben)]
})
afterEach(() => school.close())

const me = (cookie: string, headers: Record<string, string> = {}) => app.request('/me', { headers: { cookie, ...headers } })
const page = async (cookie: string) => (await me(cookie)).text()
const form = (path: string, cookie: string, fields: Record<string, string>) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
/** Thursday's yard duty, as the week's list shows it (its start time, in the day's list). */
const thursdayYard = (html: string) =>
  html.includes('<time datetime="2026-11-26T10:50">10:50</time> to <time datetime="2026-11-26T11:10">11:10</time>: Break duty')

describe('the stored /me page', () => {
  it("a phone that already has this week's page gets 304 and no body, and may keep it only privately", async () => {
    const first = await me(amira)
    const etag = first.headers.get('etag') ?? ''
    expect(first.status).toBe(200)
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('private, no-cache')
    expect(first.headers.get('vary')).toContain('Cookie')

    const again = await me(amira, { 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // Someone else's copy is not theirs: Ben's phone sending Amira's ETag gets his own page.
    expect((await me(ben, { 'if-none-match': etag })).status).toBe(200)
  })

  it('a re-publish shows the new duties on the next request, not the stored page', async () => {
    const before = await me(amira)
    expect(thursdayYard(await before.text())).toBe(true)
    school.clock.advanceSeconds(60)
    await publish(school, WEEK, [['stf_amira', 'yard', '2026-11-24', 'break']])
    const after = await me(amira, { 'if-none-match': before.headers.get('etag') ?? '' })
    expect(after.status).toBe(200)
    expect(thursdayYard(await after.text())).toBe(false)
  })

  it('a swap approved after publish shows at once on both pages', async () => {
    expect(thursdayYard(await page(amira))).toBe(true)
    expect(thursdayYard(await page(ben))).toBe(false)
    expect((await form('/me/swaps', amira, { give: 'yard|2026-11-26|break', to: school.staff.ben, back: '', note: '' })).status).toBe(303)
    const api = (path: string, headers: Record<string, string> = {}) =>
      app.request(`/api/schools/${school.schoolId}${path}`, {
        method: path.endsWith('swaps') ? 'GET' : 'POST',
        headers: { cookie: manager, origin: ORIGIN, ...headers },
      })
    const [offer] = ((await (await api(`/weeks/${WEEK}/swaps`)).json()) as { items: { id: string; version: number }[] }).items
    expect((await form(`/me/swaps/${offer?.id}/accept`, ben, { version: String(offer?.version) })).status).toBe(303)
    const [accepted] = ((await (await api(`/weeks/${WEEK}/swaps`)).json()) as { items: { version: number }[] }).items
    expect((await api(`/swaps/${offer?.id}/approve`, { 'if-match': `"${accepted?.version}"` })).status).toBe(200)

    expect(thursdayYard(await page(amira))).toBe(false)
    expect(thursdayYard(await page(ben))).toBe(true)
  })

  it("a week published for next Monday shows under later weeks on this week's page at once", async () => {
    expect(await page(amira)).not.toContain('Later weeks')
    await publish(school, '2026-11-30', [['stf_amira', 'gate', '2026-12-01', 'gate']])
    const html = await page(amira)
    expect(html).toContain('Later weeks')
    expect(html).toContain('<time datetime="2026-12-01T08:30">')
  })

  it('a manager renaming the person shows the new name on their page at once, with no publish', async () => {
    expect(await page(amira)).toContain('Your duties, Amira Patel')
    await school.store.db.updateTable('staff').set({ name: 'Amira Khan' }).where('id', '=', school.staff.amira).execute()
    expect(await page(amira)).toContain('Your duties, Amira Khan')
  })

  it("turns to the next day when the school's day turns, though nothing was written", async () => {
    expect(await page(amira)).toContain('Today, Tuesday 24 November')
    school.clock.advanceSeconds(24 * 3600)
    expect(await page(amira)).toContain('Today, Wednesday 25 November')
  })

  it('a message after a swap form is shown once and never becomes the stored page', async () => {
    const stored = await me(amira)
    const withMessage = await app.request('/me?swap=offered', { headers: { cookie: amira } })
    expect(withMessage.headers.get('cache-control')).toBe('no-store')
    expect(await withMessage.text()).not.toBe(await stored.text())
    expect(await page(amira)).toBe(await (await me(amira)).text())
  })

  it('a phone that takes gzip on Node gets the same page compressed once, and its ETag still revalidates', async () => {
    const node = withCompression(app)
    const plain = await (await me(amira)).text()
    const zipped = await node.request('/me', { headers: { cookie: amira, 'accept-encoding': 'gzip, deflate, br' } })
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(zipped.headers.get('vary')).toBe('Cookie, Accept-Encoding')
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString('utf8')).toBe(plain)
    const etag = zipped.headers.get('etag') ?? ''
    expect(etag).toMatch(/^W\/"/)
    expect((await node.request('/me', { headers: { cookie: amira, 'accept-encoding': 'gzip', 'if-none-match': etag } })).status).toBe(304)
  })
})
