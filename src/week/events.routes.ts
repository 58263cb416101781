import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from './events.js'
import { code, endAfterStart, isoDate, name, peopleNeeded, priority, seatsWithinPeople, skillSeats, timeOfDay } from '../platform/fields.js'

const eventBody = z
  .strictObject({
    code,
    name,
    date: isoDate,
    start: timeOfDay,
    end: timeOfDay,
    peopleNeeded: peopleNeeded.default(1),
    skillSeats: skillSeats.default({}),
    priority: priority.default(3),
  })
  .superRefine(endAfterStart('start', 'end'))
  .superRefine(seatsWithinPeople)

const listQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() })

export const eventRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/events', validate('query', listQuery), async (c) =>
    c.json(await listEvents(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/events', validate('json', eventBody), async (c) =>
    created(c, await createEvent(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/events/:id', async (c) => versioned(c, await getEvent(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/events/:id', validate('json', eventBody), async (c) =>
    versioned(c, await updateEvent(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/events/:id', async (c) => {
    await deleteEvent(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
