// Cloudflare Workers entry: the same app over D1. Migrations are applied by wrangler
// (`wrangler d1 migrations apply DB`), never at request time.
import type { D1Database, ExecutionContext, ScheduledController } from '@cloudflare/workers-types'
import { Clock } from '@js-joda/core'
import { openD1Store } from '../db/d1.js'
import { createApp, type App } from './app.js'
import { mailerFromEnv, type MailerEnv } from './platform/mailer.js'
import { deliverDue } from './notifications/outbox.js'
import { vapidFromEnv, type VapidEnv, type VapidKeys } from './platform/web-push.js'
import { newId } from './platform/ids.js'
import { WorkerSmtpMailer } from './platform/mailer-worker-smtp.js'

export interface Env extends MailerEnv, VapidEnv {
  DB: D1Database
  /** where sign-in links point; unset, the request's own origin (the host Cloudflare routed) */
  PUBLIC_ORIGIN?: string
}

/** The Worker's mailer: SMTP over its TCP sockets when SMTP_URL is set, else as mailerFromEnv says. */
const workerMailer = (env: Env) => mailerFromEnv(env, { smtp: (config) => new WorkerSmtpMailer(config) })

function vapidOf(env: Env): { vapid?: VapidKeys } {
  const vapid = vapidFromEnv(env)
  return vapid ? { vapid } : {}
}

// One app per D1 binding object: the isolate reuses it across requests instead of rebuilding
// the router every time.
const apps = new WeakMap<D1Database, App>()

function appFor(env: Env): App {
  let app = apps.get(env.DB)
  if (!app) {
    app = createApp({
      store: openD1Store(env.DB),
      clock: Clock.systemUTC(),
      mailer: workerMailer(env),
      ...vapidOf(env),
      ...(env.PUBLIC_ORIGIN ? { publicOrigin: env.PUBLIC_ORIGIN } : {}),
    })
    apps.set(env.DB, app)
  }
  return app
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(env).fetch(request, env, ctx)
  },
  // The Cron Trigger in wrangler.toml: delivers the outbox (src/notifications) once a minute,
  // away from any request, as the timer in src/node.ts does on Node.
  scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): void {
    ctx.waitUntil(deliverDue({ store: openD1Store(env.DB), clock: Clock.systemUTC(), newId }, mailerFromEnv(env), env.PUBLIC_ORIGIN).then(() => undefined))
  },
}
