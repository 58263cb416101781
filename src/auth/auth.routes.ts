// Sign-in, sign-out and the credentials a manager hands out. /auth/* serves browsers (forms
// and pages) and JSON clients alike; the /api part lives under the school it belongs to.
import { Hono, type Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { oneLine } from '../platform/fields.js'
import { MailNotSent } from '../platform/mailer.js'
import { listApiTokens, createApiToken, revokeApiToken } from './api-tokens.js'
import { auditLogPage } from './audit-log.js'
import { appOrigin, managesSchool, requireSignedIn, type AuthEnv } from './authorise.js'
import { clientAddress } from './rate-limit.js'
import {
  confirmSigninPage,
  confirmStaffLinkPage,
  invalidLinkPage,
  invalidStaffLinkPage,
  linkSentPage,
  mailUnavailablePage,
  signedOutPage,
  signinPage,
  tooManyAttemptsPage,
} from './pages.js'
import { managedSchoolIds } from './principal.js'
import { authProblem } from './problems.js'
import { countAttempt, rateLimits } from './rate-limit.js'
import { createSession, revokeSession, SESSION_COOKIE, type OpenedSession } from './sessions.js'
import { consumeSigninLink, requestSigninLink } from './signin-links.js'
import { findStaffLink, issueStaffLink, stopStaffLink } from './staff-links.js'
import { normaliseEmail } from './users.js'
import { staffExists, staffName } from '../setup/staff.js'
import { pageQuery } from '../platform/http/pagination.js'
import { fieldError, invalid, notFound } from '../platform/http/problem.js'
import { writeContext } from '../platform/http/context.js'
import { parseForm } from '../platform/http/forms.js'
import { validate } from '../platform/http/validate.js'

const emailBody = z.strictObject({ email: z.string().trim().max(254).pipe(z.email()) })
const tokenBody = z.strictObject({ token: z.string().max(200) })

/** Forms post url-encoded bodies; scripts and the SPA post JSON. Both reach the same handler. */
function isJsonRequest(c: Context): boolean {
  return /^application\/([\w.-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')
}

async function readBody(c: Context): Promise<Record<string, unknown>> {
  if (isJsonRequest(c)) {
    const body: unknown = await c.req.json().catch(() => undefined)
    return body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {}
  }
  const form = await parseForm(c)
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(form)) if (typeof v === 'string') out[k] = v
  return out
}

/** Workers' waitUntil, when the runtime has one (app.request and Node do not). */
function backgroundOf(c: Context): ((p: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx
    return (p) => ctx.waitUntil(p)
  } catch {
    return undefined
  }
}

/** Whether the link went; a mail failure is logged and answered, any other error still throws. */
async function mailed(work: Promise<void>): Promise<boolean> {
  try {
    await work
    return true
  } catch (err) {
    if (!(err instanceof MailNotSent)) throw err
    console.error('sign-in link not sent', err)
    return false
  }
}

function setSessionCookie(c: Context, session: OpenedSession): void {
  setCookie(c, SESSION_COOKIE, session.token, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/', maxAge: session.maxAgeSeconds })
}

/** Pages that carry or consume a token must not be cached or leak it in a Referer. */
function noStore(c: Context): void {
  c.header('Cache-Control', 'no-store')
  c.header('Referrer-Policy', 'no-referrer')
}

function tooMany(c: Context, retryAfterSeconds: number, json: boolean): Response | Promise<Response> {
  const headers = { 'Retry-After': String(retryAfterSeconds) }
  if (json) return authProblem('tooManyAttempts', `try again in ${retryAfterSeconds} seconds`, headers)
  return c.html(tooManyAttemptsPage(), 429, headers)
}

export const authRoutes = new Hono<AuthEnv>()
  .get('/signin', (c) => c.html(signinPage()))

  // Ask for a sign-in link. The answer is the same whether or not the address has an account.
  .post('/links', async (c) => {
    const deps = c.var.authDeps
    const json = isJsonRequest(c)
    const parsed = emailBody.safeParse(await readBody(c))
    if (!parsed.success) {
      if (!json) return c.html(signinPage('Enter a valid email address.'), 400)
      throw invalid([fieldError(['email'], 'must be an email address')])
    }
    const email = normaliseEmail(parsed.data.email)
    const limits = rateLimits(deps)
    const verdict = await countAttempt(deps, [
      { key: `ip:${clientAddress(c, deps)}`, limit: limits.perAddress },
      { key: `email:${email}`, limit: limits.perAccount },
    ])
    if (!verdict.allowed) return tooMany(c, verdict.retryAfterSeconds, json)
    const work = requestSigninLink(deps, email, appOrigin(c, deps))
    // On Workers the link is made and mailed after the answer has gone, so the answer takes as
    // long for an unknown address as for a known one. Node has no such hook and waits.
    // A mail server that is down says so (503) instead of a 500: that tells a caller only what
    // an outage tells everyone, and nobody can cause it by choosing an address.
    const later = backgroundOf(c)
    if (later) later(work.catch((err: unknown) => console.error('sign-in link not sent', err)))
    else if (!(await mailed(work))) {
      if (!json) return c.html(mailUnavailablePage(), 503, { 'Retry-After': '120' })
      return authProblem('mailUnavailable', undefined, { 'Retry-After': '120' })
    }
    if (!json) return c.html(linkSentPage(), 202)
    return c.json({ status: 'sent', detail: 'If the address belongs to an account, a sign-in link is on its way.' }, 202)
  })

  .get('/callback', (c) => {
    noStore(c)
    const token = c.req.query('token') ?? ''
    return c.html(confirmSigninPage(token))
  })

  // Use up a sign-in link and open a session.
  .post('/callback', async (c) => {
    const deps = c.var.authDeps
    noStore(c)
    const json = isJsonRequest(c)
    const verdict = await countAttempt(deps, [{ key: `ip:${clientAddress(c, deps)}`, limit: rateLimits(deps).perAddress }])
    if (!verdict.allowed) return tooMany(c, verdict.retryAfterSeconds, json)
    const parsed = tokenBody.safeParse(await readBody(c))
    const userId = parsed.success ? await consumeSigninLink(deps, parsed.data.token) : undefined
    if (!userId) return json ? authProblem('invalidLink') : c.html(invalidLinkPage(), 400)
    // A session this browser already held ends: one cookie, one person, and no old session
    // left alive behind a cookie that no longer names it.
    const previous = c.var.principal
    if (previous && previous.kind !== 'token') await revokeSession(deps, previous.sessionId)
    const session = await createSession(deps, { kind: 'user', userId })
    setSessionCookie(c, session)
    if (json) return c.json({ userId }, 200)
    // Sign-in links go to managers and trust admins, whose place is their schools' pages.
    return c.redirect('/manage', 303)
  })

  // A staff member's personal link: opens (or refreshes) their session and shows their page.
  // In a browser already signed in, it asks first (confirmStaffLinkPage), and the POST that
  // follows passes the CSRF check like any cookie write.
  .get('/staff/:token', async (c) => {
    const previous = c.var.principal
    if (previous && previous.kind !== 'token') {
      noStore(c)
      return c.html(confirmStaffLinkPage(c.req.param('token')))
    }
    return openStaffSession(c)
  })
  .post('/staff/:token', (c) => openStaffSession(c))

  // Sign-out ends the session on the server, so a copy of the cookie is worthless afterwards.
  .post('/signout', async (c) => {
    const principal = c.var.principal
    if (principal && principal.kind !== 'token') await revokeSession(c.var.authDeps, principal.sessionId)
    deleteCookie(c, SESSION_COOKIE, { path: '/', secure: true })
    if (isJsonRequest(c) || !c.req.header('content-type')) return c.body(null, 204)
    return c.html(signedOutPage())
  })

const tokenName = z.strictObject({ name: oneLine(z.string().trim().min(1).max(100)) })

/** Mounted at /api; school routes rely on schoolAccess having run for /api/schools/:schoolId/*. */

export const accountRoutes = new Hono<AuthEnv>()
  // Who am I: what the UI needs to decide what to show.
  .get('/me', requireSignedIn, async (c) => {
    const p = c.var.principal
    if (!p) return authProblem('unauthorised')
    const deps = c.var.deps
    if (p.kind === 'staff') {
      const name = await staffName(deps.store, p.schoolId, p.staffId)
      return c.json({ kind: 'staff', staff: name === undefined ? null : { id: p.staffId, name }, schoolId: p.schoolId })
    }
    if (p.kind === 'token') return c.json({ kind: 'token', tokenId: p.tokenId, schoolId: p.schoolId })
    return c.json({
      kind: 'user',
      user: { id: p.userId, name: p.name, email: p.email },
      memberships: p.memberships,
      schoolIds: await managedSchoolIds(deps, p),
    })
  })

  // API tokens: people only. A token cannot mint or revoke tokens, so a leaked one cannot make
  // itself permanent.
  .get('/schools/:schoolId/api-tokens', async (c) => {
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    return c.json({ items: await listApiTokens(c.var.deps, c.req.param('schoolId')) })
  })
  .post('/schools/:schoolId/api-tokens', validate('json', tokenName), async (c) => {
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    const created = await createApiToken(writeContext(c), c.req.param('schoolId'), c.req.valid('json').name)
    c.header('Cache-Control', 'no-store')
    return c.json(created, 201)
  })
  .delete('/schools/:schoolId/api-tokens/:tokenId', async (c) => {
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    const revoked = await revokeApiToken(writeContext(c), c.req.param('schoolId'), c.req.param('tokenId'))
    if (!revoked) throw notFound(`no API token with id ${c.req.param('tokenId')}`)
    return c.body(null, 204)
  })

  // Issue or re-issue a staff member's personal link; the old one stops working at once.
  .post('/schools/:schoolId/staff/:staffId/link', async (c) => {
    // A script's token may not mint a person's credential (nor revoke theirs by re-issuing).
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    const schoolId = c.req.param('schoolId')
    const staffId = c.req.param('staffId')
    await staffOfSchool(c, schoolId, staffId)
    const link = await issueStaffLink(writeContext(c), schoolId, staffId, appOrigin(c, c.var.authDeps))
    c.header('Cache-Control', 'no-store')
    return c.json({ staffId, url: link.url }, 201)
  })
  // Stop a staff member's personal link without a new one (someone who has left); 404 when none is in use.
  .delete('/schools/:schoolId/staff/:staffId/link', async (c) => {
    if (!managesSchool(c) || c.var.principal?.kind === 'token') return authProblem('forbidden')
    const schoolId = c.req.param('schoolId')
    const staffId = c.req.param('staffId')
    await staffOfSchool(c, schoolId, staffId)
    if (!(await stopStaffLink(writeContext(c), schoolId, staffId))) throw notFound(`staff member ${staffId} has no personal link in use`)
    return c.body(null, 204)
  })

  // The audit log, newest first: managers only.
  // The shared page query decodes the cursor, so one it never gave out is a 400, not page 1.
  .get('/schools/:schoolId/audit', validate('query', pageQuery), async (c) => {
    if (!managesSchool(c)) return authProblem('forbidden')
    return c.json(await auditLogPage(c.var.deps, c.req.param('schoolId'), c.req.valid('query')))
  })

/** 404 unless the staff member is in the school: another school's id is as unknown as none. */
async function staffOfSchool(c: Context<AuthEnv>, schoolId: string, staffId: string): Promise<void> {
  if (!(await staffExists(c.var.deps.store, schoolId, staffId))) throw notFound(`no staff member with id ${staffId}`)
}

async function openStaffSession(c: Context<AuthEnv>) {
  const deps = c.var.authDeps
  noStore(c)
  const verdict = await countAttempt(deps, [{ key: `ip:${clientAddress(c, deps)}`, limit: rateLimits(deps).perAddress * 5 }])
  if (!verdict.allowed) return tooMany(c, verdict.retryAfterSeconds, false)
  const link = await findStaffLink(deps, c.req.param('token') ?? '')
  if (!link) return c.html(invalidStaffLinkPage(), 404)
  const previous = c.var.principal
  if (previous && previous.kind !== 'token') await revokeSession(deps, previous.sessionId)
  const session = await createSession(deps, { kind: 'staff', schoolId: link.school_id, staffId: link.staff_id, staffLinkId: link.id })
  setSessionCookie(c, session)
  return c.redirect('/me', 303)
}
