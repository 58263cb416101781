// A Seen button's form, read and answered: the ids it names (only ones a page could have
// written), the receipt it records, and what the phone is told when it records none.
import type { WriteContext } from '../platform/deps.js'
import { STALE_WRITE_MARKER } from '../platform/audit.js'
import { ProblemError } from '../platform/http/problem.js'
import { markSeen } from '../notifications/receipts.js'

export interface SeenRefusal {
  seenMessage: string
  status: 400 | 404 | 409
}

const idOf = (v: string | undefined) => (v !== undefined && /^[A-Za-z0-9_-]{1,100}$/.test(v) ? v : undefined)

/** Records the receipt the form asks for; what to say instead when it cannot (nothing is written then). */
export async function seenFromForm(
  ctx: WriteContext,
  me: { schoolId: string; staffId: string },
  form: Record<string, string | undefined>,
): Promise<SeenRefusal | undefined> {
  const [entry, publish] = [idOf(form.entry), idOf(form.publish)]
  if (!entry || !publish) return { seenMessage: 'That Seen button was not from this page: nothing was marked.', status: 400 }
  try {
    await markSeen(ctx, me, entry, publish)
    return undefined
  } catch (err) {
    if (err instanceof ProblemError && err.problem.status === 404)
      return { seenMessage: 'That is not a changed duty of yours: nothing was marked.', status: 404 }
    // A 409 from the check, or the write's guard finding that a publish landed in between.
    if (!(err instanceof ProblemError) && !(err instanceof Error && err.message.includes(STALE_WRITE_MARKER))) throw err
    return { seenMessage: 'That duty changed again since that page: read it as it is now, then press Seen.', status: 409 }
  }
}
