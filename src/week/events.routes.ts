import { z } from 'zod'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
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

export const eventRoutes = schoolResourceRoutes(
  '/schools/:schoolId/events',
  { body: eventBody, query: listQuery },
  { list: listEvents, get: getEvent, create: createEvent, update: updateEvent, delete: deleteEvent },
)
