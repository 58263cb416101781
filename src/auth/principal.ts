// Who is calling, and what they may see. A request carries at most one credential: a bearer
// API token (scripts) or the session cookie (people). Everything below the route layer asks
// this module, so the rules live in one place.
import { sql, type Expression, type SqlBool } from 'kysely'
import type { Deps } from '../platform/deps.js'
import type { Principal, SchoolAccess } from '../platform/principal.js'
import { findApiToken } from './api-tokens.js'
import { findSession } from './sessions.js'

export type Resolution =
  | { status: 'none' }
  | { status: 'invalid'; credential: 'bearer' | 'cookie' }
  | { status: 'ok'; credential: 'bearer' | 'cookie'; principal: Principal }

/** The value of `Authorization: Bearer <token>`, undefined when there is no such header. */
export function bearerOf(authorization: string | undefined): string | undefined {
  if (authorization === undefined) return undefined
  const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization)
  return m?.[1] ?? ''
}

export async function resolvePrincipal(deps: Deps, authorization: string | undefined, sessionToken: string | undefined): Promise<Resolution> {
  // An Authorization header wins over a cookie: a script never means to act as the browser
  // user, and a wrong token must fail rather than fall back to someone's session.
  const bearer = bearerOf(authorization)
  if (bearer !== undefined) {
    const token = await findApiToken(deps, bearer)
    if (!token) return { status: 'invalid', credential: 'bearer' }
    return { status: 'ok', credential: 'bearer', principal: { kind: 'token', tokenId: token.id, schoolId: token.school_id, createdBy: token.created_by } }
  }
  if (sessionToken === undefined) return { status: 'none' }
  const session = await findSession(deps, sessionToken)
  if (!session) return { status: 'invalid', credential: 'cookie' }
  if (session.kind === 'staff' && session.school_id !== null && session.staff_id !== null) {
    return { status: 'ok', credential: 'cookie', principal: { kind: 'staff', sessionId: session.id, schoolId: session.school_id, staffId: session.staff_id } }
  }
  if (session.kind !== 'user' || session.user_id === null) return { status: 'invalid', credential: 'cookie' }
  const { db } = deps.store
  const user = await db.selectFrom('users').select(['id', 'name', 'email']).where('id', '=', session.user_id).executeTakeFirst()
  if (!user) return { status: 'invalid', credential: 'cookie' }
  const rows = await db.selectFrom('memberships').select(['role', 'organisation_id', 'school_id', 'staff_id']).where('user_id', '=', user.id).execute()
  const memberships = rows.map((r) => ({ role: r.role, organisationId: r.organisation_id, schoolId: r.school_id, staffId: r.staff_id }))
  return {
    status: 'ok',
    credential: 'cookie',
    principal: { kind: 'user', sessionId: session.id, userId: user.id, name: user.name, email: user.email, memberships },
  }
}

/**
 * What the principal may do in a school, or undefined when the school is not theirs (or does
 * not exist: callers answer both with the same 404).
 */
export async function accessToSchool(deps: Deps, p: Principal, schoolId: string): Promise<SchoolAccess | undefined> {
  const school = await deps.store.db.selectFrom('schools').select(['id', 'organisation_id']).where('id', '=', schoolId).executeTakeFirst()
  if (!school) return undefined
  switch (p.kind) {
    case 'token':
      return p.schoolId === school.id ? { role: 'manager' } : undefined
    case 'staff':
      return p.schoolId === school.id ? { role: 'staff', staffId: p.staffId } : undefined
    case 'user': {
      if (p.memberships.some((m) => m.role === 'trust_admin' && m.organisationId === school.organisation_id)) return { role: 'trust_admin' }
      if (p.memberships.some((m) => m.role === 'manager' && m.schoolId === school.id)) return { role: 'manager' }
      const asStaff = p.memberships.find((m) => m.role === 'staff' && m.schoolId === school.id && m.staffId !== null)
      return asStaff?.staffId ? { role: 'staff', staffId: asStaff.staffId } : undefined
    }
  }
}

/** Ids of the schools the principal may manage (trust admin or manager); staff manage none. */
export async function managedSchoolIds(deps: Deps, p: Principal): Promise<string[]> {
  const rows = await deps.store.db.selectFrom('schools').select('id').where(visibleSchoolsWhere(p)).orderBy('id').execute()
  return rows.map((r) => r.id)
}

/** The schools the principal may manage with their names, by name: the manager's first page. */
export async function managedSchools(deps: Pick<Deps, 'store'>, p: Principal): Promise<{ id: string; name: string }[]> {
  return deps.store.db.selectFrom('schools').select(['id', 'name']).where(visibleSchoolsWhere(p)).orderBy('name').orderBy('id').execute()
}

/** True when the principal administers the whole organisation. */
export function isTrustAdminOf(p: Principal, organisationId: string): boolean {
  return p.kind === 'user' && p.memberships.some((m) => m.role === 'trust_admin' && m.organisationId === organisationId)
}

/**
 * SQL conditions for "rows the principal may see", written as subqueries so that a trust with
 * hundreds of schools never needs hundreds of bound parameters (D1 allows 100).
 */
export function visibleSchoolsWhere(p: Principal): Expression<SqlBool> {
  if (p.kind === 'token') return sql<SqlBool>`schools.id = ${p.schoolId}`
  if (p.kind === 'staff') return sql<SqlBool>`0 = 1`
  return sql<SqlBool>`(schools.organisation_id IN (SELECT organisation_id FROM memberships WHERE user_id = ${p.userId} AND role = 'trust_admin')
    OR schools.id IN (SELECT school_id FROM memberships WHERE user_id = ${p.userId} AND role = 'manager'))`
}

export function visibleOrganisationsWhere(p: Principal): Expression<SqlBool> {
  if (p.kind === 'token') return sql<SqlBool>`organisations.id IN (SELECT organisation_id FROM schools WHERE id = ${p.schoolId})`
  if (p.kind === 'staff') return sql<SqlBool>`0 = 1`
  return sql<SqlBool>`(organisations.id IN (SELECT organisation_id FROM memberships WHERE user_id = ${p.userId} AND role = 'trust_admin')
    OR organisations.id IN (SELECT s.organisation_id FROM schools s JOIN memberships m ON m.school_id = s.id WHERE m.user_id = ${p.userId} AND m.role = 'manager'))`
}
