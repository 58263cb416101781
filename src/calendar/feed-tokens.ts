// Secret calendar feed URLs. A calendar app cannot sign in, so the token in /feeds/<token>.ics
// is the credential: 256 random bits (twice the 128 the issue asks for), stored only as its
// SHA-256 digest like every other token (src/platform/tokens.ts). Issuing a feed rotates it: the
// holder's live token for the same target is revoked in the same write, and a revoked token
// answers 404 like one that never existed.
import type { CompiledQuery } from 'kysely'
import type { FeedScope } from '../../db/schema.js'
import type { Deps, WriteContext } from '../platform/deps.js'
import { hashToken, looksLikeToken, newToken, nowIso } from '../platform/tokens.js'
import { auditStatement } from '../platform/audit.js'

/** What a feed shows, and who holds it. */
export type FeedTarget =
  | { scope: 'person'; schoolId: string; staffId: string }
  /** a manager's feed of one duty post */
  | { scope: 'duty_post'; schoolId: string; dutyPostId: string; userId: string }
  /** a manager's feed of the whole school */
  | { scope: 'school'; schoolId: string; userId: string }

export interface IssuedFeed {
  id: string
  /** shown once; only its digest is kept */
  token: string
}

export interface FeedTokenRow {
  id: string
  school_id: string
  scope: FeedScope
  staff_id: string | null
  duty_post_id: string | null
  user_id: string | null
  created_at: string
}

function columnsOf(target: FeedTarget) {
  return {
    school_id: target.schoolId,
    scope: target.scope,
    staff_id: target.scope === 'person' ? target.staffId : null,
    duty_post_id: target.scope === 'duty_post' ? target.dutyPostId : null,
    user_id: target.scope === 'person' ? null : target.userId,
  }
}

/** The live tokens of one holder and target (at most one, by the partial unique index). */
function liveOf(ctx: Deps, target: FeedTarget) {
  const c = columnsOf(target)
  return ctx.store.db
    .updateTable('feed_tokens')
    .where('school_id', '=', c.school_id)
    .where('scope', '=', c.scope)
    .where((eb) => (c.staff_id === null ? eb('staff_id', 'is', null) : eb('staff_id', '=', c.staff_id)))
    .where((eb) => (c.duty_post_id === null ? eb('duty_post_id', 'is', null) : eb('duty_post_id', '=', c.duty_post_id)))
    .where((eb) => (c.user_id === null ? eb('user_id', 'is', null) : eb('user_id', '=', c.user_id)))
    .where('revoked_at', 'is', null)
}

/**
 * Issues a fresh feed URL token, revoking the previous one of the same holder and target in
 * the same write. The caller has checked that the target belongs to the school and that the
 * caller may act for the holder.
 */
export async function issueFeedToken(ctx: WriteContext, target: FeedTarget): Promise<IssuedFeed> {
  const now = nowIso(ctx.clock)
  const token = newToken()
  const id = ctx.newId('fdt')
  const c = columnsOf(target)
  await ctx.store.atomic([
    auditStatement(ctx, {
      schoolId: target.schoolId,
      entity: 'feed_token',
      entityId: id,
      action: 'create',
      after: { scope: c.scope, staffId: c.staff_id, dutyPostId: c.duty_post_id, userId: c.user_id },
    }),
    liveOf(ctx, target).set({ revoked_at: now }).compile(),
    ctx.store.db
      .insertInto('feed_tokens')
      .values({ id, ...c, token_hash: await hashToken(token), created_by: ctx.actor, created_at: now })
      .compile(),
  ])
  return { id, token }
}

/**
 * The statements that stop a holder's live feed, for a caller that stops it as part of a
 * larger write (a manager re-issuing a lost phone's personal link); none when there is no feed.
 */
export async function stopFeedStatements(ctx: WriteContext, target: FeedTarget): Promise<CompiledQuery[]> {
  const live = await liveIdOf(ctx, target)
  if (live === undefined) return []
  return [
    auditStatement(ctx, { schoolId: target.schoolId, entity: 'feed_token', entityId: live, action: 'delete' }),
    liveOf(ctx, target)
      .set({ revoked_at: nowIso(ctx.clock) })
      .compile(),
  ]
}

/** Revokes the holder's live feed for the target; false when there was none. */
export async function revokeFeedToken(ctx: WriteContext, target: FeedTarget): Promise<boolean> {
  const live = await liveIdOf(ctx, target)
  if (live === undefined) return false
  return revokeById(ctx, target.schoolId, live)
}

/** A manager revoking any feed of their school by its id; false when it is not a live one of that school. */
export async function revokeFeedTokenById(ctx: WriteContext, schoolId: string, id: string): Promise<boolean> {
  return revokeById(ctx, schoolId, id)
}

async function revokeById(ctx: WriteContext, schoolId: string, id: string): Promise<boolean> {
  const { db } = ctx.store
  const live = await db
    .selectFrom('feed_tokens')
    .select('id')
    .where('id', '=', id)
    .where('school_id', '=', schoolId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!live) return false
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'feed_token', entityId: id, action: 'delete' }),
    db
      .updateTable('feed_tokens')
      .set({ revoked_at: nowIso(ctx.clock) })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .compile(),
  ])
  return true
}

async function liveIdOf(deps: Deps, target: FeedTarget): Promise<string | undefined> {
  const c = columnsOf(target)
  let q = deps.store.db.selectFrom('feed_tokens').select('id').where('school_id', '=', c.school_id).where('scope', '=', c.scope).where('revoked_at', 'is', null)
  q = c.staff_id === null ? q.where('staff_id', 'is', null) : q.where('staff_id', '=', c.staff_id)
  q = c.duty_post_id === null ? q.where('duty_post_id', 'is', null) : q.where('duty_post_id', '=', c.duty_post_id)
  q = c.user_id === null ? q.where('user_id', 'is', null) : q.where('user_id', '=', c.user_id)
  return (await q.executeTakeFirst())?.id
}

/**
 * The id of the holder's live feed, or undefined. Not a secret (the token is): the /me form
 * carries it, so a replayed "get a link" post can be told from a fresh one.
 */
export async function liveFeedId(deps: Deps, target: FeedTarget): Promise<string | undefined> {
  return liveIdOf(deps, target)
}

/** True when the holder has a live feed for the target. */
export async function hasLiveFeed(deps: Deps, target: FeedTarget): Promise<boolean> {
  return (await liveIdOf(deps, target)) !== undefined
}

/** A school's live feeds, for managers to see and revoke (never the tokens themselves). */
export async function listFeedTokens(deps: Deps, schoolId: string): Promise<FeedTokenRow[]> {
  return deps.store.db
    .selectFrom('feed_tokens')
    .select(['id', 'school_id', 'scope', 'staff_id', 'duty_post_id', 'user_id', 'created_at'])
    .where('school_id', '=', schoolId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
}

/**
 * The live feed behind a URL token, or undefined. A feed a manager holds answers only while
 * they still manage the school (or administer its trust): taking someone's role away also
 * closes their calendar of the school.
 */
export async function findFeedToken(deps: Deps, token: string): Promise<FeedTokenRow | undefined> {
  if (!looksLikeToken(token)) return undefined
  const { db } = deps.store
  const row = await db
    .selectFrom('feed_tokens')
    .select(['id', 'school_id', 'scope', 'staff_id', 'duty_post_id', 'user_id', 'created_at'])
    .where('token_hash', '=', await hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row || row.user_id === null) return row
  const school = db.selectFrom('schools').select('organisation_id').where('id', '=', row.school_id)
  const stillManages = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', row.user_id)
    .where((eb) =>
      eb.or([
        eb.and([eb('role', '=', 'manager'), eb('school_id', '=', row.school_id)]),
        eb.and([eb('role', '=', 'trust_admin'), eb('organisation_id', 'in', school)]),
      ]),
    )
    .executeTakeFirst()
  return stillManages ? row : undefined
}
