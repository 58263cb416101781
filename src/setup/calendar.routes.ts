import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import {
  createCalendarPeriod,
  createClosure,
  deleteCalendarPeriod,
  deleteClosure,
  getCalendarPeriod,
  getClosure,
  listCalendarPeriods,
  listClosures,
  updateCalendarPeriod,
  updateClosure,
} from './calendar.js'
import { bothValid, isoDate, name } from '../platform/fields.js'

const periodBody = z
  .strictObject({ kind: z.enum(['term', 'half_term']), name, startDate: isoDate, endDate: isoDate })
  .superRefine((p, ctx) => {
    if (bothValid(isoDate, p.startDate, p.endDate) && p.endDate < p.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before startDate (${p.startDate})` })
  })

const closureBody = z.strictObject({ date: isoDate, kind: z.enum(['inset', 'bank_holiday', 'other']), name })

export const calendarRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/calendar-periods', validate('query', pageQuery), async (c) =>
    c.json(await listCalendarPeriods(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/calendar-periods', validate('json', periodBody), async (c) =>
    created(c, await createCalendarPeriod(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/calendar-periods/:id', async (c) =>
    versioned(c, await getCalendarPeriod(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))),
  )
  .put('/schools/:schoolId/calendar-periods/:id', validate('json', periodBody), async (c) =>
    versioned(c, await updateCalendarPeriod(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/calendar-periods/:id', async (c) => {
    await deleteCalendarPeriod(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
  .get('/schools/:schoolId/closures', validate('query', pageQuery), async (c) =>
    c.json(await listClosures(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/closures', validate('json', closureBody), async (c) =>
    created(c, await createClosure(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/closures/:id', async (c) => versioned(c, await getClosure(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/closures/:id', validate('json', closureBody), async (c) =>
    versioned(c, await updateClosure(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/closures/:id', async (c) => {
    await deleteClosure(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
