// No secret is stored in clear: after every kind of credential has been issued and used through
// the real app, no cell of any table holds one of them (nor its hex or base64 form).
import { afterEach, beforeEach, expect, it } from 'vitest'
import { hashToken } from '../../src/platform/tokens.js'
import { issueFeedToken } from '../../src/calendar/feed-tokens.js'
import { freshApi, ORIGIN, TESTER, withSchool, type TestApi } from '../support/api.js'
import { sessionCookieFrom } from '../support/auth.js'
import { writeContext } from '../support/kit.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

function allCells(): string[] {
  const tables = api.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['sessions', 'signin_links', 'staff_links', 'api_tokens', 'feed_tokens', 'audit_log']))
  const cells: string[] = []
  for (const { name } of tables) {
    for (const row of api.store.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) if (typeof value === 'string') cells.push(value)
    }
  }
  return cells
}

const linkIn = (text: string) => /token=([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? ''

it('no table holds a sign-in link, session, staff link, API token or feed token in clear', async () => {
  const { base, schoolId } = await withSchool(api)
  const json = { 'content-type': 'application/json', origin: ORIGIN }

  // The tester asks for sign-in links: one is used, one stays live.
  await api.app.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: TESTER.email }) })
  const used = linkIn(api.mailer.lastTo(TESTER.email)?.text ?? '')
  await api.app.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: TESTER.email }) })
  const unused = linkIn(api.mailer.lastTo(TESTER.email)?.text ?? '')
  const session = sessionCookieFrom(await api.app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token: used }) })) ?? ''

  // An API token, used; a staff member's personal link, opened; a calendar feed token.
  const token = (await api.json('POST', `${base}/api-tokens`, { name: 'sync' })).body.token as string
  expect((await api.app.request(`${base}/grades`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
  await api.json('POST', `${base}/grades`, { code: 'G4', name: 'Grade 4', dutyKinds: ['break'] })
  const staff = await api.json('POST', `${base}/staff`, { code: 's1', name: 'Sam', grade: 'G4', hoursPerWeek: 30, pattern: {} })
  const staffUrl = (await api.json('POST', `${base}/staff/${staff.body.id}/link`)).body.url as string
  const staffSession = sessionCookieFrom(await api.app.request(new URL(staffUrl).pathname)) ?? ''
  const feed = await issueFeedToken(writeContext(api.store, 'test'), { scope: 'person', schoolId, staffId: staff.body.id })

  const secrets = [
    used,
    unused,
    session.replace('__Host-session=', ''),
    token.slice(3),
    staffUrl.split('/').at(-1) ?? '',
    staffSession.replace('__Host-session=', ''),
    feed.token,
    api.auth.cookie?.replace('__Host-session=', '') ?? '',
  ]
  for (const s of secrets) expect(s).toMatch(/^[A-Za-z0-9_-]{43}$/)
  const cells = allCells()
  for (const secret of secrets) {
    const forms = [secret, Buffer.from(secret).toString('hex'), Buffer.from(secret).toString('base64')]
    const leaks = cells.filter((cell) => forms.some((f) => cell.includes(f)))
    expect(leaks, 'a cell holds a secret').toEqual([])
  }
  // What is kept instead: the digest of each, where it is checked.
  const stored = new Set(cells)
  for (const secret of secrets) expect(stored.has(await hashToken(secret)), secret).toBe(true)
})
