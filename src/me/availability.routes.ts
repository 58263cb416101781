// The forms of "When you cannot do duties" and "Duties you would rather do, or not" on /me.
// A success redirects back to /me (303) with a message; a refusal answers the page again with
// each bad field named beside it, what was typed kept, and nothing written.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import type { AuthEnv } from '../auth/authorise.js'
import { writeContext } from '../platform/http/context.js'
import { parseForm } from '../platform/http/forms.js'
import { ProblemError } from '../platform/http/problem.js'
import { markUnavailable, withdrawUnavailability } from '../leave/unavailability.js'
import { savePreferences } from '../leave/preferences.js'
import { AVAILABILITY_ACTIONS } from './availability-panel.js'
import { formOf, privatePage, renderMeSignedOutPage, show, staffOf } from './page-answer.js'

/** What /me may say after these forms; keys only, so no text can be injected through the URL. */
const FLASH: Record<string, string> = {
  asked: 'Asked: your manager sees it and answers it here.',
  withdrawn: 'Withdrawn: nothing changes.',
  saved: 'Saved: the next rota generated follows them where it can.',
}
export const availabilityFlash = (key: string | undefined) => (key !== undefined && Object.hasOwn(FLASH, key) ? FLASH[key] : undefined)

/** Field errors by the form field they belong to ("prefer[2]" is the prefer boxes). */
const errorsOf = (err: ProblemError) => Object.fromEntries((err.problem.errors ?? []).map((e) => [(e.path ?? '').replace(/[[.].*$/, ''), e.message]))

const blankAsNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v)

const limit = bodyLimit({
  maxSize: 8 * 1024,
  onError: () => {
    throw new ProblemError('payloadTooLarge', 'a form of more than 8 KiB')
  },
})

export const availabilityRoutes = new Hono<AuthEnv>()
  .use('/me/unavailability', limit)
  .use('/me/unavailability/*', limit)
  .use(AVAILABILITY_ACTIONS.preferences, limit)
  .post(AVAILABILITY_ACTIONS.mark, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const form = await formOf(c)
    const repeat = form.repeat === 'once' ? 'once' : 'weekly'
    try {
      await markUnavailable(writeContext(c), me.schoolId, me.staffId, {
        repeat: form.repeat,
        day: blankAsNull(form.day),
        slot: blankAsNull(form.slot),
        date: blankAsNull(form.date),
        start: blankAsNull(form.start),
        end: blankAsNull(form.end),
        note: blankAsNull(form.note),
        staff: blankAsNull(form.staff),
      })
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      return show(c, me, { availability: { form: repeat, typed: form, errors: errorsOf(err) }, status: 400 })
    }
    return c.redirect('/me?availability=asked#availability', 303)
  })
  .post('/me/unavailability/:id/withdraw', async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    try {
      await withdrawUnavailability(writeContext(c), me.schoolId, me.staffId, c.req.param('id'))
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      const missing = err.problem.status === 404
      const message = missing ? 'That is not one of yours.' : 'A manager has already answered that.'
      return show(c, me, { availability: { message }, status: missing ? 404 : 409 })
    }
    return c.redirect('/me?availability=withdrawn#availability', 303)
  })
  .post(AVAILABILITY_ACTIONS.preferences, async (c) => {
    const me = staffOf(c)
    privatePage(c)
    if (!me) return c.html(await renderMeSignedOutPage(), 401)
    const body = /^application\/x-www-form-urlencoded/i.test(c.req.header('content-type') ?? '') ? await parseForm(c, { all: true }) : {}
    const list = (name: string) => [body[name]].flat().filter((v): v is string => typeof v === 'string')
    const typedPreferences = { prefer: list('prefer'), avoid: list('avoid') }
    const version = [body.version].flat()[0]
    const staff = [body.staff].flat()[0]
    try {
      await savePreferences(writeContext(c), me.schoolId, me.staffId, {
        ...typedPreferences,
        version: typeof version === 'string' && /^\d+$/.test(version) ? Number(version) : -1,
        ...(typeof staff === 'string' ? { staff } : {}),
      })
    } catch (err) {
      if (!(err instanceof ProblemError)) throw err
      if (err.problem.status === 412)
        return show(c, me, {
          availability: { form: 'preferences', message: 'Your preferences were changed meanwhile: here they are as they stand now.' },
          status: 412,
        })
      return show(c, me, { availability: { form: 'preferences', errors: errorsOf(err), typedPreferences }, status: 400 })
    }
    return c.redirect('/me?availability=saved#preferences', 303)
  })
