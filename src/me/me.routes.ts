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
import { feedLinks } from '../calendar/feeds.routes.js'
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
  status?: 200 | 400 | 403 | 404 | 409 | 412
}

/** The page and its status, as the person would see it now. */
async function pageOf(c: Context<AuthEnv>, me: StaffMember, shown: Shown = {}): Promise<{ html: string; status: NonNullable<Shown['status']> | 404 }> {
  const view = await loadMe(c.var.deps, me.schoolId, me.staffId)
  if (!view) return { html: await renderMeSignedOutPage(), status: 404 }
  // Swaps from this calendar week on, not the planning week: at the weekend /me plans the coming
  // week, but a duty today (a weekend event) can still be offered, so its offer must show.
  const [feedId, list] = await Promise.all([liveFeedId(c.var.deps, { scope: 'person', ...me }), loadMySwaps(c.var.deps.store, me, mondayOf(view.today))])
  const calendar: CalendarPanel = {
    hasFeed: feedId !== undefined,
    feedId,
    ...(shown.issued ? { issued: shown.issued } : {}),
    ...(shown.staleCalendarForm ? { stale: true } : {}),
  }
  return { html: await renderMePage(view, calendar, { list, ...shown.swaps }), status: shown.status ?? 200 }
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
    const flash = swapFlashText(c.req.query('swap'))
    return flash === undefined ? storedPage(c, me) : show(c, me, { swaps: { flash } })
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
