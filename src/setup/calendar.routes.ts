import { z } from 'zod'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
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

const periodBody = z.strictObject({ kind: z.enum(['term', 'half_term']), name, startDate: isoDate, endDate: isoDate }).superRefine((p, ctx) => {
  if (bothValid(isoDate, p.startDate, p.endDate) && p.endDate < p.startDate)
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before startDate (${p.startDate})` })
})

const closureBody = z.strictObject({ date: isoDate, kind: z.enum(['inset', 'bank_holiday', 'other']), name })

// Term dates and closures are two resources on one router: both say when the school is open.
export const calendarRoutes = schoolResourceRoutes(
  '/schools/:schoolId/calendar-periods',
  { body: periodBody, query: pageQuery },
  { list: listCalendarPeriods, get: getCalendarPeriod, create: createCalendarPeriod, update: updateCalendarPeriod, delete: deleteCalendarPeriod },
).route(
  '/',
  schoolResourceRoutes(
    '/schools/:schoolId/closures',
    { body: closureBody, query: pageQuery },
    { list: listClosures, get: getClosure, create: createClosure, update: updateClosure, delete: deleteClosure },
  ),
)
