import { z } from 'zod'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
import { createCoverRequest, deleteCoverRequest, getCoverRequest, listCoverRequests, updateCoverRequest } from './cover-requests.js'
import { code, isoDate, oneLine, peopleNeeded, priority, reference, seatsWithinPeople, skillSeats } from '../platform/fields.js'

const coverBody = z
  .strictObject({
    code,
    date: isoDate,
    slot: reference,
    label: oneLine(z.string().max(500)).nullable().default(null),
    peopleNeeded: peopleNeeded.default(1),
    skillSeats: skillSeats.default({}),
    priority: priority.default(3),
    absenceId: z.string().min(1).nullable().default(null),
  })
  .superRefine(seatsWithinPeople)

const listQuery = pageQuery.extend({ from: isoDate.optional(), to: isoDate.optional() })

export const coverRequestRoutes = schoolResourceRoutes(
  '/schools/:schoolId/cover-requests',
  { body: coverBody, query: listQuery },
  { list: listCoverRequests, get: getCoverRequest, create: createCoverRequest, update: updateCoverRequest, delete: deleteCoverRequest },
)
