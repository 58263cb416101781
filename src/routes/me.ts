// The staff phone page. A member of staff arrives through the personal link a manager issued
// (/auth/staff/<token>, which opens a staff session and redirects here); after that the session
// cookie brings them back. Everything is their own: the session names one person in one school.
import { Hono, type Context } from 'hono'
import { appOrigin, type AuthEnv } from '../auth/authorise.js'
import { writeContext } from '../http/context.js'
import { hasLiveFeed, issueFeedToken, revokeFeedToken } from '../services/feed-tokens.js'
import { loadMe } from '../services/me.js'
import { renderMePage, renderMeSignedOutPage, type CalendarPanel } from '../views/me-page.js'
import { feedLinks } from './feeds.js'

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

/** Personal data: never stored by a shared cache or the browser's back-forward copy. */
function privatePage(c: Context): void {
  c.header('Cache-Control', 'no-store')
}

async function show(c: Context<AuthEnv>, me: { schoolId: string; staffId: string }, issued?: CalendarPanel['issued']) {
  privatePage(c)
  const view = await loadMe(c.var.deps, me.schoolId, me.staffId)
  if (!view) return c.html(await renderMeSignedOutPage(), 404)
  const hasFeed = await hasLiveFeed(c.var.deps, { scope: 'person', ...me })
  return c.html(await renderMePage(view, issued ? { hasFeed, issued } : { hasFeed }))
}

export const meRoutes = new Hono<AuthEnv>()
  .get('/me', async (c) => {
    const me = staffOf(c)
    if (!me) {
      privatePage(c)
      return c.html(await renderMeSignedOutPage(), 401)
    }
    return show(c, me)
  })

  // Get (or replace) my calendar link. Its URL is shown on this one response only.
  .post('/me/calendar', async (c) => {
    const me = staffOf(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const feed = await issueFeedToken(writeContext(c), { scope: 'person', ...me })
    return show(c, me, feedLinks(appOrigin(c, c.var.authDeps), feed.token))
  })

  // Stop my calendar link: calendar apps get 404 from now on.
  .post('/me/calendar/revoke', async (c) => {
    const me = staffOf(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    await revokeFeedToken(writeContext(c), { scope: 'person', ...me })
    return c.redirect('/me', 303)
  })
