// The same API on real workerd with a local D1: what `npm run dev:worker` serves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWorker, WORKER_TESTER, type RunningWorker } from '../support/start-worker.js'

let worker: RunningWorker
beforeAll(async () => {
  worker = await startWorker()
})
afterAll(async () => {
  await worker?.stop()
})

async function send(method: string, path: string, body?: unknown) {
  const res = await worker.fetch(path, {
    method,
    ...(body === undefined ? { headers: worker.auth } : { headers: { 'content-type': 'application/json', ...worker.auth }, body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

describe('the API on Workers with D1', () => {
  it('creates an organisation, a school and a grade, and reads them back', async () => {
    const org = await send('POST', '/api/organisations', { name: 'Oak Trust' })
    expect(org.status).toBe(201)
    const school = await send('POST', '/api/schools', { organisationId: org.body.id, name: 'Oak Primary' })
    expect(school.status).toBe(201)
    const grade = await send('POST', `/api/schools/${school.body.id}/grades`, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch'] })
    expect(grade.status).toBe(201)

    expect((await send('GET', `/api/organisations/${org.body.id}`)).body).toEqual(org.body)
    expect((await send('GET', `/api/schools/${school.body.id}`)).body).toEqual(school.body)
    const read = await send('GET', `/api/schools/${school.body.id}/grades/${grade.body.id}`)
    expect(read.body).toEqual({ id: grade.body.id, code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch'], hourlyRate: null, version: 1 })
    expect(read.headers.get('etag')).toBe('"1"')
  })

  it('answers a conflict from D1 the same way as from SQLite', async () => {
    const org = await send('POST', '/api/organisations', { name: 'Elm Trust' })
    await send('POST', '/api/schools', { organisationId: org.body.id, name: 'Elm Primary' })
    const res = await send('DELETE', `/api/organisations/${org.body.id}`)
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
  })

  it('names each bad field in a 400 problem, as on Node', async () => {
    const res = await send('POST', '/api/organisations', { name: '', motto: 'x' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['motto', 'name'])
  })

  it('refuses a JSON body that is not valid UTF-8, and a name with a bidi override, as on Node', async () => {
    const bytes = new TextEncoder().encode('{"name":"Ash # Trust"}')
    bytes[bytes.indexOf(0x23)] = 0xff
    const notUtf8 = await worker.fetch('/api/organisations', { method: 'POST', headers: { 'content-type': 'application/json', ...worker.auth }, body: bytes })
    expect(notUtf8.status).toBe(400)
    expect(((await notUtf8.json()) as { type: string }).type).toMatch(/malformed-json$/)
    const bidi = await send('POST', '/api/organisations', { name: 'Ash \u202eTrust' })
    expect(bidi.status).toBe(400)
    expect(bidi.body.errors).toEqual([{ path: 'name', in: 'body', message: 'must not contain line breaks or invisible control characters' }])
  })
})

describe('malformed bodies on Workers', () => {
  it('answers a broken multipart form with 400 problem+json, signed in or not, as on Node', async () => {
    const org = await send('POST', '/api/organisations', { name: 'Yew Trust' })
    const school = await send('POST', '/api/schools', { organisationId: org.body.id, name: 'Yew Primary' })
    const endpoints: readonly (readonly [string, Record<string, string>])[] = [
      ['/auth/links', { origin: worker.url }],
      ['/auth/callback', { origin: worker.url }],
      [`/manage/${school.body.id}/setup/grades`, worker.auth],
      [`/manage/${school.body.id}/setup/staff/import`, worker.auth],
    ]
    for (const [path, headers] of endpoints) {
      const res = await worker.fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'multipart/form-data; boundary=xx', ...headers },
        body: '--xx\r\nbroken',
      })
      expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 400, type: 'application/problem+json' })
      expect(((await res.json()) as { type: string }).type).toMatch(/malformed-form$/)
    }
  })
})

describe('sign-in on Workers', () => {
  it('answers a sign-in link request the same for a known and an unknown address', async () => {
    const ask = (email: string) =>
      worker.fetch('/auth/links', { method: 'POST', headers: { 'content-type': 'application/json', origin: worker.url }, body: JSON.stringify({ email }) })
    const known = await ask(WORKER_TESTER.email)
    const unknown = await ask('nobody@example.test')
    expect([known.status, unknown.status]).toEqual([202, 202])
    expect(await known.json()).toEqual(await unknown.json())
  })

  it('refuses a cookie-authenticated write from another origin, and answers with the secure headers', async () => {
    const res = await worker.fetch('/api/organisations', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: worker.auth.cookie ?? '', origin: 'https://evil.example' },
      body: '{"name":"x"}',
    })
    expect(res.status).toBe(403)
    expect(((await res.json()) as { type: string }).type).toBe('https://duty-rota.dev/problems/cross-site-request')
    expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'")
  })

  // Last in the file: it ends the suite's own session.
  it('a copied session cookie stops working once its owner signs out', async () => {
    const stolen = worker.auth.cookie ?? ''
    expect((await worker.fetch('/api/me', { headers: { cookie: stolen } })).status).toBe(200)
    const out = await worker.fetch('/auth/signout', { method: 'POST', headers: { cookie: stolen, origin: worker.url } })
    expect(out.status).toBe(204)
    expect((await worker.fetch('/api/me', { headers: { cookie: stolen } })).status).toBe(401)
  })
})
