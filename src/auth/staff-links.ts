// A staff member's personal link: what a manager hands over (or re-issues when a phone is
// lost) so that the staff member sees their own duties without an account or a password.
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import type { Deps } from '../platform/deps.js'
import { auditStatement } from '../platform/audit.js'
import { stopFeedStatements } from '../calendar/feed-tokens.js'
import { hashToken, looksLikeToken, newToken, nowIso } from '../platform/tokens.js'

export function staffLinkUrl(origin: string, token: string): string {
  return `${origin}/auth/staff/${token}`
}

export interface StaffLinkOptions {
  /**
   * Also stop the person's calendar feed in the same write: a lost phone holds its URL too,
   * but a feed usually lives in a calendar account, so stopping it is the manager's choice.
   */
  alsoStopCalendar?: boolean
}

/** Revokes the live link and every session opened with it; the caller adds what else the write does. */
async function stopStatements(ctx: WriteContext, schoolId: string, staffId: string, options: StaffLinkOptions): Promise<CompiledQuery[]> {
  const { db } = ctx.store
  const now = nowIso(ctx.clock)
  const previous = db.selectFrom('staff_links').select('id').where('staff_id', '=', staffId).where('revoked_at', 'is', null)
  return [
    db.updateTable('sessions').set({ revoked_at: now }).where('staff_link_id', 'in', previous).where('revoked_at', 'is', null).compile(),
    db.updateTable('staff_links').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).compile(),
    ...(options.alsoStopCalendar ? await stopFeedStatements(ctx, { scope: 'person', schoolId, staffId }) : []),
  ]
}

interface IssuedLink {
  id: string
  url: string
  statements: CompiledQuery[]
}

/**
 * The write that issues one link: its audit entry, the revoke of the previous link and its
 * sessions, and the new link's digest (the token itself is only in the returned URL). With a
 * `guard`, the audit entry, and so the whole batch, fails unless the guard still holds.
 */
async function issueStatements(
  ctx: WriteContext,
  schoolId: string,
  staffId: string,
  origin: string,
  options: StaffLinkOptions,
  guard?: RawBuilder<unknown>,
): Promise<IssuedLink> {
  const token = newToken()
  const id = ctx.newId('stl')
  const statements = [
    auditStatement(
      ctx,
      { schoolId, entity: 'staff_link', entityId: id, action: 'create', after: { staffId, alsoStopCalendar: options.alsoStopCalendar === true } },
      guard,
    ),
    ...(await stopStatements(ctx, schoolId, staffId, options)),
    ctx.store.db
      .insertInto('staff_links')
      .values({ id, school_id: schoolId, staff_id: staffId, token_hash: await hashToken(token), created_by: ctx.actor, created_at: nowIso(ctx.clock) })
      .compile(),
  ]
  return { id, url: staffLinkUrl(origin, token), statements }
}

/**
 * Issues a new link and, in the same write, revokes the previous one and every session opened
 * with it, so a lost phone stops working the moment the manager re-issues.
 * The caller has checked that the staff member belongs to the school.
 */
export async function issueStaffLink(
  ctx: WriteContext,
  schoolId: string,
  staffId: string,
  origin: string,
  options: StaffLinkOptions = {},
): Promise<{ id: string; url: string }> {
  const { id, url, statements } = await issueStatements(ctx, schoolId, staffId, origin, options)
  await ctx.store.atomic(statements)
  return { id, url }
}

/**
 * A new link handed to `deliver` (an e-mail) before it is written: the person's old link is
 * stopped only once the new one is on its way, so a mail server that refuses the message
 * leaves their phone signed in as it was. The caller has checked that the person belongs to
 * the school.
 */
export async function issueStaffLinkBy(
  ctx: WriteContext,
  schoolId: string,
  staffId: string,
  origin: string,
  deliver: (url: string) => Promise<void>,
): Promise<void> {
  const { url, statements } = await issueStatements(ctx, schoolId, staffId, origin, {})
  await deliver(url)
  await ctx.store.atomic(statements)
}

/**
 * A first link for each of these people, all in one write. Each is guarded on the person still
 * having no link in use: if another manager issued one meanwhile, nothing is written (the
 * stale-write error, STALE_WRITE_MARKER), rather than that link being replaced unseen.
 * The caller has checked that the people belong to the school and had no link.
 */
export async function issueFirstStaffLinks(
  ctx: WriteContext,
  schoolId: string,
  staffIds: readonly string[],
  origin: string,
): Promise<{ staffId: string; url: string }[]> {
  const issued = await Promise.all(
    staffIds.map(async (staffId) => {
      const none = sql`NOT EXISTS (SELECT 1 FROM staff_links WHERE staff_id = ${staffId} AND revoked_at IS NULL)`
      return { staffId, ...(await issueStatements(ctx, schoolId, staffId, origin, {}, none)) }
    }),
  )
  if (issued.length > 0) await ctx.store.atomic(issued.flatMap((i) => i.statements))
  return issued.map(({ staffId, url }) => ({ staffId, url }))
}

/**
 * Stops the person's link (and sessions opened with it) without a new one, for someone who has
 * left or no longer needs it; false when they had no live link and nothing was written.
 */
export async function stopStaffLink(ctx: WriteContext, schoolId: string, staffId: string, options: StaffLinkOptions = {}): Promise<boolean> {
  const live = await liveStaffLink(ctx, staffId)
  if (!live) return false
  await ctx.store.atomic([
    auditStatement(ctx, {
      schoolId,
      entity: 'staff_link',
      entityId: live.id,
      action: 'delete',
      before: { staffId },
      after: { alsoStopCalendar: options.alsoStopCalendar === true },
    }),
    ...(await stopStatements(ctx, schoolId, staffId, options)),
  ])
  return true
}

/** The person's link in use, if any: when it was made (never its token, which is not kept). */
export async function liveStaffLink(deps: Deps, staffId: string): Promise<{ id: string; createdAt: string } | undefined> {
  const row = await deps.store.db
    .selectFrom('staff_links')
    .select(['id', 'created_at'])
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  return row ? { id: row.id, createdAt: row.created_at } : undefined
}

/** Who in the school has a link in use (ids only). */
export async function staffWithLiveLinks(deps: Deps, schoolId: string): Promise<Set<string>> {
  const rows = await deps.store.db.selectFrom('staff_links').select('staff_id').where('school_id', '=', schoolId).where('revoked_at', 'is', null).execute()
  return new Set(rows.map((r) => r.staff_id))
}

/** The live link behind a token, or undefined. */
export async function findStaffLink(deps: Deps, token: string | undefined) {
  if (!looksLikeToken(token)) return undefined
  return deps.store.db
    .selectFrom('staff_links')
    .select(['id', 'school_id', 'staff_id'])
    .where('token_hash', '=', await hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
}
