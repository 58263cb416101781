// Stored jobs on Workers, through a Cloudflare Queue: a big week's generate sends its job's id
// and answers 202 at once; the Worker's queue() handler (src/worker.ts) runs the job in an
// invocation of its own, which may take up to 5 minutes of CPU (limits.cpu_ms) and 15 minutes
// of wall time, and stores the draft as the dispatcher does on Node. A small week still solves
// in the request that asked, so it answers with its draft. Nothing here is Node-only or
// Workers-only: the queue is a function that sends, so tests can drive it without workerd.
import { Instant } from '@js-joda/core'
import { z } from 'zod'
import type { Deps, JobQueue } from '../platform/deps.js'
import { isoInstant } from '../platform/tokens.js'
import { failAbandoned, runJob, startableJobs } from './jobs.js'
import type { WeekDraft } from '../week/generate.js'

/** What one queue message carries: the stored job to run. The rest is in its row. */
export const jobMessage = z.object({ job: z.string().min(1).max(100) })
export type JobMessage = z.infer<typeof jobMessage>

export type SendJob = (message: JobMessage) => Promise<void>

/**
 * No consumer invocation lives longer than this (Cloudflare Queues: 15 minutes of wall time),
 * so a job "running" for longer was ended by the platform and will never finish.
 */
export const CONSUMER_WALL_LIMIT_MINUTES = 15

export class QueueJobs implements JobQueue {
  /** a Worker's solve is synchronous in its isolate: once under way, nothing can stop it */
  readonly stopsRunning = false

  constructor(
    private readonly deps: Deps,
    private readonly send: SendJob,
    readonly backgroundFromStaff?: number,
  ) {}

  start(id: string): Promise<void> {
    return this.send({ job: id })
  }

  /** A small week: solved in the request that asked, which has its own isolate's CPU. */
  wait(id: string): Promise<WeekDraft | undefined> {
    return runJob(this.deps, id)
  }

  cancel(_id: string): boolean {
    return false
  }
}

/**
 * One message of the jobs queue: 'done' once the job has ended (or was never there to run),
 * 'later' while an earlier job of its school runs, to be delivered again after a delay. When
 * it ran a job, the school's next one is sent at once rather than left to its retry.
 */
export async function consumeJob(deps: Deps, send: SendJob, id: string): Promise<'done' | 'later'> {
  const statusOf = async () =>
    (await deps.store.db.selectFrom('solve_jobs').select(['school_id', 'status']).where('id', '=', id).executeTakeFirst()) ?? undefined
  const row = await statusOf()
  if (row?.status !== 'queued' && row?.status !== 'running') return 'done'
  const limit = Instant.now(deps.clock).minusSeconds(CONSUMER_WALL_LIMIT_MINUTES * 60)
  await failAbandoned(deps, row.school_id, isoInstant(limit))
  if (!(await startableJobs(deps.store, row.school_id)).includes(id)) {
    // A redelivered message of a job the platform ended is done once that job is marked failed.
    const now = await statusOf()
    return now?.status === 'queued' || now?.status === 'running' ? 'later' : 'done'
  }
  try {
    await runJob(deps, id)
  } catch (err) {
    // Its row says why it failed; delivering the message again would not run it again.
    console.error(`[jobs] ${id} failed:`, err)
  }
  for (const next of await startableJobs(deps.store, row.school_id)) await send({ job: next })
  return 'done'
}
