// The forms of "Report an absence" and the Seen buttons on /me. A success redirects back to /me
// (303) with a message; a refusal answers the page again with what was wrong and nothing written.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AuthEnv } from '../auth/authorise.js'
import { writeContext } from '../platform/http/context.js'
import { ProblemError } from '../platform/http/problem.js'
import { todayAtSchool } from '../platform/school-today.js'
import { reportAbsence, reportOfForm } from '../leave/absence-reports.js'
import { ABSENCE_ACTION } from './absence-panel.js'
import { SEEN_ACTION, TO_SEE_ANCHOR } from './seen-panel.js'
import { seenFromForm } from './seen-form.js'
import { formOf, privatePage, renderMeSignedOutPage, show, staffOf } from './page-answer.js'

export const absenceFlash = (key: string | undefined) =>
  key === 'reported' ? 'Reported: your managers are told, and whoever covers you sees your note with the duty.' : undefined

export const seenFlash = (key: string | undefined) => (key === 'done' ? 'Marked as seen: the office can see you have read it.' : undefined)

const seenLimit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new ProblemError('payloadTooLarge', 'a Seen form of more than 8 KiB')
  },
})

export const reportRoutes = new Hono<AuthEnv>()
  // Report my own absence. The form's note may be 2,000 characters of any script, so its limit
  // is wider than a swap's; the person is always the session's own, whatever the form says.
  .use(
    ABSENCE_ACTION,
    bodyLimit({
      maxSize: 64 * 1024,
      onError: () => {
        throw new ProblemError('payloadTooLarge', 'an absence form of more than 64 KiB')
      },
    }),
  )
  .post(ABSENCE_ACTION, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form = await formOf(c)
    const ctx = writeContext(c)
    try {
      await reportAbsence(ctx, me.schoolId, me.staffId, reportOfForm(form, await todayAtSchool(ctx.store, ctx.clock, me.schoolId)))
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      const errors = Object.fromEntries((err.problem.errors ?? []).map((e) => [e.path, e.message]))
      const status = err.problem.status === 403 ? 403 : 400
      const message = status === 403 ? 'You can report only your own absence: nothing was recorded.' : undefined
      return show(c, me, { absence: { typed: form, errors, message }, status })
    }
    return c.redirect('/me?absence=reported#absence', 303)
  })

  // "Seen": the person has read a re-plan's change of one of their duties (notifications/receipts.ts).
  .use(SEEN_ACTION, seenLimit)
  .post(SEEN_ACTION, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const refused = await seenFromForm(writeContext(c), me, await formOf(c))
    if (refused) return show(c, me, refused)
    return c.redirect(`/me?seen=done#${TO_SEE_ANCHOR}`, 303)
  })
