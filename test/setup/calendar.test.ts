import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

const autumn = { kind: 'term', name: 'Autumn 2026', startDate: '2026-09-02', endDate: '2026-12-18' }

describe('calendar periods (terms and half terms)', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/calendar-periods`, autumn)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.any(String), ...autumn, version: 1 })
    const url = `${base}/calendar-periods/${created.body.id}`
    const halfTerm = { kind: 'half_term', name: 'October half term', startDate: '2026-10-26', endDate: '2026-10-30' }
    expect((await api.json('PUT', url, halfTerm)).body).toEqual({ id: created.body.id, ...halfTerm, version: 2 })
    expect((await api.json('GET', `${base}/calendar-periods`)).body.items).toHaveLength(1)
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('cannot end before they start', async () => {
    const res = await api.json('POST', `${base}/calendar-periods`, { ...autumn, endDate: '2026-09-01' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ path: 'endDate', message: 'must not be before startDate (2026-09-02)', in: 'body' }])
  })

  it('refuse dates that do not exist', async () => {
    const res = await api.json('POST', `${base}/calendar-periods`, { ...autumn, startDate: '2026-02-30' })
    expect(res.body.errors).toEqual([{ path: 'startDate', message: 'no such calendar date', in: 'body' }])
  })
})

describe('closures', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/closures`, { date: '2026-11-27', kind: 'inset', name: 'INSET day' })
    expect(created.status).toBe(201)
    const url = `${base}/closures/${created.body.id}`
    expect((await api.json('PUT', url, { date: '2026-11-27', kind: 'other', name: 'Polling station' })).body).toMatchObject({ kind: 'other', version: 2 })
    expect((await api.json('GET', `${base}/closures`)).body.items.map((c: { name: string }) => c.name)).toEqual(['Polling station'])
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('allow one closure per day, naming the one already there', async () => {
    await api.json('POST', `${base}/closures`, { date: '2026-12-25', kind: 'bank_holiday', name: 'Christmas Day' })
    const res = await api.json('POST', `${base}/closures`, { date: '2026-12-25', kind: 'inset', name: 'INSET' })
    expect(res.status).toBe(409)
    expect(res.body.detail).toBe('2026-12-25 is already a closure day (Christmas Day)')
  })
})
