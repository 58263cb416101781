// How /me answers: the person behind the session, the whole page as they would see it now (with
// a one-off message or a refused form's fields), and the stored copy of the plain page. Shared
// by the routes of each panel's forms, so every refusal answers the same page.
import type { Context } from 'hono'
import type { AuthEnv } from '../auth/authorise.js'
import { staffOf } from '../auth/staff-caller.js'
import { parseForm } from '../platform/http/forms.js'
import { liveFeedId } from '../calendar/feed-tokens.js'
import { etagOfText, lookupView, matchesEtag, REVALIDATE, storeView } from '../calendar/read-views.js'
import { storedText } from '../calendar/stored-answer.js'
import { mondayOf } from '../ledgers/periods.js'
import { loadMe } from './me.js'
import { loadMySwaps, type StaffMember } from '../swaps/staff-swaps.js'
import { offersFor } from '../offers/offers.js'
import { myNotifications } from '../notifications/prefs.js'
import { listLeave } from '../leave/leave.js'
import { listMyReports } from '../leave/absence-reports.js'
import type { AbsencePanel } from './absence-panel.js'
import { renderMePage, renderMeSignedOutPage, type CalendarPanel } from './me-page.js'
import type { SwapsPanel } from './swaps-page.js'
import type { CoverOffersPanel } from './cover-offers-panel.js'
import type { NotifyPanel } from './notify-panel.js'
import type { LeavePanel } from './leave-panel.js'
import { loadAvailabilityPanel, type AvailabilityShown } from './availability-panel-data.js'

export { renderMeSignedOutPage }
export { staffOf }

/** Personal data: never stored by a shared cache or the browser's back-forward copy (the plain GET /me revalidates instead). */
export function privatePage(c: Context): void {
  c.header('Cache-Control', 'no-store')
}

export interface Shown {
  issued?: CalendarPanel['issued']
  /** a replayed or out-of-date "get a link" form: nothing was rotated */
  staleCalendarForm?: boolean
  swaps?: Omit<SwapsPanel, 'list'>
  coverOffers?: Omit<CoverOffersPanel, 'list'>
  notify?: Omit<NotifyPanel, 'address' | 'prefs'>
  leave?: Omit<LeavePanel, 'list'>
  availability?: AvailabilityShown
  absence?: Omit<AbsencePanel, 'list'>
  seenMessage?: string
  status?: 200 | 400 | 403 | 404 | 409 | 412
}

/** The page and its status, as the person would see it now. */
async function pageOf(c: Context<AuthEnv>, me: StaffMember, shown: Shown = {}): Promise<{ html: string; status: NonNullable<Shown['status']> | 404 }> {
  const view = await loadMe(c.var.deps, me.schoolId, me.staffId)
  if (!view) return { html: await renderMeSignedOutPage(), status: 404 }
  // Swaps from this calendar week on, not the planning week: at the weekend /me plans the coming
  // week, but a duty today (a weekend event) can still be offered, so its offer must show.
  const [feedId, list, offers, notifications, leave, availability, reports] = await Promise.all([
    liveFeedId(c.var.deps, { scope: 'person', ...me }),
    loadMySwaps(c.var.deps.store, me, mondayOf(view.today)),
    offersFor(c.var.deps, me.schoolId, me.staffId),
    myNotifications(c.var.deps.store, me.staffId),
    listLeave(c.var.deps.store, me.schoolId, { staffId: me.staffId }),
    loadAvailabilityPanel(c.var.deps.store, me, view.today, shown.availability),
    listMyReports(c.var.deps.store, me.schoolId, me.staffId, view.today),
  ])
  const calendar: CalendarPanel = {
    hasFeed: feedId !== undefined,
    feedId,
    ...(shown.issued ? { issued: shown.issued } : {}),
    ...(shown.staleCalendarForm ? { stale: true } : {}),
  }
  const notify: NotifyPanel = { ...notifications, ...shown.notify, ...(c.var.deps.vapid ? { pushKey: c.var.deps.vapid.publicKey } : {}) }
  const extras = {
    notify,
    availability,
    leave: { list: leave.filter((r) => r.endDate >= view.today || r.status === 'requested'), ...shown.leave },
    absence: { list: reports, ...shown.absence },
    seenMessage: shown.seenMessage,
  }
  return { html: await renderMePage(view, calendar, { list, ...shown.swaps }, { list: offers, ...shown.coverOffers }, extras), status: shown.status ?? 200 }
}

export async function show(c: Context<AuthEnv>, me: StaffMember, shown: Shown = {}) {
  privatePage(c)
  const page = await pageOf(c, me, shown)
  return c.html(page.html, page.status)
}

/**
 * The plain page (no one-off message): the stored copy while nothing on it has changed
 * (calendar/read-views.ts), else made now and kept. A phone that has it gets 304.
 */
export async function storedPage(c: Context<AuthEnv>, me: StaffMember) {
  const deps = c.var.deps
  const slot = await lookupView(deps, me.schoolId, `me:${me.staffId}`, '')
  let page = slot?.current
  if (!page) {
    const made = await pageOf(c, me)
    if (made.status !== 200) return show(c, me)
    page = { body: made.html, etag: await etagOfText(made.html), modified: null }
    if (slot) await storeView(deps, slot, page)
  }
  const headers = { 'Cache-Control': REVALIDATE, Vary: 'Cookie' }
  if (matchesEtag(c.req.header('if-none-match'), page.etag)) return c.body(null, 304, { ...headers, ETag: page.etag })
  return storedText(c, page, 'text/html; charset=UTF-8', headers)
}

/** Fields of a posted form (a JSON or empty body reads as an empty form). */
export async function formOf(c: Context<AuthEnv>): Promise<Record<string, string>> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')) return {}
  const body = await parseForm(c)
  return Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
}
