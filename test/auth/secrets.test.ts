// No secret is stored in clear: after every kind of credential has been issued and used, no
// cell of any table holds one of them (or a base64/hex form of one).
import { afterEach, beforeEach, expect, it } from 'vitest'
import { hashToken } from '../../src/auth/tokens.js'
import { makeApp, makeWorld, ORIGIN, sessionCookieFrom, type World } from './helpers.js'

let world: World
beforeEach(async () => {
  world = await makeWorld()
})
afterEach(() => world.close())

function allCells(world: World): string[] {
  const tables = world.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  const cells: string[] = []
  for (const { name } of tables) {
    for (const row of world.store.sqlite.prepare(`SELECT * FROM "${name}"`).all() as Record<string, unknown>[]) {
      for (const value of Object.values(row)) if (typeof value === 'string') cells.push(value)
    }
  }
  return cells
}

it('no table holds a sign-in link, session, staff link or API token in clear', async () => {
  const app = makeApp(world)
  const json = { 'content-type': 'application/json', origin: ORIGIN }
  const secrets: string[] = []

  // A manager signs in by email link.
  await app.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: 'manager@a1.example' }) })
  const linkToken = /token=([A-Za-z0-9_-]{43})/.exec(world.mailer.lastTo('manager@a1.example')?.text ?? '')?.[1] ?? ''
  // A second link stays unused, so a live one is in the table too.
  await app.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: 'manager@a1.example' }) })
  const unusedLink = /token=([A-Za-z0-9_-]{43})/.exec(world.mailer.lastTo('manager@a1.example')?.text ?? '')?.[1] ?? ''
  const signedIn = await app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token: linkToken }) })
  const cookie = sessionCookieFrom(signedIn) ?? ''
  secrets.push(linkToken, unusedLink, cookie.replace('__Host-session=', ''))

  // They create an API token and issue a staff link, which the staff member opens.
  const created = (await (await app.request('/api/schools/sch_a1/api-tokens', { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ name: 'sync' }) })).json()) as { token: string }
  await app.request('/api/schools/sch_a1/probe', { headers: { authorization: `Bearer ${created.token}` } })
  const { url } = (await (await app.request(`/api/schools/sch_a1/staff/${world.staffA1}/link`, { method: 'POST', headers: { cookie, origin: ORIGIN } })).json()) as { url: string }
  const staffCookie = sessionCookieFrom(await app.request(url)) ?? ''
  secrets.push(created.token, created.token.slice(3), url.split('/').at(-1) ?? '', staffCookie.replace('__Host-session=', ''))

  for (const s of secrets) expect(s).toMatch(/^(dr_)?[A-Za-z0-9_-]{43}$/)
  const cells = allCells(world)
  for (const secret of secrets) {
    const hex = Buffer.from(secret).toString('hex')
    const b64 = Buffer.from(secret).toString('base64')
    for (const cell of cells) {
      expect(cell.includes(secret) || cell.includes(hex) || cell.includes(b64), `a cell holds a secret: ${cell.slice(0, 80)}`).toBe(false)
    }
  }
  // What is stored instead: the SHA-256 of each, in the table that checks it.
  const stored = new Set(cells)
  for (const secret of [linkToken, unusedLink, created.token.slice(3), url.split('/').at(-1) ?? '', cookie.replace('__Host-session=', '')]) {
    expect(stored.has(await hashToken(secret))).toBe(true)
  }
})
