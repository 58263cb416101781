// Sign-in attempts counted in the database in fixed windows. Workers isolates share no memory
// and Node may run several processes, so a counter in memory would limit nothing.
import { Instant } from '@js-joda/core'
import { sql } from 'kysely'
import type { Context } from 'hono'
import type { AuthDeps, RateLimits } from '../platform/deps.js'
import { isoInstant } from '../platform/tokens.js'

export const DEFAULT_RATE_LIMITS: RateLimits = { perAddress: 20, perAccount: 5, windowSeconds: 15 * 60 }

export function rateLimits(deps: Pick<AuthDeps, 'rateLimits'>): RateLimits {
  return { ...DEFAULT_RATE_LIMITS, ...deps.rateLimits }
}

export interface Verdict {
  allowed: boolean
  /** seconds until the current window ends (for Retry-After) */
  retryAfterSeconds: number
}

/**
 * Counts one attempt against each key and says whether all of them are still within their
 * limit. Every attempt counts, refused ones too, so hammering never opens the door sooner.
 */
export async function countAttempt(deps: Pick<AuthDeps, 'store' | 'clock' | 'rateLimits'>, keys: readonly { key: string; limit: number }[]): Promise<Verdict> {
  const { windowSeconds } = rateLimits(deps)
  const nowSeconds = Math.floor(Instant.now(deps.clock).toEpochMilli() / 1000)
  const startSeconds = nowSeconds - (nowSeconds % windowSeconds)
  const windowStart = isoInstant(Instant.ofEpochSecond(startSeconds))
  const retryAfterSeconds = Math.max(1, startSeconds + windowSeconds - nowSeconds)
  const { db } = deps.store
  // Windows that have ended are of no further use; dropping them keeps the table tiny.
  await db.deleteFrom('signin_attempts').where('window_start', '<', windowStart).execute()
  let allowed = true
  for (const { key, limit } of keys) {
    const row = await db
      .insertInto('signin_attempts')
      .values({ key, window_start: windowStart, count: 1 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ count: sql<number>`count + 1` }))
      .returning('count')
      .executeTakeFirst()
    if ((row?.count ?? 0) > limit) allowed = false
  }
  return { allowed, retryAfterSeconds }
}

export function clientAddress(c: Context, deps: Pick<AuthDeps, 'addressOf'>): string {
  return (deps.addressOf ? deps.addressOf(c) : c.req.header('cf-connecting-ip')) ?? 'unknown'
}
