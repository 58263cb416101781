// A generate's job: where it stands (queued with how many ahead, running, done with its draft,
// failed with the reason), and cancelling one that has not started.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { validate } from '../platform/http/validate.js'
import { cancelJob, getJob } from './jobs.js'

const jobParams = z.object({ schoolId: z.string().min(1), id: z.string().min(1).max(100) })

export const jobRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/jobs/:id', validate('param', jobParams), async (c) => {
    const { schoolId, id } = c.req.valid('param')
    return c.json(await getJob(c.var.deps.store, schoolId, id))
  })
  .delete('/schools/:schoolId/jobs/:id', validate('param', jobParams), async (c) => {
    const { schoolId, id } = c.req.valid('param')
    return c.json(await cancelJob(writeContext(c), schoolId, id))
  })
