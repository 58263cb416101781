import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from './helpers.js'

let api: TestApi
let base: string
let basics: Awaited<ReturnType<typeof withBasics>>
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  basics = await withBasics(api, base)
})
afterEach(() => api.close())

const maths = { code: 'c1', date: '2026-11-24', slot: 'p1', label: '9X Maths, room M4' }

describe('cover requests', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/cover-requests`, maths)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ ...maths, id: expect.any(String), slotId: basics.p1.id, peopleNeeded: 1, skillSeats: {}, priority: 3, absenceId: null, version: 1 })
    const url = `${base}/cover-requests/${created.body.id}`
    const updated = await api.json('PUT', url, { ...maths, slot: basics.lunch.id, peopleNeeded: 2, skillSeats: { 'team-teach': 1 } })
    expect(updated.body).toMatchObject({ slot: 'lunch1', peopleNeeded: 2, skillSeats: { 'team-teach': 1 }, version: 2 })
    expect((await api.json('GET', url)).body).toEqual(updated.body)
    expect((await api.json('GET', `${base}/cover-requests?from=2026-11-24&to=2026-11-24`)).body.items).toEqual([updated.body])
    expect((await api.json('GET', `${base}/cover-requests?from=2026-11-25`)).body.items).toEqual([])
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('can point at the absence they cover, which must be in the same school', async () => {
    await api.json('POST', `${base}/staff`, { code: 's03', name: 'Sam Jones', grade: 'G4', hoursPerWeek: 32.5, pattern: WEEKDAY_PATTERN })
    const absence = await api.json('POST', `${base}/absences`, { staff: 's03', startDate: '2026-11-24' })
    const created = await api.json('POST', `${base}/cover-requests`, { ...maths, absenceId: absence.body.id })
    expect(created.body.absenceId).toBe(absence.body.id)
    const bad = await api.json('POST', `${base}/cover-requests`, { ...maths, code: 'c2', absenceId: 'abs_nope' })
    expect(bad.body.errors).toEqual([{ path: 'absenceId', message: 'no absence with id abs_nope in this school', in: 'body' }])
  })

  it('name every bad field at once', async () => {
    const res = await api.json('POST', `${base}/cover-requests`, { code: 'c1', date: '2026-13-01', slot: 'p9', peopleNeeded: 1.5 })
    expect(pathsOf(res.body)).toEqual(['date', 'peopleNeeded'])
    const slot = await api.json('POST', `${base}/cover-requests`, { ...maths, slot: 'p9' })
    expect(pathsOf(slot.body)).toEqual(['slot'])
  })
})
