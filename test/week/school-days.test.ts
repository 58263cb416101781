// Term dates decide which weeks have pupils: a holiday or half-term week is refused by generate
// and publish with a reason a manager can read, a week the term dates cut short is planned on
// its open days only, and a school that has not typed its terms in plans every week as before.
// Through the real app, signed in as the school's trust admin.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withSchool, type TestApi } from '../support/api.js'
import { tinyScenario } from '../support/week.js'

let api: TestApi
let base: string
let schoolId: string
beforeEach(async () => {
  api = await freshApi()
  ;({ base, schoolId } = await withSchool(api))
  expect((await api.json('POST', `${base}/import`, tinyScenario())).status).toBe(200)
})
afterEach(async () => {
  await api.close()
})

const CHRISTMAS = '2026-12-21'
const FEBRUARY_HALF_TERM = '2027-02-15'

async function addPeriods(periods: { kind: 'term' | 'half_term'; name: string; startDate: string; endDate: string }[]): Promise<void> {
  for (const p of periods) expect((await api.json('POST', `${base}/calendar-periods`, p)).status).toBe(201)
}

const SCHOOL_YEAR = [
  { kind: 'term' as const, name: 'Autumn term', startDate: '2026-09-02', endDate: '2026-12-18' },
  { kind: 'half_term' as const, name: 'Autumn half term', startDate: '2026-10-26', endDate: '2026-10-30' },
  { kind: 'term' as const, name: 'Spring term', startDate: '2027-01-05', endDate: '2027-03-26' },
  { kind: 'half_term' as const, name: 'February half term', startDate: '2027-02-15', endDate: '2027-02-19' },
]

async function expectRefused(monday: string, words: string): Promise<void> {
  const generate = await api.json('POST', `${base}/weeks/${monday}/rota`)
  expect(generate.status).toBe(409)
  expect(generate.headers.get('content-type')).toBe('application/problem+json')
  expect(generate.body.detail).toContain(words)
  const publish = await api.json('POST', `${base}/weeks/${monday}/rota/publish`, undefined, { 'if-match': '"0"' })
  expect(publish.status).toBe(409)
  expect(publish.headers.get('content-type')).toBe('application/problem+json')
  expect(publish.body.detail).toContain(words)
}

describe('weeks without pupils', () => {
  it('refuses to generate or publish the Christmas week, saying it is outside every term', async () => {
    await addPeriods(SCHOOL_YEAR)
    await expectRefused(CHRISTMAS, 'the week of 21 December 2026 has no school day: it is outside every term (Christmas holiday)')
  })

  it('refuses to generate or publish a half-term week, saying it is half term', async () => {
    await addPeriods(SCHOOL_YEAR)
    await expectRefused(FEBRUARY_HALF_TERM, 'the week of 15 February 2027 has no school day: it is half term (February half term)')
  })

  it('refuses a term week whose every day is a closure, naming the closures', async () => {
    await addPeriods(SCHOOL_YEAR)
    for (const date of ['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']) {
      expect((await api.json('POST', `${base}/closures`, { date, kind: 'other', name: 'Building works' })).status).toBe(201)
    }
    await expectRefused('2026-12-14', 'every day is closed (Building works)')
  })

  it('shows the manager that the Christmas week has no school day instead of seats to fill and a Generate button', async () => {
    await addPeriods(SCHOOL_YEAR)
    const page = await (await api.request('GET', `/manage/${schoolId}/week/${CHRISTMAS}`)).text()
    expect(page).toContain('No rota to plan: the week of 21 December 2026 has no school day: it is outside every term (Christmas holiday).')
    expect(page).not.toContain('seats to fill')
    expect(page).not.toContain('Generate')
  })
})

describe('weeks cut short by the term dates', () => {
  it('counts and fills only the three days before the term ends on a Wednesday', async () => {
    await addPeriods([{ kind: 'term', name: 'Autumn term', startDate: '2026-09-02', endDate: '2026-12-16' }])
    const page = await (await api.request('GET', `/manage/${schoolId}/week/2026-12-14`)).text()
    // One yard duty a day: three open days, three seats.
    expect(page).toContain('3 seats to fill')
    const draft = await api.json('POST', `${base}/weeks/2026-12-14/rota`)
    expect(draft.status).toBe(201)
    const dates = draft.body.rota.assignments.map((a: { date: string }) => a.date).sort()
    expect(dates).toEqual(['2026-12-14', '2026-12-15', '2026-12-16'])
  })
})

describe('a school with no term dates', () => {
  it('still generates any week, the Christmas week included', async () => {
    const draft = await api.json('POST', `${base}/weeks/${CHRISTMAS}/rota`)
    expect(draft.status).toBe(201)
    expect(draft.body.rota.assignments).toHaveLength(5)
  })
})
