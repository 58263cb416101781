// What a careless or hostile caller reaches at the edges of the app: a script's token, a page
// path that looks like an asset, a week in year 0000, a week that is not a Monday.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let schoolId: string
let staffId: string
let token: string
beforeEach(async () => {
  api = await freshApi()
  ;({ base, schoolId } = await withSchool(api))
  await withBasics(api, base)
  const person = await api.json('POST', `${base}/staff`, { code: 's01', name: 'Amira Patel', grade: 'G4', hoursPerWeek: 36.67, pattern: WEEKDAY_PATTERN })
  staffId = person.body.id
  token = (await api.json('POST', `${base}/api-tokens`, { name: 'timetable sync' })).body.token
})
afterEach(() => api.close())

const withToken = (method: string, path: string) =>
  api.app.request(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' } })

describe('a script signed in with an API token', () => {
  it('cannot issue a staff member’s personal link, which would sign the script in as them', async () => {
    expect((await withToken('POST', `${base}/staff/${staffId}/link`)).status).toBe(403)
  })

  it('cannot issue a staff member’s calendar feed', async () => {
    expect((await withToken('POST', `${base}/staff/${staffId}/feed`)).status).toBe(403)
  })
})

describe('the manager pages', () => {
  it('send a visitor with no session to sign in even on a page path that starts like an asset', async () => {
    const res = await api.app.request('/manage/assets/setup/staff')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/auth/signin')
  })

  it('answer a signed-in manager with not found for such a path, not with a page', async () => {
    expect((await api.request('GET', '/manage/assets/setup/staff')).status).toBe(404)
  })

  it('still serve their stylesheet to anyone', async () => {
    expect((await api.app.request('/manage/assets/manager.css')).status).toBe(200)
  })

  it('treat a week in year 0000 as no week at all rather than failing', async () => {
    const res = await api.request('GET', `/manage/${schoolId}/week/0000-01-03`)
    expect(res.status).toBeLessThan(500)
  })
})

describe('week addresses', () => {
  it.each(['overrides', 'swaps'])('refuse a %s list for a week that does not start on a Monday', async (list) => {
    const res = await api.json('GET', `${base}/weeks/2026-11-24/${list}`)
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'monday', message: 'must be a Monday' })])
  })
})
