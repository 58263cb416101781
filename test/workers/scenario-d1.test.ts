// The scenario round trip on real workerd with a local D1 (wrangler dev): every example week
// imported over HTTP and exported back must be equivalent (deep-equal to the file's canonical
// form, see test/support/scenario-equivalent.ts). D1 binds at most 100 parameters per statement,
// so the 120-staff week is the one that proves the import's chunking.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { canonical } from '../support/scenario-equivalent.js'
import { theWeekAfter } from '../support/week-after.js'
import { startWorker, type RunningWorker } from '../support/start-worker.js'

const EXAMPLES = join(import.meta.dirname, '..', '..', 'db', 'scenarios')
const FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
const example = (name: string) => JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Record<string, any>

let worker: RunningWorker
let organisationId = ''
beforeAll(async () => {
  worker = await startWorker()
  organisationId = (await send('POST', '/api/organisations', { name: 'Scenario Trust' })).body.id
})
afterAll(async () => {
  await worker?.stop()
})

async function send(method: string, path: string, body?: unknown) {
  const res = await worker.fetch(path, {
    method,
    ...(body === undefined ? { headers: worker.auth } : { headers: { 'content-type': 'application/json', ...worker.auth }, body: JSON.stringify(body) }),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null }
}

async function newSchool(name: string): Promise<string> {
  const school = await send('POST', '/api/schools', { organisationId, name })
  expect(school.status).toBe(201)
  return `/api/schools/${school.body.id}`
}

describe('scenario import and export on Workers with D1', () => {
  it.each(FILES)('round-trips %s', async (file) => {
    const base = await newSchool(file)
    const sc = example(file)
    const imported = await send('POST', `${base}/import`, sc)
    expect(imported.status, JSON.stringify(imported.body)).toBe(200)
    expect(imported.body.created.staff).toBe(sc.staff.length)
    const exported = await send('GET', `${base}/weeks/${sc.week}/scenario`)
    expect(exported.status).toBe(200)
    expect(exported.body).toStrictEqual(canonical(sc))

    // Importing it again finds nothing to change.
    const again = await send('POST', `${base}/import`, sc)
    expect(again.body).toMatchObject({ changed: false, statements: 1 })
  })

  it('rejects an invalid file with one error per bad path and changes nothing', async () => {
    const base = await newSchool('rejected')
    const sc = example('secondary.json')
    await send('POST', `${base}/import`, sc)
    const before = await send('GET', `${base}/weeks/${sc.week}/scenario`)
    const bad = structuredClone(sc)
    bad.staff = bad.staff.slice(0, 5) // would remove 43 people...
    bad.staff[0].hoursPerWeek = 'full' // ...but the file is invalid, so nothing happens
    bad.slots[0].end = '25:00'
    const res = await send('POST', `${base}/import`, bad)
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const paths = (res.body.errors as { path: string }[]).map((e) => e.path)
    expect(paths).toContain('staff[0].hoursPerWeek')
    expect(paths).toContain('slots[0].end')
    expect((await send('GET', `${base}/weeks/${sc.week}/scenario`)).body).toStrictEqual(before.body)
  })

  it('imports two weeks that reuse cover and event ids, exports each week its own, and refuses a second c1 in one week', async () => {
    const base = await newSchool('week after week')
    const first = example('primary.json') as Scenario
    const second = theWeekAfter(first)
    for (const sc of [first, second]) expect((await send('POST', `${base}/import`, sc)).status).toBe(200)
    for (const sc of [first, second]) {
      const exported = await send('GET', `${base}/weeks/${sc.week}/scenario`)
      expect(exported.body.cover).toStrictEqual(canonical(sc).cover)
      expect(exported.body.events).toStrictEqual(canonical(sc).events)
    }
    const clash = await send('POST', `${base}/cover-requests`, { code: 'c1', date: '2026-12-04', slot: 's1' })
    expect(clash.status).toBe(409)
    expect(clash.body.errors).toEqual([{ path: 'code', message: 'another cover request in the week of 2026-11-30 already has code "c1"', in: 'body' }])
  })

  it('serves the JSON Schemas from the bundle', async () => {
    const res = await send('GET', '/api/schemas/scenario.json')
    expect(res.status).toBe(200)
    expect(res.body.$id).toBe('https://duty-rota.dev/schemas/scenario.json')
    expect((await send('GET', '/api/schemas/rota.json')).body.properties.format.const).toBe('duty-rota/rota@1')
  })
})
