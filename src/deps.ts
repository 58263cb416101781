// What the app needs from its runtime, and what every handler can read from the context.
import type { Clock } from '@js-joda/core'
import type { Context } from 'hono'
import type { Store } from '../db/store.js'
import type { AuthDeps } from './auth/deps.js'
import type { Mailer } from './auth/mailer.js'
import type { Principal, SchoolAccess } from './auth/principal.js'
import type { RateLimits } from './auth/rate-limit.js'

export type NewId = (prefix: string) => string

export interface AppDeps {
  store: Store
  clock: Clock
  newId?: NewId
  /** sends sign-in links; default: none configured (links only through `npm run admin`) */
  mailer?: Mailer
  /** e.g. 'https://rota.example.org': where links point and what the CSRF check accepts */
  publicOrigin?: string
  rateLimits?: Partial<RateLimits>
  /** the client's network address for sign-in limits; default CF-Connecting-IP */
  addressOf?: (c: Context) => string | undefined
}

/** The deps with defaults filled in; what services receive. */
export interface Deps {
  store: Store
  clock: Clock
  newId: NewId
}

/** The actor of a request nobody signed in to; no write gets this far (401 first). */
export const ANONYMOUS = 'anonymous'

export interface AppEnv {
  Variables: {
    deps: Deps
    /** deps plus what sign-in needs (mailer, public origin, limits); src/auth/deps.ts */
    authDeps: AuthDeps
    /** who is acting, for audit rows: 'user:<id>', 'staff:<id>', 'token:<id>' (src/auth/principal.ts) */
    actor: string
    /** the signed-in caller, when there is one */
    principal: Principal | undefined
    /** how the caller proved who they are; bearer requests are exempt from the CSRF check */
    credential: 'bearer' | 'cookie' | undefined
    /** set under /api/schools/:schoolId/ once the caller may see that school */
    access: SchoolAccess | undefined
  }
}

/** What a write needs to know besides its input: where to write, when, by whom, new ids. */
export interface WriteContext extends Deps {
  actor: string
}
