import { z } from 'zod'
import { SLOT_KINDS } from '../../solver/scenario.js'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
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

export const slotRoutes = schoolResourceRoutes(
  '/schools/:schoolId/slots',
  { body: slotBody, query: pageQuery },
  { list: listSlots, get: getSlot, create: createSlot, update: updateSlot, delete: deleteSlot },
)
