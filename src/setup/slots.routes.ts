import { Hono } from 'hono'
import { z } from 'zod'
import { SLOT_KINDS } from '../../solver/scenario.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createSlot, deleteSlot, getSlot, listSlots, updateSlot } from './slots.js'
import { code, endAfterStart, timeOfDay, weekday } from '../platform/fields.js'

const slotBody = z
  .strictObject({
    code,
    kind: z.enum(SLOT_KINDS),
    start: timeOfDay,
    end: timeOfDay,
    days: z
      .array(weekday)
      .min(1, 'list at least one day, or leave days out for every day')
      .refine((d) => new Set(d).size === d.length, 'lists a day more than once')
      .nullable()
      .default(null),
  })
  .superRefine(endAfterStart('start', 'end'))

export const slotRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/slots', validate('query', pageQuery), async (c) =>
    c.json(await listSlots(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/slots', validate('json', slotBody), async (c) =>
    created(c, await createSlot(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/slots/:id', async (c) => versioned(c, await getSlot(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/slots/:id', validate('json', slotBody), async (c) =>
    versioned(c, await updateSlot(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/slots/:id', async (c) => {
    await deleteSlot(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
