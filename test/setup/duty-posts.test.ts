import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let basics: Awaited<ReturnType<typeof withBasics>>
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  basics = await withBasics(api, base)
})
afterEach(() => api.close())

const yard = {
  code: 'yard',
  name: 'Yard',
  kind: 'break',
  slots: ['break'],
  days: ['mon', 'tue', 'wed', 'thu', 'fri'],
  peopleNeeded: 2,
  skillSeats: { 'first-aid': 1 },
  priority: 2,
}

describe('duty posts', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/duty-posts`, yard)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ ...yard, id: expect.any(String), slotIds: [basics.brk.id], wetWeatherFor: null, version: 1 })
    const url = `${base}/duty-posts/${created.body.id}`
    const updated = await api.json('PUT', url, { ...yard, kind: 'lunch', slots: [basics.lunch.id, 'break'], skillSeats: {}, priority: undefined })
    expect(updated.body).toMatchObject({ kind: 'lunch', slots: ['lunch1', 'break'], slotIds: [basics.lunch.id, basics.brk.id], priority: 3, version: 2 })
    expect((await api.json('GET', url)).body).toEqual(updated.body)
    expect((await api.json('GET', `${base}/duty-posts`)).body.items).toEqual([updated.body])
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('name each slot that does not exist by its position', async () => {
    const res = await api.json('POST', `${base}/duty-posts`, { ...yard, slots: ['break', 'lunch9', 'gate'] })
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['slots[1]', 'slots[2]'])
  })

  it('cannot ask for more skilled people than people', async () => {
    const res = await api.json('POST', `${base}/duty-posts`, { ...yard, peopleNeeded: 1, skillSeats: { 'first-aid': 1, dsl: 1 } })
    expect(res.body.errors).toEqual([{ path: 'skillSeats', message: 'asks for 2 skill seats but only 1 people', in: 'body' }])
  })

  it('name every bad field at once', async () => {
    const res = await api.json('POST', `${base}/duty-posts`, {
      code: 'yard',
      name: '',
      kind: 'cover',
      slots: [],
      days: ['mon', 'mon'],
      peopleNeeded: 0,
      priority: 6,
    })
    expect(pathsOf(res.body)).toEqual(['days', 'kind', 'name', 'peopleNeeded', 'priority', 'slots'])
  })
  it('may not take a code a cover request or event has in any week, since a post keeps its code every week (409 naming code)', async () => {
    await api.json('POST', `${base}/cover-requests`, { code: 'c1', date: '2026-12-01', slot: 'p1' })
    await api.json('POST', `${base}/events`, { code: 'eve', name: 'Parents evening', date: '2026-11-25', start: '16:00', end: '19:00' })
    const likeCover = await api.json('POST', `${base}/duty-posts`, { ...yard, code: 'c1' })
    expect(likeCover.status).toBe(409)
    expect(likeCover.body.errors).toEqual([
      { path: 'code', message: `a cover request in the week of 2026-11-30 already has code "c1": a duty post's code names it in every week`, in: 'body' },
    ])

    const created = await api.json('POST', `${base}/duty-posts`, yard)
    expect(created.status).toBe(201)
    const url = `${base}/duty-posts/${created.body.id}`
    const renamed = await api.json('PUT', url, { ...yard, code: 'eve' })
    expect(renamed.status).toBe(409)
    expect(renamed.body.errors).toEqual([
      { path: 'code', message: `an event in the week of 2026-11-23 already has code "eve": a duty post's code names it in every week`, in: 'body' },
    ])
    expect((await api.json('PUT', url, { ...yard, name: 'Playground' })).status).toBe(200)
  })
})
