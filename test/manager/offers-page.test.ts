// The week's open cover page: empty seats with how many could take each, a button to offer
// one or a whole day's, and the offers so far; refusals come back as sentences on the page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { offerFromPage, offersPage, withdrawFromPage } from '../../src/manager/offer-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { LATE_COVER_SEAT, publishWithLateCover } from '../support/offers.js'
import { example, SCHOOL, WEEK, worldFrom, type World, htmlOf, pagesOf } from '../support/week.js'

let w: World
let pc: PageContext
const SEAT = LATE_COVER_SEAT

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  pc = pagesOf(w)
})
afterEach(() => w.close())

describe('the open cover page', () => {
  it('asks for the week to be published first', async () => {
    expect(htmlOf(await offersPage(pc, WEEK))).toContain('Nothing is published for this week yet')
  })

  it('lists an empty seat with how many could take it, and offers it', async () => {
    await publishWithLateCover(w)
    const html = htmlOf(await offersPage(pc, WEEK))
    expect(html).toMatch(/<strong>4B reading<\/strong>, Wed 25 Nov at 08:55: 1 place empty\. \d+ people could take it\./)
    expect(html).toContain('Offer every empty seat on Wednesday 25 November')
    const done = await offerFromPage(pc, WEEK, { work: SEAT.work, date: SEAT.date, slot: SEAT.slot })
    expect(done).toEqual({ kind: 'redirect', to: `/manage/${SCHOOL}/week/${WEEK}/offers?done=offered` })
    const after = htmlOf(await offersPage(pc, WEEK))
    expect(after).toContain('On offer: it shows on their phones now.')
    expect(after).toMatch(/<strong>4B reading<\/strong>, Wed 25 Nov:\s*open\./)
  })

  it('says why when a seat cannot be offered', async () => {
    await publishWithLateCover(w)
    const refused = await offerFromPage(pc, WEEK, { work: 'nothing', date: SEAT.date, slot: SEAT.slot })
    expect(refused.kind === 'html' && refused.status).toBe(409)
    expect(htmlOf(refused)).toContain('nothing on 2026-11-25 (s1) has no empty place in the published rota')
  })

  it('withdraws an offer, and refuses a withdraw from a page read before someone else changed it', async () => {
    await publishWithLateCover(w)
    await offerFromPage(pc, WEEK, { seat: `${SEAT.work}|${SEAT.date}|${SEAT.slot}` })
    const id = /offers\/(cof_[^/]+)\/withdraw/.exec(htmlOf(await offersPage(pc, WEEK)))?.[1] ?? ''
    const stale = await withdrawFromPage(pc, WEEK, id, { version: '7' })
    expect(stale.kind === 'html' && stale.status).toBe(409)
    expect(await withdrawFromPage(pc, WEEK, id, { version: '1' })).toMatchObject({ kind: 'redirect' })
    expect(htmlOf(await offersPage(pc, WEEK))).toMatch(/Wed 25 Nov:\s*withdrawn\./)
  })
})
