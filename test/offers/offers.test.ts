// Open cover, first to accept: a cover request that arrives after the week was published is
// offered to everyone who may take it, each sees it, and whoever accepts first gets the place.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fairnessReport } from '../../src/ledgers/fairness.js'
import { acceptOffer, listOffers, offerSeats, offersFor, takersPerOffer, withdrawOffer } from '../../src/offers/offers.js'
import { loadWeekRotas } from '../../src/week/rotas.js'
import { LATE_COVER_SEAT, publishWithLateCover } from '../support/offers.js'
import { contextFor, example, rows, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

let w: World
/** Wednesday's first lesson, needing one adult: rung in after the week was published. */
const SEAT = LATE_COVER_SEAT

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  await publishWithLateCover(w)
})
afterEach(() => w.close())

/** Staff ids the full gate lets take the seat, from the offer list each of them sees. */
async function whoSeesIt(): Promise<string[]> {
  const staff = rows<{ id: string }>(w.store, 'SELECT id FROM staff WHERE school_id = ? ORDER BY code', SCHOOL).map((r) => r.id)
  const seen: string[] = []
  for (const id of staff) if ((await offersFor(w.ctx, SCHOOL, id)).some((o) => o.work === SEAT.work)) seen.push(id)
  return seen
}

describe('offering an empty seat of a published week', () => {
  it('shows it on the phone of everyone the rules let take it, and only theirs', async () => {
    await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const seen = await whoSeesIt()
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.length).toBe((await takersPerOffer(w.store, SCHOOL, WEEK)).values().next().value)
    // a midday supervisor (grade MS: lunch only) may not cover a lesson
    const lunchOnly = rows<{ id: string }>(w.store, "SELECT s.id FROM staff s JOIN grades g ON g.id = s.grade_id WHERE g.code = 'MS'")
    expect(lunchOnly.length).toBeGreaterThan(0)
    for (const { id } of lunchOnly) expect(seen).not.toContain(id)
  })

  it('refuses a seat that the published rota has already filled', async () => {
    const published = (await loadWeekRotas(w.store, SCHOOL, WEEK)).published!
    const held = published.assignments.find((a) => a.slot !== null)!
    await expect(offerSeats(w.ctx, SCHOOL, WEEK, [{ work: held.work, date: held.date, slot: held.slot }])).rejects.toThrow(/no empty place/)
  })

  it('opens one offer per seat however often it is offered', async () => {
    await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT, SEAT])
    await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    expect((await listOffers(w.store, SCHOOL, WEEK)).filter((o) => o.status === 'open')).toHaveLength(1)
  })
})

describe('accepting an offer', () => {
  it('puts the person in the published rota, closes the offer and counts in the fairness ledger', async () => {
    const [offer] = await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const [taker] = await whoSeesIt()
    const before = (await fairnessReport(w.store, SCHOOL, WEEK)).staff.find((r) => r.staffId === taker)!.week
    const outcome = await acceptOffer(w.ctx, SCHOOL, taker!, offer!.id)
    expect(outcome.kind).toBe('taken')
    const published = (await loadWeekRotas(w.store, SCHOOL, WEEK)).published!
    expect(published.assignments).toContainEqual({ staffId: taker, ...SEAT })
    expect((await listOffers(w.store, SCHOOL, WEEK))[0]).toMatchObject({ status: 'taken', takenBy: [taker] })
    const after = (await fairnessReport(w.store, SCHOOL, WEEK)).staff.find((r) => r.staffId === taker)!.week
    expect(after).toMatchObject({ cover: before.cover + 1, total: before.total + 1 })
    expect(await whoSeesIt()).toEqual([])
  })

  it('gives the last place to exactly one of two people accepting at the same moment, and tells the other it has gone', async () => {
    const [offer] = await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const [first, second] = await whoSeesIt()
    const outcomes = await Promise.all([acceptOffer(w.ctx, SCHOOL, first!, offer!.id), acceptOffer(w.ctx, SCHOOL, second!, offer!.id)])
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['gone', 'taken'])
    const held = rows(
      w.store,
      'SELECT a.staff_id FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id WHERE r.status = ? AND a.work_code = ?',
      'published',
      SEAT.work,
    )
    expect(held).toHaveLength(1)
  })

  it('is refused for someone the rules do not let take it, naming the rule', async () => {
    const [offer] = await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const seen = new Set(await whoSeesIt())
    const outsider = rows<{ id: string }>(w.store, 'SELECT id FROM staff WHERE school_id = ?', SCHOOL).find((r) => !seen.has(r.id))!
    const outcome = await acceptOffer(w.ctx, SCHOOL, outsider.id, offer!.id)
    expect(outcome).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/rule \d+/) })
  })

  it('is gone once the manager withdraws the offer', async () => {
    const [offer] = await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const [taker] = await whoSeesIt()
    await withdrawOffer(w.ctx, SCHOOL, offer!.id, `"${offer!.version}"`)
    expect(await acceptOffer(w.ctx, SCHOOL, taker!, offer!.id)).toEqual({ kind: 'gone' })
  })

  it('is never shown or given once the seat has begun', async () => {
    const [offer] = await offerSeats(w.ctx, SCHOOL, WEEK, [SEAT])
    const [taker] = await whoSeesIt()
    // Wednesday 09:00 in London: the lesson began at 08:55.
    const late = contextFor(w.store, 'manager@test', '2026-11-25T09:00:00Z')
    expect(await offersFor(late, SCHOOL, taker!)).toEqual([])
    expect(await acceptOffer(late, SCHOOL, taker!, offer!.id)).toEqual({ kind: 'refused', reason: 'it has already begun' })
  })
})
