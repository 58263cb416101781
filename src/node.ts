// `npm start`: the API on Node with an embedded SQLite file, migrated and seeded on first start.
import { mkdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { Clock } from '@js-joda/core'
import { migrateSqlite } from '../db/migrate.js'
import { openSqliteStore } from '../db/sqlite.js'
import { createApp, PUBLISH_HOOKS } from './app.js'
import { ConsoleMailer, mailerFromEnv } from './platform/mailer.js'
import { NodeSmtpMailer } from './platform/mailer-node-smtp.js'
import { DEMO_MANAGER, demoManagerLink, ensureDemoSchool } from './scenario/demo.js'
import { newId } from './platform/ids.js'
import { withCompression } from './platform/http/compression.js'
import { deliverDue } from './notifications/outbox.js'
import { vapidFromEnv } from './platform/web-push.js'
import { availableParallelism } from 'node:os'
import { workerPoolRunner } from './jobs/pool-runner.js'
import { JobDispatcher } from './jobs/dispatcher.js'

const DEMO_SCENARIO = join(import.meta.dirname, '..', 'db', 'scenarios', 'primary.json')

const port = Number(process.env.PORT ?? 8787)
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${process.env.PORT}`)
const dataDir = resolve(process.env.DATA_DIR ?? 'data')
mkdirSync(dataDir, { recursive: true })
const dbFile = join(dataDir, 'duty-rota.sqlite')

const store = openSqliteStore(dbFile)
const applied = migrateSqlite(store.sqlite)
if (applied.length > 0) console.log(`Database ${dbFile}: applied ${applied.join(', ')}`)

const clock = Clock.systemUTC()
const demo = await ensureDemoSchool({ store, clock, newId, actor: 'system' }, JSON.parse(readFileSync(DEMO_SCENARIO, 'utf8')))
if (demo?.created) console.log(`Loaded the demo school "${demo.name}" from db/scenarios/primary.json`)

// Sign-in links point here. Behind a proxy or on a real host, set PUBLIC_ORIGIN.
const publicOrigin = (process.env.PUBLIC_ORIGIN ?? `http://localhost:${port}`).replace(/\/+$/, '')
// Per-address sign-in limits: the socket's address, or the proxy's X-Forwarded-For when the
// operator says (TRUST_PROXY=1) that a proxy they control is in front.
const trustProxy = process.env.TRUST_PROXY === '1'
const addressOf = (c: Context) => {
  const forwarded = trustProxy ? c.req.header('x-forwarded-for')?.split(',')[0]?.trim() : undefined
  return forwarded || getConnInfo(c).remote.address
}
// SMTP_URL (and MAIL_FROM) wins, then a mail relay's webhook; with neither, sign-in links are
// printed in this terminal, which is all a laptop trying it out needs (but a relay half set up
// sends nothing rather than print live links into a deployment's logs).
const mailer = mailerFromEnv(process.env, {
  smtp: (config) => new NodeSmtpMailer(config),
  ...(process.env.MAIL_WEBHOOK_URL ? {} : { otherwise: new ConsoleMailer() }),
})

// The demo school's manager, so that a fresh `npm start` can sign in at once.
const demoLink = demo ? await demoManagerLink({ store, clock, newId, actor: 'system' }, demo.schoolId, publicOrigin) : undefined

// Web Push to staff phones, when the operator configured keys (npm run admin -- vapid-keys).
const vapid = vapidFromEnv(process.env)
// Solves run in worker threads, one core left for answering requests, so a big week of one
// school never holds up another school's pages (src/jobs/runner.ts).
const solveThreads = Math.max(1, availableParallelism() - 1)
const solveRunner = workerPoolRunner(join(import.meta.dirname, '..', 'dist', 'solve-worker.mjs'), solveThreads)
// Generates are stored jobs run here in the background; what a previous run left running is
// queued again first (src/jobs/dispatcher.ts).
const jobs = new JobDispatcher({ store, clock, newId, publishHooks: PUBLISH_HOOKS, solveRunner, ...(vapid ? { vapid } : {}) })
const resumed = await jobs.resume()
if (resumed > 0) console.log(`Resumed ${resumed} generate${resumed === 1 ? '' : 's'} left running when the service last stopped`)
const app = createApp({ store, clock, newId, mailer, publicOrigin, addressOf, solveRunner, jobs, ...(vapid ? { vapid } : {}) })
// Node answers the browser directly, so it compresses; the Worker leaves that to Cloudflare.
const server = serve({ fetch: withCompression(app).fetch, port }, (info) => {
  const url = `http://localhost:${info.port}`
  console.log(`Duty Rota is running: the manager's pages are at ${url}/manage (sign in first)`)
  if (demoLink) console.log(`Sign in as the demo manager (${DEMO_MANAGER.email}) with this link; it works once, within 15 minutes:\n  ${demoLink}`)
  if (demo) console.log(`Demo school's API: ${url}/api/schools/${demo.schoolId}  (formats: ${url}/api/schemas/scenario.json)`)
  console.log('Press Ctrl+C to stop.')
})

// The outbox (src/notifications) is delivered away from any request, so a slow or failing mail
// server never holds up a publish; one run at a time.
let delivering = false
const outboxTimer = setInterval(() => {
  if (delivering) return
  delivering = true
  deliverDue({ store, clock, newId, ...(vapid ? { vapid } : {}) }, mailer, publicOrigin)
    .catch((err: unknown) => console.error('[outbox] delivery run failed:', err))
    .finally(() => {
      delivering = false
    })
}, 15_000)
outboxTimer.unref()

function shutdown(signal: string) {
  console.log(`\n${signal}: stopping`)
  server.close(() => {
    void solveRunner
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
  })
  // Keep-alive connections can hold close() open; do not hang the terminal over them.
  setTimeout(() => process.exit(0), 3000).unref()
}
process.on('SIGINT', () => shutdown('SIGINT'))
process.on('SIGTERM', () => shutdown('SIGTERM'))
