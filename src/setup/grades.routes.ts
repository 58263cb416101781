import { Hono } from 'hono'
import { z } from 'zod'
import { WORK_KINDS } from '../../solver/scenario.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createGrade, deleteGrade, getGrade, listGrades, updateGrade } from './grades.js'
import { code, name } from '../platform/fields.js'

const gradeBody = z.strictObject({
  code,
  name,
  dutyKinds: z
    .array(z.enum(WORK_KINDS))
    .refine((kinds) => new Set(kinds).size === kinds.length, 'lists a kind more than once'),
})

export const gradeRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/grades', validate('query', pageQuery), async (c) =>
    c.json(await listGrades(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/grades', validate('json', gradeBody), async (c) =>
    created(c, await createGrade(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/grades/:id', async (c) => versioned(c, await getGrade(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/grades/:id', validate('json', gradeBody), async (c) =>
    versioned(c, await updateGrade(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/grades/:id', async (c) => {
    await deleteGrade(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
