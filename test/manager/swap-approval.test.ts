// Swaps on the manager's week page: a swap both people agreed is listed with Approve and
// Decline; an offer the colleague has not answered is not. Through the page handlers.
import { afterEach, describe, expect, it } from 'vitest'
import type { Assignment } from '../../solver/scenario.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { decideSwap, weekPage } from '../../src/manager/week-pages.js'
import { answerOffer, offerSwap } from '../../src/swaps/staff-swaps.js'
import { viewWeek } from '../../src/week/publish.js'
import { contextFor, publishedTinyWeek, SCHOOL, staffIdOf, WEEK, weekCounts, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')

/** The tiny week with Monday's yard duty offered by its holder to a colleague, and the manager's page context. */
async function offered(): Promise<{ w: World; pc: PageContext; id: string; taker: { schoolId: string; staffId: string }; rota: Assignment[] }> {
  const { w, rota } = await publishedTinyWeek()
  open.push(w)
  const holder = (rota.find((a) => a.date === WEEK) as Assignment).staff
  const giver = { schoolId: SCHOOL, staffId: staffIdOf(w.store, holder) }
  const taker = { schoolId: SCHOOL, staffId: staffIdOf(w.store, ['ann', 'ben', 'cat'].find((s) => s !== holder) as string) }
  const swap = await offerSwap(contextFor(w.store, `staff:${giver.staffId}`), giver, { give: `yard|${WEEK}|break`, to: taker.staffId, note: 'Dentist' })
  return { w, pc: { ctx: contextFor(w.store, 'user:usr_manager'), schoolId: SCHOOL, origin: 'https://rota.example.org' }, id: swap.id, taker, rota }
}

describe('swaps on the week page', () => {
  it('are not shown while the colleague has not accepted', async () => {
    const { pc } = await offered()
    expect(htmlOf(await weekPage(pc, WEEK))).not.toContain('Swaps waiting for your approval')
  })

  it('are listed once accepted, and Approve changes the published rota without moving anyone’s fairness', async () => {
    const { w, pc, id, taker } = await offered()
    await answerOffer(contextFor(w.store, `staff:${taker.staffId}`), taker, id, 'accept')
    const page = htmlOf(await weekPage(pc, WEEK))
    expect(page).toContain('Swaps waiting for your approval')
    expect(page).toContain('Note: Dentist')
    expect(page).toContain(`/week/${WEEK}/swaps/${id}/approve`)
    const before = await weekCounts(w.store)
    const done = await decideSwap(pc, WEEK, id, 'approve', { version: '2' })
    expect(done).toEqual({ kind: 'redirect', to: `/manage/${SCHOOL}/week/${WEEK}?done=swap-approved` })
    const monday = (await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments.find((a) => a.date === WEEK)
    expect(monday && staffIdOf(w.store, monday.staff)).toBe(taker.staffId)
    expect(await weekCounts(w.store)).toEqual(before)
    expect(htmlOf(await weekPage(pc, WEEK))).not.toContain('Swaps waiting for your approval')
  })

  it('Decline leaves the rota as it was, and a stale button is refused with the page', async () => {
    const { w, pc, id, taker, rota } = await offered()
    await answerOffer(contextFor(w.store, `staff:${taker.staffId}`), taker, id, 'accept')
    const stale = await decideSwap(pc, WEEK, id, 'decline', { version: '1' })
    expect(stale.kind === 'html' && stale.status).toBe(412)
    expect(await decideSwap(pc, WEEK, id, 'decline', { version: '2' })).toMatchObject({ kind: 'redirect', to: expect.stringMatching(/done=swap-declined$/) })
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments).toEqual(rota)
  })

  it('an offer not yet accepted cannot be approved from a crafted form either (409)', async () => {
    const { pc, id } = await offered()
    const refused = await decideSwap(pc, WEEK, id, 'approve', {})
    expect(refused.kind === 'html' && refused.status).toBe(409)
    expect(htmlOf(refused)).toContain('has not accepted this swap yet')
  })
})
