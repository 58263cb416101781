// The staff phone page. A member of staff arrives through the personal link a manager issued
// (/auth/staff/<token>, which opens a staff session and redirects here); after that the session
// cookie brings them back. Everything is their own: the session names one person in one school.
// Swaps are plain forms too: a success redirects back to /me (303) with a message; a refusal
// answers the page again with the reason and the problem's status. Cross-site posts are refused
// before any of this (sameOriginWrites), as for every cookie session.
import { Hono, type Context } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { appOrigin, type AuthEnv } from '../auth/authorise.js'
import { writeContext } from '../platform/http/context.js'
import { parseForm } from '../platform/http/forms.js'
import { ProblemError } from '../platform/http/problem.js'
import { issueFeedToken, liveFeedId, revokeFeedToken } from '../calendar/feed-tokens.js'
import { mondayOf } from '../ledgers/periods.js'
import { loadMe } from './me.js'
import { answerOffer, loadMySwaps, offerChoices, offerSwap, type OfferAnswer, type OfferForm, type StaffMember } from '../swaps/staff-swaps.js'
import { NO_FEED, renderMePage, renderMeSignedOutPage, type CalendarPanel } from './me-page.js'
import { renderOfferPage, swapFlashText, type SwapFlash, type SwapsPanel } from './swaps-page.js'
import { coverOfferFlashText, type CoverOffersPanel } from './cover-offers-panel.js'
import { acceptOffer, offersFor, type AcceptOutcome } from '../offers/offers.js'
import { myNotifications, savePrefs } from '../notifications/prefs.js'
import { NOTIFY_ACTION, PUSH_PATHS, type NotifyPanel } from './notify-panel.js'
import { LEAVE_ACTIONS, type LeavePanel } from './leave-panel.js'
import { listLeave, requestLeave, withdrawLeave } from '../leave/leave.js'
import { MANIFEST, PUSH_SCRIPT, SERVICE_WORKER } from './push-assets.js'
import { forgetPushSubscription, savePushSubscription } from '../notifications/push-subscriptions.js'
import { validate } from '../platform/http/validate.js'
import { STALE_WRITE_MARKER } from '../platform/audit.js'
import { markSeen } from '../notifications/receipts.js'
import { SEEN_ACTION, TO_SEE_ANCHOR } from './seen-panel.js'
import { z } from 'zod'

import { feedLinks } from '../calendar/feeds.routes.js'

/** What /me may say after a leave form; keys only, so no text can be injected through the URL. */
const LEAVE_FLASH: Record<string, string> = {
  asked: 'Asked: your manager sees the request and answers it here.',
  withdrawn: 'Withdrawn: nothing changes.',
}
const leaveFlash = (key: string | undefined) => (key !== undefined && Object.hasOwn(LEAVE_FLASH, key) ? LEAVE_FLASH[key] : undefined)

/** A push endpoint is the browser vendor's https URL; anything else is not a subscription. */
const pushEndpoint = z
  .string()
  .url()
  .max(1000)
  .refine((u) => u.startsWith('https://'), 'must be an https URL')
const base64urlKey = (bytes: number) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, 'must be base64url')
    .refine((k) => Math.floor((k.length * 3) / 4) === bytes, `must encode ${bytes} bytes`)
/** What PushSubscription.toJSON() sends; its expirationTime and other fields are ignored. */
const pushSubscriptionBody = z.object({ endpoint: pushEndpoint, keys: z.object({ p256dh: base64urlKey(65), auth: base64urlKey(16) }) })
import { etagOfText, lookupView, matchesEtag, REVALIDATE, storeView } from '../calendar/read-views.js'
import { storedText } from '../calendar/stored-answer.js'

/** The staff member behind the session: a personal-link session, or a user who is staff somewhere. */
function staffOf(c: Context<AuthEnv>): { schoolId: string; staffId: string } | undefined {
  const p = c.var.principal
  if (p?.kind === 'staff') return { schoolId: p.schoolId, staffId: p.staffId }
  if (p?.kind === 'user') {
    const m = p.memberships.find((x) => x.role === 'staff' && x.schoolId !== null && x.staffId !== null)
    if (m?.schoolId && m.staffId) return { schoolId: m.schoolId, staffId: m.staffId }
  }
  return undefined
}

/** Personal data: never stored by a shared cache or the browser's back-forward copy (the plain GET /me revalidates instead). */
function privatePage(c: Context): void {
  c.header('Cache-Control', 'no-store')
}

interface Shown {
  issued?: CalendarPanel['issued']
  /** a replayed or out-of-date "get a link" form: nothing was rotated */
  staleCalendarForm?: boolean
  swaps?: Omit<SwapsPanel, 'list'>
  coverOffers?: Omit<CoverOffersPanel, 'list'>
  notify?: Omit<NotifyPanel, 'address' | 'prefs'>
  leave?: Omit<LeavePanel, 'list'>
  seenMessage?: string
  status?: 200 | 400 | 403 | 404 | 409 | 412
}

/** The page and its status, as the person would see it now. */
async function pageOf(c: Context<AuthEnv>, me: StaffMember, shown: Shown = {}): Promise<{ html: string; status: NonNullable<Shown['status']> | 404 }> {
  const view = await loadMe(c.var.deps, me.schoolId, me.staffId)
  if (!view) return { html: await renderMeSignedOutPage(), status: 404 }
  // Swaps from this calendar week on, not the planning week: at the weekend /me plans the coming
  // week, but a duty today (a weekend event) can still be offered, so its offer must show.
  const [feedId, list, offers, notifications, leave] = await Promise.all([
    liveFeedId(c.var.deps, { scope: 'person', ...me }),
    loadMySwaps(c.var.deps.store, me, mondayOf(view.today)),
    offersFor(c.var.deps, me.schoolId, me.staffId),
    myNotifications(c.var.deps.store, me.staffId),
    listLeave(c.var.deps.store, me.schoolId, { staffId: me.staffId }),
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
    leave: { list: leave.filter((r) => r.endDate >= view.today || r.status === 'requested'), ...shown.leave },
    seenMessage: shown.seenMessage,
  }
  return { html: await renderMePage(view, calendar, { list, ...shown.swaps }, { list: offers, ...shown.coverOffers }, extras), status: shown.status ?? 200 }
}

async function show(c: Context<AuthEnv>, me: StaffMember, shown: Shown = {}) {
  privatePage(c)
  const page = await pageOf(c, me, shown)
  return c.html(page.html, page.status)
}

/**
 * The plain page (no one-off message): the stored copy while nothing on it has changed
 * (calendar/read-views.ts), else made now and kept. A phone that has it gets 304.
 */
async function storedPage(c: Context<AuthEnv>, me: StaffMember) {
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

/** A refused swap form: the sentence to show and the status to answer with. */
function refusal(err: unknown): { problem: string; status: NonNullable<Shown['status']> } {
  if (!(err instanceof ProblemError)) throw err
  const p = err.problem
  const status = ([400, 403, 404, 409, 412] as const).find((s) => s === p.status) ?? 400
  if (status === 412) return { status, problem: 'The offer changed while you were answering it. Here it is as it stands now.' }
  if (status === 404) return { status, problem: 'That swap is not one of yours, or that colleague is not at your school.' }
  const detail = p.detail ?? p.title
  return { status, problem: `${detail.charAt(0).toUpperCase()}${detail.slice(1)}.` }
}

/** Fields of a posted form (a JSON or empty body reads as an empty form). */
async function formOf(c: Context<AuthEnv>): Promise<Record<string, string>> {
  if (!/^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')) return {}
  const body = await parseForm(c)
  return Object.fromEntries(Object.entries(body).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v]] : [])))
}

const AFTER_ANSWER: Record<OfferAnswer, SwapFlash> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }

/** A swap form is a few short fields and a note of at most 500 characters. */
const swapBodyLimit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new ProblemError('payloadTooLarge', 'a swap form of more than 8 KiB')
  },
})

export const meRoutes = new Hono<AuthEnv>()
  .get('/me', async (c) => {
    const me = staffOf(c)
    if (!me) {
      privatePage(c)
      return c.html(await renderMeSignedOutPage(), 401)
    }
    const flashes = {
      swaps: swapFlashText(c.req.query('swap')),
      cover: coverOfferFlashText(c.req.query('cover')),
      notify: c.req.query('notify') === 'saved' ? 'Saved.' : undefined,
      leave: leaveFlash(c.req.query('leave')),
      seen: c.req.query('seen') === 'done' ? 'Marked as seen: the office can see you have read it.' : undefined,
    }
    // The plain page comes from its stored copy; a page with a one-off message is made now.
    if (Object.values(flashes).every((f) => f === undefined)) return storedPage(c, me)
    return show(c, me, {
      swaps: { flash: flashes.swaps },
      coverOffers: { flash: flashes.cover },
      notify: { message: flashes.notify },
      leave: { message: flashes.leave },
      ...(flashes.seen ? { seenMessage: flashes.seen } : {}),
    })
  })

  // The installable page and its push: manifest, service worker and switch script, public files.
  .get(PUSH_PATHS.manifest, (c) => c.body(MANIFEST, 200, { 'content-type': 'application/manifest+json', 'cache-control': 'public, max-age=3600' }))
  .get(PUSH_PATHS.worker, (c) =>
    // Served under /me/ but controlling /me itself, which only this header allows.
    c.body(SERVICE_WORKER, 200, { 'content-type': 'text/javascript; charset=utf-8', 'service-worker-allowed': '/me', 'cache-control': 'no-cache' }),
  )
  .get(PUSH_PATHS.script, (c) => c.body(PUSH_SCRIPT, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }))
  .use('/me/push/*', swapBodyLimit)
  .post(PUSH_PATHS.subscribe, validate('json', pushSubscriptionBody), async (c) => {
    const me = staffOf(c)
    if (!me) return c.json({ error: 'sign in with your personal link first' }, 401)
    const body = c.req.valid('json')
    await savePushSubscription(writeContext(c), me.staffId, { endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth })
    return c.body(null, 204)
  })
  .post(PUSH_PATHS.unsubscribe, validate('json', z.object({ endpoint: pushEndpoint })), async (c) => {
    const me = staffOf(c)
    if (!me) return c.json({ error: 'sign in with your personal link first' }, 401)
    await forgetPushSubscription(c.var.deps.store, c.req.valid('json').endpoint, me.staffId)
    return c.body(null, 204)
  })

  // Ask for leave, or take back a request no manager has decided yet.
  .use('/me/leave', swapBodyLimit)
  .use('/me/leave/*', swapBodyLimit)
  .post(LEAVE_ACTIONS.request, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form = await formOf(c)
    const blankAsNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v)
    try {
      await requestLeave(writeContext(c), me.schoolId, me.staffId, {
        kind: form.kind,
        startDate: form.startDate,
        endDate: blankAsNull(form.endDate) ?? form.startDate,
        startTime: blankAsNull(form.startTime),
        endTime: blankAsNull(form.endTime),
        note: blankAsNull(form.note),
      })
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      const errors = Object.fromEntries((err.problem.errors ?? []).map((e) => [e.path, e.message]))
      return show(c, me, { leave: { typed: form, errors }, status: 400 })
    }
    return c.redirect('/me?leave=asked#leave', 303)
  })
  .post('/me/leave/:id/withdraw', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    try {
      await withdrawLeave(writeContext(c), me.schoolId, me.staffId, c.req.param('id'))
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      const message = err.problem.status === 404 ? 'That leave request is not one of yours.' : 'A manager has already answered that request.'
      return show(c, me, { leave: { message }, status: err.problem.status === 404 ? 404 : 409 })
    }
    return c.redirect('/me?leave=withdrawn#leave', 303)
  })

  // How I hear about changes: e-mail on or off, quiet hours.
  .use(NOTIFY_ACTION, swapBodyLimit)
  .post(NOTIFY_ACTION, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form = await formOf(c)
    const typed = { email: form.email === 'yes', push: form.push === 'yes', quietStart: form.quietStart ?? '', quietEnd: form.quietEnd ?? '' }
    const version = /^\d+$/.test(form.version ?? '') ? Number(form.version) : -1
    try {
      await savePrefs(writeContext(c), me.schoolId, me.staffId, typed, version)
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      const errors = Object.fromEntries((err.problem.errors ?? []).map((e) => [e.path, e.message]))
      const message = err.problem.status === 412 ? 'Your settings were changed on another phone: here they are as they stand now.' : undefined
      return show(c, me, { notify: err.problem.status === 412 ? { message } : { typed, errors }, status: err.problem.status === 412 ? 412 : 400 })
    }
    return c.redirect('/me?notify=saved#notify', 303)
  })

  // "Seen": the person has read a re-plan's change of one of their duties (notifications/receipts.ts).
  .use(SEEN_ACTION, swapBodyLimit)
  .post(SEEN_ACTION, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form = await formOf(c)
    const id = (v: string | undefined) => (v !== undefined && /^[A-Za-z0-9_-]{1,100}$/.test(v) ? v : undefined)
    const [entry, publish] = [id(form.entry), id(form.publish)]
    if (!entry || !publish) return show(c, me, { seenMessage: 'That Seen button was not from this page: nothing was marked.', status: 400 })
    try {
      await markSeen(writeContext(c), me, entry, publish)
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 404)
        return show(c, me, { seenMessage: 'That is not a changed duty of yours: nothing was marked.', status: 404 })
      // A 409 from the check, or the write's guard finding that a publish landed in between.
      if (!(err instanceof ProblemError) && !(err instanceof Error && err.message.includes(STALE_WRITE_MARKER))) throw err
      return show(c, me, { seenMessage: 'That duty changed again since that page: read it as it is now, then press Seen.', status: 409 })
    }
    return c.redirect(`/me?seen=done#${TO_SEE_ANCHOR}`, 303)
  })

  // Accept open cover: the first to accept gets the place; a later one is told it has gone.
  .use('/me/cover-offers/*', swapBodyLimit)
  .post('/me/cover-offers/:id/accept', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    let outcome: AcceptOutcome
    try {
      outcome = await acceptOffer(writeContext(c), me.schoolId, me.staffId, c.req.param('id'))
    } catch (err) {
      if (err instanceof ProblemError && err.problem.status === 404)
        return show(c, me, { coverOffers: { problem: 'That cover is not offered at your school.' }, status: 404 })
      const { problem, status } = refusal(err)
      return show(c, me, { coverOffers: { problem }, status })
    }
    if (outcome.kind === 'refused') return show(c, me, { coverOffers: { problem: `You cannot take that cover: ${outcome.reason}.` }, status: 409 })
    return c.redirect(`/me?cover=${outcome.kind}#cover-offers`, 303)
  })

  // Get (or replace) my calendar link. Its URL is shown on this one response only. The form
  // names the feed it replaces: a replayed post (back and resend, a double tap) names one that
  // is gone, and rotating again would silently stop the link just added, so it changes nothing.
  // A post without the field (a script) rotates as it always did.
  .post('/me/calendar', async (c) => {
    const me = staffOf(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const target = { scope: 'person', ...me } as const
    const replaces = (await formOf(c)).replaces
    if (replaces !== undefined && replaces !== ((await liveFeedId(c.var.deps, target)) ?? NO_FEED)) {
      return show(c, me, { staleCalendarForm: true, status: 409 })
    }
    const feed = await issueFeedToken(writeContext(c), target)
    return show(c, me, { issued: feedLinks(appOrigin(c, c.var.authDeps), feed.token) })
  })

  // Stop my calendar link: calendar apps get 404 from now on.
  .post('/me/calendar/revoke', async (c) => {
    const me = staffOf(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    await revokeFeedToken(writeContext(c), { scope: 'person', ...me })
    return c.redirect('/me', 303)
  })

  // Offer a swap, in three steps of plain GET forms: which duty, to whom, what in exchange.
  .get('/me/swaps/new', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    return c.html(await renderOfferPage({ choices: await offerChoices(c.var.deps, me, { give: c.req.query('give'), to: c.req.query('to') }) }))
  })

  .use('/me/swaps', swapBodyLimit)
  .post('/me/swaps', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form: OfferForm = await formOf(c)
    try {
      await offerSwap(writeContext(c), me, form)
    } catch (err) {
      const { problem, status } = refusal(err)
      const choices = await offerChoices(c.var.deps, me, { give: form.give, to: form.to })
      return c.html(await renderOfferPage({ choices, problem, values: form }), status)
    }
    return c.redirect('/me?swap=offered#swaps', 303)
  })

  // Answer an offer: the colleague accepts or declines it, the one who made it withdraws it.
  .use('/me/swaps/*', swapBodyLimit)
  .post('/me/swaps/:id/:answer{accept|decline|withdraw}', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const answer = c.req.param('answer') as OfferAnswer
    const form = await formOf(c)
    try {
      await answerOffer(writeContext(c), me, c.req.param('id'), answer, /^\d+$/.test(form.version ?? '') ? form.version : undefined)
    } catch (err) {
      const { problem, status } = refusal(err)
      return show(c, me, { swaps: { problem }, status })
    }
    return c.redirect(`/me?swap=${AFTER_ANSWER[answer]}#swaps`, 303)
  })
