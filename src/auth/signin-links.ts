// Single-use sign-in links: how managers and trust admins sign in. No password exists, so
// nothing depends on a slow password hash (Workers caps PBKDF2 at 100,000 iterations, and
// `wrangler dev` does not enforce the cap); see docs/security.md.
import type { Deps } from '../platform/deps.js'
import { MailNotSent, type Mailer } from '../platform/mailer.js'
import { hashToken, looksLikeToken, newToken, nowIso, plusSecondsIso } from '../platform/tokens.js'
import { findUserByEmail } from './users.js'

export const SIGNIN_LINK_SECONDS = 15 * 60

export function signinUrl(origin: string, token: string): string {
  return `${origin}/auth/callback?token=${token}`
}

/** A new link for a user; the clear token exists only in the returned URL. */
export async function createSigninLink(deps: Deps, userId: string, origin: string): Promise<string> {
  await deps.store.db.deleteFrom('signin_links').where('expires_at', '<', nowIso(deps.clock)).execute()
  const token = newToken()
  await deps.store.db
    .insertInto('signin_links')
    .values({
      id: deps.newId('sil'),
      user_id: userId,
      token_hash: await hashToken(token),
      created_at: nowIso(deps.clock),
      expires_at: plusSecondsIso(deps.clock, SIGNIN_LINK_SECONDS),
    })
    .execute()
  return signinUrl(origin, token)
}

/**
 * Mails a link when the email belongs to someone, and does nothing visible otherwise: the
 * caller answers the same either way, so the endpoint does not tell who has an account.
 */
export async function requestSigninLink(deps: Deps & { mailer: Mailer }, email: string, origin: string): Promise<void> {
  const user = await findUserByEmail(deps, email)
  if (!user) return
  await mailSigninLink(deps, user, origin)
}

/**
 * Makes a new link for the user and mails it. `why` is the first paragraph, for a link that
 * nobody asked for (a colleague made them a manager); without it the mail answers a request.
 */
export async function mailSigninLink(
  deps: Deps & { mailer: Mailer },
  user: { id: string; email: string; name: string },
  origin: string,
  why?: string,
): Promise<void> {
  const url = await createSigninLink(deps, user.id, origin)
  const ending = why === undefined ? 'If you did not ask for it, ignore this message.' : `After that, ask for a new one at ${origin}/auth/signin.`
  try {
    await deps.mailer.send(
      user.email,
      'Your Duty Rota sign-in link',
      `Hello ${user.name},\n\n${why === undefined ? '' : `${why}\n\n`}Open this link within 15 minutes to sign in to Duty Rota:\n\n${url}\n\nIt works once. ${ending}\n`,
    )
  } catch (err) {
    // Whatever the transport threw (a refused socket, a relay's 502), the caller can tell a
    // mail that did not go from a fault of ours, and say so instead of answering 500.
    throw err instanceof MailNotSent ? err : new MailNotSent('the mailer refused the message', { cause: err })
  }
}

/**
 * Uses up a link and says whose it was. The conditional update is the check: of two requests
 * racing with the same link, exactly one changes the row.
 */
export async function consumeSigninLink(deps: Deps, token: string | undefined): Promise<string | undefined> {
  if (!looksLikeToken(token)) return undefined
  const now = nowIso(deps.clock)
  const hash = await hashToken(token)
  const link = await deps.store.db.selectFrom('signin_links').select(['id', 'user_id']).where('token_hash', '=', hash).executeTakeFirst()
  if (!link) return undefined
  const [changed] = await deps.store.atomic([
    deps.store.db
      .updateTable('signin_links')
      .set({ used_at: now })
      .where('id', '=', link.id)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .compile(),
  ])
  return changed === 1 ? link.user_id : undefined
}
