// Leave through the JSON API: a member of staff asks under /api/me/leave-requests, a manager
// approves (the absence and the re-plan drafts, named in the answer) or declines, and the
// person can withdraw while nobody has answered.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { publish } from '../support/calendar.js'
import { otherSchoolManager, phones, type Phones } from '../support/phone.js'

const WEEK = '2026-11-23'
const SCHOOL = '/api/schools/sch_1/leave-requests'
const MINE = '/api/me/leave-requests'
let p: Phones

beforeEach(async () => {
  p = await phones('2026-11-24T07:45:00Z')
  await publish(p.school, WEEK, [['stf_amira', 'gate', '2026-11-26', 'gate']])
})
afterEach(() => p.school.close())

/** Amira asks for Thursday off, where she holds the gate in the published week. */
const ask = async () => {
  const res = await p.json(p.cookie.amira, 'POST', MINE, { kind: 'annual', startDate: '2026-11-26', note: 'Moving house' })
  expect(res.status).toBe(201)
  return res.body as { id: string; version: number }
}
const decide = (id: string, decision: string, version?: number) =>
  p.json(p.manager, 'POST', `${SCHOOL}/${id}/decision`, { decision }, version === undefined ? {} : { 'if-match': `"${version}"` })

describe('asking for leave through the API', () => {
  it('takes a one-day request with only a kind and a day, and lists it as mine and the school’s', async () => {
    const asked = await ask()
    expect(asked).toMatchObject({ kind: 'annual', startDate: '2026-11-26', endDate: '2026-11-26', startTime: null, status: 'requested' })
    expect((await p.json(p.cookie.amira, 'GET', MINE)).body.items.map((r: { id: string }) => r.id)).toEqual([asked.id])
    expect((await p.json(p.cookie.ben, 'GET', MINE)).body.items).toEqual([])
    const school = await p.json(p.manager, 'GET', `${SCHOOL}?status=requested`)
    expect(school.body).toMatchObject({ items: [{ id: asked.id, staffName: 'Amira Patel' }], nextCursor: null })
  })

  it('names each bad field, and the rule between fields on the field to change', async () => {
    const bad = await p.json(p.cookie.amira, 'POST', MINE, { kind: 'holiday', startDate: '2026-13-01', colour: 'red' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'kind', 'startDate'])
    const backwards = await p.json(p.cookie.amira, 'POST', MINE, { kind: 'annual', startDate: '2026-12-10', endDate: '2026-12-08' })
    expect(backwards.body.errors).toEqual([{ path: 'endDate', message: 'must be on or after the first day', in: 'body' }])
  })
})

describe('a manager deciding through the API', () => {
  it('approves: the absence is recorded and the answer names the re-plan draft of the week', async () => {
    const asked = await ask()
    const res = await decide(asked.id, 'approve', asked.version)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ status: 'approved', replanFailures: [] })
    expect(res.body.replans.map((d: { rota: { week: string; status: string } }) => [d.rota.week, d.rota.status])).toEqual([[WEEK, 'draft']])
    const absence = await p.json(p.manager, 'GET', `/api/schools/sch_1/absences/${res.body.absenceId}`)
    expect(absence.body).toMatchObject({ startDate: '2026-11-26', endDate: '2026-11-26' })
    expect((await p.json(p.cookie.amira, 'GET', `${MINE}/${asked.id}`)).body.status).toBe('approved')
  })

  it('declines: nothing is recorded and the person sees the answer', async () => {
    const asked = await ask()
    const res = await decide(asked.id, 'decline', asked.version)
    expect([res.status, res.body.status, res.body.absenceId]).toEqual([200, 'declined', null])
    expect((await p.json(p.manager, 'GET', '/api/schools/sch_1/absences')).body.items).toEqual([])
    expect((await p.json(p.cookie.amira, 'GET', MINE)).body.items[0].status).toBe('declined')
  })

  it('refuses a decision from a stale read (412), a second decision (409) and a made-up one (400)', async () => {
    const asked = await ask()
    expect((await decide(asked.id, 'approve', asked.version + 1)).status).toBe(412)
    expect((await decide(asked.id, 'maybe')).body.errors.map((e: { path: string }) => e.path)).toEqual(['decision'])
    await decide(asked.id, 'decline')
    expect((await decide(asked.id, 'approve')).status).toBe(409)
  })
})

describe('withdrawing a request', () => {
  it('is done by its owner while nobody has answered, and not after', async () => {
    const asked = await ask()
    expect((await p.json(p.cookie.ben, 'DELETE', `${MINE}/${asked.id}`)).status).toBe(404)
    const gone = await p.json(p.cookie.amira, 'DELETE', `${MINE}/${asked.id}`)
    expect([gone.status, gone.body.status]).toEqual([200, 'withdrawn'])
    expect((await p.json(p.cookie.amira, 'DELETE', `${MINE}/${asked.id}`)).status).toBe(409)
    expect((await decide(asked.id, 'approve')).status).toBe(409)
  })
})

describe("another school's manager", () => {
  it('gets 404 for the list and for a decision on a request of this school', async () => {
    const asked = await ask()
    const other = await otherSchoolManager(p.school)
    expect((await p.json(other, 'GET', SCHOOL)).status).toBe(404)
    expect((await p.json(other, 'POST', `${SCHOOL}/${asked.id}/decision`, { decision: 'approve' })).status).toBe(404)
    expect((await p.json(other, 'POST', `/api/schools/sch_other/leave-requests/${asked.id}/decision`, { decision: 'approve' })).status).toBe(404)
  })
})
