// Who a staff member's own routes act for: /me on the phone and /api/me/... for a script or app
// on it. The person comes from the session, never from the path, so nobody can name another.
import type { Context } from 'hono'
import type { AuthEnv } from './authorise.js'
import { forbidden } from '../platform/http/problem.js'

export interface StaffCaller {
  schoolId: string
  staffId: string
}

/** The staff member behind the session: a personal-link session, or a user who is staff somewhere. */
export function staffOf(c: Context<AuthEnv>): StaffCaller | undefined {
  const p = c.var.principal
  if (p?.kind === 'staff') return { schoolId: p.schoolId, staffId: p.staffId }
  if (p?.kind === 'user') {
    const m = p.memberships.find((x) => x.role === 'staff' && x.schoolId !== null && x.staffId !== null)
    if (m?.schoolId && m.staffId) return { schoolId: m.schoolId, staffId: m.staffId }
  }
  return undefined
}

/**
 * For /api/me/...: the caller is signed in (requireSignedIn ran for /api/*) but may not be a
 * member of staff; a manager or a script's token has no "my offers" or "my leave" (403).
 */
export function requireStaff(c: Context<AuthEnv>): StaffCaller {
  const me = staffOf(c)
  if (!me) throw forbidden("these are a member of staff's own routes: sign in with your personal link")
  return me
}
