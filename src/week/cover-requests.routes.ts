import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createCoverRequest, deleteCoverRequest, getCoverRequest, listCoverRequests, updateCoverRequest } from './cover-requests.js'
import { code, isoDate, peopleNeeded, priority, reference, seatsWithinPeople, skillSeats } from '../platform/fields.js'

const coverBody = z
  .strictObject({
    code,
    date: isoDate,
    slot: reference,
    label: z.string().max(500).nullable().default(null),
    peopleNeeded: peopleNeeded.default(1),
    skillSeats: skillSeats.default({}),
    priority: priority.default(3),
    absenceId: z.string().min(1).nullable().default(null),
  })
  .superRefine(seatsWithinPeople)

const listQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() })

export const coverRequestRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/cover-requests', validate('query', listQuery), async (c) =>
    c.json(await listCoverRequests(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/cover-requests', validate('json', coverBody), async (c) =>
    created(c, await createCoverRequest(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/cover-requests/:id', async (c) =>
    versioned(c, await getCoverRequest(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))),
  )
  .put('/schools/:schoolId/cover-requests/:id', validate('json', coverBody), async (c) =>
    versioned(c, await updateCoverRequest(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/cover-requests/:id', async (c) => {
    await deleteCoverRequest(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
