// Swaps of published assignments (services/swaps.ts): recorded, then approved or declined by
// a manager. Approval changes the published rota and moves the week's version on.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { approveSwap, declineSwap, getSwap, listSwaps, requestSwap } from './swaps.js'
import { code, isoDate, multiLine, reference } from '../platform/fields.js'
import { isMondayDate } from '../scenario/week-dates.js'

const work = z.strictObject({ duty: code, date: isoDate, slot: code.optional() })

const swapBody = z.strictObject({
  from: reference,
  give: work,
  to: reference,
  back: work.optional(),
  note: multiLine(z.string().max(500)).nullable().optional(),
})

export const swapRoutes = new Hono<AppEnv>()
  .get(
    '/schools/:schoolId/weeks/:monday/swaps',
    validate('param', z.object({ schoolId: z.string(), monday: isoDate.refine(isMondayDate, 'must be a Monday') })),
    async (c) => c.json({ items: await listSwaps(c.var.deps.store, c.req.valid('param').schoolId, c.req.valid('param').monday) }),
  )
  .post('/schools/:schoolId/swaps', validate('json', swapBody), async (c) =>
    created(c, await requestSwap(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/swaps/:id', async (c) => versioned(c, await getSwap(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .post('/schools/:schoolId/swaps/:id/approve', async (c) =>
    versioned(c, await approveSwap(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))),
  )
  .post('/schools/:schoolId/swaps/:id/decline', async (c) =>
    versioned(c, await declineSwap(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))),
  )
