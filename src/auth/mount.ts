// Puts sign-in in front of an app. Call it before any route is added: Hono runs middleware in
// the order it was registered, and a route registered first would run unguarded.
import type { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ProblemError } from '../platform/http/problem.js'
import { accountRoutes, authRoutes } from './auth.routes.js'
import {
  authenticate,
  managerPageAccess,
  requireSignedIn,
  sameOriginWrites,
  schoolAccess,
  STAFF_MAY_NOTHING,
  type AuthEnv,
  type StaffPolicy,
} from './authorise.js'
import type { AuthDeps } from '../platform/deps.js'

export const AUTH_BODY_LIMIT = 16 * 1024

export interface MountOptions {
  /** what staff may reach inside their own school (default: nothing) */
  staffMay?: StaffPolicy
  /** /api paths anyone may read without signing in (e.g. the published JSON Schemas) */
  publicApi?: (method: string, path: string) => boolean
}

export function mountAuth(app: Hono<AuthEnv>, deps: AuthDeps, options: MountOptions = {}): void {
  const publicApi = options.publicApi ?? (() => false)
  // Sign-in forms carry an email address or a token: a few bytes, never more than this.
  app.use(
    '/auth/*',
    bodyLimit({
      maxSize: AUTH_BODY_LIMIT,
      onError: () => {
        throw new ProblemError('payloadTooLarge', `the limit is ${AUTH_BODY_LIMIT / 1024} KiB`)
      },
    }),
  )
  app.use('*', authenticate(deps))
  app.use('*', sameOriginWrites(deps))
  app.use('/api/*', async (c, next) => (publicApi(c.req.method, c.req.path) ? next() : requireSignedIn(c, next)))
  app.use('/api/schools/:schoolId/*', schoolAccess(options.staffMay ?? STAFF_MAY_NOTHING))
  // The manager's pages, whenever they are mounted: the same rules, with a redirect to sign in.
  app.use('/manage/:schoolId/*', managerPageAccess())
  app.use('/manage/:schoolId', managerPageAccess())
  app.route('/auth', authRoutes)
  app.route('/api', accountRoutes)
}
