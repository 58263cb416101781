// The HTTP API, shared by Node (SQLite) and Workers (D1). Nothing here may import a
// Node-only module: the worker bundles this file's whole import graph.
import { Hono } from 'hono'
import type { AuthDeps } from './auth/deps.js'
import { securityHeaders } from './auth/headers.js'
import { DisabledMailer } from './auth/mailer.js'
import { mountAuth } from './auth/mount.js'
import { STAFF_MAY } from './auth/staff-policy.js'
import { ANONYMOUS, type AppDeps, type AppEnv, type Deps } from './deps.js'
import { toProblem } from './http/errors.js'
import { limitBodySize, requireJson } from './http/guards.js'
import { ProblemError, problemResponse } from './http/problem.js'
import { newId } from './ids.js'
import { absenceReplanRoutes } from './routes/absence-replans.js'
import { absenceRoutes } from './routes/absences.js'
import { calendarRoutes } from './routes/calendar.js'
import { coverRequestRoutes } from './routes/cover-requests.js'
import { dutyPostRoutes } from './routes/duty-posts.js'
import { eventRoutes } from './routes/events.js'
import { feedAdminRoutes, feedRoutes } from './routes/feeds.js'
import { gradeRoutes } from './routes/grades.js'
import { managerRoutes } from './routes/manager.js'
import { meRoutes } from './routes/me.js'
import { organisationRoutes } from './routes/organisations.js'
import { reportRoutes } from './routes/reports.js'
import { schoolRoutes } from './routes/schools.js'
import { scenarioRoutes } from './routes/scenario.js'
import { schoolManagerRoutes } from './routes/school-managers.js'
import { slotRoutes } from './routes/slots.js'
import { staffRoutes } from './routes/staff.js'
import { swapRoutes } from './routes/swaps.js'
import { weekRoutes } from './routes/week.js'

export function createApp(appDeps: AppDeps) {
  const deps: Deps = { store: appDeps.store, clock: appDeps.clock, newId: appDeps.newId ?? newId }
  const authDeps: AuthDeps = {
    ...deps,
    mailer: appDeps.mailer ?? new DisabledMailer(),
    ...(appDeps.publicOrigin === undefined ? {} : { publicOrigin: appDeps.publicOrigin }),
    ...(appDeps.rateLimits === undefined ? {} : { rateLimits: appDeps.rateLimits }),
    ...(appDeps.addressOf === undefined ? {} : { addressOf: appDeps.addressOf }),
  }
  const app = new Hono<AppEnv>()

  // First, so that every answer (errors and 404s included) carries the security headers.
  app.use('*', securityHeaders())
  app.use('*', async (c, next) => {
    c.set('deps', deps)
    c.set('actor', ANONYMOUS)
    await next()
  })
  app.use('/api/*', limitBodySize, requireJson)
  // Sign-in, CSRF and per-school access, before any route (Hono runs middleware in order).
  // Every /api path needs a signed-in caller except the published JSON Schemas.
  mountAuth(app, authDeps, { staffMay: STAFF_MAY, publicApi: (method, path) => method === 'GET' && path.startsWith('/api/schemas/') })

  app.get('/', (c) => c.json({ name: 'Duty Rota API', api: '/api', organisations: '/api/organisations', schools: '/api/schools' }))
  app.route('/api', organisationRoutes)
  app.route('/api', schoolRoutes)
  app.route('/api', schoolManagerRoutes)
  app.route('/api', slotRoutes)
  app.route('/api', calendarRoutes)
  app.route('/api', gradeRoutes)
  app.route('/api', staffRoutes)
  app.route('/api', dutyPostRoutes)
  app.route('/api', absenceRoutes)
  app.route('/api', coverRequestRoutes)
  app.route('/api', eventRoutes)
  app.route('/api', scenarioRoutes)
  // The week's loop: generate, publish, re-plans, swaps, and the ledgers.
  app.route('/api', weekRoutes)
  app.route('/api', absenceReplanRoutes)
  app.route('/api', swapRoutes)
  app.route('/api', reportRoutes)

  // Staff on their phones and in their calendars: the /me page a personal link lands on, the
  // secret-URL feeds calendar apps poll, and the feeds managers issue under /api.
  app.route('/', meRoutes)
  app.route('/', feedRoutes)
  app.route('/api', feedAdminRoutes)

  // The business manager's pages: the same services, server-rendered, behind the same sign-in.
  app.route('/', managerRoutes({ publicOrigin: appDeps.publicOrigin }))

  app.notFound((c) => problemResponse(new ProblemError('notFound', `nothing at ${c.req.method} ${c.req.path}`).problem))
  app.onError((err) => {
    const problem = toProblem(err)
    if (problem.status >= 500) console.error(err)
    return problemResponse(problem)
  })
  return app
}

export type App = ReturnType<typeof createApp>
