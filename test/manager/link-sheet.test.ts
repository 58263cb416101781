// The Staff page's sheet of personal links: a first link for everyone who has none, one card
// each with a QR code, and people who already have a link named, never given a new one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withBasics, withSchool, WEEKDAY_PATTERN, type TestApi } from '../support/api.js'
import { hashToken } from '../../src/platform/tokens.js'
import { readQrCode } from '../support/qr.js'

let api: TestApi
let base: string
let sheet: string
let ids: Record<string, string>

beforeEach(async () => {
  api = await freshApi()
  const school = await withSchool(api)
  base = school.base
  await withBasics(api, base)
  ids = {}
  for (const [code, name] of [
    ['AP', 'Amira Patel'],
    ['BO', 'Ben Okafor'],
    ['CW', 'Cara Wells'],
  ]) {
    const res = await api.json('POST', `${base}/staff`, { code, name, grade: 'G4', hoursPerWeek: 32.5, pattern: WEEKDAY_PATTERN, unpaidBreakMinutes: 30 })
    expect(res.status).toBe(201)
    ids[name as string] = res.body.id
  }
  sheet = `/manage/${school.schoolId}/setup/staff/links/print`
})
afterEach(() => api.close())

/** Posts the Staff page's button as a browser does: url-encoded, from the app's own origin. */
const printSheet = async () => {
  const res = await api.request('POST', sheet, '', { 'content-type': 'application/x-www-form-urlencoded' })
  return { status: res.status, html: await res.text() }
}

/** Each card's name and what its QR code reads as, the way a phone would. */
function cards(html: string): { name: string; words: string; scanned: string | null }[] {
  return html
    .split('<li class="link-card">')
    .slice(1)
    .map((card) => ({
      name: /<h2>([^<]*)<\/h2>/.exec(card)?.[1] ?? '',
      words: /<span class="link-words">([^<]*)<\/span>/.exec(card)?.[1] ?? '',
      scanned: readQrCode(card),
    }))
}

const liveLinks = () => api.store.sqlite.prepare('SELECT staff_id FROM staff_links WHERE revoked_at IS NULL').all() as { staff_id: string }[]

describe('the personal link sheet', () => {
  it('is offered on the Staff page as a form that posts to the sheet', async () => {
    const html = await (await api.request('GET', sheet.replace(/\/links\/print$/, ''))).text()
    expect(html).toMatch(new RegExp(`<form method="post" action="${sheet}"`))
    expect(html).toContain('Print personal links for everyone without one')
  })

  it("issues a link for each person without one, each card's QR code reading as that person's link", async () => {
    const { status, html } = await printSheet()
    expect(status).toBe(200)
    expect(html).toContain('This is the only time these links are shown')
    expect(html).toContain('works like a password')
    expect(html).not.toContain('<nav')
    const found = cards(html)
    expect(found.map((c) => c.name)).toEqual(['Ben Okafor', 'Amira Patel', 'Cara Wells'])
    for (const card of found) {
      expect(card.words).toMatch(/^http:\/\/localhost\/auth\/staff\/[A-Za-z0-9_-]+$/)
      expect(card.scanned).toBe(card.words)
      // The token behind the card is the one issued to the person it names.
      const hash = await hashToken(card.words.split('/').pop() ?? '')
      const row = api.store.sqlite.prepare('SELECT staff_id FROM staff_links WHERE token_hash = ? AND revoked_at IS NULL').get(hash) as
        | { staff_id: string }
        | undefined
      expect(row?.staff_id).toBe(ids[card.name])
    }
    expect(
      liveLinks()
        .map((l) => l.staff_id)
        .sort(),
    ).toEqual(Object.values(ids).sort())
  })

  it('keeps only digests: no token of the sheet is in the database or the audit log', async () => {
    const { html } = await printSheet()
    const dump = JSON.stringify([api.store.sqlite.prepare('SELECT * FROM staff_links').all(), api.store.sqlite.prepare('SELECT * FROM audit_log').all()])
    for (const card of cards(html)) expect(dump).not.toContain(card.words.split('/').pop())
  })

  it('skips and names people who already have a link, leaving their link working', async () => {
    const own = await api.request('POST', `${sheet.replace(/links\/print$/, '')}${ids['Ben Okafor']}/link`, '', {
      'content-type': 'application/x-www-form-urlencoded',
    })
    const ownUrl = /value="(https?:\/\/[^"]+\/auth\/staff\/[A-Za-z0-9_-]+)"/.exec(await own.text())?.[1] ?? ''
    const { html } = await printSheet()
    expect(cards(html).map((c) => c.name)).toEqual(['Amira Patel', 'Cara Wells'])
    expect(html).toContain('Ben Okafor: already has a link (re-issue from their page)')
    expect((await api.app.request(new URL(ownUrl).pathname)).headers.get('set-cookie')).toBeTruthy()
  })

  it('posted a second time issues nothing new and names everyone as already having a link', async () => {
    await printSheet()
    const before = api.store.sqlite.prepare('SELECT id FROM staff_links ORDER BY id').all()
    const again = await printSheet()
    expect(again.status).toBe(200)
    expect(cards(again.html)).toEqual([])
    expect(again.html).toContain('Everyone already has a personal link, so none was made.')
    for (const name of Object.keys(ids)) expect(again.html).toContain(`${name}: already has a link (re-issue from their page)`)
    expect(api.store.sqlite.prepare('SELECT id FROM staff_links ORDER BY id').all()).toEqual(before)
  })

  it('is refused to an API token (403) and issues nothing', async () => {
    const made = await api.json('POST', `${base}/api-tokens`, { name: 'timetable sync' })
    expect(made.status).toBe(201)
    const res = await api.app.request(sheet, {
      method: 'POST',
      headers: { authorization: `Bearer ${made.body.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    expect(res.status).toBe(403)
    expect(liveLinks()).toEqual([])
  })
})
