// A staff member's personal link: what a manager hands over (or re-issues when a phone is
// lost) so that the staff member sees their own duties without an account or a password.
import type { WriteContext } from '../deps.js'
import type { Deps } from '../deps.js'
import { auditStatement } from '../services/audit.js'
import { hashToken, looksLikeToken, newToken, nowIso } from './tokens.js'

export function staffLinkUrl(origin: string, token: string): string {
  return `${origin}/auth/staff/${token}`
}

/**
 * Issues a new link and, in the same write, revokes the previous one and every session opened
 * with it, so a lost phone stops working the moment the manager re-issues.
 * The caller has checked that the staff member belongs to the school.
 */
export async function issueStaffLink(ctx: WriteContext, schoolId: string, staffId: string, origin: string): Promise<{ id: string; url: string }> {
  const { db } = ctx.store
  const now = nowIso(ctx.clock)
  const token = newToken()
  const id = ctx.newId('stl')
  const previous = db.selectFrom('staff_links').select('id').where('staff_id', '=', staffId).where('revoked_at', 'is', null)
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'staff_link', entityId: id, action: 'create', after: { staffId } }),
    db.updateTable('sessions').set({ revoked_at: now }).where('staff_link_id', 'in', previous).where('revoked_at', 'is', null).compile(),
    db.updateTable('staff_links').set({ revoked_at: now }).where('staff_id', '=', staffId).where('revoked_at', 'is', null).compile(),
    db
      .insertInto('staff_links')
      .values({ id, school_id: schoolId, staff_id: staffId, token_hash: await hashToken(token), created_by: ctx.actor, created_at: now })
      .compile(),
  ])
  return { id, url: staffLinkUrl(origin, token) }
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
