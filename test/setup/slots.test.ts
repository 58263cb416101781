import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

describe('slots', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/slots`, { code: 'after', kind: 'other', start: '15:15', end: '15:45', days: ['mon', 'wed'] })
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.stringMatching(/^slt_/),
      code: 'after',
      kind: 'other',
      start: '15:15',
      end: '15:45',
      days: ['mon', 'wed'],
      version: 1,
    })
    const url = `${base}/slots/${created.body.id}`
    const updated = await api.json('PUT', url, { code: 'after', kind: 'other', start: '15:15', end: '16:00' })
    expect(updated.body).toMatchObject({ end: '16:00', days: null, version: 2 })
    expect((await api.json('GET', url)).body).toEqual(updated.body)
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('are listed in the order of the school day', async () => {
    await api.json('POST', `${base}/slots`, { code: 'lunch', kind: 'lunch', start: '12:10', end: '12:40' })
    await api.json('POST', `${base}/slots`, { code: 'p1', kind: 'lesson', start: '08:50', end: '09:50' })
    await api.json('POST', `${base}/slots`, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
    const list = await api.json('GET', `${base}/slots`)
    expect(list.body.items.map((s: { code: string }) => s.code)).toEqual(['p1', 'break', 'lunch'])
  })

  it('must end after they start', async () => {
    const res = await api.json('POST', `${base}/slots`, { code: 'p1', kind: 'lesson', start: '09:50', end: '08:50' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ path: 'end', message: 'must be after start (09:50)', in: 'body' }])
  })

  it('name every bad field at once', async () => {
    const res = await api.json('POST', `${base}/slots`, { code: 'p 1', kind: 'nap', start: '9:00', end: '25:00', days: ['mon', 'funday'] })
    expect(pathsOf(res.body)).toEqual(['code', 'days[1]', 'end', 'kind', 'start'])
  })

  it('cannot be deleted while a duty post or cover request uses them, naming each', async () => {
    const slot = await api.json('POST', `${base}/slots`, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
    await api.json('POST', `${base}/duty-posts`, { code: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], peopleNeeded: 1 })
    await api.json('POST', `${base}/cover-requests`, { code: 'c1', date: '2026-11-24', slot: 'break' })
    const res = await api.json('DELETE', `${base}/slots/${slot.body.id}`)
    expect(res.status).toBe(409)
    expect(res.body.detail).toBe('duty post yard and cover request c1 still use slot break; change them first')
  })
})
