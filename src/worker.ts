// Cloudflare Workers entry: the same app over D1. Migrations are applied by wrangler
// (`wrangler d1 migrations apply DB`), never at request time.
import type { D1Database, ExecutionContext } from '@cloudflare/workers-types'
import { Clock } from '@js-joda/core'
import { openD1Store } from '../db/d1.js'
import { createApp, type App } from './app.js'
import { mailerFromEnv, type MailerEnv } from './platform/mailer.js'
import { WorkerSmtpMailer } from './platform/mailer-worker-smtp.js'

export interface Env extends MailerEnv {
  DB: D1Database
  /** where sign-in links point; unset, the request's own origin (the host Cloudflare routed) */
  PUBLIC_ORIGIN?: string
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
      mailer: mailerFromEnv(env, { smtp: (config) => new WorkerSmtpMailer(config) }),
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
}
