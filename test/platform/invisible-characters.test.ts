// Names show raw on /me, in calendar feeds and on pages: a line break or a bidi override in one
// would split a feed line or make the text read backwards, so the API refuses them at the edge
// and names the field. Multi-line text (an absence's detail) keeps its line breaks.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { freshApi, type TestApi, withBasics, withSchool, WEEKDAY_PATTERN } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

const MESSAGE = 'must not contain line breaks or invisible control characters'

it('a name with a bidi override, a line break or a control character answers 400 naming the field', async () => {
  const { base } = await withSchool(api)
  const { grade } = await withBasics(api, base)
  for (const bad of ['Amira \u202eaP', 'Amira\nPatel', 'Amira\u2067 Patel', 'Amira\u0085Patel', 'Amira\u0007']) {
    const org = await api.json('POST', '/api/organisations', { name: bad })
    expect(org.status).toBe(400)
    expect(org.body.errors).toEqual([{ path: 'name', in: 'body', message: MESSAGE }])
    const staff = await api.json('POST', `${base}/staff`, { code: 's1', name: bad, grade: grade.id, hoursPerWeek: 30, pattern: WEEKDAY_PATTERN })
    expect(staff.status).toBe(400)
    expect(staff.body.errors).toEqual([expect.objectContaining({ path: 'name', message: MESSAGE })])
  }
  expect((await api.json('GET', '/api/organisations')).body.items).toHaveLength(1)
})

it("an absence's detail keeps its line breaks but not a bidi override", async () => {
  const { base } = await withSchool(api)
  const { grade } = await withBasics(api, base)
  const staff = await api.json('POST', `${base}/staff`, { code: 's1', name: 'Amira Patel', grade: grade.id, hoursPerWeek: 30, pattern: WEEKDAY_PATTERN })
  expect(staff.status).toBe(201)
  const absence = (detail: string) => api.json('POST', `${base}/absences`, { staff: staff.body.id, startDate: '2026-11-24', reason: 'medical', detail })
  expect((await absence('Hospital\r\nappointment')).status).toBe(201)
  const bidi = await absence('Hospital \u202eappointment')
  expect(bidi.status).toBe(400)
  expect(bidi.body.errors).toEqual([expect.objectContaining({ path: 'detail', message: 'must not contain invisible control characters' })])
})
