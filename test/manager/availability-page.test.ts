// The page of times staff cannot do: a manager sees what waits, approves it with a plain form
// (after which a generate keeps the person free then) or declines it; a stale answer is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { availabilityPage, decideAvailability } from '../../src/manager/availability-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { markUnavailable } from '../../src/leave/unavailability.js'
import { generateDraft } from '../../src/week/generate.js'
import { diningWeek, htmlOf, pagesOf, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

let w: World
let pc: PageContext

beforeEach(async () => {
  w = await worldFrom(diningWeek())
  pc = pagesOf(w)
})
afterEach(() => w.close())

const ask = () => markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), { repeat: 'weekly', day: 'tue', slot: 'lunch1', note: 'I run the chess club' })
const onTuesdayLunch = async () =>
  (await generateDraft(w.ctx, SCHOOL, WEEK)).rota.assignments.some((a) => a.staff === 'ann' && a.date === '2026-11-24' && a.slot === 'lunch1')

describe('the page of times staff cannot do', () => {
  it('lists what waits with its note and an Approve and a Decline form', async () => {
    const mark = await ask()
    const html = htmlOf(await availabilityPage(pc))
    expect(html).toContain('<strong>Ann Lee</strong>, not free for duties: Every Tuesday, 12:00-12:30.')
    expect(html).toContain('Their note: I run the chess club')
    expect(html).toContain(`action="/manage/${SCHOOL}/availability/${mark.id}/approve"`)
    expect(html).toContain(`action="/manage/${SCHOOL}/availability/${mark.id}/decline"`)
  })

  it('approving makes the next generate keep her off Tuesday lunch', async () => {
    const mark = await ask()
    expect(await onTuesdayLunch()).toBe(true)
    const done = await decideAvailability(pc, mark.id, 'approve', { version: String(mark.version) })
    expect(done).toMatchObject({ kind: 'redirect' })
    expect(await onTuesdayLunch()).toBe(false)
    const html = htmlOf(await availabilityPage(pc))
    expect(html).toContain('Nothing is waiting.')
    expect(html).toMatch(/<h2 id="approved">Approved<\/h2><ul><li><strong>Ann Lee<\/strong>, not free for duties: Every Tuesday, 12:00-12:30.<\/li>/)
  })

  it('refuses an answer from a page read before someone else answered, and the first answer stands', async () => {
    const mark = await ask()
    expect(await decideAvailability(pc, mark.id, 'decline', { version: String(mark.version) })).toMatchObject({ kind: 'redirect' })
    const stale = await decideAvailability(pc, mark.id, 'approve', { version: String(mark.version) })
    expect(stale.kind === 'html' && stale.status).toBe(409)
    expect(await onTuesdayLunch()).toBe(true)
  })
})
