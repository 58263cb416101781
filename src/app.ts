// The HTTP API, shared by Node (SQLite) and Workers (D1). Nothing here may import a
// Node-only module: the worker bundles this file's whole import graph.
import { Hono } from 'hono'
import { ANONYMOUS, type AppDeps, type AppEnv } from './deps.js'
import { toProblem } from './http/errors.js'
import { limitBodySize, requireJson } from './http/guards.js'
import { ProblemError, problemResponse } from './http/problem.js'
import { newId } from './ids.js'
import { requireSchool } from './routes/require-school.js'
import { absenceRoutes } from './routes/absences.js'
import { calendarRoutes } from './routes/calendar.js'
import { coverRequestRoutes } from './routes/cover-requests.js'
import { dutyPostRoutes } from './routes/duty-posts.js'
import { eventRoutes } from './routes/events.js'
import { gradeRoutes } from './routes/grades.js'
import { organisationRoutes } from './routes/organisations.js'
import { schoolRoutes } from './routes/schools.js'
import { scenarioRoutes } from './routes/scenario.js'
import { slotRoutes } from './routes/slots.js'
import { staffRoutes } from './routes/staff.js'

export function createApp(appDeps: AppDeps) {
  const deps = { store: appDeps.store, clock: appDeps.clock, newId: appDeps.newId ?? newId }
  const app = new Hono<AppEnv>()

  app.use('*', async (c, next) => {
    c.set('deps', deps)
    // Sign-in middleware (a later issue) overrides this with the signed-in person; until then
    // changes are recorded as made by 'anonymous'.
    if (c.get('actor') === undefined) c.set('actor', ANONYMOUS)
    await next()
  })
  app.use('/api/*', limitBodySize, requireJson)
  app.use('/api/schools/:schoolId/*', requireSchool)

  app.get('/', (c) => c.json({ name: 'Duty Rota API', api: '/api', organisations: '/api/organisations', schools: '/api/schools' }))
  app.route('/api', organisationRoutes)
  app.route('/api', schoolRoutes)
  app.route('/api', slotRoutes)
  app.route('/api', calendarRoutes)
  app.route('/api', gradeRoutes)
  app.route('/api', staffRoutes)
  app.route('/api', dutyPostRoutes)
  app.route('/api', absenceRoutes)
  app.route('/api', coverRequestRoutes)
  app.route('/api', eventRoutes)
  app.route('/api', scenarioRoutes)

  app.notFound((c) => problemResponse(new ProblemError('notFound', `nothing at ${c.req.method} ${c.req.path}`).problem))
  app.onError((err) => {
    const problem = toProblem(err)
    if (problem.status >= 500) console.error(err)
    return problemResponse(problem)
  })
  return app
}

export type App = ReturnType<typeof createApp>
