// The Supply page and the week page's Book supply form, as a manager uses them: the list says in
// words who cannot work today and why, the forms name each bad field and keep what was typed,
// and booking a day with unfilled seats plans the draft again with the supply person in it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PageContext } from '../../src/manager/page-kit.js'
import { addSupply, bookSupplyFromWeek, cancelSupplyBooking, editSupplyPage, saveSupply, supplyPage } from '../../src/manager/supply-pages.js'
import { weekPage } from '../../src/manager/week-pages.js'
import { createSupplyPerson } from '../../src/supply/supply-people.js'
import { generateDraft } from '../../src/week/generate.js'
import { diningWeek, htmlOf, pagesOf, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const TUESDAY = '2026-11-24'
const FORM = {
  name: 'Sam Supply',
  code: 'sam',
  grade: 'TA',
  agency: 'Acme Supply',
  rate: '145.00',
  rateUnit: 'day',
  'dbs-on': '2026-09-01',
  'dbs-until': '2027-08-31',
  'agency_confirmation-on': '2026-11-01',
  'identity-on': '2026-11-01',
}

let w: World
let pc: PageContext
beforeEach(async () => {
  const week = diningWeek()
  // Ben alone, who does not work Tuesdays: Tuesday's dining hall has nobody.
  w = await worldFrom({ ...week, staff: week.staff.filter((s) => s.id === 'ben') })
  pc = pagesOf(w)
})
afterEach(() => w.close())

describe('the Supply page', () => {
  it('adds a supply person from the form, and lists their agency, rate and checks with dates', async () => {
    expect(await addSupply(pc, FORM)).toMatchObject({ kind: 'redirect', to: `/manage/${SCHOOL}/supply?done=supply-added` })
    const html = htmlOf(await supplyPage(pc))
    expect(html).toContain('Sam Supply (sam)')
    expect(html).toContain('£145.00 a day')
    expect(html).toContain('Seen 2026-09-01, valid until 2027-08-31')
    expect(html).toContain('<td>Can work</td>')
  })

  it('says plainly who cannot work today and why', async () => {
    await addSupply(pc, { ...FORM, 'dbs-until': '2026-11-19' })
    expect(htmlOf(await supplyPage(pc))).toContain('<strong>Cannot work: DBS seen expired 2026-11-19</strong>')
  })

  it('names each bad field and keeps what was typed: a rate below zero, an expiry before the check', async () => {
    const answer = await addSupply(pc, { ...FORM, rate: '-5', 'dbs-until': '2026-08-01' })
    expect(answer).toMatchObject({ kind: 'html', status: 400 })
    const html = htmlOf(answer)
    expect(html).toContain('Rate (£): must not be below zero')
    expect(html).toContain('DBS seen: valid until: must not be before the check&#39;s date (2026-09-01)')
    expect(html).toContain('value="Sam Supply"')
  })

  it('saves an edit from the version it was opened at, and refuses one opened before someone else saved', async () => {
    const sam = await createSupplyPerson(w.ctx, SCHOOL, {
      code: 'sam',
      name: 'Sam Supply',
      grade: 'TA',
      agency: 'Acme',
      ratePence: 14500,
      rateUnit: 'day',
      checks: {},
    })
    expect(htmlOf(await editSupplyPage(pc, sam.id))).toContain('value="145.00"')
    expect(await saveSupply(pc, sam.id, { ...FORM, rate: '150', version: '1' })).toMatchObject({ kind: 'redirect' })
    const stale = await saveSupply(pc, sam.id, { ...FORM, rate: '90', version: '1' })
    expect(htmlOf(stale)).toContain('Someone else changed Sam Supply')
    expect(htmlOf(await supplyPage(pc))).toContain('£150.00 a day')
  })
})

describe('Book supply on the week page', () => {
  it('is offered for the day with unfilled seats, and booking fills the seat in the re-planned draft', async () => {
    await addSupply(pc, FORM)
    await generateDraft(w.ctx, SCHOOL, WEEK)
    const page = htmlOf(await weekPage(pc, WEEK))
    expect(page).toContain('Book supply for the unfilled days')
    expect(page).toContain('Seats are unfilled on Tue 24 Nov (1)')
    const sam = page.match(/<option value="(stf_[^"]+)">Sam Supply \(Acme Supply\)<\/option>/)?.[1] ?? ''
    const done = await bookSupplyFromWeek(pc, WEEK, { staff: sam, date: TUESDAY, start: '08:30', end: '15:30' }, weekPage)
    expect(done).toMatchObject({ kind: 'redirect', to: `/manage/${SCHOOL}/week/${WEEK}?done=supply-booked` })
    const after = htmlOf(await weekPage(pc, WEEK))
    expect(after).not.toContain('Book supply for the unfilled days')
  })

  it('names who cannot come on an unfilled day, and refuses booking them then', async () => {
    await addSupply(pc, { ...FORM, 'dbs-until': '2026-11-23' })
    await generateDraft(w.ctx, SCHOOL, WEEK)
    const page = htmlOf(await weekPage(pc, WEEK))
    expect(page).toContain('Sam Supply cannot work Tue 24 Nov: DBS seen expired 2026-11-23')
    const refused = await bookSupplyFromWeek(pc, WEEK, { staff: 'sam', date: TUESDAY, start: '08:30', end: '15:30' }, weekPage)
    expect(refused).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(refused)).toContain('The supply booking was not made')
  })

  it('lists the booked day on the Supply page, and Cancel takes it back and empties the seat again', async () => {
    await addSupply(pc, FORM)
    await generateDraft(w.ctx, SCHOOL, WEEK)
    await bookSupplyFromWeek(pc, WEEK, { staff: 'sam', date: TUESDAY, start: '08:30', end: '15:30' }, weekPage)
    const listed = htmlOf(await supplyPage(pc))
    expect(listed).toContain('Sam Supply, Tue 24 Nov, 08:30-15:30')
    const id = listed.match(/supply\/bookings\/(spb_[^/]+)\/cancel/)?.[1] ?? ''
    expect(await cancelSupplyBooking(pc, id)).toMatchObject({ kind: 'redirect', to: `/manage/${SCHOOL}/supply?done=supply-cancelled` })
    expect(htmlOf(await supplyPage(pc))).toContain('Nobody is booked from today on.')
    expect(htmlOf(await weekPage(pc, WEEK))).toContain('Seats are unfilled on Tue 24 Nov (1)')
  })
})
