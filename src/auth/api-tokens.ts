// Bearer tokens for scripts. Each is good for one school only, shown in clear once when it is
// created, stored as a SHA-256 digest, and revocable by the school's managers.
import type { Deps, WriteContext } from '../platform/deps.js'
import { auditStatement } from '../platform/audit.js'
import { hashToken, looksLikeToken, newToken, nowIso } from '../platform/tokens.js'

/** Marks our tokens so secret scanners and people can recognise a leaked one. */
export const API_TOKEN_PREFIX = 'dr_'

/** last_used_at is a hint for managers, not a log: write it at most this often. */
const TOUCH_EVERY_SECONDS = 60 * 60

export interface ApiTokenView {
  id: string
  name: string
  createdBy: string
  createdAt: string
  lastUsedAt: string | null
}

export async function createApiToken(ctx: WriteContext, schoolId: string, name: string): Promise<ApiTokenView & { token: string }> {
  const secret = newToken()
  const id = ctx.newId('tok')
  const createdAt = nowIso(ctx.clock)
  const view: ApiTokenView = { id, name, createdBy: ctx.actor, createdAt, lastUsedAt: null }
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'api_token', entityId: id, action: 'create', after: view }),
    ctx.store.db
      .insertInto('api_tokens')
      .values({ id, school_id: schoolId, token_hash: await hashToken(secret), name, created_by: ctx.actor, created_at: createdAt })
      .compile(),
  ])
  return { ...view, token: `${API_TOKEN_PREFIX}${secret}` }
}

export async function listApiTokens(deps: Deps, schoolId: string): Promise<ApiTokenView[]> {
  const rows = await deps.store.db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_by', 'created_at', 'last_used_at'])
    .where('school_id', '=', schoolId)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, createdBy: r.created_by, createdAt: r.created_at, lastUsedAt: r.last_used_at }))
}

/** True when a live token of this school was revoked; false for unknown, other-school or revoked ids. */
export async function revokeApiToken(ctx: WriteContext, schoolId: string, tokenId: string): Promise<boolean> {
  const { db } = ctx.store
  const live = await db
    .selectFrom('api_tokens')
    .select(['id', 'name'])
    .where('id', '=', tokenId)
    .where('school_id', '=', schoolId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!live) return false
  const [, changed] = await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'api_token', entityId: tokenId, action: 'delete', before: { id: live.id, name: live.name } }),
    db
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso(ctx.clock) })
      .where('id', '=', tokenId)
      .where('school_id', '=', schoolId)
      .where('revoked_at', 'is', null)
      .compile(),
  ])
  return changed === 1
}

/** The live token behind an Authorization header value's token, or undefined. */
export async function findApiToken(deps: Deps, presented: string) {
  if (!presented.startsWith(API_TOKEN_PREFIX)) return undefined
  const secret = presented.slice(API_TOKEN_PREFIX.length)
  if (!looksLikeToken(secret)) return undefined
  const row = await deps.store.db
    .selectFrom('api_tokens')
    .select(['id', 'school_id', 'created_by', 'last_used_at'])
    .where('token_hash', '=', await hashToken(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!row) return undefined
  const now = deps.clock.instant()
  const stale = row.last_used_at === null || now.toEpochMilli() - Date.parse(row.last_used_at) > TOUCH_EVERY_SECONDS * 1000
  if (stale)
    await deps.store.db
      .updateTable('api_tokens')
      .set({ last_used_at: nowIso(deps.clock) })
      .where('id', '=', row.id)
      .execute()
  return row
}
