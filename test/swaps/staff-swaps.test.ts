// Swaps staff make from their phones: A offers, B accepts or declines, A may withdraw, and a
// manager approves only what B accepted. What people notice: the rota changes only after
// approval, nobody's fairness moves, a refusal names the rule, and one answer wins.
import { afterEach, describe, expect, it } from 'vitest'
import type { Store } from '../../db/store.js'
import type { Assignment } from '../../solver/scenario.js'
import { toProblem } from '../../src/platform/http/errors.js'
import { createAbsence } from '../../src/week/absences.js'
import { answerOffer, loadMySwaps, offerChoices, offerSwap, type StaffMember } from '../../src/swaps/staff-swaps.js'
import { approveSwap, listSwaps } from '../../src/swaps/swaps.js'
import { addOverride } from '../../src/week/overrides.js'
import { viewWeek } from '../../src/week/publish.js'
import { contextFor, publishedTinyWeek, rows, SCHOOL, staffIdOf, statusOf, WEEK, weekCounts, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

interface Cast {
  w: World
  rota: Assignment[]
  /** A: holds Monday's yard duty */
  a: StaffMember & { code: string }
  /** B: the colleague A offers it to */
  b: StaffMember & { code: string }
  /** someone else in the school */
  c: StaffMember & { code: string }
  give: string
}

/** The tiny published week, and the three people in it: A holds Monday's yard duty. */
async function cast(): Promise<Cast> {
  const { w, rota } = await publishedTinyWeek()
  open.push(w)
  const monday = rota.find((x) => x.date === WEEK) as Assignment
  const [bCode, cCode] = ['ann', 'ben', 'cat'].filter((s) => s !== monday.staff) as [string, string]
  const member = (code: string) => ({ schoolId: SCHOOL, staffId: staffIdOf(w.store, code), code })
  return { w, rota, a: member(monday.staff), b: member(bCode), c: member(cCode), give: `yard|${WEEK}|break` }
}

/** A write context acting as this member of staff, as their phone session does. */
const as = (w: World, who: StaffMember) => contextFor(w.store, `staff:${who.staffId}`)
const manager = (w: World) => contextFor(w.store, 'user:usr_manager')
const holderOn = async (w: World, date: string) => (await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments.find((x) => x.date === date)?.staff

async function detailOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (err) {
    return toProblem(err).detail ?? ''
  }
  throw new Error('expected a refusal')
}

describe('a swap offered from a phone', () => {
  it('changes the published rota once B accepts and a manager approves, and leaves both people’s fairness as it was', async () => {
    const { w, a, b, give } = await cast()
    const before = await weekCounts(w.store)
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId, note: 'Parents evening prep' })
    expect(offer).toMatchObject({ stage: 'offered', proposedBy: 'staff', agreedAt: null })
    const accepted = await answerOffer(as(w, b), b, offer.id, 'accept', String(offer.version))
    expect(accepted.stage).toBe('agreed')
    expect(await holderOn(w, WEEK)).toBe(a.code)

    const approved = await approveSwap(manager(w), SCHOOL, offer.id, `"${accepted.version}"`)
    expect(approved).toMatchObject({ stage: 'approved', credits: { a: a.code, b: null } })
    expect(await holderOn(w, WEEK)).toBe(b.code)
    expect(await weekCounts(w.store)).toEqual(before)
  })

  it('exchanges two duties when A asks for one of B’s in return', async () => {
    const { w, rota, a, b, give } = await cast()
    const theirs = rota.find((x) => x.staff === b.code) as Assignment
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId, back: `yard|${theirs.date}|break` })
    const accepted = await answerOffer(as(w, b), b, offer.id, 'accept')
    await approveSwap(manager(w), SCHOOL, offer.id, `"${accepted.version}"`)
    expect(await holderOn(w, WEEK)).toBe(b.code)
    expect(await holderOn(w, theirs.date)).toBe(a.code)
  })

  it('changes nothing when B declines it, and cannot be accepted afterwards', async () => {
    const { w, rota, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    const declined = await answerOffer(as(w, b), b, offer.id, 'decline')
    expect(declined).toMatchObject({ stage: 'declined', declinedBy: 'colleague' })
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments).toEqual(rota)
    expect(await statusOf(answerOffer(as(w, b), b, offer.id, 'accept'))).toBe(409)
    expect(await statusOf(approveSwap(manager(w), SCHOOL, offer.id))).toBe(409)
  })

  it('can be withdrawn by A, even after B accepted, and then goes nowhere', async () => {
    const { w, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    await answerOffer(as(w, b), b, offer.id, 'accept')
    const withdrawn = await answerOffer(as(w, a), a, offer.id, 'withdraw')
    expect(withdrawn.stage).toBe('withdrawn')
    expect(await statusOf(approveSwap(manager(w), SCHOOL, offer.id))).toBe(409)
    expect(await holderOn(w, WEEK)).toBe(a.code)
    // and the duty can be offered again
    expect((await offerSwap(as(w, a), a, { give, to: b.staffId })).stage).toBe('offered')
  })

  it('is offered to one colleague at a time: a second offer of the same duty is refused', async () => {
    const { w, a, b, c, give } = await cast()
    await offerSwap(as(w, a), a, { give, to: b.staffId })
    expect(await detailOf(offerSwap(as(w, a), a, { give, to: c.staffId }))).toMatch(/already offered this duty to /)
  })
})

describe('refusals', () => {
  it('an offer the colleague cannot take because they are away is refused without saying they are away, let alone why', async () => {
    const { w, a, b, give } = await cast()
    await createAbsence(manager(w), SCHOOL, {
      staff: b.code,
      startDate: WEEK,
      endDate: WEEK,
      startTime: null,
      endTime: null,
      reason: 'sickness',
      detail: 'Flu, doctor says a week',
    })
    const refused = offerSwap(as(w, a), a, { give, to: b.staffId })
    expect(await statusOf(refused)).toBe(409)
    const detail = await detailOf(offerSwap(as(w, a), a, { give, to: b.staffId }))
    expect(detail).toContain('for a reason only a manager can see')
    expect(detail).not.toMatch(/absen|sick|flu|doctor|rule 3/i)
  })

  it('a duty a manager pinned cannot be offered: the phone lists nobody and says why, and an offer names rule 10', async () => {
    const { w, a, b, give } = await cast()
    await addOverride(manager(w), SCHOOL, WEEK, { kind: 'pin', staff: a.code, duty: 'yard', date: WEEK, slot: 'break' })
    const choices = await offerChoices(w.ctx, a, { give })
    expect(choices.takers).toEqual([])
    expect(choices.problem).toContain('A manager has fixed this duty to you')
    expect(await detailOf(offerSwap(as(w, a), a, { give, to: b.staffId }))).toContain('(rule 10, pinned by a manager)')
  })

  it('a third person cannot accept, decline or withdraw someone else’s offer, nor even see it', async () => {
    const { w, a, b, c, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId, note: 'private between us' })
    for (const answer of ['accept', 'decline', 'withdraw'] as const) expect(await statusOf(answerOffer(as(w, c), c, offer.id, answer)), answer).toBe(404)
    expect(await loadMySwaps(w.store, c, WEEK)).toEqual([])
    expect((await loadMySwaps(w.store, b, WEEK)).map((s) => [s.side, s.note])).toEqual([['taker', 'private between us']])
  })

  it('A cannot accept their own offer, and B cannot withdraw it', async () => {
    const { w, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    expect(await statusOf(answerOffer(as(w, a), a, offer.id, 'accept'))).toBe(403)
    expect(await statusOf(answerOffer(as(w, b), b, offer.id, 'withdraw'))).toBe(403)
  })

  it('a manager cannot approve an offer before the colleague has accepted it', async () => {
    const { w, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    expect(await statusOf(approveSwap(manager(w), SCHOOL, offer.id))).toBe(409)
    expect(await detailOf(approveSwap(manager(w), SCHOOL, offer.id))).toBe(`${b.code} has not accepted this swap yet: it can be approved once they have`)
    expect(await holderOn(w, WEEK)).toBe(a.code)
  })

  it('a duty that is not yours cannot be offered', async () => {
    const { w, b, c, give } = await cast()
    expect(await statusOf(offerSwap(as(w, b), b, { give, to: c.staffId }))).toBe(409)
  })
})

/** A store whose writes wait until `n` of them are ready, so that every reader has read first. */
function raceStore(store: Store, n: number): Store {
  const waiting: (() => void)[] = []
  return {
    db: store.db,
    async atomic(statements) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        if (waiting.length === n) for (const go of waiting) go()
      })
      return store.atomic(statements)
    },
  }
}

describe('two answers at once', () => {
  it('two accepts of one offer (two taps, two phones): exactly one is recorded, the other is told it changed', async () => {
    const { w, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    const racing = { ...as(w, b), store: raceStore(w.store, 2) }
    const results = await Promise.allSettled([answerOffer(racing, b, offer.id, 'accept'), answerOffer(racing, b, offer.id, 'accept')])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const lost = results.find((r) => r.status === 'rejected')
    expect(lost && toProblem(lost.reason).status).toBe(412)
    expect(rows(w.store, "SELECT id FROM audit_log WHERE entity = 'swap' AND action = 'accept'")).toHaveLength(1)
    expect((await listSwaps(w.store, SCHOOL, WEEK))[0]?.version).toBe(2)
  })

  it('an accept and a withdraw at once: one of them wins, never both', async () => {
    const { w, a, b, give } = await cast()
    const offer = await offerSwap(as(w, a), a, { give, to: b.staffId })
    const store = raceStore(w.store, 2)
    const results = await Promise.allSettled([
      answerOffer({ ...as(w, b), store }, b, offer.id, 'accept'),
      answerOffer({ ...as(w, a), store }, a, offer.id, 'withdraw'),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    expect(rows(w.store, "SELECT id FROM audit_log WHERE entity = 'swap' AND action IN ('accept', 'withdraw')")).toHaveLength(1)
  })
})

describe('what the phone offers', () => {
  it('only colleagues who could take the duty, and only exchanges A could take', async () => {
    const { w, a, b, c, give } = await cast()
    await createAbsence(manager(w), SCHOOL, { staff: c.code, startDate: WEEK, endDate: WEEK, startTime: null, endTime: null, reason: 'sickness', detail: null })
    const choices = await offerChoices(w.ctx, a, { give, to: b.staffId })
    expect(choices.give?.ref).toBe(give)
    expect(choices.takers.map((t) => t.staffId)).toEqual([b.staffId])
    expect(choices.exchanges.length).toBeGreaterThan(0)
    expect(choices.exchanges.every((d) => d.date !== WEEK)).toBe(true)
    expect(choices.problem).toBeNull()
  })

  it('no longer lists a duty once it is on offer', async () => {
    const { w, a, b, give } = await cast()
    expect((await offerChoices(w.ctx, a, {})).mine.map((d) => d.ref)).toContain(give)
    await offerSwap(as(w, a), a, { give, to: b.staffId })
    expect((await offerChoices(w.ctx, a, {})).mine.map((d) => d.ref)).not.toContain(give)
  })
})
