// The pages about staff and their work beyond the rota itself: open cover offered to staff,
// leave requests and times staff cannot do to decide, and the messages staff are sent.
import type { Hono } from 'hono'
import type { AppEnv } from '../platform/deps.js'
import { decideLeave, leavePage } from './leave-pages.js'
import { availabilityPage, decideAvailability } from './availability-pages.js'
import { messagesPage } from './messages-pages.js'
import { offerFromPage, offersPage, withdrawFromPage } from './offer-pages.js'
import { id, monday, S, type HandlerKit } from './route-kit.js'
import { addSupply, bookSupplyFromWeek, cancelSupplyBooking, editSupplyPage, saveSupply, supplyPage } from './supply-pages.js'
import { weekPage } from './week-pages.js'

export function addTeamRoutes(app: Hono<AppEnv>, kit: HandlerKit): void {
  addOfferRoutes(app, kit)
  addSupplyRoutes(app, kit)
  app.get(`${S}/messages`, kit.page(messagesPage))
  app.get(
    `${S}/leave`,
    kit.page((p) => leavePage(p)),
  )
  app.post(
    `${S}/leave/:id/:action{approve|decline}`,
    kit.form((p, v, _f, c) => decideLeave(p, id(c), c.req.param('action') === 'approve' ? 'approve' : 'decline', v)),
  )
  app.get(
    `${S}/availability`,
    kit.page((p) => availabilityPage(p)),
  )
  app.post(
    `${S}/availability/:id/:action{approve|decline}`,
    kit.form((p, v, _f, c) => decideAvailability(p, id(c), c.req.param('action') === 'approve' ? 'approve' : 'decline', v)),
  )
}

/** Open cover: a week's empty seats offered to staff, first to accept gets it. */
function addOfferRoutes(app: Hono<AppEnv>, { page, form }: HandlerKit): void {
  app.get(
    `${S}/week/:monday/offers`,
    page((p, c) => offersPage(p, monday(c))),
  )
  app.post(
    `${S}/week/:monday/offers`,
    form((p, v, _f, c) => offerFromPage(p, monday(c), v)),
  )
  app.post(
    `${S}/week/:monday/offers/:id/withdraw`,
    form((p, v, _f, c) => withdrawFromPage(p, monday(c), id(c), v)),
  )
}

/** Supply staff: their list and add form, each one's Edit page, and booking them from a week. */
function addSupplyRoutes(app: Hono<AppEnv>, { page, form }: HandlerKit): void {
  app.get(
    `${S}/supply`,
    page((p) => supplyPage(p)),
  )
  app.post(
    `${S}/supply`,
    form((p, v) => addSupply(p, v)),
  )
  app.get(
    `${S}/supply/:id/edit`,
    page((p, c) => editSupplyPage(p, id(c))),
  )
  app.post(
    `${S}/supply/:id/edit`,
    form((p, v, _f, c) => saveSupply(p, id(c), v)),
  )
  app.post(
    `${S}/supply/bookings/:id/cancel`,
    page((p, c) => cancelSupplyBooking(p, id(c))),
  )
  app.post(
    `${S}/week/:monday/supply`,
    form((p, v, _f, c) => bookSupplyFromWeek(p, monday(c), v, weekPage)),
  )
}
