import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { deleteAbsence, getAbsence, listAbsences, updateAbsence } from './absences.js'
import { recordAbsence, replanWeeksFor } from './replan.js'
import { bothValid, isoDate, reference, timeOfDay } from '../platform/fields.js'

const REASONS = ['sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other'] as const

const absenceBody = z
  .strictObject({
    staff: reference,
    startDate: isoDate,
    /** left out: a single day; null: open-ended */
    endDate: isoDate.nullable().optional(),
    startTime: timeOfDay.nullable().default(null),
    endTime: timeOfDay.nullable().default(null),
    reason: z.enum(REASONS).nullable().default(null),
    detail: z.string().max(2000).nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.endDate != null && bothValid(isoDate, a.startDate, a.endDate) && a.endDate < a.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before startDate (${a.startDate})` })
    }
    if ((a.startTime === null) !== (a.endTime === null)) {
      ctx.addIssue({ code: 'custom', path: [a.startTime === null ? 'startTime' : 'endTime'], message: 'give both startTime and endTime, or neither for whole days' })
    } else if (a.startTime !== null && a.endTime !== null && bothValid(timeOfDay, a.startTime, a.endTime) && a.endTime <= a.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: `must be after startTime (${a.startTime})` })
    }
  })
  .transform((a) => ({ ...a, endDate: a.endDate === undefined ? a.startDate : a.endDate }))

const listQuery = pageQuery.extend({ staff: z.string().min(1).optional(), from: isoDate.optional(), to: isoDate.optional() })

export const absenceRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/absences', validate('query', listQuery), async (c) =>
    c.json(await listAbsences(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  // Recording or changing an absence re-plans at once every published week it now clashes
  // with, so the manager gets the re-plan drafts (each with its per-person diff) in the answer.
  .post('/schools/:schoolId/absences', validate('json', absenceBody), async (c) => {
    const { absence, ...outcome } = await recordAbsence(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))
    return created(c, { ...absence, ...outcome })
  })
  .get('/schools/:schoolId/absences/:id', async (c) => versioned(c, await getAbsence(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/absences/:id', validate('json', absenceBody), async (c) => {
    const ctx = writeContext(c)
    const schoolId = c.req.param('schoolId')
    const absence = await updateAbsence(ctx, schoolId, c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))
    return versioned(c, { ...absence, ...(await replanWeeksFor(ctx, schoolId, absence.id)) })
  })
  .delete('/schools/:schoolId/absences/:id', async (c) => {
    await deleteAbsence(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
