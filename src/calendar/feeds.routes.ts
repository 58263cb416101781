// Calendar feeds. GET /feeds/<token>.ics answers calendar apps, which cannot sign in: the token
// in the URL is the credential, and an unknown or revoked one is 404, the same as a path that
// never existed. Under /api, managers issue, rotate and revoke feeds; a person does the same
// for their own feed from /me (src/me/me.routes.ts).
import { Hono, type Context } from 'hono'
import { appOrigin, managesSchool, type AuthEnv } from '../auth/authorise.js'
import { authProblem } from '../auth/problems.js'
import { notFound } from '../platform/http/problem.js'
import { httpDate, notModified, servedFeed } from './feed-calendar.js'
import { REVALIDATE } from './read-views.js'
import { storedText } from './stored-answer.js'
import { findFeedToken, issueFeedToken, listFeedTokens, revokeFeedToken, revokeFeedTokenById, type FeedTarget } from './feed-tokens.js'
import { writeContext } from '../platform/http/context.js'
import { dutyPostExists } from '../setup/duty-posts.js'
import { staffExists } from '../setup/staff.js'

/** The three ways to subscribe to one feed: plain https, webcal:// and Google's add link. */
export function feedLinks(origin: string, token: string): { https: string; webcal: string; google: string } {
  const https = `${origin}/feeds/${token}.ics`
  const webcal = https.replace(/^https?:/, 'webcal:')
  return { https, webcal, google: `https://calendar.google.com/calendar/render?cid=${encodeURIComponent(webcal)}` }
}

function notAFeed(): Response {
  return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' } })
}

export const feedRoutes = new Hono<AuthEnv>().get('/feeds/:file', async (c) => {
  const file = c.req.param('file')
  if (!file.endsWith('.ics')) return notAFeed()
  const token = await findFeedToken(c.var.deps, file.slice(0, -'.ics'.length))
  if (!token) return notAFeed()
  const doc = await servedFeed(c.var.deps, token, `${appOrigin(c, c.var.authDeps)}/me`)
  const validators = {
    ETag: doc.etag,
    'Last-Modified': httpDate(doc.lastModified),
    // Clients may keep a copy but must ask again each time; the ETag makes asking cheap.
    'Cache-Control': REVALIDATE,
    'X-Robots-Tag': 'noindex',
  }
  if (notModified(doc, c.req.header('if-none-match'), c.req.header('if-modified-since'))) return c.body(null, 304, validators)
  return storedText(c, doc, 'text/calendar; charset=utf-8', validators)
})

/** Who holds a manager's feed: a person, never a script's API token. */
function holder(c: Context<AuthEnv>): string | undefined {
  const p = c.var.principal
  return p?.kind === 'user' ? p.userId : undefined
}

async function issued(c: Context<AuthEnv>, target: FeedTarget) {
  const feed = await issueFeedToken(writeContext(c), target)
  c.header('Cache-Control', 'no-store')
  return c.json({ id: feed.id, scope: target.scope, ...feedLinks(appOrigin(c, c.var.authDeps), feed.token) }, 201)
}

/** 404 unless the staff member is in the school: another school's id is as unknown as none. */
async function staffOfSchool(c: Context<AuthEnv>, schoolId: string, staffId: string): Promise<void> {
  if (!(await staffExists(c.var.deps.store, schoolId, staffId))) throw notFound(`no staff member with id ${staffId}`)
}

async function postOfSchool(c: Context<AuthEnv>, schoolId: string, postId: string): Promise<void> {
  if (!(await dutyPostExists(c.var.deps.store, schoolId, postId))) throw notFound(`no duty post with id ${postId}`)
}

/**
 * Mounted at /api; schoolAccess has already run for /api/schools/:schoolId/*. POST issues (and
 * so rotates) a feed and shows its URL once; DELETE makes sure the feed is off, so it answers
 * 204 whether or not one was live.
 */
export const feedAdminRoutes = new Hono<AuthEnv>()
  // Every live feed of the school (never a token: only digests are kept).
  .get('/schools/:schoolId/feeds', async (c) => {
    if (!managesSchool(c)) return authProblem('forbidden')
    const rows = await listFeedTokens(c.var.deps, c.req.param('schoolId'))
    return c.json({
      items: rows.map((r) => ({ id: r.id, scope: r.scope, staffId: r.staff_id, dutyPostId: r.duty_post_id, userId: r.user_id, createdAt: r.created_at })),
    })
  })
  .delete('/schools/:schoolId/feeds/:feedId', async (c) => {
    if (!managesSchool(c)) return authProblem('forbidden')
    if (!(await revokeFeedTokenById(writeContext(c), c.req.param('schoolId'), c.req.param('feedId'))))
      throw notFound(`no live feed with id ${c.req.param('feedId')}`)
    return c.body(null, 204)
  })

  // The manager's own feed of the whole school.
  .post('/schools/:schoolId/school-feed', async (c) => {
    const userId = holder(c)
    if (!managesSchool(c) || !userId) return authProblem('forbidden', 'a school feed belongs to a person who manages the school')
    return issued(c, { scope: 'school', schoolId: c.req.param('schoolId'), userId })
  })
  .delete('/schools/:schoolId/school-feed', async (c) => {
    const userId = holder(c)
    if (!managesSchool(c) || !userId) return authProblem('forbidden', 'a school feed belongs to a person who manages the school')
    await revokeFeedToken(writeContext(c), { scope: 'school', schoolId: c.req.param('schoolId'), userId })
    return c.body(null, 204)
  })

  // The manager's feed of one duty post.
  .post('/schools/:schoolId/duty-posts/:postId/feed', async (c) => {
    const userId = holder(c)
    if (!managesSchool(c) || !userId) return authProblem('forbidden', 'a duty post feed belongs to a person who manages the school')
    const schoolId = c.req.param('schoolId')
    await postOfSchool(c, schoolId, c.req.param('postId'))
    return issued(c, { scope: 'duty_post', schoolId, dutyPostId: c.req.param('postId'), userId })
  })
  .delete('/schools/:schoolId/duty-posts/:postId/feed', async (c) => {
    const userId = holder(c)
    if (!managesSchool(c) || !userId) return authProblem('forbidden', 'a duty post feed belongs to a person who manages the school')
    const schoolId = c.req.param('schoolId')
    await postOfSchool(c, schoolId, c.req.param('postId'))
    await revokeFeedToken(writeContext(c), { scope: 'duty_post', schoolId, dutyPostId: c.req.param('postId'), userId })
    return c.body(null, 204)
  })

  // A staff member's own feed, issued or stopped by a manager for them (e.g. a lost phone).
  .post('/schools/:schoolId/staff/:staffId/feed', async (c) => {
    // Issuing shows a live feed URL once: a person's credential, which a script's token may not mint.
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    const schoolId = c.req.param('schoolId')
    await staffOfSchool(c, schoolId, c.req.param('staffId'))
    return issued(c, { scope: 'person', schoolId, staffId: c.req.param('staffId') })
  })
  .delete('/schools/:schoolId/staff/:staffId/feed', async (c) => {
    if (!managesSchool(c)) return authProblem('forbidden')
    const schoolId = c.req.param('schoolId')
    await staffOfSchool(c, schoolId, c.req.param('staffId'))
    await revokeFeedToken(writeContext(c), { scope: 'person', schoolId, staffId: c.req.param('staffId') })
    return c.body(null, 204)
  })
