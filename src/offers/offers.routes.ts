// Open cover over JSON, on the same use cases as the week's Open cover page and the phone's
// "Cover you could take": a manager lists, offers (one seat of a day, or every empty seat of
// it) and withdraws; a member of staff sees what the rules let them take and accepts it, the
// first to accept getting the place.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AuthEnv } from '../auth/authorise.js'
import { requireStaff } from '../auth/staff-caller.js'
import { code, isoDate } from '../platform/fields.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { ProblemError, type Problem } from '../platform/http/problem.js'
import { versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { acceptOffer, getOffer, offerOnDay, offersFor, pageOffers, withdrawOffer, type CoverOffer } from './offers.js'

const listQuery = pageQuery.extend({
  week: isoDate.refine(isMondayDate, 'must be a Monday').optional(),
  status: z.enum(['open', 'taken', 'withdrawn']).optional(),
})

const offerBody = z
  .strictObject({
    date: isoDate,
    /** left out: every empty seat of the day */
    work: code.optional(),
    /** the seat's slot; null or left out for an event */
    slot: code.nullable().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.work === undefined && b.slot !== undefined)
      ctx.addIssue({ code: 'custom', path: ['slot'], message: 'name the work of the seat too, or leave both out to offer every empty seat of the day' })
  })

const PROBLEMS = 'https://duty-rota.dev/problems/'

/** The two ways an accept is refused, each with a type a phone app can switch on. */
class CoverRefused extends ProblemError {
  override readonly problem: Problem
  constructor(kind: 'cover-taken' | 'cover-not-allowed', title: string, detail: string) {
    super('conflict', detail)
    this.problem = { type: `${PROBLEMS}${kind}`, title, status: 409, detail }
  }
}

/** Who else took a place is between them and the manager. */
const forStaff = <T extends CoverOffer>({ takenBy: _, ...offer }: T) => offer

export const offerRoutes = new Hono<AuthEnv>()
  .get('/schools/:schoolId/offers', validate('query', listQuery), async (c) =>
    c.json(await pageOffers(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/offers', validate('json', offerBody), async (c) => {
    const { date, work, slot } = c.req.valid('json')
    const items = await offerOnDay(writeContext(c), c.req.param('schoolId'), date, work === undefined ? undefined : { work, slot: slot ?? null })
    return c.json({ items }, 201)
  })
  .get('/schools/:schoolId/offers/:offerId', async (c) => versioned(c, await getOffer(c.var.deps.store, c.req.param('schoolId'), c.req.param('offerId'))))
  .delete('/schools/:schoolId/offers/:offerId', async (c) =>
    versioned(c, await withdrawOffer(writeContext(c), c.req.param('schoolId'), c.req.param('offerId'), c.req.header('if-match'))),
  )

  // The member of staff behind the session: only their own school's offers, judged for them.
  .get('/me/offers', async (c) => {
    const me = requireStaff(c)
    return c.json({ items: (await offersFor(c.var.deps, me.schoolId, me.staffId)).map(forStaff) })
  })
  .post('/me/offers/:offerId/accept', async (c) => {
    const me = requireStaff(c)
    const outcome = await acceptOffer(writeContext(c), me.schoolId, me.staffId, c.req.param('offerId'))
    if (outcome.kind === 'gone') throw new CoverRefused('cover-taken', 'Already taken', 'someone else accepted this cover first, or it was withdrawn')
    if (outcome.kind === 'refused') throw new CoverRefused('cover-not-allowed', 'The rules do not let you take this cover', outcome.reason)
    return versioned(c, forStaff(outcome.offer))
  })
