// Generates as stored jobs: a big week answers at once with its job, which says when its draft
// is there; a job a crash left running is run again by the next process; one that has not
// started can be cancelled; without a background runner (Workers) the job runs in the request.
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { secondaryWeek } from '../../bench/generate.js'
import { JobDispatcher } from '../../src/jobs/dispatcher.js'
import { cancelJob, createJob, generateThroughJob, getJob } from '../../src/jobs/jobs.js'
import { workerPoolRunner, type PoolRunner } from '../../src/jobs/pool-runner.js'
import { loadWeekRotas } from '../../src/week/rotas.js'
import { example, SCHOOL, WEEK, worldFrom } from '../support/week.js'

let pool: PoolRunner
beforeAll(() => {
  pool = workerPoolRunner(join(import.meta.dirname, '..', '..', 'dist', 'solve-worker.mjs'), 1)
})
afterAll(async () => {
  await pool.close()
})

describe('a generate', () => {
  it('runs its job in the request where there is no background runner, and records it done', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      const outcome = await generateThroughJob(w.ctx, SCHOOL, WEEK)
      if (!('draft' in outcome)) throw new Error('expected the draft')
      const [job] = await w.store.db.selectFrom('solve_jobs').selectAll().execute()
      expect(job).toMatchObject({ status: 'done', rota_id: outcome.draft.rota.id })
    } finally {
      await w.close()
    }
  })

  it('of a big week answers at once with its job, which says when the draft is there', async () => {
    const big = secondaryWeek(260, 5)
    const w = await worldFrom({ ...big, week: WEEK })
    const ctx = { ...w.ctx, solveRunner: pool }
    const jobs = new JobDispatcher(ctx)
    try {
      const outcome = await generateThroughJob({ ...ctx, jobs }, SCHOOL, WEEK)
      if (!('job' in outcome)) throw new Error('expected the job')
      expect(['queued', 'running']).toContain(outcome.job.status)
      await jobs.idle()
      const done = await getJob(w.store, SCHOOL, outcome.job.id)
      expect(done.status).toBe('done')
      expect((await loadWeekRotas(w.store, SCHOOL, WEEK)).draft?.id).toBe(done.rotaId)
    } finally {
      await w.close()
    }
  })
})

describe('a job', () => {
  it('left running by a crash is run again by the next process, and its draft made', async () => {
    const w = await worldFrom(example('secondary.json'))
    try {
      const { job } = await createJob(w.ctx, SCHOOL, WEEK)
      // The process that started it died mid-solve.
      await w.store.db.updateTable('solve_jobs').set({ status: 'running', started_at: '2026-11-20T10:00:01Z' }).where('id', '=', job.id).execute()
      const next = new JobDispatcher({ ...w.ctx, solveRunner: pool })
      expect(await next.resume()).toBe(1)
      await next.idle()
      const after = await getJob(w.store, SCHOOL, job.id)
      expect(after.status).toBe('done')
      expect((await loadWeekRotas(w.store, SCHOOL, WEEK)).draft?.id).toBe(after.rotaId)
    } finally {
      await w.close()
    }
  })

  it('waits behind the school’s running job, says how many are ahead, and can be cancelled until it starts', async () => {
    const w = await worldFrom(example('secondary.json'))
    try {
      const { job: first } = await createJob(w.ctx, SCHOOL, WEEK)
      await w.store.db.updateTable('solve_jobs').set({ status: 'running' }).where('id', '=', first.id).execute()
      const { job: second } = await createJob(w.ctx, SCHOOL, WEEK)
      expect(second).toMatchObject({ status: 'queued', ahead: 1 })
      expect((await cancelJob(w.ctx, SCHOOL, second.id)).status).toBe('cancelled')
      await expect(cancelJob(w.ctx, SCHOOL, first.id)).rejects.toThrow(/already solving/)
      await expect(cancelJob(w.ctx, SCHOOL, second.id)).rejects.toThrow(/already been cancelled/)
    } finally {
      await w.close()
    }
  })

  it('that fails keeps the reason the manager is shown', async () => {
    const w = await worldFrom(example('primary.json'))
    try {
      // s001's grade does not do on-call: a pin there breaks a rule, a 409 the manager can act on.
      w.store.sqlite
        .prepare(
          "INSERT INTO week_overrides (id, school_id, week, kind, staff_id, work_code, date, slot_code, created_at) SELECT 'ovr_bad', ?, ?, 'pin', id, 'oncall', '2026-11-23', 's1', '2026-11-20T00:00:00Z' FROM staff WHERE code = 's001'",
        )
        .run(SCHOOL, WEEK)
      await expect(generateThroughJob(w.ctx, SCHOOL, WEEK)).rejects.toMatchObject({ problem: { status: 409 } })
      const [job] = await w.store.db.selectFrom('solve_jobs').selectAll().execute()
      expect(job?.status).toBe('failed')
      expect(job?.error).toMatch(/pin breaks a rule/)
    } finally {
      await w.close()
    }
  })
})
