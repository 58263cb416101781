// Generates as stored jobs. The request checks what it can at once (a Monday, a school week) and
// records the job; a dispatcher runs queued jobs, one per school at a time, oldest first, and
// records how each ended. A job left running by a crash is queued again when the service starts
// (resumeJobs), so no generate a manager asked for is silently lost. A running job reports its
// solve's progress into its row (progress.ts) and, where a dispatcher runs it, can be cancelled.
import type { Store } from '../../db/store.js'
import type { SolveJobStatus, SolveJobsTable } from '../../db/schema.js'
import type { Deps, WriteContext } from '../platform/deps.js'
import { nowIso } from '../platform/audit.js'
import { conflict, notFound, ProblemError } from '../platform/http/problem.js'
import type { SolveProgress } from '../../solver/budget.js'
import { progressWriter } from './progress.js'
import { generateDraft, requireMonday, type DraftControl, type DraftOrigin, type WeekDraft } from '../week/generate.js'
import { requireSchoolDay } from '../week/school-week.js'
import { loadSchoolWeek } from '../setup/school-days.js'

export interface SolveJob {
  id: string
  schoolId: string
  week: string
  status: SolveJobStatus
  createdAt: string
  startedAt: string | null
  finishedAt: string | null
  rotaId: string | null
  error: string | null
  /** jobs of the school that run before this one: 0 when it is running or next */
  ahead: number
  /** where the solve stood at its last report (steps of its budget); null before the first */
  progress: SolveProgress | null
}

type Row = SolveJobsTable

const toJob = (r: Row, ahead: number): SolveJob => ({
  id: r.id,
  schoolId: r.school_id,
  week: r.week,
  status: r.status,
  createdAt: r.created_at,
  startedAt: r.started_at,
  finishedAt: r.finished_at,
  rotaId: r.rota_id,
  error: r.error,
  ahead,
  progress: r.progress === null ? null : (JSON.parse(r.progress) as SolveProgress),
})

/** Staff at or above which a generate answers at once with its job instead of waiting for it. */
export const WAIT_FOR_JOBS_UP_TO_STAFF = 250

export async function createJob(
  ctx: WriteContext,
  schoolId: string,
  monday: string,
  origin: DraftOrigin = { kind: 'generate' },
): Promise<{ job: SolveJob; staff: number }> {
  requireMonday(monday)
  // Only what the answer needs: the job's solve builds the week's scenario itself, and on Node
  // building it twice held the event loop for a few hundred milliseconds of a 500-staff week.
  const [schoolWeek, staff] = await Promise.all([loadSchoolWeek(ctx.store, schoolId, monday), staffCount(ctx.store, schoolId)])
  requireSchoolDay(schoolWeek)
  const id = ctx.newId('job')
  await ctx.store.db
    .insertInto('solve_jobs')
    .values({ id, school_id: schoolId, week: monday, origin: JSON.stringify(origin), actor: ctx.actor, status: 'queued', created_at: nowIso(ctx) })
    .execute()
  return { job: await getJob(ctx.store, schoolId, id), staff }
}

/** The people the week's scenario holds: every member of staff of the school, with their grade. */
async function staffCount(store: Store, schoolId: string): Promise<number> {
  const row = await store.db
    .selectFrom('staff')
    .innerJoin('grades', 'grades.id', 'staff.grade_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('staff.school_id', '=', schoolId)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function getJob(store: Store, schoolId: string, id: string): Promise<SolveJob> {
  const row = await store.db.selectFrom('solve_jobs').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('no such generate in this school')
  if (row.status !== 'queued') return toJob(row, 0)
  const before = await store.db
    .selectFrom('solve_jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('school_id', '=', schoolId)
    // In the order startableJobs runs them: oldest first, then by id.
    .where((eb) =>
      eb.or([
        eb('status', '=', 'running'),
        eb.and([
          eb('status', '=', 'queued'),
          eb.or([eb('created_at', '<', row.created_at), eb.and([eb('created_at', '=', row.created_at), eb('id', '<', row.id)])]),
        ]),
      ]),
    )
    .executeTakeFirstOrThrow()
  return toJob(row, Number(before.n))
}

/**
 * The newest job of a week that has not ended, for the week page to show; none if a later job
 * of the week has ended since. Jobs of a school end in the order they were asked for, so an
 * older one still "running" then is one whose request the platform ended mid-solve (a Worker
 * over its CPU or memory limit): nothing will finish it, and the page must not wait for it.
 */
export async function pendingJob(store: Store, schoolId: string, week: string): Promise<SolveJob | undefined> {
  const ofWeek = store.db.selectFrom('solve_jobs').where('school_id', '=', schoolId).where('week', '=', week)
  const row = await ofWeek.select(['id', 'created_at']).where('status', 'in', ['queued', 'running']).orderBy('created_at', 'desc').executeTakeFirst()
  if (!row) return undefined
  const endedSince = await ofWeek
    .select('id')
    .where('status', 'in', ['done', 'failed', 'cancelled'])
    .where('created_at', '>', row.created_at)
    .executeTakeFirst()
  return endedSince ? undefined : getJob(store, schoolId, row.id)
}

/**
 * Cancels a job that has not ended: a queued one never runs; a running one has its solve
 * stopped by the dispatcher running it, and stores no draft. A solve on Workers (in the request
 * or the queue consumer) cannot be stopped, nor one that has begun storing its draft.
 */
export async function cancelJob(ctx: WriteContext, schoolId: string, id: string): Promise<SolveJob> {
  const job = await getJob(ctx.store, schoolId, id)
  if (job.status === 'running') {
    if (!ctx.jobs?.stopsRunning)
      throw conflict(
        "this generate solves where it cannot be stopped (a Worker's request or queue consumer); it finishes on its own, and the next generate replaces its draft",
      )
    if (!ctx.jobs.cancel(id)) throw conflict('the generate has finished solving and is storing its draft')
  } else if (job.status !== 'queued') throw conflict(`the generate has already ${job.status === 'cancelled' ? 'been cancelled' : 'ended'}`)
  await markCancelled(ctx, id, job.status)
  return getJob(ctx.store, schoolId, id)
}

async function markCancelled(deps: Deps, id: string, from: 'queued' | 'running'): Promise<void> {
  await deps.store.db
    .updateTable('solve_jobs')
    .set({ status: 'cancelled', finished_at: nowIso(deps) })
    .where('id', '=', id)
    .where('status', '=', from)
    .execute()
}

/**
 * Runs one queued job to its end, if it is still queued: the draft, or the reason it failed;
 * undefined if it was cancelled. With a control (the dispatcher's), its progress is stored as
 * it comes and its signal stops it.
 */
export async function runJob(deps: Deps, id: string, control?: Pick<DraftControl, 'signal' | 'onSolved'>): Promise<WeekDraft | undefined> {
  const row = await deps.store.db.selectFrom('solve_jobs').selectAll().where('id', '=', id).executeTakeFirst()
  if (row?.status !== 'queued') return undefined
  const claimed = await deps.store.db
    .updateTable('solve_jobs')
    .set({ status: 'running', started_at: nowIso(deps), progress: null })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .executeTakeFirst()
  if (Number(claimed.numUpdatedRows) !== 1) return undefined
  const ctx: WriteContext = { ...deps, actor: row.actor }
  const progress = control ? progressWriter(deps.store, id) : undefined
  try {
    const draft = await generateDraft(ctx, row.school_id, row.week, JSON.parse(row.origin) as DraftOrigin, {
      ...control,
      ...(progress ? { onProgress: progress.report } : {}),
    })
    await progress?.close()
    await finish(deps, id, { status: 'done', rota_id: draft.rota.id, error: null })
    return draft
  } catch (err) {
    await progress?.close()
    if (control?.signal?.aborted) {
      await markCancelled(deps, id, 'running')
      return undefined
    }
    const reason =
      err instanceof ProblemError ? (err.problem.detail ?? err.problem.title) : `the solve failed: ${err instanceof Error ? err.message : String(err)}`
    await finish(deps, id, { status: 'failed', rota_id: null, error: reason.slice(0, 1000) })
    throw err
  }
}

async function finish(deps: Deps, id: string, end: Pick<Row, 'status' | 'rota_id' | 'error'>): Promise<void> {
  await deps.store.db
    .updateTable('solve_jobs')
    .set({ ...end, finished_at: nowIso(deps) })
    .where('id', '=', id)
    .execute()
}

/**
 * Marks failed a school's jobs "running" since before `startedBefore`: where nothing outlives
 * a time limit (a Worker's queue consumer has 15 minutes), such a job's solve was ended by the
 * platform (over its CPU or memory limit) and nothing will finish it, while it would keep the
 * school's next job from starting.
 */
export async function failAbandoned(deps: Deps, schoolId: string, startedBefore: string): Promise<void> {
  await deps.store.db
    .updateTable('solve_jobs')
    .set({
      status: 'failed',
      finished_at: nowIso(deps),
      error: "the solve was ended before it answered (over the platform's time, CPU or memory limit); generate again",
    })
    .where('school_id', '=', schoolId)
    .where('status', '=', 'running')
    .where('started_at', '<', startedBefore)
    .execute()
}

/** After a restart: what was running when the process stopped is queued again, in its place. */
export async function resumeJobs(deps: Deps): Promise<number> {
  const result = await deps.store.db
    .updateTable('solve_jobs')
    .set({ status: 'queued', started_at: null, progress: null })
    .where('status', '=', 'running')
    .executeTakeFirst()
  return Number(result.numUpdatedRows)
}

/** Queued jobs that may start now: the oldest of each school (or of the one school) that has none running. */
export async function startableJobs(store: Store, schoolId?: string): Promise<string[]> {
  let q = store.db.selectFrom('solve_jobs').select(['id', 'school_id', 'status']).where('status', 'in', ['queued', 'running'])
  if (schoolId !== undefined) q = q.where('school_id', '=', schoolId)
  const rows = await q.orderBy('created_at').orderBy('id').execute()
  const taken = new Set(rows.filter((r) => r.status === 'running').map((r) => r.school_id))
  const out: string[] = []
  for (const r of rows) {
    if (r.status !== 'queued' || taken.has(r.school_id)) continue
    taken.add(r.school_id)
    out.push(r.id)
  }
  return out
}

/**
 * A generate as the API and the pages ask for it: a job recorded, then, for a week up to
 * WAIT_FOR_JOBS_UP_TO_STAFF (or the runner's own bound), its draft once solved; for a bigger
 * one the job itself, at once, to follow at its URL. Without a background runner the job runs
 * in the request. Re-plans come the same way (week/replan.ts), as a `replan` origin.
 */
export async function generateThroughJob(
  ctx: WriteContext,
  schoolId: string,
  monday: string,
  origin: DraftOrigin = { kind: 'generate' },
): Promise<{ draft: WeekDraft } | { job: SolveJob }> {
  const { job, staff } = await createJob(ctx, schoolId, monday, origin)
  const queue = ctx.jobs
  if (queue && staff >= (queue.backgroundFromStaff ?? WAIT_FOR_JOBS_UP_TO_STAFF)) {
    await queue.start(job.id)
    return { job: await getJob(ctx.store, schoolId, job.id) }
  }
  const draft = queue ? ((await queue.wait(job.id)) as WeekDraft | undefined) : await runJob(ctx, job.id)
  if (draft) return { draft }
  throw conflict('the generate was cancelled')
}
