// The people who run a school: its managers (a `manager` membership of the school) and the
// trust admins of its organisation (a `trust_admin` membership of the organisation). Managers are
// added and removed here, from the API and the pages; trust admins come from `npm run admin`
// and are only listed. Rights are read from memberships on every request (principal.ts), so a
// removed manager's open sessions lose the school at once.
import { sql, type RawBuilder } from 'kysely'
import type { Deps, WriteContext } from '../platform/deps.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { auditStatement, STALE_WRITE_MARKER } from '../platform/audit.js'
import type { Mailer } from '../platform/mailer.js'
import { mailSigninLink } from './signin-links.js'
import { nowIso } from '../platform/tokens.js'
import { findUserByEmail, normaliseEmail } from './users.js'

export interface SchoolPerson {
  /** the user's id: what DELETE .../managers/:userId names */
  id: string
  name: string
  email: string
  role: 'manager' | 'trust_admin'
  /** when they were given the role */
  since: string
}

export interface NewManager {
  email: string
  name: string
}

/** Managers first, then trust admins, each by name. */
export async function listSchoolPeople(deps: Pick<Deps, 'store'>, schoolId: string): Promise<SchoolPerson[]> {
  const rows = await deps.store.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'u.email', 'm.role', 'm.created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('m.role', '=', 'manager'), eb('m.school_id', '=', schoolId)]),
        eb.and([
          eb('m.role', '=', 'trust_admin'),
          eb('m.organisation_id', 'in', eb.selectFrom('schools').select('organisation_id').where('id', '=', schoolId)),
        ]),
      ]),
    )
    .orderBy('m.role')
    .orderBy('u.name')
    .orderBy('u.id')
    .execute()
  return rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role === 'trust_admin' ? 'trust_admin' : 'manager', since: r.created_at }))
}

/** True while someone other than `userId` would still run the school: another manager or a trust admin. */
function othersRunIt(schoolId: string, userId: string): RawBuilder<unknown> {
  return sql`(EXISTS (SELECT 1 FROM memberships WHERE role = 'manager' AND school_id = ${schoolId} AND user_id <> ${userId})
    OR EXISTS (SELECT 1 FROM memberships WHERE role = 'trust_admin' AND organisation_id = (SELECT organisation_id FROM schools WHERE id = ${schoolId})))`
}

/** Whether removing `userId` would leave the school with someone to run it. */
export async function othersWouldRunIt(deps: Pick<Deps, 'store'>, schoolId: string, userId: string): Promise<boolean> {
  const { rows } = await sql<{ ok: number }>`SELECT CASE WHEN ${othersRunIt(schoolId, userId)} THEN 1 ELSE 0 END AS ok`.execute(deps.store.db)
  return rows[0]?.ok === 1
}

export interface Added {
  person: SchoolPerson
  /** false when they already managed the school: nothing changed and no mail went */
  created: boolean
  /** whether the sign-in link was handed to the mailer without an error */
  mailed: boolean
}

/**
 * Makes someone a manager of the school (creating their account when the email is new, keeping
 * the name of an existing one) and mails them a sign-in link. `by` names who did it in the mail.
 */
export async function addManager(ctx: WriteContext & { mailer: Mailer }, schoolId: string, input: NewManager, origin: string, by: string): Promise<Added> {
  const { db } = ctx.store
  const email = normaliseEmail(input.email)
  const school = await db.selectFrom('schools').select('name').where('id', '=', schoolId).executeTakeFirstOrThrow()
  const existing = await findUserByEmail(ctx, email)
  const userId = existing?.id ?? ctx.newId('usr')
  const name = existing?.name ?? input.name
  const membership = await db
    .selectFrom('memberships')
    .select('created_at')
    .where('user_id', '=', userId)
    .where('role', '=', 'manager')
    .where('school_id', '=', schoolId)
    .executeTakeFirst()
  if (membership) return { person: { id: userId, name, email, role: 'manager', since: membership.created_at }, created: false, mailed: false }
  const membershipId = ctx.newId('mbr')
  const now = nowIso(ctx.clock)
  const [, ...changed] = await ctx.store.atomic([
    auditStatement(ctx, {
      schoolId,
      entity: 'membership',
      entityId: membershipId,
      action: 'create',
      after: { userId, email, name, role: 'manager', schoolId, newAccount: !existing },
    }),
    ...(existing
      ? []
      : [
          db
            .insertInto('users')
            .values({ id: userId, email, name, created_at: now })
            .onConflict((oc) => oc.column('email').doNothing())
            .compile(),
        ]),
    // By email, not id: if another request created the account a moment ago, theirs is the one.
    sql`INSERT INTO memberships (id, user_id, role, organisation_id, school_id, staff_id, created_at)
      SELECT ${membershipId}, id, 'manager', NULL, ${schoolId}, NULL, ${now} FROM users WHERE email = ${email}
      ON CONFLICT DO NOTHING`.compile(db),
  ])
  const user = await findUserByEmail(ctx, email)
  if (!user) throw new Error(`no account for ${email} after adding it`)
  const person: SchoolPerson = { id: user.id, name: user.name, email, role: 'manager', since: now }
  if (changed.at(-1) === 0) return { person, created: false, mailed: false }
  let mailed = true
  try {
    await mailSigninLink(ctx, user, origin, `${by} has made you a manager of ${school.name} in Duty Rota.`)
  } catch (err) {
    // The right is given either way; they can ask for a link on the sign-in page.
    console.error('sign-in link for a new manager not sent', err)
    mailed = false
  }
  return { person, created: true, mailed }
}

const lastOne = (name: string) =>
  `${name} is the last manager of this school and its organisation has no trust admin: add another manager first, so that someone can still run the school`

/**
 * Takes away a manager's rights to the school, in one write with its audit entry. Refused (409)
 * for the last manager of a school whose organisation has no trust admin, checked again inside
 * the write so that two managers removing each other at once cannot both succeed; and for a
 * trust admin, whose rights come with the organisation.
 */
export async function removeManager(ctx: WriteContext, schoolId: string, userId: string): Promise<SchoolPerson> {
  const people = await listSchoolPeople(ctx, schoolId)
  const asManager = people.find((p) => p.id === userId && p.role === 'manager')
  if (!asManager) {
    const admin = people.find((p) => p.id === userId)
    if (admin) throw conflict(`${admin.name} is a trust admin of this school's organisation; that role comes with the organisation and is not removed here`)
    throw notFound(`no manager with id ${userId} in this school`)
  }
  if (!(await othersWouldRunIt(ctx, schoolId, userId))) throw conflict(lastOne(asManager.name))
  const { db } = ctx.store
  const membership = await db
    .selectFrom('memberships')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'manager')
    .where('school_id', '=', schoolId)
    .executeTakeFirst()
  if (!membership) throw notFound(`no manager with id ${userId} in this school`)
  const before = { userId, email: asManager.email, name: asManager.name, role: 'manager', schoolId }
  try {
    await ctx.store.atomic([
      auditStatement(ctx, { schoolId, entity: 'membership', entityId: membership.id, action: 'delete', before }, othersRunIt(schoolId, userId)),
      db.deleteFrom('memberships').where('id', '=', membership.id).compile(),
      // Tokens a manager made for scripts carry the school, not the person: without this, a
      // removed manager could keep reading the school (absence reasons included) through them.
      db
        .updateTable('api_tokens')
        .set({ revoked_at: nowIso(ctx.clock) })
        .where('school_id', '=', schoolId)
        .where('created_by', '=', `user:${userId}`)
        .where('revoked_at', 'is', null)
        .compile(),
    ])
  } catch (err) {
    if (err instanceof Error && err.message.includes(STALE_WRITE_MARKER)) throw conflict(lastOne(asManager.name))
    throw err
  }
  return asManager
}
