// The slot and term Edit pages through the whole app, as a browser without script uses them: a
// GET that shows the saved thing at the version the API gives as its ETag, a plain url-encoded
// POST that saves it, and a page read before an API save answered with the conflict page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let manage: string
let slotId: string

beforeEach(async () => {
  api = await freshApi()
  const school = await withSchool(api)
  base = school.base
  manage = `/manage/${school.schoolId}`
  slotId = (await withBasics(api, base)).brk.id
})
afterEach(() => api.close())

const submit = (path: string, fields: Record<string, string>) =>
  api.request('POST', path, new URLSearchParams(fields).toString(), { 'content-type': 'application/x-www-form-urlencoded' })

describe("a slot's Edit page through the app", () => {
  it('carries the version the API gives as its ETag, and saves a plain form POST the API then reads', async () => {
    const page = `${manage}/setup/day/${slotId}/edit`
    const etag = (await api.json('GET', `${base}/slots/${slotId}`)).headers.get('etag')
    expect(await (await api.request('GET', page)).text()).toContain(`<input type="hidden" name="version" value="${etag?.replace(/"/g, '')}"/>`)
    const res = await submit(page, { version: '1', code: 'break', kind: 'break', start: '10:45', end: '11:05' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/\/setup\/day\?done=slot-saved$/)
    expect((await api.json('GET', `${base}/slots/${slotId}`)).body).toMatchObject({ start: '10:45', version: 2 })
  })

  it('answers a page read before an API save with the conflict page, saving nothing', async () => {
    const put = await api.json('PUT', `${base}/slots/${slotId}`, { code: 'break', kind: 'break', start: '10:40', end: '11:00' }, { 'if-match': '"1"' })
    expect(put.status).toBe(200)
    const stale = await submit(`${manage}/setup/day/${slotId}/edit`, { version: '1', code: 'break', kind: 'break', start: '10:45', end: '11:05' })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Someone else changed slot break')
    expect((await api.json('GET', `${base}/slots/${slotId}`)).body).toMatchObject({ start: '10:40', version: 2 })
  })
})

describe("a term's Edit page through the app", () => {
  it('saves new dates the API then reads', async () => {
    const term = await api.json('POST', `${base}/calendar-periods`, { kind: 'term', name: 'Autumn term', startDate: '2026-09-03', endDate: '2026-12-18' })
    expect(term.status).toBe(201)
    const res = await submit(`${manage}/setup/terms/periods/${term.body.id}/edit`, {
      version: '1',
      name: 'Autumn term',
      kind: 'term',
      startDate: '2026-09-03',
      endDate: '2026-12-11',
    })
    expect(res.status).toBe(303)
    expect((await api.json('GET', `${base}/calendar-periods/${term.body.id}`)).body).toMatchObject({ endDate: '2026-12-11', version: 2 })
  })
})
