// Server-side sessions. The cookie holds a random token; the table holds its SHA-256, an
// expiry and a revocation time, so signing out (or re-issuing a staff link) ends the session
// for whoever holds a copy of the cookie.
import type { Deps } from '../platform/deps.js'
import { hashToken, looksLikeToken, newToken, nowIso, plusSecondsIso } from '../platform/tokens.js'

/** `__Host-` makes browsers insist on Secure, Path=/ and no Domain: no subdomain can set it. */
export const SESSION_COOKIE = '__Host-session'

/** A manager's working day; a shared staff-room computer should not stay signed in for a week. */
export const USER_SESSION_SECONDS = 12 * 60 * 60
/** Staff open the rota on their own phone; their personal link is the credential anyway. */
export const STAFF_SESSION_SECONDS = 30 * 24 * 60 * 60

export type NewSession = { kind: 'user'; userId: string } | { kind: 'staff'; schoolId: string; staffId: string; staffLinkId: string }

export interface OpenedSession {
  id: string
  token: string
  maxAgeSeconds: number
}

export async function createSession(deps: Deps, s: NewSession): Promise<OpenedSession> {
  // Expired rows can never be used again; clearing them here keeps the table to live sessions
  // without a scheduled job (Workers would need a cron trigger for one).
  await deps.store.db.deleteFrom('sessions').where('expires_at', '<', nowIso(deps.clock)).execute()
  const token = newToken()
  const id = deps.newId('ses')
  const maxAgeSeconds = s.kind === 'user' ? USER_SESSION_SECONDS : STAFF_SESSION_SECONDS
  await deps.store.db
    .insertInto('sessions')
    .values({
      id,
      token_hash: await hashToken(token),
      kind: s.kind,
      user_id: s.kind === 'user' ? s.userId : null,
      school_id: s.kind === 'staff' ? s.schoolId : null,
      staff_id: s.kind === 'staff' ? s.staffId : null,
      staff_link_id: s.kind === 'staff' ? s.staffLinkId : null,
      created_at: nowIso(deps.clock),
      expires_at: plusSecondsIso(deps.clock, maxAgeSeconds),
    })
    .execute()
  return { id, token, maxAgeSeconds }
}

/** The live session behind a cookie value, or undefined (unknown, expired or signed out). */
export async function findSession(deps: Deps, token: string | undefined) {
  if (!looksLikeToken(token)) return undefined
  return deps.store.db
    .selectFrom('sessions')
    .selectAll()
    .where('token_hash', '=', await hashToken(token))
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', nowIso(deps.clock))
    .executeTakeFirst()
}

export async function revokeSession(deps: Deps, sessionId: string): Promise<void> {
  await deps.store.db
    .updateTable('sessions')
    .set({ revoked_at: nowIso(deps.clock) })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .execute()
}
