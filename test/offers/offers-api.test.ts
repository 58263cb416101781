// Open cover through the JSON API: a manager offers an empty seat, the staff the rules allow see
// it under /api/me/offers, and the first to accept gets it; the rest are told why not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addCover, addSickness, publish } from '../support/calendar.js'
import { otherSchoolManager, phones, type Phones } from '../support/phone.js'

const WEEK = '2026-11-23'
const SEAT = { date: '2026-11-25', work: 'c1', slot: 'p1' }
const BASE = '/api/schools/sch_1/offers'
let p: Phones

beforeEach(async () => {
  // Tuesday 07:45 in London; the cover is for Wednesday's first lesson.
  p = await phones('2026-11-24T07:45:00Z')
  await publish(p.school, WEEK, [['stf_cara', 'gate', '2026-11-25', 'gate']])
  await addCover(p.school, 'c1', '2026-11-25', '4B reading')
})
afterEach(() => p.school.close())

const offer = async () => {
  const res = await p.json(p.manager, 'POST', BASE, SEAT)
  expect(res.status).toBe(201)
  return res.body.items[0] as { id: string; version: number }
}
const accept = (cookie: string, id: string) => p.json(cookie, 'POST', `/api/me/offers/${id}/accept`)

describe('a manager offering cover through the API', () => {
  it('shows the seat under /api/me/offers for a member of staff the rules let take it', async () => {
    const made = await offer()
    const mine = await p.json(p.cookie.amira, 'GET', '/api/me/offers')
    expect(mine.status).toBe(200)
    expect(mine.body.items).toEqual([expect.objectContaining({ id: made.id, work: 'c1', date: '2026-11-25', slot: 'p1', name: '4B reading', status: 'open' })])
    expect(mine.body.items[0]).not.toHaveProperty('takenBy')
  })

  it('offers every empty seat of a day when no seat is named, leaving the filled ones', async () => {
    const res = await p.json(p.manager, 'POST', BASE, { date: '2026-11-25' })
    expect(res.status).toBe(201)
    const works = (res.body.items as { work: string }[]).map((o) => o.work).sort()
    // Cara holds the gate that day; the yard's two places and the late cover are empty.
    expect(works).toEqual(['c1', 'yard'])
  })

  it('lists the offers a page at a time, filtered by week and status', async () => {
    await p.json(p.manager, 'POST', BASE, { date: '2026-11-25' })
    const first = await p.json(p.manager, 'GET', `${BASE}?week=${WEEK}&status=open&limit=1`)
    expect(first.body.items).toHaveLength(1)
    const rest = await p.json(p.manager, 'GET', `${BASE}?week=${WEEK}&status=open&cursor=${first.body.nextCursor}`)
    expect(rest.body.items.length).toBeGreaterThan(0)
    expect(rest.body.items.map((o: { id: string }) => o.id)).not.toContain(first.body.items[0].id)
  })

  it('withdraws an offer with the ETag it read, and refuses a stale one', async () => {
    const made = await offer()
    const etag = (await p.json(p.manager, 'GET', `${BASE}/${made.id}`)).headers.get('etag') ?? ''
    expect(etag).toBe(`"${made.version}"`)
    const stale = await p.json(p.manager, 'DELETE', `${BASE}/${made.id}`, undefined, { 'if-match': `"${made.version + 1}"` })
    expect(stale.status).toBe(412)
    const done = await p.json(p.manager, 'DELETE', `${BASE}/${made.id}`, undefined, { 'if-match': etag })
    expect([done.status, done.body.status]).toEqual([200, 'withdrawn'])
    expect((await p.json(p.cookie.amira, 'GET', '/api/me/offers')).body.items).toEqual([])
  })

  it('names each bad field of an offer', async () => {
    const res = await p.json(p.manager, 'POST', BASE, { date: '2026-02-30', work: '', colour: 'red' })
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['colour', 'date', 'work'])
  })

  it('says a filled seat has no place to offer', async () => {
    const res = await p.json(p.manager, 'POST', BASE, { date: '2026-11-25', work: 'gate', slot: 'gate' })
    expect([res.status, res.body.detail]).toEqual([409, expect.stringMatching(/no empty place/)])
  })
})

describe('staff accepting cover through the API', () => {
  it('gives the place to exactly one of two people accepting at once; the other gets 409 already taken', async () => {
    const made = await offer()
    const answers = await Promise.all([accept(p.cookie.amira, made.id), accept(p.cookie.ben, made.id)])
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409])
    const loser = answers.find((a) => a.status === 409)
    expect(loser?.body).toMatchObject({ type: 'https://duty-rota.dev/problems/cover-taken', title: 'Already taken' })
    expect(answers.find((a) => a.status === 200)?.body.status).toBe('taken')
  })

  it('refuses someone the rules do not let take it, with the reason', async () => {
    const made = await offer()
    await addSickness(p.school, 'stf_cara', '2026-11-25')
    const res = await accept(p.cookie.cara, made.id)
    expect(res.status).toBe(409)
    expect(res.body).toMatchObject({
      type: 'https://duty-rota.dev/problems/cover-not-allowed',
      detail: 'Cara Li is absent at wed 2026-11-25 (p1) (rule 3, absence)',
    })
  })
})

describe("another school's manager", () => {
  it("gets 404 for this school's offers and cannot withdraw one", async () => {
    const made = await offer()
    const other = await otherSchoolManager(p.school)
    expect((await p.json(other, 'GET', BASE)).status).toBe(404)
    expect((await p.json(other, 'DELETE', `${BASE}/${made.id}`)).status).toBe(404)
    expect((await p.json(other, 'DELETE', `/api/schools/sch_other/offers/${made.id}`)).status).toBe(404)
  })
})
