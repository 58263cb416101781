// Generates as stored jobs: a big week answers at once with its job, which says when its draft
// is there; a job a crash left running is run again by the next process; one that has not
// started can be cancelled, and so can one that is solving, where a dispatcher runs it; a
// running job says where its solve stands; without a background runner (Workers) the job runs
// in the request.
import { describe, expect, it } from 'vitest'
import { solvePoolForFile } from '../support/solve-pool.js'
import { secondaryWeek } from '../../bench/generate.js'
import { JobDispatcher } from '../../src/jobs/dispatcher.js'
import { cancelJob, createJob, generateThroughJob, getJob, type SolveJob } from '../../src/jobs/jobs.js'
import { loadWeekRotas } from '../../src/week/rotas.js'
import { example, SCHOOL, WEEK, worldFrom } from '../support/week.js'

const pool = solvePoolForFile()

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

  it('waits behind the school’s running job, says how many are ahead, and can be cancelled before it starts', async () => {
    const w = await worldFrom(example('secondary.json'))
    try {
      const { job: first } = await createJob(w.ctx, SCHOOL, WEEK)
      await w.store.db.updateTable('solve_jobs').set({ status: 'running' }).where('id', '=', first.id).execute()
      const { job: second } = await createJob(w.ctx, SCHOOL, WEEK)
      expect(second).toMatchObject({ status: 'queued', ahead: 1 })
      expect((await cancelJob(w.ctx, SCHOOL, second.id)).status).toBe('cancelled')
      // No dispatcher runs it here (as on Workers, where it solves in its request): it cannot be stopped.
      await expect(cancelJob(w.ctx, SCHOOL, first.id)).rejects.toThrow(/cannot be stopped/)
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

/** Reads the job until `done` says so, every few milliseconds; what it saw on the way. */
async function watch(w: { store: Parameters<typeof getJob>[0] }, id: string, done: (seen: SolveJob[]) => boolean): Promise<SolveJob[]> {
  const seen: SolveJob[] = []
  while (!done(seen)) {
    seen.push(await getJob(w.store, SCHOOL, id))
    await new Promise((r) => setTimeout(r, 2))
  }
  return seen
}

describe('a solving job', () => {
  it('says where its solve stands, in steps of its budget that grow as it goes', async () => {
    const w = await worldFrom({ ...secondaryWeek(260, 5), week: WEEK })
    const jobs = new JobDispatcher({ ...w.ctx, solveRunner: pool })
    try {
      const { job } = await createJob(w.ctx, SCHOOL, WEEK)
      jobs.kick()
      const seen = await watch(w, job.id, (s) => s.at(-1)?.status === 'done')
      const reports = seen.flatMap((j) => (j.progress && j.status === 'running' ? [j.progress] : []))
      const distinct = reports.filter((p, i) => i === 0 || p.steps !== reports[i - 1]?.steps || p.stage !== reports[i - 1]?.stage)
      expect(distinct.length).toBeGreaterThanOrEqual(2)
      for (const [i, p] of distinct.entries()) {
        expect(p.budget).toBe(12_000_000)
        expect(typeof p.stage).toBe('string')
        if (i > 0) expect(p.steps).toBeGreaterThanOrEqual(distinct[i - 1]?.steps ?? 0)
      }
      expect(distinct.at(-1)?.steps).toBeGreaterThan(distinct[0]?.steps ?? 0)
    } finally {
      await jobs.idle()
      await w.close()
    }
  })

  it('can be cancelled: its solve stops, no draft is stored, and the school’s next generate runs', async () => {
    // A week big enough that its solve is still going when its first progress report is read.
    const w = await worldFrom({ ...secondaryWeek(500, 5), week: WEEK })
    const jobs = new JobDispatcher({ ...w.ctx, solveRunner: pool })
    const ctx = { ...w.ctx, jobs }
    try {
      const { job: first } = await createJob(ctx, SCHOOL, WEEK)
      const { job: next } = await createJob(ctx, SCHOOL, WEEK)
      // The kit's clock stands still: asked a second later, as a manager would.
      await w.store.db.updateTable('solve_jobs').set({ created_at: '2026-11-20T10:00:01.000Z' }).where('id', '=', next.id).execute()
      jobs.kick()
      await watch(w, first.id, (s) => s.at(-1)?.progress != null)
      expect(await getJob(w.store, SCHOOL, next.id)).toMatchObject({ status: 'queued', ahead: 1 })

      expect(await cancelJob(ctx, SCHOOL, first.id)).toMatchObject({ status: 'cancelled', rotaId: null })
      await jobs.idle()

      expect(await getJob(w.store, SCHOOL, first.id)).toMatchObject({ status: 'cancelled', rotaId: null })
      const after = await getJob(w.store, SCHOOL, next.id)
      expect(after.status).toBe('done')
      const rotas = await w.store.db.selectFrom('rotas').select('id').where('school_id', '=', SCHOOL).execute()
      expect(rotas.map((r) => r.id)).toEqual([after.rotaId])
      await expect(cancelJob(ctx, SCHOOL, first.id)).rejects.toThrow(/already been cancelled/)
    } finally {
      await jobs.idle()
      await w.close()
    }
  })
})
