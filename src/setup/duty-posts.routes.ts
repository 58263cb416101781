import { z } from 'zod'
import { DUTY_KINDS } from '../../solver/scenario.js'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
import { createDutyPost, deleteDutyPost, getDutyPost, listDutyPosts, updateDutyPost } from './duty-posts.js'
import { code, name, peopleNeeded, priority, reference, seatsWithinPeople, skillSeats, weekday } from '../platform/fields.js'

const distinct = <T>(list: T[]) => new Set(list).size === list.length

const dutyPostBody = z
  .strictObject({
    code,
    name,
    kind: z.enum(DUTY_KINDS),
    slots: z.array(reference).min(1, 'list at least one slot').refine(distinct, 'lists a slot more than once'),
    days: z.array(weekday).min(1, 'list at least one day').refine(distinct, 'lists a day more than once'),
    peopleNeeded,
    skillSeats: skillSeats.default({}),
    priority: priority.default(3),
    // null: a post that runs whatever the weather; left out, an update keeps what is saved
    wetWeatherFor: reference.nullable().optional(),
  })
  .superRefine(seatsWithinPeople)

export const dutyPostRoutes = schoolResourceRoutes(
  '/schools/:schoolId/duty-posts',
  { body: dutyPostBody, query: pageQuery },
  { list: listDutyPosts, get: getDutyPost, create: createDutyPost, update: updateDutyPost, delete: deleteDutyPost },
)
