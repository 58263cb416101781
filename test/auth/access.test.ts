// Who may see which school: roles, API tokens, staff personal links, and CSRF for cookies.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeApp, makeWorld, ORIGIN, sessionCookieFrom, userCookie, type World } from '../support/auth.js'

let world: World
let app: ReturnType<typeof makeApp>
beforeEach(async () => {
  world = await makeWorld()
  app = makeApp(world)
})
afterEach(() => world.close())

const writeHeaders = (cookie: string) => ({ cookie, origin: ORIGIN, 'content-type': 'application/json' })

async function newApiToken(cookie: string, schoolId: string, name = 'timetable sync'): Promise<{ id: string; token: string }> {
  const res = await app.request(`/api/schools/${schoolId}/api-tokens`, { method: 'POST', headers: writeHeaders(cookie), body: JSON.stringify({ name }) })
  expect(res.status).toBe(201)
  return (await res.json()) as { id: string; token: string }
}

async function staffCookie(managerCookie: string, schoolId: string, staffId: string): Promise<{ cookie: string; url: string }> {
  const res = await app.request(`/api/schools/${schoolId}/staff/${staffId}/link`, { method: 'POST', headers: { cookie: managerCookie, origin: ORIGIN } })
  expect(res.status).toBe(201)
  const { url } = (await res.json()) as { url: string }
  const open = await app.request(url)
  expect(open.status).toBe(303)
  expect(open.headers.get('location')).toBe('/me')
  const cookie = sessionCookieFrom(open)
  if (!cookie) throw new Error('no staff session cookie')
  return { cookie, url }
}

describe('school access by role', () => {
  it('a trust admin reaches every school of their organisation and no other', async () => {
    const cookie = await userCookie(world, world.users.trustAdminA)
    expect(await (await app.request('/api/schools/sch_a1/probe', { headers: { cookie } })).json()).toEqual({ role: 'trust_admin' })
    expect((await app.request('/api/schools/sch_a2/probe', { headers: { cookie } })).status).toBe(200)
    expect((await app.request('/api/schools/sch_b/probe', { headers: { cookie } })).status).toBe(404)
  })

  it('a manager reaches the school they are given, and the school itself (not just below it)', async () => {
    const cookie = await userCookie(world, world.users.managerA1)
    expect(await (await app.request('/api/schools/sch_a1/probe', { headers: { cookie } })).json()).toEqual({ role: 'manager' })
    expect((await app.request('/api/schools/sch_a1', { headers: { cookie } })).status).toBe(200)
    expect((await app.request('/api/schools/sch_a2', { headers: { cookie } })).status).toBe(404)
    expect((await app.request('/api/schools/sch_a2/probe', { headers: { cookie } })).status).toBe(404)
  })

  it("another school's id answers exactly as an id that does not exist", async () => {
    const cookie = await userCookie(world, world.users.managerA1)
    const other = await app.request('/api/schools/sch_b/probe', { headers: { cookie } })
    const missing = await app.request('/api/schools/sch_nope/probe', { headers: { cookie } })
    expect(other.status).toBe(404)
    expect(missing.status).toBe(404)
    const otherBody = (await other.json()) as { detail: string }
    const missingBody = (await missing.json()) as { detail: string }
    expect(otherBody.detail.replace('sch_b', 'X')).toBe(missingBody.detail.replace('sch_nope', 'X'))
  })

  it('without credentials every /api path answers 401 before anything is looked up', async () => {
    for (const path of ['/api/me', '/api/schools/sch_a1/probe', '/api/schools/sch_nope/probe', '/api/schools/sch_a1/audit']) {
      const res = await app.request(path)
      expect(res.status, path).toBe(401)
      expect(res.headers.get('content-type')).toBe('application/problem+json')
    }
  })

  it('paths the app declares public need no sign-in', async () => {
    const open = makeApp(world, { publicApi: (method, path) => method === 'GET' && path.startsWith('/api/schemas/') })
    open.get('/api/schemas/scenario.json', (c) => c.json({}))
    expect((await open.request('/api/schemas/scenario.json')).status).toBe(200)
    expect((await open.request('/api/me')).status).toBe(401)
  })
})

describe('staff personal links', () => {
  it('open a session that sees who they are and nothing of the school', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const { cookie } = await staffCookie(manager, 'sch_a1', world.staffA1)
    const me = await app.request('/api/me', { headers: { cookie } })
    expect(await me.json()).toEqual({ kind: 'staff', staff: { id: world.staffA1, name: 'Sam of A1 Primary' }, schoolId: 'sch_a1' })
    const own = await app.request('/api/schools/sch_a1/probe', { headers: { cookie } })
    expect(own.status).toBe(403)
    expect(await own.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/forbidden' })
    expect((await app.request('/api/schools/sch_a1/audit', { headers: { cookie } })).status).toBe(403)
    expect((await app.request('/api/schools/sch_a2/probe', { headers: { cookie } })).status).toBe(404)
  })

  it('reach what the staff policy allows in their own school', async () => {
    const policyApp = makeApp(world, { staffMay: (method, sub) => method === 'GET' && sub === '/probe' })
    const manager = await userCookie(world, world.users.managerA1)
    const issued = await policyApp.request(`/api/schools/sch_a1/staff/${world.staffA1}/link`, { method: 'POST', headers: { cookie: manager, origin: ORIGIN } })
    const { url } = (await issued.json()) as { url: string }
    const cookie = sessionCookieFrom(await policyApp.request(url)) ?? ''
    expect(await (await policyApp.request('/api/schools/sch_a1/probe', { headers: { cookie } })).json()).toEqual({ role: 'staff' })
    expect((await policyApp.request('/api/schools/sch_a1/probe', { method: 'POST', headers: writeHeaders(cookie), body: '{}' })).status).toBe(403)
  })

  it('stop working, with every session opened from them, when re-issued', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const first = await staffCookie(manager, 'sch_a1', world.staffA1)
    const second = await staffCookie(manager, 'sch_a1', world.staffA1)
    expect(second.url).not.toBe(first.url)
    expect((await app.request('/api/me', { headers: { cookie: first.cookie } })).status).toBe(401)
    expect((await app.request('/api/me', { headers: { cookie: second.cookie } })).status).toBe(200)
    const old = await app.request(first.url)
    expect(old.status).toBe(404)
    expect(sessionCookieFrom(old)).toBeUndefined()
  })

  it("are issued only by the staff member's school, for its own staff", async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const foreign = await app.request(`/api/schools/sch_a1/staff/${world.staffA2}/link`, { method: 'POST', headers: { cookie: manager, origin: ORIGIN } })
    expect(foreign.status).toBe(404)
    const otherSchool = await app.request(`/api/schools/sch_a2/staff/${world.staffA2}/link`, { method: 'POST', headers: { cookie: manager, origin: ORIGIN } })
    expect(otherSchool.status).toBe(404)
  })
})

describe('API tokens', () => {
  it('are shown once, work for their own school only, and list without the secret', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const { id, token } = await newApiToken(manager, 'sch_a1')
    expect(token).toMatch(/^dr_[A-Za-z0-9_-]{43}$/)
    const bearer = { authorization: `Bearer ${token}` }
    expect(await (await app.request('/api/schools/sch_a1/probe', { headers: bearer })).json()).toEqual({ role: 'manager' })
    expect((await app.request('/api/schools/sch_a2/probe', { headers: bearer })).status).toBe(404)
    const list = await app.request('/api/schools/sch_a1/api-tokens', { headers: { cookie: manager } })
    const body = JSON.stringify(await list.json())
    expect(body).toContain(id)
    expect(body).not.toContain(token.slice(3))
  })

  it('need no Origin header (scripts are not browsers) and name their maker in the audit log', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const { id, token } = await newApiToken(manager, 'sch_a1')
    const res = await app.request('/api/schools/sch_a1/probe', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ actor: `token:${id}` })
    const audit = await app.request('/api/schools/sch_a1/audit', { headers: { cookie: manager } })
    const { items } = (await audit.json()) as { items: { actor: string; actorName: string; entity: string }[] }
    expect(items.find((i) => i.entity === 'api_token')).toMatchObject({ actor: `user:${world.users.managerA1}`, actorName: 'Max Manager' })
  })

  it('stop working when revoked, and cannot mint or revoke tokens themselves', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const { id, token } = await newApiToken(manager, 'sch_a1')
    const bearer = { authorization: `Bearer ${token}` }
    const mint = await app.request('/api/schools/sch_a1/api-tokens', {
      method: 'POST',
      headers: { ...bearer, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    })
    expect(mint.status).toBe(403)
    const revoke = await app.request(`/api/schools/sch_a1/api-tokens/${id}`, { method: 'DELETE', headers: { cookie: manager, origin: ORIGIN } })
    expect(revoke.status).toBe(204)
    const after = await app.request('/api/schools/sch_a1/probe', { headers: bearer })
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toContain('invalid_token')
    expect((await app.request(`/api/schools/sch_a1/api-tokens/${id}`, { method: 'DELETE', headers: { cookie: manager, origin: ORIGIN } })).status).toBe(404)
  })

  it("of one school cannot be revoked through another school's path", async () => {
    const managerA = await userCookie(world, world.users.managerA1)
    const managerB = await userCookie(world, world.users.managerB)
    const { id, token } = await newApiToken(managerA, 'sch_a1')
    const res = await app.request(`/api/schools/sch_b/api-tokens/${id}`, { method: 'DELETE', headers: { cookie: managerB, origin: ORIGIN } })
    expect(res.status).toBe(404)
    expect((await app.request('/api/schools/sch_a1/probe', { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
  })

  it('that are malformed or unknown are refused, never treated as anonymous', async () => {
    for (const value of ['Bearer', 'Bearer nonsense', `Bearer dr_${'D'.repeat(43)}`]) {
      const res = await app.request('/api/me', { headers: { authorization: value } })
      expect(res.status, value).toBe(401)
    }
  })
})

describe('CSRF protection for cookie sessions', () => {
  it('refuses a cookie-authenticated write that does not come from this origin', async () => {
    const cookie = await userCookie(world, world.users.managerA1)
    const post = (headers: Record<string, string>) =>
      app.request('/api/schools/sch_a1/probe', { method: 'POST', headers: { cookie, 'content-type': 'application/json', ...headers }, body: '{}' })
    expect((await post({})).status).toBe(403)
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403)
    expect((await post({ origin: ORIGIN, 'sec-fetch-site': 'cross-site' })).status).toBe(403)
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403)
    expect((await post({ origin: ORIGIN })).status).toBe(201)
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(201)
  })

  it('covers the sign-in forms too, so no other site can sign a visitor in as someone else', async () => {
    const res = await app.request('/auth/callback', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: `token=${'E'.repeat(43)}`,
    })
    expect(res.status).toBe(403)
    expect(await res.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/cross-site-request' })
  })

  it('leaves reads alone', async () => {
    const cookie = await userCookie(world, world.users.managerA1)
    expect((await app.request('/api/schools/sch_a1/probe', { headers: { cookie, origin: 'https://evil.example' } })).status).toBe(200)
  })
})

describe('audit log', () => {
  it('is for managers, pages newest first, and names people', async () => {
    const manager = await userCookie(world, world.users.trustAdminA)
    await newApiToken(manager, 'sch_a2', 'one')
    world.clock.advanceSeconds(1)
    await newApiToken(manager, 'sch_a2', 'two')
    world.clock.advanceSeconds(1)
    await newApiToken(manager, 'sch_a2', 'three')
    const page1 = (await (await app.request('/api/schools/sch_a2/audit?limit=2', { headers: { cookie: manager } })).json()) as {
      items: { after: { name: string } }[]
      nextCursor: string
    }
    expect(page1.items.map((i) => i.after.name)).toEqual(['three', 'two'])
    const page2 = (await (await app.request(`/api/schools/sch_a2/audit?limit=2&cursor=${page1.nextCursor}`, { headers: { cookie: manager } })).json()) as {
      items: { after: { name: string } }[]
      nextCursor: string | null
    }
    expect(page2.items.map((i) => i.after.name)).toEqual(['one'])
    expect(page2.nextCursor).toBeNull()
    const otherManager = await userCookie(world, world.users.managerB)
    expect((await app.request('/api/schools/sch_a2/audit', { headers: { cookie: otherManager } })).status).toBe(404)
  })
})

describe("the manager's pages", () => {
  function pagesApp() {
    const pages = makeApp(world)
    pages.get('/manage/:schoolId', (c) => c.html(`<p>${c.var.access?.role}</p>`))
    pages.get('/manage/:schoolId/week', (c) => c.html(`<p>${c.var.access?.role}</p>`))
    pages.get('/manage/assets/manager.css', (c) => c.body('body{}', 200, { 'content-type': 'text/css' }))
    return pages
  }

  it('send a visitor with no session to sign in, and serve their assets to anyone', async () => {
    const pages = pagesApp()
    const res = await pages.request('/manage/sch_a1/week')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/auth/signin')
    expect((await pages.request('/manage/assets/manager.css')).status).toBe(200)
  })

  it('follow the API rules: own school yes, another school 404, staff 403', async () => {
    const pages = pagesApp()
    const manager = await userCookie(world, world.users.managerA1)
    expect(await (await pages.request('/manage/sch_a1', { headers: { cookie: manager } })).text()).toBe('<p>manager</p>')
    expect((await pages.request('/manage/sch_a1/week', { headers: { cookie: manager } })).status).toBe(200)
    expect((await pages.request('/manage/sch_b/week', { headers: { cookie: manager } })).status).toBe(404)
    const { cookie } = await staffCookie(manager, 'sch_a1', world.staffA1)
    expect((await pages.request('/manage/sch_a1/week', { headers: { cookie } })).status).toBe(403)
  })
})

describe('a personal link opened in a browser that is already signed in', () => {
  async function linkFor(manager: string): Promise<string> {
    const issued = await app.request(`/api/schools/sch_a1/staff/${world.staffA1}/link`, { method: 'POST', headers: { cookie: manager, origin: ORIGIN } })
    return ((await issued.json()) as { url: string }).url
  }

  it('asks before ending that session, so a link on another site cannot swap who is signed in', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const page = await app.request(await linkFor(manager), { headers: { cookie: manager } })
    expect(page.status).toBe(200)
    expect(sessionCookieFrom(page)).toBeUndefined()
    expect(await page.text()).toContain('Sign out and open my duties')
    expect((await app.request('/api/me', { headers: { cookie: manager } })).status).toBe(200)
  })

  it('refuses the confirming form when it is posted from another site', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const url = new URL(await linkFor(manager))
    const forged = await app.request(url.pathname, { method: 'POST', headers: { cookie: manager, origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
    expect((await app.request('/api/me', { headers: { cookie: manager } })).status).toBe(200)
  })

  it('switches to the staff member when they confirm from this site', async () => {
    const manager = await userCookie(world, world.users.managerA1)
    const url = new URL(await linkFor(manager))
    const confirmed = await app.request(url.pathname, { method: 'POST', headers: { cookie: manager, origin: ORIGIN } })
    expect(confirmed.status).toBe(303)
    expect(confirmed.headers.get('location')).toBe('/me')
    expect(sessionCookieFrom(confirmed)).toBeDefined()
    expect((await app.request('/api/me', { headers: { cookie: manager } })).status).toBe(401)
  })
})
