// What the sign-in code needs from the app: the app's own deps plus a way to send mail and,
// behind a proxy, the public origin that links must point at.
import type { Context } from 'hono'
import type { Deps } from '../deps.js'
import type { Mailer } from './mailer.js'
import type { RateLimits } from './rate-limit.js'

export interface AuthDeps extends Deps {
  mailer: Mailer
  /** e.g. 'https://rota.example.org'; links and the CSRF origin check use the request's origin when unset */
  publicOrigin?: string
  rateLimits?: Partial<RateLimits>
  /**
   * The client's network address, for per-address sign-in limits. Workers: CF-Connecting-IP
   * (set by Cloudflare, not by the client). Node: the socket's address, or the proxy's
   * X-Forwarded-For when the operator says a proxy is in front.
   */
  addressOf?: (c: Context) => string | undefined
}

export function clientAddress(c: Context, deps: Pick<AuthDeps, 'addressOf'>): string {
  return (deps.addressOf ? deps.addressOf(c) : c.req.header('cf-connecting-ip')) ?? 'unknown'
}
