// The staff phone page. A member of staff arrives through the personal link a manager issued
// (/auth/staff/<token>, which opens a staff session and redirects here); after that the session
// cookie brings them back. Everything is their own: the session names one person in one school.
// Swaps are plain forms too: a success redirects back to /me (303) with a message; a refusal
// answers the page again with the reason and the problem's status. Cross-site posts are refused
// before any of this (sameOriginWrites), as for every cookie session.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { appOrigin, type AuthEnv } from '../auth/authorise.js'
import { writeContext } from '../platform/http/context.js'
import { ProblemError } from '../platform/http/problem.js'
import { issueFeedToken, liveFeedId, revokeFeedToken } from '../calendar/feed-tokens.js'
import { answerOffer, offerChoices, offerSwap, type OfferAnswer, type OfferForm } from '../swaps/staff-swaps.js'
import { NO_FEED, renderMeSignedOutPage } from './me-page.js'
import { renderOfferPage, swapFlashText, type SwapFlash } from './swaps-page.js'
import { coverOfferFlashText } from './cover-offers-panel.js'
import { acceptOffer, type AcceptOutcome } from '../offers/offers.js'
import { savePrefs } from '../notifications/prefs.js'
import { NOTIFY_ACTION, PUSH_PATHS } from './notify-panel.js'
import { LEAVE_ACTIONS } from './leave-panel.js'
import { requestLeave, withdrawLeave } from '../leave/leave.js'
import { formOf, privatePage, show, staffOf, storedPage, type Shown } from './page-answer.js'
import { availabilityFlash, availabilityRoutes } from './availability.routes.js'
import { absenceFlash, reportRoutes, seenFlash } from './report.routes.js'
import { MANIFEST, PUSH_SCRIPT, SERVICE_WORKER } from './push-assets.js'
import { forgetPushSubscription, savePushSubscription } from '../notifications/push-subscriptions.js'
import { validate } from '../platform/http/validate.js'
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

const AFTER_ANSWER: Record<OfferAnswer, SwapFlash> = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' }

/** A swap form is a few short fields and a note of at most 500 characters. */
const swapBodyLimit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new ProblemError('payloadTooLarge', 'a swap form of more than 8 KiB')
  },
})

export const meRoutes = new Hono<AuthEnv>()
  .route('/', availabilityRoutes)
  .route('/', reportRoutes)
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
      availability: availabilityFlash(c.req.query('availability')),
      absence: absenceFlash(c.req.query('absence')),
      seen: seenFlash(c.req.query('seen')),
    }
    // The plain page comes from its stored copy; a page with a one-off message is made now.
    if (Object.values(flashes).every((f) => f === undefined)) return storedPage(c, me)
    return show(c, me, {
      swaps: { flash: flashes.swaps },
      coverOffers: { flash: flashes.cover },
      notify: { message: flashes.notify },
      leave: { message: flashes.leave },
      availability: { message: flashes.availability, ...(c.req.query('availability') === 'saved' ? { form: 'preferences' as const } : {}) },
      absence: { message: flashes.absence },
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
