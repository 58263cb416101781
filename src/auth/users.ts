// People who sign in and what they may see. Used by the admin CLI, the demo seed and tests;
// managers added over HTTP go through school-managers.ts, which writes account, role and audit
// entry in one atomic write.
import type { Role } from '../../db/schema.js'
import type { Deps, WriteContext } from '../platform/deps.js'
import { auditStatement } from '../platform/audit.js'
import { nowIso } from '../platform/tokens.js'

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase()
}

export async function findUserByEmail(deps: Pick<Deps, 'store'>, email: string) {
  return deps.store.db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst()
}

/** The user with this email, created when there is none (the name is kept if they exist). */
export async function ensureUser(deps: Deps, email: string, name: string): Promise<{ id: string; created: boolean }> {
  const existing = await findUserByEmail(deps, email)
  if (existing) return { id: existing.id, created: false }
  const id = deps.newId('usr')
  await deps.store.db
    .insertInto('users')
    .values({ id, email: normaliseEmail(email), name, created_at: nowIso(deps.clock) })
    .onConflict((oc) => oc.column('email').doNothing())
    .execute()
  // A concurrent create may have won the race; the row that exists is the answer.
  const row = await findUserByEmail(deps, email)
  if (!row) throw new Error(`could not create user ${email}`)
  return { id: row.id, created: row.id === id }
}

export type Grant =
  | { role: 'trust_admin'; organisationId: string }
  | { role: 'manager'; schoolId: string }
  | { role: 'staff'; schoolId: string; staffId: string }

/** Gives a user a role, with an audit entry naming who did it; granting twice changes nothing. */
export async function grant(ctx: WriteContext, userId: string, g: Grant): Promise<void> {
  const role: Role = g.role
  const { db } = ctx.store
  const scope = {
    organisation_id: g.role === 'trust_admin' ? g.organisationId : null,
    school_id: g.role === 'trust_admin' ? null : g.schoolId,
    staff_id: g.role === 'staff' ? g.staffId : null,
  }
  let existing = db.selectFrom('memberships').select('id').where('user_id', '=', userId).where('role', '=', role)
  for (const [column, value] of Object.entries(scope) as [keyof typeof scope, string | null][]) {
    existing = value === null ? existing.where(column, 'is', null) : existing.where(column, '=', value)
  }
  if (await existing.executeTakeFirst()) return
  const id = ctx.newId('mbr')
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId: scope.school_id, entity: 'membership', entityId: id, action: 'create', after: { userId, ...g } }),
    db
      .insertInto('memberships')
      .values({ id, user_id: userId, role, ...scope, created_at: nowIso(ctx.clock) })
      .compile(),
  ])
}

/** A user's name as others see it (who sent a sign-in link, who changed what). */
export async function userName(deps: Pick<Deps, 'store'>, userId: string): Promise<string | undefined> {
  const row = await deps.store.db.selectFrom('users').select('name').where('id', '=', userId).executeTakeFirst()
  return row?.name
}
