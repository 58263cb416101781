// Who a request acts for, as every layer sees it: the shapes only. How a credential becomes a
// principal, and what it may reach, is src/auth/principal.ts.
import type { Role } from '../../db/schema.js'

export interface Membership {
  role: Role
  organisationId: string | null
  schoolId: string | null
  staffId: string | null
}

export type Principal =
  | { kind: 'user'; sessionId: string; userId: string; name: string; email: string; memberships: Membership[] }
  /** Opened with a staff personal link: this staff member's own things in one school, nothing else. */
  | { kind: 'staff'; sessionId: string; schoolId: string; staffId: string }
  /** A script's API token: a manager's rights in one school, except minting more credentials. */
  | { kind: 'token'; tokenId: string; schoolId: string; createdBy: string }

/** What audit rows record as the actor; every form leads back to a person (docs/security.md). */
export function actorOf(p: Principal): string {
  switch (p.kind) {
    case 'user':
      return `user:${p.userId}`
    case 'staff':
      return `staff:${p.staffId}`
    case 'token':
      return `token:${p.tokenId}`
  }
}

export type SchoolAccess = { role: 'trust_admin' | 'manager' } | { role: 'staff'; staffId: string }
