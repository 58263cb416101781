// People who sign in and what they may see. Used by the admin CLI, the demo seed and tests;
// there is no HTTP endpoint that creates a manager (the issue keeps that to `npm run admin`).
import type { Role } from '../../db/schema.js'
import type { Deps } from '../deps.js'
import { nowIso } from './tokens.js'

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

/** Gives a user a role; granting the same thing twice changes nothing. */
export async function grant(deps: Deps, userId: string, g: Grant): Promise<void> {
  const role: Role = g.role
  await deps.store.db
    .insertInto('memberships')
    .values({
      id: deps.newId('mbr'),
      user_id: userId,
      role,
      organisation_id: g.role === 'trust_admin' ? g.organisationId : null,
      school_id: g.role === 'trust_admin' ? null : g.schoolId,
      staff_id: g.role === 'staff' ? g.staffId : null,
      created_at: nowIso(deps.clock),
    })
    .onConflict((oc) => oc.doNothing())
    .execute()
}
