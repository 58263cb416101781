// The middleware that puts a principal on every request and refuses what it may not do.
// Order in the app: authenticate → sameOriginWrites → (per school) schoolAccess → routes.
import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import type { AppEnv } from '../platform/deps.js'
import { notFound } from '../platform/http/problem.js'
import type { AuthDeps } from '../platform/deps.js'
import { actorOf } from '../platform/principal.js'
import { accessToSchool, resolvePrincipal } from './principal.js'
import { authProblem } from './problems.js'
import { SESSION_COOKIE } from './sessions.js'
import { ASSET_PATHS } from '../manager/views/assets.js'

/** The app's env: AppEnv carries the principal, credential and school access set here. */
export type AuthEnv = AppEnv

/** Resolves the caller. A wrong API token is refused at once; a stale cookie is just anonymous. */
export function authenticate(deps: AuthDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    c.set('authDeps', deps)
    const found = await resolvePrincipal(deps, c.req.header('authorization'), getCookie(c, SESSION_COOKIE))
    if (found.status === 'invalid' && found.credential === 'bearer') {
      return authProblem('unauthorised', 'the API token is unknown or revoked', { 'WWW-Authenticate': 'Bearer error="invalid_token"' })
    }
    if (found.status === 'ok') {
      c.set('principal', found.principal)
      c.set('credential', found.credential)
      c.set('actor', actorOf(found.principal))
    }
    return next()
  }
}

/** The origin links and the CSRF check use: the configured public one, else the request's. */
export function appOrigin(c: Context, deps: Pick<AuthDeps, 'publicOrigin'>): string {
  return deps.publicOrigin ?? new URL(c.req.url).origin
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection for cookie sessions: a browser tells us where a request comes from
 * (Sec-Fetch-Site, Origin) and a page on another site cannot forge either. Unsafe requests
 * made with the session cookie must come from our own origin. The sign-in forms under /auth/
 * are covered with or without a session, so no other site can sign a visitor in as someone else.
 */
export function sameOriginWrites(deps: Pick<AuthDeps, 'publicOrigin'>): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.var.credential === 'bearer') return next()
    // Anonymous API calls have no session to abuse: they get their 401 from requireSignedIn.
    if (c.var.credential === undefined && !c.req.path.startsWith('/auth/')) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const allowed = new Set([new URL(c.req.url).origin, ...(deps.publicOrigin ? [deps.publicOrigin] : [])])
    const sameSite = site === 'same-origin' || (origin !== undefined && allowed.has(origin))
    // A browser that says cross-site is believed even when Origin is spoofable by extensions.
    if (!sameSite || (site !== undefined && site !== 'same-origin' && site !== 'none')) {
      return authProblem('crossSite', 'send Origin (or Sec-Fetch-Site: same-origin) from this site, or use an API token')
    }
    return next()
  }
}

/** 401 for anyone not signed in. */
export const requireSignedIn: MiddlewareHandler<AuthEnv> = async (c, next) => {
  if (!c.var.principal) return authProblem('unauthorised', undefined, { 'WWW-Authenticate': 'Bearer' })
  return next()
}

/**
 * What a staff member may reach inside their own school: `method` and the path below
 * /api/schools/:schoolId (e.g. 'GET', '/me/duties'). Everything else answers 403: the check
 * runs before any lookup, so a 403 says nothing about whether an id exists.
 */
export type StaffPolicy = (method: string, subPath: string) => boolean

export const STAFF_MAY_NOTHING: StaffPolicy = () => false

/**
 * Guards /api/schools/:schoolId/*: 401 without credentials; 404 (the same answer as an unknown
 * school) when the school is not the caller's; 403 for staff outside their allowance.
 */
export function schoolAccess(staffMay: StaffPolicy = STAFF_MAY_NOTHING): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const principal = c.var.principal
    if (!principal) return authProblem('unauthorised', undefined, { 'WWW-Authenticate': 'Bearer' })
    const schoolId = c.req.param('schoolId') ?? ''
    const access = await accessToSchool(c.var.deps, principal, schoolId)
    if (!access) throw notFound(`no school with id ${schoolId}`)
    if (access.role === 'staff') {
      const prefix = `/api/schools/${schoolId}`
      const subPath = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path
      if (!staffMay(c.req.method, subPath)) return authProblem('forbidden', 'staff see their own duties, calendar and figures only')
    }
    c.set('access', access)
    return next()
  }
}

/**
 * Guards the manager's pages (/manage/:schoolId/...), which browsers open directly: no session
 * → to the sign-in page; a school that is not the caller's → 404, as for the API; staff → 403.
 * The pages' stylesheet and script under /manage/assets/ are public.
 */
const PUBLIC_MANAGER_ASSETS: ReadonlySet<string> = new Set(Object.values(ASSET_PATHS))

export function managerPageAccess(): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    // Only the two asset files are public: a looser prefix let /manage/assets/<page> run a
    // page handler with schoolId 'assets' and no access check.
    if (PUBLIC_MANAGER_ASSETS.has(c.req.path)) return next()
    const principal = c.var.principal
    if (!principal) return c.redirect('/auth/signin', 303)
    const schoolId = c.req.param('schoolId') ?? ''
    const access = await accessToSchool(c.var.deps, principal, schoolId)
    if (!access) throw notFound(`no school with id ${schoolId}`)
    if (access.role === 'staff') return authProblem('forbidden', 'the manager pages are for managers')
    c.set('access', access)
    return next()
  }
}

/** Inside a route: true when the caller manages the school (manager, trust admin or API token). */
export function managesSchool(c: Context<AuthEnv>): boolean {
  const role = c.var.access?.role
  return role === 'manager' || role === 'trust_admin'
}
