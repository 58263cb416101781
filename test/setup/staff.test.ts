import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
let basics: Awaited<ReturnType<typeof withBasics>>
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  basics = await withBasics(api, base)
  await api.json('POST', `${base}/duty-posts`, { code: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], peopleNeeded: 2 })
  await api.json('POST', `${base}/duty-posts`, { code: 'library', name: 'Library', kind: 'lunch', slots: ['lunch1'], days: ['mon'], peopleNeeded: 1 })
})
afterEach(() => api.close())

const amira = {
  code: 's01',
  name: 'Amira Patel',
  grade: 'G4',
  hoursPerWeek: 36.67,
  pattern: WEEKDAY_PATTERN,
  unpaidBreakMinutes: 30,
  additionalHoursAllowance: 60,
  maxDutiesPerWeek: 4,
  skills: ['dsl', { skill: 'first-aid', expiresOn: '2027-03-31' }],
  commitments: [{ day: 'mon', start: '09:00', end: '10:00', label: '1:1 reading, pupil K' }],
  avoid: ['yard'],
  prefer: ['library'],
  email: 'amira.patel@example.org',
}

describe('staff', () => {
  it('are created with their contract, skills and commitments, and read back whole', async () => {
    const created = await api.json('POST', `${base}/staff`, amira)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({
      ...amira,
      id: expect.stringMatching(/^stf_/),
      gradeId: basics.grade.id,
      skills: [
        { skill: 'dsl', expiresOn: null },
        { skill: 'first-aid', expiresOn: '2027-03-31' },
      ],
      commitments: [{ id: expect.any(String), day: 'mon', start: '09:00', end: '10:00', label: '1:1 reading, pupil K', needsCover: false }],
      version: 1,
    })
    expect((await api.json('GET', `${base}/staff/${created.body.id}`)).body).toEqual(created.body)
  })

  it('may name their grade by id as well as by code', async () => {
    const created = await api.json('POST', `${base}/staff`, { ...amira, grade: basics.grade.id })
    expect(created.body).toMatchObject({ grade: 'G4', gradeId: basics.grade.id })
  })

  it('are replaced whole on update: skills and commitments left out are removed', async () => {
    const created = await api.json('POST', `${base}/staff`, amira)
    const url = `${base}/staff/${created.body.id}`
    const updated = await api.json('PUT', url, {
      code: 's01',
      name: 'Amira Patel',
      grade: 'G4',
      hoursPerWeek: 30,
      pattern: { mon: { start: '08:30', end: '12:30' } },
    })
    expect(updated.body).toMatchObject({
      hoursPerWeek: 30,
      skills: [],
      commitments: [],
      avoid: [],
      prefer: [],
      maxDutiesPerWeek: null,
      email: null,
      version: 2,
    })
    expect((await api.json('GET', url)).body).toEqual(updated.body)
    const skills = api.store.sqlite.prepare('SELECT count(*) AS n FROM staff_skills').get() as { n: number }
    expect(skills.n).toBe(0)
  })

  it("are listed a page at a time, with each one's skills, and can be filtered by grade", async () => {
    await api.json('POST', `${base}/grades`, { code: 'MS', name: 'Midday supervisor', dutyKinds: ['lunch'] })
    for (const code of ['s01', 's02', 's03']) await api.json('POST', `${base}/staff`, { ...amira, code })
    await api.json('POST', `${base}/staff`, { ...amira, code: 's04', grade: 'MS' })
    const first = await api.json('GET', `${base}/staff?limit=2&grade=G4`)
    expect(first.body.items.map((s: { code: string }) => s.code)).toEqual(['s01', 's02'])
    expect(first.body.items[1].skills).toHaveLength(2)
    const second = await api.json('GET', `${base}/staff?limit=2&grade=G4&cursor=${first.body.nextCursor}`)
    expect(second.body).toMatchObject({ items: [{ code: 's03' }], nextCursor: null })
  })

  it('are deleted with their skills, commitments and absences', async () => {
    const created = await api.json('POST', `${base}/staff`, amira)
    await api.json('POST', `${base}/absences`, { staff: 's01', startDate: '2026-11-24' })
    expect((await api.request('DELETE', `${base}/staff/${created.body.id}`)).status).toBe(204)
    expect((await api.json('GET', `${base}/staff/${created.body.id}`)).status).toBe(404)
    for (const table of ['staff_skills', 'commitments', 'absences']) {
      expect((api.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0)
    }
  })

  it('name every bad field, however deep', async () => {
    const res = await api.json('POST', `${base}/staff`, {
      ...amira,
      hoursPerWeek: 0,
      pattern: { mon: { start: '15:50', end: '08:00' }, funday: { start: '08:00', end: '09:00' } },
      skills: ['dsl', { skill: 'first-aid', expiresOn: '2027-02-30' }, 'dsl'],
      commitments: [{ day: 'mon', start: '10:00', end: '09:00' }],
      email: 'not-an-email',
      nickname: 'Ami',
    })
    expect(res.status).toBe(400)
    expect(pathsOf(res.body)).toEqual([
      'commitments[0].end',
      'email',
      'hoursPerWeek',
      'nickname',
      'pattern.funday',
      'pattern.mon.end',
      'skills[1].expiresOn',
      'skills[2].skill',
    ])
  })

  it('must refer to a grade and duty posts of their own school', async () => {
    const res = await api.json('POST', `${base}/staff`, { ...amira, grade: 'G9', avoid: ['yard', 'bus'] })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ path: 'grade', message: 'no grade with id or code "G9" in this school', in: 'body' }])
    const posts = await api.json('POST', `${base}/staff`, { ...amira, avoid: ['yard', 'bus'] })
    expect(posts.body.errors).toEqual([{ path: 'avoid[1]', message: 'no duty post with id or code "bus" in this school', in: 'body' }])
  })

  it('cannot both avoid and prefer the same duty', async () => {
    const res = await api.json('POST', `${base}/staff`, { ...amira, prefer: ['library', 'yard'] })
    expect(res.body.errors).toEqual([{ path: 'prefer[1]', message: 'duty post yard is also in avoid', in: 'body' }])
  })

  it('keep a duty post they avoid from being deleted or renamed', async () => {
    await api.json('POST', `${base}/staff`, amira)
    const posts = await api.json('GET', `${base}/duty-posts`)
    const yard = posts.body.items.find((p: { code: string }) => p.code === 'yard')
    const res = await api.json('DELETE', `${base}/duty-posts/${yard.id}`)
    expect(res.status).toBe(409)
    expect(res.body.detail).toBe('1 staff (s01) still name duty post yard in avoid or prefer; change them before you delete it')
  })
})
