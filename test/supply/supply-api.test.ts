// The supply API as a script sees it: a bad body is one problem naming each bad field (a rate
// below zero, an expiry before its check's date, a booking for someone whose checks do not
// cover the day), never a 500; an edit says which version it read.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withBasics, withSchool, type TestApi } from '../support/api.js'

const CHECKS = {
  dbs: { checkedOn: '2026-09-01', expiresOn: '2026-11-30' },
  agency_confirmation: { checkedOn: '2026-11-01' },
  identity: { checkedOn: '2026-11-01', expiresOn: null },
}
const SAM = { code: 'sam', name: 'Sam Supply', grade: 'G4', agency: 'Acme Supply', ratePence: 14500, rateUnit: 'day', checks: CHECKS }

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  await withBasics(api, base)
})
afterEach(() => api.close())

describe('the supply API', () => {
  it('adds a supply person with their checks, and says whether they may work today', async () => {
    const made = await api.json('POST', `${base}/supply`, SAM)
    expect(made.status).toBe(201)
    expect(made.headers.get('etag')).toBe('"1"')
    expect(made.body).toMatchObject({ code: 'sam', agency: 'Acme Supply', ratePence: 14500, rateUnit: 'day', canWorkToday: true, cannotWork: null })
    expect(made.body.checks.agency_confirmation).toEqual({ checkedOn: '2026-11-01', expiresOn: null })
    const listed = await api.json('GET', `${base}/supply`)
    expect(listed.body.items.map((p: { code: string }) => p.code)).toEqual(['sam'])
  })

  it('names each bad field: a rate below zero, a rate unit it does not know, an expiry before the check', async () => {
    const res = await api.json('POST', `${base}/supply`, {
      ...SAM,
      ratePence: -1,
      rateUnit: 'week',
      checks: { ...CHECKS, dbs: { checkedOn: '2026-09-01', expiresOn: '2026-08-31' } },
    })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(pathsOf(res.body)).toEqual(['checks.dbs.expiresOn', 'ratePence', 'rateUnit'])
  })

  it('refuses an edit made from a version someone else has since saved over', async () => {
    const made = await api.json('POST', `${base}/supply`, SAM)
    const first = await api.json('PUT', `${base}/supply/${made.body.id}`, { ...SAM, ratePence: 2000, rateUnit: 'hour' }, { 'if-match': '"1"' })
    expect(first.status).toBe(200)
    expect(first.headers.get('etag')).toBe('"2"')
    const stale = await api.json('PUT', `${base}/supply/${made.body.id}`, { ...SAM, ratePence: 1 }, { 'if-match': '"1"' })
    expect(stale.status).toBe(412)
    expect((await api.json('GET', `${base}/supply/${made.body.id}`)).body).toMatchObject({ ratePence: 2000, rateUnit: 'hour' })
  })

  it('books a day their checks cover, and refuses one after the DBS expires, naming the person field', async () => {
    await api.json('POST', `${base}/supply`, SAM)
    const booked = await api.json('POST', `${base}/supply-bookings`, { staff: 'sam', date: '2026-11-26', start: '08:30', end: '15:30' })
    expect(booked.status).toBe(201)
    expect(booked.body.booking).toMatchObject({ date: '2026-11-26', start: '08:30', end: '15:30' })
    const late = await api.json('POST', `${base}/supply-bookings`, { staff: 'sam', date: '2026-12-01', start: '08:30', end: '15:30' })
    expect(late.status).toBe(400)
    expect(late.body.errors).toEqual([expect.objectContaining({ path: 'staff', message: 'Sam Supply cannot work on 2026-12-01: DBS seen expired 2026-11-30' })])
    const listed = await api.json('GET', `${base}/supply-bookings?from=2026-11-23&to=2026-12-06`)
    expect(listed.body.items.map((b: { date: string }) => b.date)).toEqual(['2026-11-26'])
  })

  it('names the end of a booking that ends before it starts', async () => {
    await api.json('POST', `${base}/supply`, SAM)
    const res = await api.json('POST', `${base}/supply-bookings`, { staff: 'sam', date: '2026-11-26', start: '15:00', end: '09:00' })
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual(['end'])
  })
})
