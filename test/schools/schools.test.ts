import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, NOW, type TestApi } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

describe('organisations', () => {
  it('are created, read, renamed, listed and deleted', async () => {
    const created = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    expect(created.status).toBe(201)
    expect(created.headers.get('location')).toBe(`/api/organisations/${created.body.id}`)
    expect(created.body).toEqual({ id: expect.any(String), name: 'Oak Trust', version: 1, createdAt: '2026-11-23T09:00:00.000Z' })

    const renamed = await api.json('PUT', `/api/organisations/${created.body.id}`, { name: 'Oak Learning Trust' })
    expect(renamed.body.name).toBe('Oak Learning Trust')
    expect((await api.json('GET', `/api/organisations/${created.body.id}`)).body.name).toBe('Oak Learning Trust')
    expect((await api.json('GET', '/api/organisations')).body).toEqual({ items: [renamed.body], nextCursor: null })

    expect((await api.request('DELETE', `/api/organisations/${created.body.id}`)).status).toBe(204)
    expect((await api.json('GET', `/api/organisations/${created.body.id}`)).status).toBe(404)
  })

  it('a rename based on an old version answers 412 and keeps the newer name', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    expect(org.headers.get('etag')).toBe('"1"')
    const first = await api.json('PUT', `/api/organisations/${org.body.id}`, { name: 'Oak Learning Trust' }, { 'if-match': '"1"' })
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toBe('"2"')
    const stale = await api.json('PUT', `/api/organisations/${org.body.id}`, { name: 'Oak Academies' }, { 'if-match': '"1"' })
    expect(stale.status).toBe(412)
    expect(stale.body.detail).toContain('organisation Oak Learning Trust is now at version 2')
    expect((await api.json('GET', `/api/organisations/${org.body.id}`)).body).toMatchObject({ name: 'Oak Learning Trust', version: 2 })
  })

  it('a delete based on an old version answers 412 and keeps the organisation', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    await api.json('PUT', `/api/organisations/${org.body.id}`, { name: 'Oak Learning Trust' })
    expect((await api.request('DELETE', `/api/organisations/${org.body.id}`, undefined, { 'if-match': '"1"' })).status).toBe(412)
    expect((await api.json('GET', `/api/organisations/${org.body.id}`)).status).toBe(200)
  })

  it('of two renames sent at once with the same ETag, exactly one wins and the other gets 412', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    const results = await Promise.all(
      ['Oak Learning Trust', 'Oak Academies'].map((name) => api.json('PUT', `/api/organisations/${org.body.id}`, { name }, { 'if-match': '"1"' })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 412])
    const winner = results.find((r) => r.status === 200)!.body.name
    expect((await api.json('GET', `/api/organisations/${org.body.id}`)).body).toMatchObject({ name: winner, version: 2 })
  })

  it('cannot be deleted while a school belongs to it, and the answer names the school', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    await api.json('POST', '/api/schools', { organisationId: org.body.id, name: 'Oak Primary' })
    const res = await api.json('DELETE', `/api/organisations/${org.body.id}`)
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.detail).toContain('1 school still belongs to organisation Oak Trust (Oak Primary)')
  })
})

describe('schools', () => {
  it('are created with the defaults of an English school and read back with an ETag', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Oak Trust' })
    const created = await api.json('POST', '/api/schools', { organisationId: org.body.id, name: 'Oak Primary' })
    expect(created.status).toBe(201)
    expect(created.body).toMatchObject({
      organisationId: org.body.id,
      name: 'Oak Primary',
      timezone: 'Europe/London',
      fullTimeHours: 37,
      version: 1,
      createdAt: NOW,
      updatedAt: NOW,
    })
    const read = await api.json('GET', `/api/schools/${created.body.id}`)
    expect(read.body).toEqual(created.body)
    expect(read.headers.get('etag')).toBe('"1"')
  })

  it('take a time zone by the name js-joda knows it by, and refuse one it cannot compute with', async () => {
    const org = await api.json('POST', '/api/organisations', { name: 'Kauri Trust' })
    const kauri = await api.json('POST', '/api/schools', { organisationId: org.body.id, name: 'Kauri School', timezone: 'Pacific/Auckland' })
    expect(kauri.status).toBe(201)
    expect(kauri.body.timezone).toBe('Pacific/Auckland')
    // Intl took "europe/london"; every conversion of the school's times would then have failed.
    for (const timezone of ['Mars/Olympus', 'europe/london', 'SYSTEM', '+01:00']) {
      const res = await api.json('POST', '/api/schools', { organisationId: org.body.id, name: 'Oak Primary', timezone })
      expect(res.status, timezone).toBe(400)
      expect(res.body.errors, timezone).toEqual([{ path: 'timezone', message: 'not an IANA time zone such as "Europe/London"', in: 'body' }])
    }
  })

  it('refuses an organisation that does not exist, naming the field', async () => {
    const res = await api.json('POST', '/api/schools', { organisationId: 'org_nope', name: 'Oak Primary' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ path: 'organisationId', message: 'no organisation with id org_nope', in: 'body' }])
  })
})
