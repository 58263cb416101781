// Signing in with an emailed link, sessions, sign-out and the sign-in rate limits.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeApp, makeWorld, ORIGIN, sessionCookieFrom, type World } from '../support/auth.js'

let world: World
let app: ReturnType<typeof makeApp>
beforeEach(async () => {
  world = await makeWorld()
  app = makeApp(world)
})
afterEach(() => world.close())

const json = { 'content-type': 'application/json', origin: ORIGIN }

async function askForLink(email: string, headers: Record<string, string> = {}) {
  return app.request('/auth/links', { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ email }) })
}

function tokenIn(text: string): string {
  const m = /\/auth\/callback\?token=([A-Za-z0-9_-]{43})/.exec(text)
  if (!m?.[1]) throw new Error(`no sign-in link in: ${text}`)
  return m[1]
}

async function signIn(email: string): Promise<string> {
  await askForLink(email)
  const mail = world.mailer.lastTo(email)
  const res = await app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token: tokenIn(mail?.text ?? '') }) })
  expect(res.status).toBe(200)
  const cookie = sessionCookieFrom(res)
  if (!cookie) throw new Error('no session cookie')
  return cookie
}

describe('sign-in links', () => {
  it('answer the same whether or not the address has an account', async () => {
    const known = await askForLink('manager@a1.example')
    const unknown = await askForLink('nobody@a1.example')
    expect(known.status).toBe(202)
    expect(unknown.status).toBe(202)
    expect(await known.json()).toEqual(await unknown.json())
    expect(world.mailer.sent.map((m) => m.to)).toEqual(['manager@a1.example'])
  })

  it('match the email whatever its case and spacing', async () => {
    await askForLink('  Manager@A1.Example ')
    expect(world.mailer.lastTo('manager@a1.example')).toBeDefined()
  })

  it('point at the configured public origin, never at a Host header an attacker chose', async () => {
    world.deps.publicOrigin = 'https://rota.example.org'
    await app.request('http://evil.example/auth/links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://rota.example.org' },
      body: JSON.stringify({ email: 'manager@a1.example' }),
    })
    expect(world.mailer.lastTo('manager@a1.example')?.text).toContain('https://rota.example.org/auth/callback?token=')
  })

  it('are not used up by opening them (mail scanners follow links): the page asks for a click', async () => {
    await askForLink('manager@a1.example')
    const token = tokenIn(world.mailer.lastTo('manager@a1.example')?.text ?? '')
    const page = await app.request(`/auth/callback?token=${token}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('cache-control')).toBe('no-store')
    const body = await page.text()
    expect(body).toContain('method="post" action="/auth/callback"')
    expect(sessionCookieFrom(page)).toBeUndefined()
    const form = await app.request('/auth/callback', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: `token=${token}`,
    })
    expect(form.status).toBe(303)
    expect(form.headers.get('location')).toBe('/manage')
    expect(sessionCookieFrom(form)).toBeDefined()
  })

  it('open a session in a Secure, HttpOnly, SameSite cookie that /api/me recognises', async () => {
    await askForLink('manager@a1.example')
    const token = tokenIn(world.mailer.lastTo('manager@a1.example')?.text ?? '')
    const res = await app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token }) })
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^__Host-session=[A-Za-z0-9_-]{43};/)
    expect(setCookie).toContain('HttpOnly')
    expect(setCookie).toContain('Secure')
    expect(setCookie).toContain('SameSite=Lax')
    expect(setCookie).toContain('Path=/')
    expect(setCookie).toContain('Max-Age=43200')
    const me = await app.request('/api/me', { headers: { cookie: sessionCookieFrom(res) ?? '' } })
    expect(me.status).toBe(200)
    expect(await me.json()).toMatchObject({ kind: 'user', user: { email: 'manager@a1.example' }, schoolIds: ['sch_a1'] })
  })

  it('work once', async () => {
    await askForLink('manager@a1.example')
    const token = tokenIn(world.mailer.lastTo('manager@a1.example')?.text ?? '')
    const use = () => app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token }) })
    expect((await use()).status).toBe(200)
    const again = await use()
    expect(again.status).toBe(400)
    expect(await again.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/invalid-link' })
  })

  it('expire after 15 minutes', async () => {
    await askForLink('manager@a1.example')
    const token = tokenIn(world.mailer.lastTo('manager@a1.example')?.text ?? '')
    world.clock.advanceSeconds(15 * 60 + 1)
    const res = await app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token }) })
    expect(res.status).toBe(400)
  })

  it('reject a made-up token', async () => {
    const res = await app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token: 'A'.repeat(43) }) })
    expect(res.status).toBe(400)
  })

  it('refuse a malformed email as a validation problem', async () => {
    const res = await askForLink('not an email')
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ errors: [{ path: 'email' }] })
  })
})

describe('sessions', () => {
  it('end for everyone holding the cookie when its owner signs out', async () => {
    const cookie = await signIn('manager@a1.example')
    const stolen = cookie
    expect((await app.request('/api/me', { headers: { cookie: stolen } })).status).toBe(200)
    const out = await app.request('/auth/signout', { method: 'POST', headers: { cookie, origin: ORIGIN } })
    expect(out.status).toBe(204)
    expect(out.headers.get('set-cookie')).toMatch(/__Host-session=;.*Max-Age=0/)
    const replay = await app.request('/api/me', { headers: { cookie: stolen } })
    expect(replay.status).toBe(401)
    expect((await app.request('/api/schools/sch_a1/probe', { headers: { cookie: stolen } })).status).toBe(401)
  })

  it('expire after 12 hours', async () => {
    const cookie = await signIn('manager@a1.example')
    world.clock.advanceSeconds(12 * 60 * 60 - 1)
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(200)
    world.clock.advanceSeconds(2)
    expect((await app.request('/api/me', { headers: { cookie } })).status).toBe(401)
  })

  it('cannot be forged: a well-formed cookie that was never issued is nobody', async () => {
    const res = await app.request('/api/me', { headers: { cookie: `__Host-session=${'B'.repeat(43)}` } })
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })
})

describe('sign-in rate limits, counted in the database', () => {
  it('allow 5 link requests per account per 15 minutes, then 429 with Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await askForLink('manager@a1.example', { 'x-test-address': `198.51.100.${i}` })).status).toBe(202)
    const sixth = await askForLink('manager@a1.example', { 'x-test-address': '198.51.100.99' })
    expect(sixth.status).toBe(429)
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(await sixth.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/too-many-attempts' })
    expect(world.mailer.sent).toHaveLength(5)
    // Another account is not held back by this one.
    expect((await askForLink('manager@b.example', { 'x-test-address': '198.51.100.98' })).status).toBe(202)
    // The next window starts afresh.
    world.clock.advanceSeconds(15 * 60)
    expect((await askForLink('manager@a1.example', { 'x-test-address': '198.51.100.97' })).status).toBe(202)
  })

  it('allow 20 attempts per address per 15 minutes, whatever the accounts', async () => {
    for (let i = 0; i < 20; i++) expect((await askForLink(`person${i}@a1.example`)).status).toBe(202)
    expect((await askForLink('manager@a1.example')).status).toBe(429)
    expect((await askForLink('manager@a1.example', { 'x-test-address': '203.0.113.7' })).status).toBe(202)
  })

  it('count guesses at sign-in tokens per address too', async () => {
    const guess = () => app.request('/auth/callback', { method: 'POST', headers: json, body: JSON.stringify({ token: 'C'.repeat(43) }) })
    for (let i = 0; i < 20; i++) expect((await guess()).status).toBe(400)
    expect((await guess()).status).toBe(429)
  })

  it('keep their counts in the signin_attempts table, not in memory', async () => {
    await askForLink('manager@a1.example')
    const rows = await world.store.db.selectFrom('signin_attempts').selectAll().orderBy('key').execute()
    expect(rows.map((r) => [r.key, r.count])).toEqual([
      ['email:manager@a1.example', 1],
      ['ip:192.0.2.1', 1],
    ])
    // A second app over the same database (another isolate) sees the same counts.
    const other = makeApp(world)
    await other.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: 'manager@a1.example' }) })
    const after = await world.store.db.selectFrom('signin_attempts').select('count').where('key', '=', 'email:manager@a1.example').executeTakeFirst()
    expect(after?.count).toBe(2)
  })
})

describe('on the real app', () => {
  it('a copied session cookie stops working once its owner signs out', async () => {
    const { freshApi } = await import('../support/api.js')
    const api = await freshApi()
    try {
      const stolen = api.auth.cookie ?? ''
      expect((await api.app.request('/api/me', { headers: { cookie: stolen } })).status).toBe(200)
      expect((await api.request('POST', '/auth/signout')).status).toBe(204)
      expect((await api.app.request('/api/me', { headers: { cookie: stolen } })).status).toBe(401)
      expect((await api.app.request('/api/organisations', { headers: { cookie: stolen } })).status).toBe(401)
    } finally {
      await api.close()
    }
  })
})

describe('housekeeping', () => {
  it('signing in again in the same browser ends the session it held before', async () => {
    const first = await signIn('manager@a1.example')
    await askForLink('manager@a1.example')
    const token = tokenIn(world.mailer.lastTo('manager@a1.example')?.text ?? '')
    const res = await app.request('/auth/callback', { method: 'POST', headers: { ...json, cookie: first }, body: JSON.stringify({ token }) })
    expect(res.status).toBe(200)
    expect((await app.request('/api/me', { headers: { cookie: first } })).status).toBe(401)
    expect((await app.request('/api/me', { headers: { cookie: sessionCookieFrom(res) ?? '' } })).status).toBe(200)
  })

  it('expired sessions and sign-in links are cleared as new ones are made', async () => {
    await signIn('manager@a1.example')
    await askForLink('manager@b.example')
    world.clock.advanceSeconds(13 * 60 * 60)
    await signIn('manager@a1.example')
    const sessions = await world.store.db.selectFrom('sessions').select('id').execute()
    const links = await world.store.db.selectFrom('signin_links').select('id').execute()
    expect(sessions).toHaveLength(1)
    expect(links).toHaveLength(1)
  })
})

it('a sign-in form body is capped at 16 KiB', async () => {
  const res = await app.request('/auth/links', { method: 'POST', headers: json, body: JSON.stringify({ email: `${'a'.repeat(20_000)}@x.example` }) })
  expect(res.status).toBe(413)
})
