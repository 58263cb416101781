import { Hono } from 'hono'
import { z } from 'zod'
import { DUTY_KINDS } from '../../solver/scenario.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
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
  })
  .superRefine(seatsWithinPeople)

export const dutyPostRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/duty-posts', validate('query', pageQuery), async (c) =>
    c.json(await listDutyPosts(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/duty-posts', validate('json', dutyPostBody), async (c) =>
    created(c, await createDutyPost(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/duty-posts/:id', async (c) =>
    versioned(c, await getDutyPost(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))),
  )
  .put('/schools/:schoolId/duty-posts/:id', validate('json', dutyPostBody), async (c) =>
    versioned(c, await updateDutyPost(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/duty-posts/:id', async (c) => {
    await deleteDutyPost(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
