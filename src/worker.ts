// Cloudflare Workers entry: the same app over D1. Migrations are applied by wrangler
// (`wrangler d1 migrations apply DB`), never at request time.
import type { D1Database, ExecutionContext, MessageBatch, Queue, ScheduledController } from '@cloudflare/workers-types'
import { Clock } from '@js-joda/core'
import { openD1Store } from '../db/d1.js'
import { createApp, PUBLISH_HOOKS, type App } from './app.js'
import { mailerFromEnv, type MailerEnv } from './platform/mailer.js'
import { deliverDue } from './notifications/outbox.js'
import { vapidFromEnv, type VapidEnv, type VapidKeys } from './platform/web-push.js'
import { newId } from './platform/ids.js'
import { WorkerSmtpMailer } from './platform/mailer-worker-smtp.js'
import type { Deps } from './platform/deps.js'
import { consumeJob, jobMessage, QueueJobs, type JobMessage, type SendJob } from './jobs/queue-jobs.js'

export interface Env extends MailerEnv, VapidEnv {
  DB: D1Database
  /** where sign-in links point; unset, the request's own origin (the host Cloudflare routed) */
  PUBLIC_ORIGIN?: string
  /** the generate jobs queue (wrangler.toml); unset, every generate solves in its request */
  JOBS?: Queue<JobMessage>
  /** staff at or above which a generate goes to JOBS and answers 202 (default 250) */
  BACKGROUND_FROM_STAFF?: string
}

/** The Worker's mailer: SMTP over its TCP sockets when SMTP_URL is set, else as mailerFromEnv says. */
const workerMailer = (env: Env) => mailerFromEnv(env, { smtp: (config) => new WorkerSmtpMailer(config) })

function vapidOf(env: Env): { vapid?: VapidKeys } {
  const vapid = vapidFromEnv(env)
  return vapid ? { vapid } : {}
}

/** A message left for later comes again after this long, unless the job before it sends it sooner. */
const RETRY_SECONDS = 30

/** What the jobs run with, in the request and in the queue consumer alike. */
const depsOf = (env: Env): Deps => ({ store: openD1Store(env.DB), clock: Clock.systemUTC(), newId, publishHooks: PUBLISH_HOOKS, ...vapidOf(env) })

function sendTo(queue: Queue<JobMessage>): SendJob {
  return async (message) => {
    await queue.send(message, { contentType: 'json' })
  }
}

function jobsOf(env: Env, deps: Deps): { jobs?: QueueJobs } {
  if (!env.JOBS) return {}
  const from = env.BACKGROUND_FROM_STAFF === undefined ? undefined : Number(env.BACKGROUND_FROM_STAFF)
  if (from !== undefined && !(Number.isInteger(from) && from >= 1))
    throw new Error(`BACKGROUND_FROM_STAFF must be a whole number from 1, got ${env.BACKGROUND_FROM_STAFF}`)
  return { jobs: new QueueJobs(deps, sendTo(env.JOBS), from) }
}

// One app per D1 binding object: the isolate reuses it across requests instead of rebuilding
// the router every time.
const apps = new WeakMap<D1Database, App>()

function appFor(env: Env): App {
  let app = apps.get(env.DB)
  if (!app) {
    const deps = depsOf(env)
    app = createApp({
      ...deps,
      mailer: workerMailer(env),
      ...jobsOf(env, deps),
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
  // away from any request, as the timer in src/node.ts does on Node; with the Worker's VAPID keys
  // and SMTP mailer, or push messages fail as unconfigured and mail never leaves.
  scheduled(_controller: ScheduledController, env: Env, ctx: ExecutionContext): void {
    ctx.waitUntil(deliverDue(depsOf(env), workerMailer(env), env.PUBLIC_ORIGIN).then(() => undefined))
  },
  // The jobs queue (wrangler.toml: one message a batch, so each solve has an invocation's CPU
  // to itself): runs the stored job and stores its draft, or leaves it for later while an
  // earlier job of its school runs.
  async queue(batch: MessageBatch<unknown>, env: Env): Promise<void> {
    const deps = depsOf(env)
    const send = env.JOBS ? sendTo(env.JOBS) : async () => undefined
    for (const message of batch.messages) {
      const body = jobMessage.safeParse(message.body)
      if (!body.success) {
        console.error('[jobs] a message that names no job was dropped:', message.body)
        message.ack()
        continue
      }
      if ((await consumeJob(deps, send, body.data.job)) === 'done') message.ack()
      else message.retry({ delaySeconds: RETRY_SECONDS })
    }
  },
}
