// The scenario endpoints through app.request(): export, import, schemas, and their errors.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { canonical } from '../support/scenario-equivalent.js'
import { freshApi, withSchool, type TestApi } from '../support/api.js'

const EXAMPLES = join(import.meta.dirname, '..', '..', 'db', 'scenarios')
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, any>

let api: TestApi
afterEach(async () => api?.close())

/** Row counts of every table: a rejected import must leave them all as they were. */
function counts(): Record<string, number> {
  const tables = api.store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]
  return Object.fromEntries(tables.map(({ name }) => [name, (api.store.sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get() as { n: number }).n]))
}

describe('scenario routes', () => {
  it('imports a file and exports the same week back', async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const file = example('residential.json')
    const imported = await api.json('POST', `${base}/import`, file)
    expect(imported.status).toBe(200)
    expect(imported.body).toMatchObject({ week: '2026-11-23', changed: true, created: { staff: 30, cover: 15 } })
    const exported = await api.json('GET', `${base}/weeks/2026-11-23/scenario`)
    expect(exported.status).toBe(200)
    expect(exported.body).toStrictEqual(canonical(file))
  })

  it('answers 400 with one error per bad path, and writes nothing', async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const before = counts()
    const file = example('primary.json')
    file.week = '2026-11-24'
    file.staff[0].hoursPerWeek = 0
    file.staff[1].grade = 'NOPE'
    file.absences[0].reason = 'a long story'
    const res = await api.json('POST', `${base}/import`, file)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toEqual(expect.arrayContaining(['week', 'staff[0].hoursPerWeek', 'staff[1].grade', 'absences[0].reason']))
    expect(new Set(paths).size).toBe(paths.length)
    expect(counts()).toEqual(before)
  })

  it('takes JSON only', async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const empty = await api.request('POST', `${base}/import`)
    expect(empty.status).toBe(400)
    const text = await api.request('POST', `${base}/import`, 'format: yaml', { 'content-type': 'text/plain' })
    expect(text.status).toBe(415)
    const broken = await api.request('POST', `${base}/import`, '{"format":', { 'content-type': 'application/json' })
    expect(broken.status).toBe(400)
  })

  it('answers 400 for a week that is not a Monday and 404 for an unknown school', async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const tuesday = await api.json('GET', `${base}/weeks/2026-11-24/scenario`)
    expect(tuesday.status).toBe(400)
    expect(tuesday.body.errors).toEqual([expect.objectContaining({ path: 'monday', in: 'params' })])
    expect((await api.json('GET', `${base}/weeks/2026-02-30/scenario`)).status).toBe(400)
    expect((await api.json('GET', '/api/schools/sch_nope/weeks/2026-11-23/scenario')).status).toBe(404)
    expect((await api.json('POST', '/api/schools/sch_nope/import', example('primary.json'))).status).toBe(404)
  })

  it('answers 409 for a school with no school day yet: a scenario needs at least one slot', async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const res = await api.json('GET', `${base}/weeks/2026-11-23/scenario`)
    expect(res.status).toBe(409)
    expect(res.body.detail).toMatch(/no slots/)
  })

  it("refuses a file whose new duty has another week's cover request code (409), and writes nothing", async () => {
    api = await freshApi()
    const { base } = await withSchool(api)
    const file = example('residential.json')
    expect((await api.json('POST', `${base}/import`, file)).status).toBe(200)
    expect((await api.json('POST', `${base}/cover-requests`, { code: 'late', date: '2026-12-01', slot: 'p5' })).status).toBe(201)
    const before = counts()
    const res = await api.json('POST', `${base}/import`, { ...file, duties: [...file.duties, { ...file.duties[0], id: 'late' }] })
    expect(res.status).toBe(409)
    expect(res.body.errors).toEqual([
      {
        path: 'duties',
        message: '"late" is new in the file but a cover request in the week of 2026-11-30 already has this code; give the duty another',
        in: 'body',
      },
    ])
    expect(counts()).toEqual(before)
  })

  it('serves the JSON Schemas', async () => {
    api = await freshApi()
    for (const name of ['scenario', 'rota']) {
      const res = await api.request('GET', `/api/schemas/${name}.json`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/schema+json')
      const committed = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'solver', 'schemas', `${name}.schema.json`), 'utf8'))
      expect(await res.json()).toEqual(committed)
    }
  })
})
