// The week's endpoints through app.request() on SQLite, signed in as the school's trust admin:
// the business manager's loop from set-up to a re-plan published, pins and bars, cover from a
// CSV file, swaps, and the two reports as JSON and CSV.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withSchool, type TestApi } from '../support/api.js'
import { parseCsv } from '../../src/platform/csv.js'
import { tinyScenario, WEEK } from '../support/week.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(async () => {
  await api.close()
})

const TUESDAY = '2026-11-24'
const primary = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'scenarios', 'primary.json'), 'utf8')) as unknown

async function setUp(scenario: unknown): Promise<void> {
  const res = await api.json('POST', `${base}/import`, scenario)
  expect(res.status).toBe(200)
}

describe('the business manager’s week over HTTP', () => {
  it('set up, generate, publish, absence, re-plan, publish', async () => {
    await setUp(primary())
    const week = `${base}/weeks/${WEEK}`
    const empty = await api.json('GET', `${week}/rota`)
    expect(empty).toMatchObject({ status: 200, body: { version: 0, published: null, draft: null } })
    expect(empty.headers.get('etag')).toBe('"0"')

    const draft = await api.json('POST', `${week}/rota`)
    expect(draft.status).toBe(201)
    expect(draft.body.rota).toMatchObject({ status: 'draft', week: WEEK })
    expect(Array.isArray(draft.body.rota.unfilled)).toBe(true)
    const etag = draft.headers.get('etag') ?? ''
    expect(etag).toBe(`"${draft.body.version}"`)

    const without = await api.json('POST', `${week}/rota/publish`)
    expect(without.status).toBe(428)
    expect(without.headers.get('content-type')).toBe('application/problem+json')
    expect((await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': '"0"' })).status).toBe(412)
    const published = await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': etag })
    expect(published.status).toBe(200)
    expect(published.body.rota.status).toBe('published')
    expect((await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': etag })).status).toBe(412)

    const person = (published.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === TUESDAY)?.staff
    const absence = await api.json('POST', `${base}/absences`, { staff: person, startDate: TUESDAY, endDate: null, reason: 'sickness', detail: 'flu' })
    expect(absence.status).toBe(201)
    const [draft2] = absence.body.replans as { version: number; diff: { people: { staff: string; removed: unknown[] }[] } }[]
    expect(draft2?.diff.people.find((p) => p.staff === person)?.removed.length).toBeGreaterThan(0)

    const view = await api.json('GET', `${week}/rota`)
    expect(view.body.draft.diff.removed).toBeGreaterThan(0)
    expect(view.headers.get('etag')).toBe(`"${draft2?.version}"`)
    const again = await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': view.headers.get('etag') ?? '' })
    expect(again.status).toBe(200)
    expect((again.body.rota.assignments as { staff: string; date: string }[]).some((a) => a.staff === person && a.date >= TUESDAY)).toBe(false)
  })

  it('rejects a week that does not start on a Monday', async () => {
    await setUp(primary())
    const res = await api.json('POST', `${base}/weeks/2026-11-24/rota`)
    expect(res.status).toBe(400)
  })
})

describe('pins and bars over HTTP', () => {
  it('a bar keeps a person out, and deleting it lets them back', async () => {
    await setUp(tinyScenario())
    const week = `${base}/weeks/${WEEK}`
    for (const staff of ['ann', 'ben']) {
      expect((await api.json('POST', `${week}/overrides`, { kind: 'bar', staff, duty: 'yard', date: WEEK, slot: 'break' })).status).toBe(201)
    }
    const draft = await api.json('POST', `${week}/rota`)
    expect((draft.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === WEEK)?.staff).toBe('cat')
    const list = await api.json('GET', `${week}/overrides`)
    expect(list.body.items).toHaveLength(2)
    expect((await api.request('DELETE', `${week}/overrides/${list.body.items[0].id}`)).status).toBe(204)
    expect((await api.json('POST', `${week}/overrides`, { kind: 'pin', staff: 'ann', duty: 'yard', date: WEEK, slot: 'lunch' })).status).toBe(400)
  })
})

describe('cover requests from CSV over HTTP', () => {
  it('creates them all, or names every bad field and creates none', async () => {
    await setUp(tinyScenario())
    const url = `${base}/weeks/${WEEK}/cover-requests/csv`
    const bad = await api.json('POST', url, { csv: 'date,slot\n2026-11-24,p9\n2026-13-01,p1\n' })
    expect(bad.status).toBe(400)
    expect((bad.body.errors as { path: string }[]).map((e) => e.path)).toEqual(['line 2.slot', 'line 3.date'])
    const good = await api.json('POST', url, { csv: 'date,slot,label\n2026-11-24,p1,9X Maths\n' })
    expect(good.status).toBe(201)
    expect(good.body.created).toHaveLength(1)
  })
})

describe('swaps over HTTP', () => {
  it('are requested, approved with the manager recorded, and listed for the week', async () => {
    await setUp(tinyScenario())
    const week = `${base}/weeks/${WEEK}`
    const draft = await api.json('POST', `${week}/rota`)
    const published = await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })
    const holder = (published.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === WEEK)?.staff ?? ''
    const taker = ['ann', 'ben', 'cat'].find((s) => s !== holder)
    const swap = await api.json('POST', `${base}/swaps`, { from: holder, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: taker })
    expect(swap.status).toBe(201)
    const approved = await api.json('POST', `${base}/swaps/${swap.body.id}/approve`, undefined, { 'if-match': swap.headers.get('etag') ?? '' })
    expect(approved).toMatchObject({ status: 200, body: { status: 'approved', decidedBy: expect.any(String) } })
    expect((await api.json('GET', `${week}/swaps`)).body.items).toHaveLength(1)
    const view = await api.json('GET', `${week}/rota`)
    expect((view.body.published.assignments as { staff: string; date: string }[]).find((a) => a.date === WEEK)?.staff).toBe(taker)
  })
})

describe('the reports', () => {
  it('come as JSON, or as CSV with ?format=csv or Accept: text/csv', async () => {
    await setUp(tinyScenario())
    const week = `${base}/weeks/${WEEK}`
    const draft = await api.json('POST', `${week}/rota`)
    await api.json('POST', `${week}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })

    const fairness = await api.json('GET', `${base}/reports/fairness?date=${WEEK}`)
    expect(fairness.status).toBe(200)
    const total = (fairness.body.staff as { week: { total: number } }[]).reduce((n, r) => n + r.week.total, 0)
    expect(total).toBe(5)

    const csv = await api.request('GET', `${base}/reports/fairness?date=${WEEK}&format=csv`)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
    const parsed = parseCsv(await csv.text())
    expect(parsed.ok && parsed.lines.map((l) => l.fields[0])).toEqual(['staff', 'ann', 'ben', 'cat'])

    const hours = await api.request('GET', `${base}/reports/hours?date=${WEEK}`, undefined, { accept: 'text/csv' })
    expect(hours.headers.get('content-type')).toMatch(/^text\/csv/)
    expect((await api.json('GET', `${base}/reports/hours`)).body.staff).toHaveLength(3)
    expect((await api.json('GET', `${base}/reports/hours?date=nope`)).status).toBe(400)
  })
})
