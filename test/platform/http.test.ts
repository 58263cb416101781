// What every endpoint does with bad requests: the problem+json shapes, status codes and headers.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

const grade = { code: 'G4', name: 'Grade 4', dutyKinds: ['break'] }

describe('bad requests', () => {
  it('a body that is not JSON answers 400 malformed-json', async () => {
    const res = await api.json('POST', `${base}/grades`, '{"code": "G4",')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.type).toBe('https://duty-rota.dev/problems/malformed-json')
  })

  it('a write sent as something other than JSON answers 415', async () => {
    const res = await api.app.request(`${base}/grades`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'code=G4' })
    expect(res.status).toBe(415)
    expect(await res.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/unsupported-media-type', detail: 'got text/plain' })
  })

  it('a JSON body that is not an object names the whole body', async () => {
    const res = await api.json('POST', `${base}/grades`, [1, 2])
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ path: '', message: expect.any(String), in: 'body' }])
  })

  it('a body over 1 MB answers 413 without being read', async () => {
    const res = await api.json('POST', `${base}/grades`, { ...grade, name: 'x'.repeat(1024 * 1024 + 1) })
    expect(res.status).toBe(413)
    expect(res.body.type).toBe('https://duty-rota.dev/problems/payload-too-large')
  })

  it('a body over 1 MB without a Content-Length (streamed) still answers 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 1.5 * 1024 * 1024) return controller.close()
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const res = await api.app.request(`${base}/grades`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(res.status).toBe(413)
  })

  it('the scenario import accepts bodies above 1 MB (up to 8 MB)', async () => {
    const res = await api.json('POST', `${base}/import`, { format: 'duty-rota/scenario@1', 'x-padding': 'x'.repeat(2 * 1024 * 1024) })
    expect(res.status).not.toBe(413)
    const tooBig = await api.json('POST', `${base}/import`, { 'x-padding': 'x'.repeat(8 * 1024 * 1024 + 1) })
    expect(tooBig.status).toBe(413)
  })

  it('a bad page size and a forged cursor are named as query fields', async () => {
    const res = await api.json('GET', `${base}/grades?limit=0&cursor=not-a-cursor`)
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { path: 'limit', message: expect.stringContaining('>=1'), in: 'query' },
      { path: 'cursor', message: 'not a cursor this API gave out; use nextCursor from the previous page', in: 'query' },
    ])
  })

  it('an unknown path answers a 404 problem', async () => {
    const res = await api.json('GET', '/api/nothing-here')
    expect(res.status).toBe(404)
    expect(res.body).toEqual({ type: 'https://duty-rota.dev/problems/not-found', title: 'Not found', status: 404, detail: 'nothing at GET /api/nothing-here' })
  })

  it('an unknown school answers 404 for every resource under it', async () => {
    for (const resource of ['slots', 'calendar-periods', 'closures', 'grades', 'staff', 'duty-posts', 'absences', 'cover-requests', 'events']) {
      const res = await api.json('GET', `/api/schools/sch_missing/${resource}`)
      expect(res.status, resource).toBe(404)
      expect(res.body.detail).toBe('no school with id sch_missing')
    }
  })

  it("another school's grade answers 404, as if it did not exist", async () => {
    const other = await withSchool(api)
    const theirs = await api.json('POST', `${other.base}/grades`, grade)
    expect((await api.json('GET', `${base}/grades/${theirs.body.id}`)).status).toBe(404)
    expect((await api.json('PUT', `${base}/grades/${theirs.body.id}`, grade)).status).toBe(404)
    expect((await api.json('DELETE', `${base}/grades/${theirs.body.id}`)).status).toBe(404)
    expect((await api.json('GET', `${other.base}/grades/${theirs.body.id}`)).status).toBe(200)
  })
})

describe('garbage in', () => {
  const RESOURCES = ['slots', 'calendar-periods', 'closures', 'grades', 'staff', 'duty-posts', 'absences', 'cover-requests', 'events']
  const BODIES: unknown[] = [null, 'text', 42, [], {}, { code: { nested: true }, name: 7, days: 'mon', slots: [null], pattern: [], skills: {}, staff: [] }]

  it('no body of the wrong shape, on any resource, gets anything but a 400 problem', async () => {
    const statuses = new Set<number>()
    for (const resource of RESOURCES) {
      for (const body of BODIES) {
        const res = await api.json('POST', `${base}/${resource}`, body)
        statuses.add(res.status)
        expect(res.headers.get('content-type'), `${resource} ${JSON.stringify(body)}`).toBe('application/problem+json')
      }
    }
    for (const body of BODIES) statuses.add((await api.json('POST', '/api/schools', body)).status)
    expect([...statuses]).toEqual([400])
  })
})

describe('edits with If-Match', () => {
  it('an edit based on an old version answers 412 and changes nothing', async () => {
    const created = await api.json('POST', `${base}/grades`, grade)
    const url = `${base}/grades/${created.body.id}`
    await api.json('PUT', url, { ...grade, name: 'First edit' }, { 'if-match': '"1"' })
    const stale = await api.json('PUT', url, { ...grade, name: 'Second edit' }, { 'if-match': '"1"' })
    expect(stale.status).toBe(412)
    expect(stale.body.type).toBe('https://duty-rota.dev/problems/precondition-failed')
    expect((await api.json('GET', url)).body).toMatchObject({ name: 'First edit', version: 2 })
  })

  it('an edit with the current ETag (weak or strong) succeeds and returns the next one', async () => {
    const created = await api.json('POST', `${base}/grades`, grade)
    const url = `${base}/grades/${created.body.id}`
    const first = await api.json('PUT', url, { ...grade, name: 'A' }, { 'if-match': created.headers.get('etag') ?? '' })
    expect(first.headers.get('etag')).toBe('"2"')
    const second = await api.json('PUT', url, { ...grade, name: 'B' }, { 'if-match': 'W/"2"' })
    expect(second.status).toBe(200)
    expect(second.headers.get('etag')).toBe('"3"')
  })

  it('a delete based on an old version answers 412 and keeps the resource', async () => {
    const created = await api.json('POST', `${base}/grades`, grade)
    const url = `${base}/grades/${created.body.id}`
    await api.json('PUT', url, { ...grade, name: 'Edited' })
    expect((await api.json('DELETE', url, undefined, { 'if-match': '"1"' })).status).toBe(412)
    expect((await api.json('GET', url)).status).toBe(200)
  })
})
