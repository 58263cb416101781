import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

const parents = { code: 'parents-eve', name: "Parents' evening", date: '2026-11-25', start: '16:00', end: '19:00', peopleNeeded: 4 }

describe('events', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/events`, parents)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ ...parents, id: expect.any(String), skillSeats: {}, priority: 3, version: 1 })
    const url = `${base}/events/${created.body.id}`
    const updated = await api.json('PUT', url, { ...parents, end: '20:00', skillSeats: { 'first-aid': 1 } })
    expect(updated.body).toMatchObject({ end: '20:00', skillSeats: { 'first-aid': 1 }, version: 2 })
    expect((await api.json('GET', url)).body).toEqual(updated.body)
    expect((await api.json('GET', `${base}/events?from=2026-11-23&to=2026-11-29`)).body.items).toEqual([updated.body])
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('must end after they start', async () => {
    const res = await api.json('POST', `${base}/events`, { ...parents, end: '15:00' })
    expect(res.body.errors).toEqual([{ path: 'end', message: 'must be after start (16:00)', in: 'body' }])
  })

  it('name every bad field at once', async () => {
    const res = await api.json('POST', `${base}/events`, { code: 'e1', name: 'INSET', date: 'tomorrow', start: '9am', end: '15:00', skillSeats: { dsl: -1 } })
    expect(pathsOf(res.body)).toEqual(['date', 'skillSeats.dsl', 'start'])
  })

  it('refuse a code another event of the same week already has, naming the field (409)', async () => {
    await api.json('POST', `${base}/events`, parents)
    const res = await api.json('POST', `${base}/events`, { ...parents, date: '2026-11-29' })
    expect(res.status).toBe(409)
    expect(res.body.errors).toEqual([{ path: 'code', message: 'another event in the week of 2026-11-23 already has code "parents-eve"', in: 'body' }])
  })

  it("take a code another week's event has, and refuse to move into a week that has it", async () => {
    await api.json('POST', `${base}/events`, parents)
    const nextWeek = await api.json('POST', `${base}/events`, { ...parents, date: '2026-12-02' })
    expect(nextWeek.status).toBe(201)
    const moved = await api.json('PUT', `${base}/events/${nextWeek.body.id}`, { ...parents, date: '2026-11-26' })
    expect(moved.status).toBe(409)
    expect(pathsOf(moved.body)).toEqual(['date'])
  })
  it("may not take a duty post's code, nor a cover request's in the same week (409 naming code)", async () => {
    await api.json('POST', `${base}/slots`, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
    await api.json('POST', `${base}/slots`, { code: 'p1', kind: 'lesson', start: '08:50', end: '09:50' })
    await api.json('POST', `${base}/duty-posts`, {
      code: 'yard',
      name: 'Yard',
      kind: 'break',
      slots: ['break'],
      days: ['mon'],
      peopleNeeded: 1,
      skillSeats: {},
      priority: 2,
    })
    const likePost = await api.json('POST', `${base}/events`, { ...parents, code: 'yard' })
    expect(likePost.status).toBe(409)
    expect(likePost.body.errors).toEqual([{ path: 'code', message: 'duty post "yard" already has this code: give the event its own', in: 'body' }])

    await api.json('POST', `${base}/cover-requests`, { code: 'c1', date: '2026-11-24', slot: 'p1' })
    const likeCover = await api.json('POST', `${base}/events`, { ...parents, code: 'c1' })
    expect(likeCover.status).toBe(409)
    expect(likeCover.body.errors).toEqual([{ path: 'code', message: 'a cover request in the week of 2026-11-23 already has code "c1"', in: 'body' }])

    const own = await api.json('POST', `${base}/events`, parents)
    const renamed = await api.json('PUT', `${base}/events/${own.body.id}`, { ...parents, code: 'yard' })
    expect(renamed.status).toBe(409)
    expect(pathsOf(renamed.body)).toEqual(['code'])
    expect((await api.json('POST', `${base}/events`, { ...parents, code: 'c1', date: '2026-12-02' })).status).toBe(201)
  })
})
