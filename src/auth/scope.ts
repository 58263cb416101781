// Checks for the routes that sit above a single school: organisations and the list of schools.
// Same rule as inside a school: what the caller may not see is "not found", what they may see
// but not change is 403.
import type { Context } from 'hono'
import { fieldError, forbidden, invalid, notFound } from '../platform/http/problem.js'
import type { AuthEnv } from './authorise.js'
import type { Principal } from '../platform/principal.js'
import { isTrustAdminOf, visibleOrganisationsWhere } from './principal.js'

function principalOf(c: Context<AuthEnv>): Principal {
  const p = c.var.principal
  // requireSignedIn runs on every /api path first; reaching here without one is a wiring bug.
  if (!p) throw new Error('no principal on a signed-in route')
  return p
}

/** Staff see their own page only: nothing above their school, whatever it is, exists for them. */
function notStaff(c: Context<AuthEnv>): Principal {
  const p = principalOf(c)
  if (p.kind === 'staff') throw forbidden('staff see their own duties only')
  return p
}

/** The caller, for listing what they may see; staff list nothing above their own page. */
export function listingPrincipal(c: Context<AuthEnv>): Principal {
  return notStaff(c)
}

async function canSee(c: Context<AuthEnv>, p: Principal, organisationId: string): Promise<boolean> {
  if (p.kind === 'staff') return false
  const row = await c.var.deps.store.db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .where(visibleOrganisationsWhere(p))
    .executeTakeFirst()
  return row !== undefined
}

/** 404 unless the caller may see the organisation; 403 if `admin` and they are not its trust admin. */
export async function requireOrganisation(c: Context<AuthEnv>, organisationId: string, need: 'see' | 'admin'): Promise<void> {
  const p = notStaff(c)
  if (!(await canSee(c, p, organisationId))) throw notFound(`no organisation with id ${organisationId}`)
  if (need === 'admin' && !isTrustAdminOf(p, organisationId)) throw forbidden('only a trust admin of the organisation may do this')
}

/**
 * For a body naming an organisation (creating or moving a school): an organisation the caller
 * cannot see is reported exactly like one that does not exist; one they see but do not
 * administer is 403.
 */
export async function requireOrganisationField(c: Context<AuthEnv>, organisationId: string): Promise<void> {
  const p = notStaff(c)
  if (!(await canSee(c, p, organisationId))) throw invalid([fieldError(['organisationId'], `no organisation with id ${organisationId}`)])
  if (!isTrustAdminOf(p, organisationId)) throw forbidden('only a trust admin of the organisation may put schools in it')
}

/** People (not API tokens, not staff links) may create organisations; they become its trust admin. */
export function requirePerson(c: Context<AuthEnv>): { userId: string } {
  const p = notStaff(c)
  if (p.kind !== 'user') throw forbidden('only a signed-in person may do this')
  return { userId: p.userId }
}

/** Trust admins only (within a school already checked by schoolAccess). */
export function requireTrustAdmin(c: Context<AuthEnv>): void {
  if (c.var.access?.role !== 'trust_admin') throw forbidden('only a trust admin of the organisation may do this')
}
