// Swaps of published assignments: agreed by two staff, approved by a manager, applied to the
// published rota in one guarded write, and never counted against either person's fairness.
import { afterEach, describe, expect, it } from 'vitest'
import type { Assignment } from '../../solver/scenario.js'
import { createAbsence } from '../../src/week/absences.js'
import { exportScenario } from '../../src/scenario/export.js'
import { approveSwap, declineSwap, listSwaps, requestSwap } from '../../src/swaps/swaps.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek, viewWeek } from '../../src/week/publish.js'
import { contextFor, NEXT_WEEK, publishedTinyWeek, rows, SCHOOL, WEEK, weekCounts, type World, statusOf } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function published(): Promise<{ w: World; rota: Assignment[] }> {
  const world = await publishedTinyWeek()
  open.push(world.w)
  return world
}

const on = (rota: Assignment[], date: string) => rota.find((a) => a.date === date) as Assignment
const other = (...not: string[]) => ['ann', 'ben', 'cat'].find((s) => !not.includes(s)) as string
const manager = (w: World) => contextFor(w.store, 'manager@test')
const counts = (w: World) => weekCounts(w.store)

describe('a handover of one assignment', () => {
  it('moves it in the published rota once approved, and it still counts for the person first given it', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const taker = other(monday.staff)
    const before = await counts(w)
    const swap = await requestSwap(contextFor(w.store, 'staff@test'), SCHOOL, {
      from: monday.staff,
      give: { duty: 'yard', date: WEEK, slot: 'break' },
      to: taker,
    })
    expect(swap.status).toBe('requested')
    // Requested is not yet done.
    expect(on((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments ?? [], WEEK).staff).toBe(monday.staff)

    const approved = await approveSwap(manager(w), SCHOOL, swap.id, `"${swap.version}"`)
    expect(approved).toMatchObject({ status: 'approved', decidedBy: 'manager@test', credits: { a: monday.staff, b: null } })
    const view = await viewWeek(w.ctx, SCHOOL, WEEK)
    expect(on(view.published?.assignments ?? [], WEEK).staff).toBe(taker)
    expect(await counts(w)).toEqual(before)
    // and the next week is balanced on the same counts
    const next = await exportScenario(w.store, SCHOOL, NEXT_WEEK)
    for (const s of next.staff) expect(s.dutiesThisTerm ?? 0).toBe(before.get(s.id))
  })

  it('is refused when the taker cannot do it (absent then)', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const taker = other(monday.staff)
    await createAbsence(w.ctx, SCHOOL, { staff: taker, startDate: WEEK, endDate: WEEK, startTime: null, endTime: null, reason: null, detail: null })
    expect(await statusOf(requestSwap(w.ctx, SCHOOL, { from: monday.staff, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: taker }))).toBe(409)
  })

  it('is refused for an assignment the person does not hold', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const notHolder = other(monday.staff)
    expect(await statusOf(requestSwap(w.ctx, SCHOOL, { from: notHolder, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: monday.staff }))).toBe(409)
  })
})

describe('a chain of handovers', () => {
  it('still counts for the person first given the duty', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const [second, third] = ['ann', 'ben', 'cat'].filter((s) => s !== monday.staff) as [string, string]
    const before = await counts(w)
    const give = { duty: 'yard', date: WEEK, slot: 'break' }
    await approveSwap(w.ctx, SCHOOL, (await requestSwap(w.ctx, SCHOOL, { from: monday.staff, give, to: second })).id)
    const again = await approveSwap(w.ctx, SCHOOL, (await requestSwap(w.ctx, SCHOOL, { from: second, give, to: third })).id)
    expect(again.credits.a).toBe(monday.staff)
    expect(on((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments ?? [], WEEK).staff).toBe(third)
    expect(await counts(w)).toEqual(before)
  })
})

describe('an exchange of two assignments', () => {
  it('swaps the holders, records both sides, and leaves both people’s fairness as it was', async () => {
    const { w, rota } = await published()
    const pair = rota.flatMap((x) => rota.filter((y) => y.staff !== x.staff && y.date !== x.date).map((y) => [x, y] as const))[0]
    if (!pair) throw new Error('the tiny week spreads the yard over at least two people')
    const [x, y] = pair
    const before = await counts(w)
    const swap = await requestSwap(w.ctx, SCHOOL, {
      from: x.staff,
      give: { duty: x.duty, date: x.date, slot: x.slot },
      to: y.staff,
      back: { duty: y.duty, date: y.date, slot: y.slot },
      note: 'dentist',
    })
    const approved = await approveSwap(manager(w), SCHOOL, swap.id)
    expect(approved.credits).toEqual({ a: x.staff, b: y.staff })
    const after = (await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments ?? []
    expect(on(after, x.date).staff).toBe(y.staff)
    expect(on(after, y.date).staff).toBe(x.staff)
    expect(await counts(w)).toEqual(before)
    expect(await listSwaps(w.store, SCHOOL, WEEK)).toHaveLength(1)
    expect(rows(w.store, "SELECT id FROM audit_log WHERE entity = 'swap' AND action = 'approve'")).toHaveLength(1)
  })
})

describe('approving', () => {
  it('moves the week on, so a draft made before the swap (which would undo it) cannot be published', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    const swap = await requestSwap(w.ctx, SCHOOL, { from: monday.staff, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: other(monday.staff) })
    await approveSwap(w.ctx, SCHOOL, swap.id)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`))).toBe(412)
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).draft).toBeNull()
  })

  it('happens once: a second approval or a decline after it is refused', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const swap = await requestSwap(w.ctx, SCHOOL, { from: monday.staff, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: other(monday.staff) })
    await approveSwap(w.ctx, SCHOOL, swap.id)
    expect(await statusOf(approveSwap(w.ctx, SCHOOL, swap.id))).toBe(409)
    expect(await statusOf(declineSwap(w.ctx, SCHOOL, swap.id))).toBe(409)
    expect(await statusOf(approveSwap(w.ctx, SCHOOL, swap.id, `"${swap.version}"`))).toBe(412)
  })

  it('a declined swap changes nothing', async () => {
    const { w, rota } = await published()
    const monday = on(rota, WEEK)
    const swap = await requestSwap(w.ctx, SCHOOL, { from: monday.staff, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: other(monday.staff) })
    const declined = await declineSwap(manager(w), SCHOOL, swap.id)
    expect(declined).toMatchObject({ status: 'declined', decidedBy: 'manager@test' })
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments).toEqual(rota)
  })
})
