// Re-planning around an absence (services/replan.ts): every week whose published rota the
// absence clashes with gets a re-plan draft, with its per-person diff, for the manager to
// review and publish. For an absence recorded or changed through /absences. A week too big to
// wait for comes back as its job (202 when any did), as a generate does.
import { Hono } from 'hono'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { replanForAbsence } from './replan.js'

export const absenceReplanRoutes = new Hono<AppEnv>().post('/schools/:schoolId/absences/:id/replan', async (c) => {
  const made = await replanForAbsence(writeContext(c), c.req.param('schoolId'), c.req.param('id'))
  return c.json(made, made.jobs.length > 0 ? 202 : 200)
})
