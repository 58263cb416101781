// What the app needs from its runtime, and what every handler can read from the context.
import type { Clock } from '@js-joda/core'
import type { Context } from 'hono'
import type { CompiledQuery } from 'kysely'
import type { Store } from '../../db/store.js'
import type { Mailer } from './mailer.js'
import type { VapidKeys } from './web-push.js'
import type { Rota, Scenario } from '../../solver/scenario.js'
import type { SolveProgress } from '../../solver/budget.js'
import type { Principal, SchoolAccess } from './principal.js'

export type NewId = (prefix: string) => string

export interface AppDeps {
  store: Store
  clock: Clock
  newId?: NewId
  /** sends sign-in links; default: none configured (links only through `npm run admin`) */
  mailer?: Mailer
  /** e.g. 'https://rota.example.org': where links point and what the CSRF check accepts */
  publicOrigin?: string
  rateLimits?: Partial<RateLimits>
  /** default: the calendar's publish record (app.ts) */
  publishHooks?: readonly PublishHook[]
  /** the client's network address for sign-in limits; default CF-Connecting-IP */
  addressOf?: (c: Context) => string | undefined
  /** Web Push keys (VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT); unset, phones are not offered push */
  vapid?: VapidKeys
  /** where solves run; default: in the request (src/jobs/runner.ts), Node's server uses worker threads */
  solveRunner?: SolveRunner
  /** runs stored generate jobs in the background (src/jobs/dispatcher.ts, queue-jobs.ts); unset, a generate runs its job in the request */
  jobs?: JobQueue
}

/**
 * The background runner of stored generate jobs, as the routes see it: the dispatcher's worker
 * threads on Node (src/jobs/dispatcher.ts), a Queue consumer on Workers (src/jobs/queue-jobs.ts).
 */
export interface JobQueue {
  /** hands a stored queued job to the background, where it runs when its school is free */
  start(id: string): Promise<void>
  /** the job's draft once it has run (undefined when it ended without one); rejects as the job failed */
  wait(id: string): Promise<unknown>
  /**
   * Stops the job's solve if this process runs it and has not yet begun storing its draft;
   * false otherwise (then it is too late, or it is not solving here).
   */
  cancel(id: string): boolean
  /** whether a solve already under way can be stopped at all (a worker thread can; a Worker's isolate cannot) */
  readonly stopsRunning: boolean
  /** staff at or above which a week is left to the background (default WAIT_FOR_JOBS_UP_TO_STAFF) */
  readonly backgroundFromStaff?: number | undefined
}

/** What the one who asked for a solve may do while it runs. */
export interface SolveControl {
  /** aborting stops the solve where the runner can (a worker thread is ended); it then rejects */
  signal?: AbortSignal
  /** where the solve stands, counted in steps; where the solve runs in the request, nobody else could read it mid-solve */
  onProgress?: (progress: SolveProgress) => void
}

/** The solver's answer and the independent checker's verdict on it, as a runner returns them. */
export interface SolveResult {
  rota: Rota
  /** hard rules the checker found broken; empty for every rota the solver should produce */
  broken: { rule: number; message: string }[]
}

/**
 * Runs a week's solve somewhere that does not hold up other requests: a worker thread on Node,
 * the request itself where the platform gives each request its own CPU (Workers). At most one
 * solve per school runs at a time; a school's next one waits its turn.
 */
export interface SolveRunner {
  solve(schoolId: string, input: Scenario, control?: SolveControl): Promise<SolveResult>
  /** how many solves wait before a new one of this school would start (0: it starts at once) */
  queued(schoolId: string): number
}

/** The deps with defaults filled in; what services receive. */
export interface Deps {
  store: Store
  clock: Clock
  newId: NewId
  /**
   * What other features add to every publish and swap approval, in the same atomic write (the
   * calendar's snapshot, so feeds never lag the rota). app.ts registers them; none by default.
   */
  publishHooks?: readonly PublishHook[]
  /** Web Push keys, when configured */
  vapid?: VapidKeys
  /** where solves run (default: in the request) */
  solveRunner?: SolveRunner
  /** the background job runner, where the runtime has one */
  jobs?: JobQueue
}

/** One published assignment, as a publish hook receives it. */
export interface PublishedAssignment {
  staffId: string
  work: string
  date: string
  slot: string | null
}

/** What a publish (or a swap approval) tells the features that hook into it. */
export interface PublishEvent {
  schoolId: string
  week: string
  rotaId: string
  /** the rota it replaces, if any */
  supersededRotaId: string | null
  assignments: readonly PublishedAssignment[]
  now: string
}

/** Statements a feature adds to a publish's own write. */
export type PublishHook = (ctx: WriteContext, event: PublishEvent) => Promise<CompiledQuery[]> | CompiledQuery[]

/** The actor of a request nobody signed in to; no write gets this far (401 first). */
export const ANONYMOUS = 'anonymous'

export interface AppEnv {
  Variables: {
    deps: Deps
    /** deps plus what sign-in needs (mailer, public origin, limits); src/auth/deps.ts */
    authDeps: AuthDeps
    /** who is acting, for audit rows: 'user:<id>', 'staff:<id>', 'token:<id>' (src/auth/principal.ts) */
    actor: string
    /** the signed-in caller, when there is one */
    principal: Principal | undefined
    /** how the caller proved who they are; bearer requests are exempt from the CSRF check */
    credential: 'bearer' | 'cookie' | undefined
    /** set under /api/schools/:schoolId/ once the caller may see that school */
    access: SchoolAccess | undefined
  }
}

/** What a write needs to know besides its input: where to write, when, by whom, new ids. */
export interface WriteContext extends Deps {
  actor: string
}

/** What sign-in needs besides the deps: a way to send mail and, behind a proxy, the public origin. */
export interface AuthDeps extends Deps {
  mailer: Mailer
  /** e.g. 'https://rota.example.org'; links and the CSRF origin check use the request's origin when unset */
  publicOrigin?: string
  rateLimits?: Partial<RateLimits>
  /**
   * The client's network address, for per-address sign-in limits. Workers: CF-Connecting-IP
   * (set by Cloudflare, not by the client). Node: the socket's address, or the proxy's
   * X-Forwarded-For when the operator says a proxy is in front.
   */
  addressOf?: (c: Context) => string | undefined
}

export interface RateLimits {
  /** attempts per window from one client address (a school shares one address: keep it roomy) */
  perAddress: number
  /** attempts per window for one email address */
  perAccount: number
  windowSeconds: number
}
