import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let staffId: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  await withBasics(api, base)
  const staff = await api.json('POST', `${base}/staff`, { code: 's03', name: 'Sam Jones', grade: 'G4', hoursPerWeek: 32.5, pattern: WEEKDAY_PATTERN })
  staffId = staff.body.id
})
afterEach(() => api.close())

const sick = { staff: 's03', startDate: '2026-11-24', endDate: '2026-11-26', reason: 'sickness', detail: 'Migraine, GP appointment Wednesday' }

describe('absences', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/absences`, sick)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      id: expect.any(String),
      staff: 's03',
      staffId,
      startDate: '2026-11-24',
      endDate: '2026-11-26',
      startTime: null,
      endTime: null,
      reason: 'sickness',
      detail: 'Migraine, GP appointment Wednesday',
      version: 1,
      createdAt: '2026-11-23T09:00:00.000Z',
      replans: [],
      replanJobs: [],
      replanFailures: [],
    })
    const url = `${base}/absences/${created.body.id}`
    const updated = await api.json('PUT', url, { staff: staffId, startDate: '2026-11-24', startTime: '08:00', endTime: '12:00', reason: 'medical' })
    expect(updated.body).toMatchObject({ endDate: '2026-11-24', startTime: '08:00', endTime: '12:00', reason: 'medical', detail: null, version: 2 })
    const { replans, replanJobs, replanFailures, ...absence } = updated.body
    expect(replans).toEqual([])
    expect(replanJobs).toEqual([])
    expect(replanFailures).toEqual([])
    expect((await api.json('GET', url)).body).toEqual(absence)
    expect((await api.request('DELETE', url)).status).toBe(204)
    expect((await api.json('GET', url)).status).toBe(404)
  })

  it('keep their free-text detail out of lists and the audit log', async () => {
    const created = await api.json('POST', `${base}/absences`, sick)
    expect((await api.json('GET', `${base}/absences/${created.body.id}`)).body.detail).toBe(sick.detail)
    const list = await api.json('GET', `${base}/absences`)
    expect(list.body.items).toHaveLength(1)
    expect(list.body.items[0]).not.toHaveProperty('detail')
    const audit = api.store.sqlite.prepare("SELECT after FROM audit_log WHERE entity = 'absence'").all() as { after: string }[]
    expect(audit).toHaveLength(1)
    expect(audit[0]?.after).not.toContain('Migraine')
  })

  it('may be open-ended, and then count for every later date', async () => {
    await api.json('POST', `${base}/absences`, { staff: 's03', startDate: '2026-11-02', endDate: null, reason: 'family' })
    await api.json('POST', `${base}/absences`, { staff: 's03', startDate: '2026-10-05' })
    const list = await api.json('GET', `${base}/absences?from=2026-11-23&to=2026-11-29`)
    expect(list.body.items).toEqual([expect.objectContaining({ startDate: '2026-11-02', endDate: null })])
  })

  it('cannot end before they start, and need both times or neither', async () => {
    const res = await api.json('POST', `${base}/absences`, { staff: 's03', startDate: '2026-11-24', endDate: '2026-11-23', startTime: '13:00' })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([
      { path: 'endDate', message: 'must not be before startDate (2026-11-24)', in: 'body' },
      { path: 'endTime', message: 'give both startTime and endTime, or neither for whole days', in: 'body' },
    ])
    const times = await api.json('POST', `${base}/absences`, { staff: 's03', startDate: '2026-11-24', startTime: '13:00', endTime: '12:00' })
    expect(times.body.errors).toEqual([{ path: 'endTime', message: 'must be after startTime (13:00)', in: 'body' }])
  })

  it('name every bad field at once', async () => {
    const res = await api.json('POST', `${base}/absences`, { staff: '', startDate: '24/11/2026', reason: 'hangover', detail: 7 })
    expect(pathsOf(res.body)).toEqual(['detail', 'reason', 'staff', 'startDate'])
  })

  it('must be for a member of staff of the same school', async () => {
    const other = await withSchool(api)
    await withBasics(api, other.base)
    const theirs = await api.json('POST', `${other.base}/staff`, { code: 'x1', name: 'Other', grade: 'G4', hoursPerWeek: 10, pattern: {} })
    const res = await api.json('POST', `${base}/absences`, { staff: theirs.body.id, startDate: '2026-11-24' })
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['staff'])
  })
})
