// A date in year 9999 is a typo, not a plan: the API's date fields and the week in a path take
// years 2000 to 2100 and say so, instead of storing an absence or a week no one will find again.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { freshApi, type TestApi, withBasics, withSchool, WEEKDAY_PATTERN } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

const MESSAGE = 'must be a date in the years 2000 to 2100'

it('an absence on 9999-12-31 or a week of 9999-12-27 answers 400 naming the date', async () => {
  const { base } = await withSchool(api)
  const { grade } = await withBasics(api, base)
  const staff = await api.json('POST', `${base}/staff`, { code: 's1', name: 'Amira Patel', grade: grade.id, hoursPerWeek: 30, pattern: WEEKDAY_PATTERN })
  const absence = await api.json('POST', `${base}/absences`, { staff: staff.body.id, startDate: '9999-12-31' })
  expect(absence.status).toBe(400)
  expect(absence.body.errors).toEqual([{ path: 'startDate', in: 'body', message: MESSAGE }])
  expect((await api.json('POST', `${base}/absences`, { staff: staff.body.id, startDate: '2100-12-31' })).status).toBe(201)

  for (const [method, path] of [
    ['GET', 'rota'],
    ['POST', 'rota'],
  ] as const) {
    const week = await api.json(method, `${base}/weeks/9999-12-27/${path}`, method === 'POST' ? {} : undefined)
    expect(week.status).toBe(400)
    expect(week.body.errors).toEqual([expect.objectContaining({ path: 'monday', in: 'params', message: MESSAGE })])
  }
})
