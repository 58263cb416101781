import { z } from 'zod'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
import { ABSENCE_REASONS, deleteAbsence, getAbsence, listAbsences, updateAbsence } from './absences.js'
import { recordAbsence, replanWeeksFor } from './replan.js'
import { bothValid, isoDate, multiLine, reference, timeOfDay } from '../platform/fields.js'

const absenceBody = z
  .strictObject({
    staff: reference,
    startDate: isoDate,
    /** left out: a single day; null: open-ended */
    endDate: isoDate.nullable().optional(),
    startTime: timeOfDay.nullable().default(null),
    endTime: timeOfDay.nullable().default(null),
    reason: z.enum(ABSENCE_REASONS).nullable().default(null),
    detail: multiLine(z.string().max(2000)).nullable().default(null),
  })
  .superRefine((a, ctx) => {
    if (a.endDate != null && bothValid(isoDate, a.startDate, a.endDate) && a.endDate < a.startDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before startDate (${a.startDate})` })
    }
    if ((a.startTime === null) !== (a.endTime === null)) {
      ctx.addIssue({
        code: 'custom',
        path: [a.startTime === null ? 'startTime' : 'endTime'],
        message: 'give both startTime and endTime, or neither for whole days',
      })
    } else if (a.startTime !== null && a.endTime !== null && bothValid(timeOfDay, a.startTime, a.endTime) && a.endTime <= a.startTime) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: `must be after startTime (${a.startTime})` })
    }
  })
  .transform((a) => ({ ...a, endDate: a.endDate === undefined ? a.startDate : a.endDate }))

const listQuery = pageQuery.extend({ staff: z.string().min(1).optional(), from: isoDate.optional(), to: isoDate.optional() })

// Recording or changing an absence re-plans at once every published week it now clashes
// with, so the manager gets the re-plan drafts (each with its per-person diff) in the answer.
export const absenceRoutes = schoolResourceRoutes(
  '/schools/:schoolId/absences',
  { body: absenceBody, query: listQuery },
  {
    list: listAbsences,
    get: getAbsence,
    create: async (ctx, schoolId, input) => {
      const { absence, ...outcome } = await recordAbsence(ctx, schoolId, input)
      return { ...absence, ...outcome }
    },
    update: async (ctx, schoolId, id, input, ifMatch) => {
      const absence = await updateAbsence(ctx, schoolId, id, input, ifMatch)
      return { ...absence, ...(await replanWeeksFor(ctx, schoolId, absence.id)) }
    },
    delete: deleteAbsence,
  },
)
