// The HTTP API, shared by Node (SQLite) and Workers (D1). Nothing here may import a
// Node-only module: the worker bundles this file's whole import graph.
import { Hono } from 'hono'
import type { AuthDeps } from './platform/deps.js'
import { securityHeaders } from './auth/headers.js'
import { DisabledMailer } from './platform/mailer.js'
import { mountAuth } from './auth/mount.js'
import { STAFF_MAY } from './auth/staff-policy.js'
import { ANONYMOUS, type AppDeps, type AppEnv, type Deps, type PublishHook } from './platform/deps.js'
import { toProblem } from './platform/http/errors.js'
import { limitBodySize, requireJson } from './platform/http/guards.js'
import { ProblemError, problemResponse } from './platform/http/problem.js'
import { newId } from './platform/ids.js'
import { absenceReplanRoutes } from './week/replan.routes.js'
import { absenceRoutes } from './week/absences.routes.js'
import { calendarRoutes } from './setup/calendar.routes.js'
import { coverRequestRoutes } from './week/cover-requests.routes.js'
import { dutyPostRoutes } from './setup/duty-posts.routes.js'
import { eventRoutes } from './week/events.routes.js'
import { feedAdminRoutes, feedRoutes } from './calendar/feeds.routes.js'
import { calendarOnPublish } from './calendar/publish-record.js'
import { homeRoutes } from './home/home.routes.js'
import { gradeRoutes } from './setup/grades.routes.js'
import { managerRoutes } from './manager/manager.routes.js'
import { meRoutes } from './me/me.routes.js'
import { organisationRoutes } from './schools/organisations.routes.js'
import { reportRoutes } from './ledgers/reports.routes.js'
import { schoolRoutes } from './schools/schools.routes.js'
import { scenarioRoutes } from './scenario/scenario.routes.js'
import { schoolManagerRoutes } from './auth/school-managers.routes.js'
import { slotRoutes } from './setup/slots.routes.js'
import { staffRoutes } from './setup/staff.routes.js'
import { swapRoutes } from './swaps/swaps.routes.js'
import { offerRoutes } from './offers/offers.routes.js'
import { leaveRoutes } from './leave/leave.routes.js'
import { supplyRoutes } from './supply/supply.routes.js'
import { weekRoutes } from './week/week.routes.js'
import { gapRoutes } from './week/gaps.routes.js'
import { wetDayRoutes } from './week/wet-days.routes.js'
import { jobRoutes } from './jobs/jobs.routes.js'
import { notifyOnPublish } from './notifications/on-publish.js'

/**
 * What every publish, swap approval and accepted cover also writes, in the same write: the
 * calendar's snapshot, and a message to each person whose duties changed.
 */
export const PUBLISH_HOOKS: readonly PublishHook[] = [calendarOnPublish, notifyOnPublish]

export function createApp(appDeps: AppDeps) {
  const deps: Deps = {
    store: appDeps.store,
    clock: appDeps.clock,
    newId: appDeps.newId ?? newId,
    publishHooks: appDeps.publishHooks ?? PUBLISH_HOOKS,
    ...(appDeps.vapid ? { vapid: appDeps.vapid } : {}),
    ...(appDeps.solveRunner ? { solveRunner: appDeps.solveRunner } : {}),
    ...(appDeps.jobs ? { jobs: appDeps.jobs } : {}),
  }
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

  // The bare address: a page saying where to go (JSON for a script that asks), and the icon.
  app.route('/', homeRoutes)
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
  app.route('/api', gapRoutes)
  app.route('/api', jobRoutes)
  app.route('/api', absenceReplanRoutes)
  app.route('/api', wetDayRoutes)
  app.route('/api', swapRoutes)
  // Open cover and leave: a manager's side under the school, a member of staff's under /api/me.
  app.route('/api', offerRoutes)
  app.route('/api', leaveRoutes)
  app.route('/api', supplyRoutes)
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
