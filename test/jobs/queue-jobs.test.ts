// The Workers queue consumer's rules, on SQLite: a message runs its job when the school is
// free and sends the school's next one; it waits while an earlier job runs; a job "running"
// longer than any consumer may live was ended by the platform, and is marked failed so the
// school's queue moves on. (test/workers/jobs-queue.test.ts runs the same under wrangler dev.)
import { Instant } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { createJob, getJob } from '../../src/jobs/jobs.js'
import { CONSUMER_WALL_LIMIT_MINUTES, consumeJob, type JobMessage } from '../../src/jobs/queue-jobs.js'
import { isoInstant } from '../../src/platform/tokens.js'
import { loadWeekRotas } from '../../src/week/rotas.js'
import { example, SCHOOL, WEEK, worldFrom } from '../support/week.js'

type World = Awaited<ReturnType<typeof worldFrom>>

/** Two generates of the week, the second asked for a second after the first (the kit's clock stands still). */
async function twoJobs(w: World) {
  const first = (await createJob(w.ctx, SCHOOL, WEEK)).job
  const second = (await createJob(w.ctx, SCHOOL, WEEK)).job
  const later = isoInstant(Instant.parse(first.createdAt).plusSeconds(1))
  await w.store.db.updateTable('solve_jobs').set({ created_at: later }).where('id', '=', second.id).execute()
  return [first, second] as const
}

const startedMinutesAgo = (clock: Parameters<typeof Instant.now>[0], minutes: number) => isoInstant(Instant.now(clock).minusSeconds(minutes * 60))

describe('a message of the jobs queue', () => {
  it('runs its job and stores the draft, then sends the school’s next job', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      const [first, second] = await twoJobs(w)
      const sent: JobMessage[] = []
      expect(await consumeJob(w.ctx, async (m) => void sent.push(m), first.id)).toBe('done')
      const done = await getJob(w.store, SCHOOL, first.id)
      expect(done.status).toBe('done')
      expect((await loadWeekRotas(w.store, SCHOOL, WEEK)).draft?.id).toBe(done.rotaId)
      expect(sent).toEqual([{ job: second.id }])
    } finally {
      await w.close()
    }
  })

  it('is left for later while an earlier job of its school is solving', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      const [first, second] = await twoJobs(w)
      await w.store.db
        .updateTable('solve_jobs')
        .set({ status: 'running', started_at: startedMinutesAgo(w.ctx.clock, 1) })
        .where('id', '=', first.id)
        .execute()
      expect(await consumeJob(w.ctx, async () => undefined, second.id)).toBe('later')
      expect((await getJob(w.store, SCHOOL, second.id)).status).toBe('queued')
    } finally {
      await w.close()
    }
  })

  it('marks failed a job running for longer than a consumer may live, and the next job then runs', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      const [first, second] = await twoJobs(w)
      const longAgo = startedMinutesAgo(w.ctx.clock, CONSUMER_WALL_LIMIT_MINUTES + 1)
      await w.store.db.updateTable('solve_jobs').set({ status: 'running', started_at: longAgo }).where('id', '=', first.id).execute()
      // The first's own message, delivered again after the platform ended its invocation.
      expect(await consumeJob(w.ctx, async () => undefined, first.id)).toBe('done')
      expect(await getJob(w.store, SCHOOL, first.id)).toMatchObject({ status: 'failed', rotaId: null })
      expect(await consumeJob(w.ctx, async () => undefined, second.id)).toBe('done')
      expect((await getJob(w.store, SCHOOL, second.id)).status).toBe('done')
    } finally {
      await w.close()
    }
  })

  it('of a cancelled or unknown job is done without solving anything', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      const { job } = await createJob(w.ctx, SCHOOL, WEEK)
      await w.store.db.updateTable('solve_jobs').set({ status: 'cancelled' }).where('id', '=', job.id).execute()
      expect(await consumeJob(w.ctx, async () => undefined, job.id)).toBe('done')
      expect(await consumeJob(w.ctx, async () => undefined, 'job_none')).toBe('done')
      expect((await loadWeekRotas(w.store, SCHOOL, WEEK)).draft).toBeUndefined()
    } finally {
      await w.close()
    }
  })
})
