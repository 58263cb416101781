// Handlers of the week's open cover page: show the empty seats and offers, offer seats to
// staff, withdraw an offer. A refusal (nothing published, a seat filled meanwhile, an offer
// someone else changed) re-shows the page as it now stands with the reason in words.
import { createElement } from 'hono/jsx'
import { offerBoard } from '../offers/board.js'
import { offerSeats, withdrawOffer, type Seat } from '../offers/offers.js'
import { isMondayDate } from '../scenario/week-dates.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, problemText, redirect, type PageContext, type PageResult } from './page-kit.js'
import { OffersPage } from './views/offers-page.js'
import { managerPaths } from './views/paths.js'

export async function offersPage(pc: PageContext, monday: string, refused?: { alert: string; status: number }): Promise<PageResult> {
  // Not a Monday (a hand-typed address): this week's page, as the week page does.
  if (!isMondayDate(monday)) return redirect(managerPaths(pc.schoolId).weekNow)
  const [frame, board] = await Promise.all([frameOf(pc), offerBoard(pc.ctx.store, pc.schoolId, monday)])
  return html(createElement(OffersPage, { frame: { ...frame, alert: refused?.alert }, monday, board }), refused?.status)
}

const text = (v: FormValues[string] | undefined) => (typeof v === 'string' ? v : undefined)
const listOf = (v: FormValues[string] | undefined) => (v === undefined ? [] : Array.isArray(v) ? v : [v])

/** The seats a form names: one by its fields, or several as "work|date|slot" values of `seat`. */
function seatsIn(values: FormValues): Seat[] {
  const one = text(values.work) && text(values.date) ? [{ work: text(values.work) ?? '', date: text(values.date) ?? '', slot: text(values.slot) || null }] : []
  const many = listOf(values.seat).map((s) => {
    const [work = '', date = '', slot = ''] = s.split('|')
    return { work, date, slot: slot || null }
  })
  return [...one, ...many]
}

async function refusedOr(pc: PageContext, monday: string, action: () => Promise<unknown>, done: 'offered' | 'offer-withdrawn'): Promise<PageResult> {
  try {
    await action()
  } catch (err) {
    return offersPage(pc, monday, { alert: problemText(err), status: 409 })
  }
  return redirect((await frameOf(pc)).paths.offers(monday), done)
}

export function offerFromPage(pc: PageContext, monday: string, values: FormValues): Promise<PageResult> {
  if (!isMondayDate(monday)) return Promise.resolve(redirect(managerPaths(pc.schoolId).weekNow))
  const seats = seatsIn(values)
  if (seats.length === 0) return offersPage(pc, monday, { alert: 'Choose a seat to offer.', status: 400 })
  return refusedOr(pc, monday, () => offerSeats(pc.ctx, pc.schoolId, monday, seats), 'offered')
}

export function withdrawFromPage(pc: PageContext, monday: string, id: string, values: FormValues): Promise<PageResult> {
  const version = text(values.version)
  return refusedOr(pc, monday, () => withdrawOffer(pc.ctx, pc.schoolId, id, version && /^\d+$/.test(version) ? `"${version}"` : undefined), 'offer-withdrawn')
}
