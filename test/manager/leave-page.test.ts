// The Leave requests page: a manager approves (the absence is recorded and the published week
// re-planned, with a link to review it) or declines; an answer from a stale page is refused.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decideLeave, leavePage } from '../../src/manager/leave-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { requestLeave } from '../../src/leave/leave.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { example, SCHOOL, staffIdOf, WEEK, worldFrom, type World, htmlOf, pagesOf } from '../support/week.js'

let w: World
let pc: PageContext

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  pc = pagesOf(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
})
afterEach(() => w.close())

const ask = () =>
  requestLeave(w.ctx, SCHOOL, staffIdOf(w.store, 's001'), {
    kind: 'annual',
    startDate: '2026-11-26',
    endDate: '2026-11-27',
    startTime: null,
    endTime: null,
    note: 'Moving house',
  })

describe('the leave requests page', () => {
  it('lists a waiting request with its note and both answers', async () => {
    await ask()
    const html = htmlOf(await leavePage(pc))
    expect(html).toMatch(/<strong>[^<]+<\/strong>: Annual leave, Thu 26 Nov to Fri 27 Nov, all day\./)
    expect(html).toContain('Their note: Moving house')
    expect(html).toContain('>Approve<')
    expect(html).toContain('>Decline<')
  })

  it('approves: links the re-plan of the published week to review and publish', async () => {
    const request = await ask()
    const html = htmlOf(await decideLeave(pc, request.id, 'approve', { version: String(request.version) }))
    expect(html).toContain('Approved: the absence is recorded and these weeks are re-planned')
    expect(html).toContain(`href="/manage/${SCHOOL}/week/${WEEK}"`)
    expect(html).toContain('No leave request is waiting.')
  })

  it('refuses an answer from a page read before someone else answered', async () => {
    const request = await ask()
    expect(await decideLeave(pc, request.id, 'decline', { version: String(request.version) })).toMatchObject({ kind: 'redirect' })
    const stale = await decideLeave(pc, request.id, 'approve', { version: String(request.version) })
    expect(stale.kind === 'html' && stale.status).toBe(409)
  })
})
