import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

const g4 = { code: 'G4', name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break', 'lunch', 'cover'] }
const staffOf = (code: string, grade: string) => ({ code, name: `Person ${code}`, grade, hoursPerWeek: 30, pattern: {} })

describe('grades', () => {
  it('go through create, read, update, list and delete', async () => {
    const created = await api.json('POST', `${base}/grades`, g4)
    expect(created.status).toBe(201)
    expect(created.body).toEqual({ id: expect.stringMatching(/^grd_/), ...g4, hourlyRate: null, version: 1 })
    expect(created.headers.get('location')).toBe(`${base}/grades/${created.body.id}`)

    const updated = await api.json('PUT', `${base}/grades/${created.body.id}`, { ...g4, dutyKinds: ['lunch'] })
    expect(updated.body).toMatchObject({ dutyKinds: ['lunch'], version: 2 })
    expect(updated.headers.get('etag')).toBe('"2"')
    expect((await api.json('GET', `${base}/grades/${created.body.id}`)).body).toEqual(updated.body)
    expect((await api.json('GET', `${base}/grades`)).body.items).toEqual([updated.body])

    expect((await api.request('DELETE', `${base}/grades/${created.body.id}`)).status).toBe(204)
    expect((await api.json('GET', `${base}/grades/${created.body.id}`)).status).toBe(404)
  })

  it('cannot be deleted while staff hold it, and the answer says how many', async () => {
    const grade = await api.json('POST', `${base}/grades`, g4)
    for (const code of ['s1', 's2', 's3']) await api.json('POST', `${base}/staff`, staffOf(code, 'G4'))
    const res = await api.json('DELETE', `${base}/grades/${grade.body.id}`)
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      type: 'https://duty-rota.dev/problems/conflict',
      status: 409,
      detail: '3 staff still hold grade G4; give them another grade first',
    })
    expect((await api.json('GET', `${base}/grades/${grade.body.id}`)).status).toBe(200)
  })

  it('keep an hourly rate, in pounds and pence, through a save that leaves it out', async () => {
    const created = await api.json('POST', `${base}/grades`, { ...g4, hourlyRate: 13.69 })
    expect(created.body.hourlyRate).toBe(13.69)
    const renamed = await api.json('PUT', `${base}/grades/${created.body.id}`, { ...g4, name: 'Grade 4' })
    expect(renamed.body).toMatchObject({ name: 'Grade 4', hourlyRate: 13.69 })
    const cleared = await api.json('PUT', `${base}/grades/${created.body.id}`, { ...g4, hourlyRate: null })
    expect(cleared.body.hourlyRate).toBeNull()
  })

  it('refuse an hourly rate below zero, naming the field', async () => {
    const res = await api.json('POST', `${base}/grades`, { ...g4, hourlyRate: -1 })
    expect(res.status).toBe(400)
    expect(res.body.errors).toEqual([{ in: 'body', path: 'hourlyRate', message: 'must not be below zero' }])
  })

  it('refuse a second grade with the same code in one school', async () => {
    await api.json('POST', `${base}/grades`, g4)
    const res = await api.json('POST', `${base}/grades`, { ...g4, name: 'Another' })
    expect(res.status).toBe(409)
    expect(res.body.detail).toBe('another grade in this school already has code "G4"')
  })

  it('name every bad field of a grade', async () => {
    const res = await api.json('POST', `${base}/grades`, { code: '', dutyKinds: ['break', 'nap'], colour: 'red' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['code', 'colour', 'dutyKinds[1]', 'name'])
  })

  it('list a page at a time, following nextCursor to the end', async () => {
    for (const code of ['A', 'B', 'C', 'D', 'E']) await api.json('POST', `${base}/grades`, { ...g4, code })
    const seen: string[] = []
    let url = `${base}/grades?limit=2`
    for (;;) {
      const page = await api.json('GET', url)
      seen.push(...page.body.items.map((g: { code: string }) => g.code))
      if (page.body.nextCursor === null) break
      url = `${base}/grades?limit=2&cursor=${page.body.nextCursor}`
    }
    expect(seen).toEqual(['A', 'B', 'C', 'D', 'E'])
  })
})
