// The Edit pages through the whole app, as a browser without script uses them: a GET that shows
// the saved thing, a plain url-encoded POST that saves it. The page and the API share one version
// guard: the version a page was read at is the API's ETag, and a save through either moves it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let page: string
let gradeId: string

beforeEach(async () => {
  api = await freshApi()
  const school = await withSchool(api)
  base = school.base
  const { grade } = await withBasics(api, base)
  gradeId = grade.id
  page = `/manage/${school.schoolId}/setup/grades/${gradeId}/edit`
})
afterEach(() => api.close())

const submit = (path: string, fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams()
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v)
  return api.request('POST', path, body.toString(), { 'content-type': 'application/x-www-form-urlencoded' })
}

describe("a grade's Edit page through the app", () => {
  it('carries the version the API gives as its ETag', async () => {
    const res = await api.request('GET', page)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const etag = (await api.json('GET', `${base}/grades/${gradeId}`)).headers.get('etag')
    expect(await res.text()).toContain(`<input type="hidden" name="version" value="${etag?.replace(/"/g, '')}"/>`)
  })

  it('saves a plain form POST and redirects to the list, which the API then reads', async () => {
    const res = await submit(page, { version: '1', code: 'G4', name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break', 'cover'] })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/\/setup\/grades\?done=grade-saved$/)
    const grades = await api.json('GET', `${base}/grades`)
    expect(grades.body.items[0]).toMatchObject({ name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break', 'cover'], version: 2 })
  })

  it('answers a page read before an API save with the conflict page, and the API a page read before a page save with 412', async () => {
    const put = await api.json('PUT', `${base}/grades/${gradeId}`, { code: 'G4', name: 'Grade 4', dutyKinds: ['cover'] }, { 'if-match': '"1"' })
    expect(put.status).toBe(200)
    const stale = await submit(page, { version: '1', code: 'G4', name: 'Grade 4', dutyKinds: ['break'] })
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Someone else changed grade G4')

    expect((await submit(page, { version: '2', code: 'G4', name: 'Grade 4', dutyKinds: ['break'] })).status).toBe(303)
    const late = await api.json('PUT', `${base}/grades/${gradeId}`, { code: 'G4', name: 'Grade 4', dutyKinds: ['lunch'] }, { 'if-match': '"2"' })
    expect(late.status).toBe(412)
  })
})
