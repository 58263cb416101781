// No write is ever half done: a change, its child rows and its audit entry land together or not at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Store } from '../../db/store.js'
import { freshApi, NOW, TESTER, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from '../support/api.js'
import { testApp } from '../support/kit.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  await withBasics(api, base)
})
afterEach(() => api.close())

const count = (table: string) => (api.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
const snapshot = () => ({
  staff: api.store.sqlite.prepare('SELECT * FROM staff ORDER BY id').all(),
  skills: api.store.sqlite.prepare('SELECT * FROM staff_skills ORDER BY staff_id, skill').all(),
  commitments: api.store.sqlite.prepare('SELECT * FROM commitments ORDER BY id').all(),
  audit: count('audit_log'),
})

const person = {
  code: 's01',
  name: 'Amira Patel',
  grade: 'G4',
  hoursPerWeek: 36,
  pattern: WEEKDAY_PATTERN,
  skills: ['dsl', 'first-aid'],
  commitments: [{ day: 'mon', start: '09:00', end: '10:00' }],
}

describe('atomic writes', () => {
  it('a batch whose last statement fails leaves every table as it was', async () => {
    await api.json('POST', `${base}/staff`, person)
    const before = snapshot()
    const db = api.store.db
    const staffId = (before.staff[0] as { id: string }).id
    const attempt = api.store.atomic([
      db.deleteFrom('staff_skills').where('staff_id', '=', staffId).compile(),
      db.deleteFrom('commitments').where('staff_id', '=', staffId).compile(),
      db.updateTable('staff').set({ name: 'Half done' }).where('id', '=', staffId).compile(),
      db.insertInto('staff_skills').values({ staff_id: 'stf_missing', skill: 'dsl', expires_on: null }).compile(),
    ])
    await expect(attempt).rejects.toThrow(/FOREIGN KEY/)
    expect(snapshot()).toEqual(before)
  })

  it('an edit that loses a race with another edit answers 412 and writes none of its rows', async () => {
    const created = await api.json('POST', `${base}/staff`, person)
    // Another request bumps the row between this edit's read and its write.
    let raced = false
    const racing: Store = {
      db: api.store.db,
      async atomic(statements) {
        if (!raced) {
          raced = true
          api.store.sqlite.prepare("UPDATE staff SET version = version + 1, name = 'Edited elsewhere' WHERE id = ?").run(created.body.id)
        }
        return api.store.atomic(statements)
      },
    }
    const app = testApp({ store: racing })
    const before = snapshot()
    const res = await app.request(`${base}/staff/${created.body.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...api.auth },
      body: JSON.stringify({ ...person, name: 'My edit', skills: [], commitments: [] }),
    })
    expect(res.status).toBe(412)
    const after = snapshot()
    expect(after.skills).toEqual(before.skills)
    expect(after.commitments).toEqual(before.commitments)
    expect(after.audit).toBe(before.audit)
    expect(after.staff).toEqual([expect.objectContaining({ name: 'Edited elsewhere', version: 2 })])
  })

  it('two requests creating the same code at once: one wins, the other answers 409', async () => {
    const body = { code: 'G7', name: 'Grade 7', dutyKinds: ['break'] }
    const results = await Promise.all([api.json('POST', `${base}/grades`, body), api.json('POST', `${base}/grades`, body)])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect(results.find((r) => r.status === 409)?.body.detail).toMatch(/^another grade in this school already has (this code|code "G7")$/)
    expect((api.store.sqlite.prepare("SELECT count(*) AS n FROM grades WHERE code = 'G7'").get() as { n: number }).n).toBe(1)
  })

  it('two requests creating the same cover code in one week at once: one wins, the other answers 409 for that week', async () => {
    const body = (date: string) => ({ code: 'c1', date, slot: 'p1' })
    const results = await Promise.all([
      api.json('POST', `${base}/cover-requests`, body('2026-11-24')),
      api.json('POST', `${base}/cover-requests`, body('2026-11-26')),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([201, 409])
    expect(results.find((r) => r.status === 409)?.body.detail).toMatch(
      /^another cover request in (this school already has this code in that week|the week of 2026-11-23 already has code "c1")$/,
    )
    expect(count('cover_requests')).toBe(1)
  })
})

describe('the audit log', () => {
  it('records each change with who made it, when, and the state before and after', async () => {
    const created = await api.json('POST', `${base}/grades`, { code: 'TA2', name: 'Teaching assistant', dutyKinds: ['lunch'] })
    await api.json('PUT', `${base}/grades/${created.body.id}`, { code: 'TA2', name: 'Teaching assistant level 2', dutyKinds: ['lunch'] })
    await api.request('DELETE', `${base}/grades/${created.body.id}`)
    const rows = api.store.sqlite
      .prepare("SELECT actor, action, entity_id, before, after, at FROM audit_log WHERE entity = 'grade' AND entity_id = ? ORDER BY rowid")
      .all(created.body.id) as {
      actor: string
      action: string
      before: string | null
      after: string | null
      at: string
    }[]
    expect(rows.map((r) => [r.actor, r.action, r.at])).toEqual([
      [`user:${TESTER.id}`, 'create', NOW],
      [`user:${TESTER.id}`, 'update', NOW],
      [`user:${TESTER.id}`, 'delete', NOW],
    ])
    expect(JSON.parse(rows[1]?.before ?? 'null')).toMatchObject({ name: 'Teaching assistant', version: 1 })
    expect(JSON.parse(rows[1]?.after ?? 'null')).toMatchObject({ name: 'Teaching assistant level 2', version: 2 })
  })

  it('names the API token behind a change, and through it the person who made the token', async () => {
    const made = await api.json('POST', `${base}/api-tokens`, { name: 'timetable sync' })
    const token = await api.app.request(`${base}/grades`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${made.body.token}` },
      body: JSON.stringify({ code: 'MS', name: 'Midday', dutyKinds: ['lunch'] }),
    })
    expect(token.status).toBe(201)
    const row = api.store.sqlite.prepare("SELECT actor FROM audit_log WHERE entity = 'grade' ORDER BY rowid DESC LIMIT 1").get() as { actor: string }
    expect(row.actor).toBe(`token:${made.body.id}`)
    const grade = (await token.json()) as { id: string }
    const audit = await api.json('GET', `${base}/audit?limit=200`)
    expect(audit.body.items.find((i: { entityId: string }) => i.entityId === grade.id)).toMatchObject({
      actorName: `API token "timetable sync" of ${TESTER.name}`,
    })
  })
})
