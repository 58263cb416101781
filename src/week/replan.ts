// Recording an absence and re-planning around it. When the absent person holds published work
// that the absence now clashes with, each such week gets a re-plan draft: the week is solved
// again with its published rota as `previous`, so the solver keeps every assignment the
// absence does not force out, and the draft lists per person what was removed and added. The
// manager reviews it and publishes it like any draft (week-publish.ts). Past weeks are history
// and are never re-planned. Each re-plan is a stored job, as a generate is (jobs/jobs.ts): a
// small week answers with its draft at once, a big one with its job, solved in the background.
import { sql } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { ProblemError } from '../platform/http/problem.js'
import { createAbsence, getAbsence, type AbsenceInput, type AbsenceWithDetail } from './absences.js'
import { todayAtSchool } from '../platform/school-today.js'
import type { WeekDraft } from './generate.js'
import { generateThroughJob, type SolveJob } from '../jobs/jobs.js'
import { loadWeekRotas } from './rotas.js'
import { hasSchoolDay } from './school-week.js'
import { tellManagersOfGaps, type GapWeek } from '../notifications/managers.js'

/** A week whose re-plan could not be made; the absence stands, and the manager can retry. */
export interface ReplanFailure {
  week: string
  title: string
  detail: string
}

export interface ReplanOutcome {
  /** one re-plan draft per week whose published rota the absence clashes with */
  replans: WeekDraft[]
  /** weeks too big to wait for: their re-plan solves in the background, and each job says when its draft is there */
  replanJobs: SolveJob[]
  replanFailures: ReplanFailure[]
}

export interface AbsenceRecorded extends ReplanOutcome {
  absence: AbsenceWithDetail
}

export async function recordAbsence(ctx: WriteContext, schoolId: string, input: AbsenceInput): Promise<AbsenceRecorded> {
  const absence = await createAbsence(ctx, schoolId, input)
  return { absence, ...(await replanWeeksFor(ctx, schoolId, absence.id)) }
}

/**
 * For an absence already saved: re-plans each week it clashes with, and reports a week it
 * could not re-plan instead of failing. An error here would tell the client the absence was
 * not recorded when it was, and a retry would record it twice; /absences/:id/replan retries.
 */
export async function replanWeeksFor(ctx: WriteContext, schoolId: string, absenceId: string): Promise<ReplanOutcome> {
  const { who, from, gaps, ...outcome } = await replanUntold(ctx, schoolId, absenceId)
  await tellManagersOfGaps(ctx, schoolId, who, from, gaps)
  return outcome
}

/** The re-plans, and what managers would be told of them, for a caller that tells them itself. */
export interface ReplanToTell extends ReplanOutcome {
  /** the absent person's name */
  who: string
  /** the absence's first day */
  from: string
  /** per re-planned week, the seats the absence leaves empty */
  gaps: GapWeek[]
}

/** replanWeeksFor without its message to managers. */
export async function replanUntold(ctx: WriteContext, schoolId: string, absenceId: string): Promise<ReplanToTell> {
  const absence = await getAbsence(ctx.store, schoolId, absenceId)
  const outcome: ReplanOutcome = { replans: [], replanJobs: [], replanFailures: [] }
  // One week after another: each generate reads the ledgers the previous weeks left (a school's
  // jobs run one at a time, oldest first, so background ones keep this order too).
  for (const week of await weeksClashingWith(ctx, schoolId, absence)) {
    try {
      const made = await replanWeek(ctx, schoolId, week, absenceId)
      if ('draft' in made) outcome.replans.push(made.draft)
      else outcome.replanJobs.push(made.job)
    } catch (err) {
      const problem = err instanceof ProblemError ? err.problem : undefined
      outcome.replanFailures.push({
        week,
        title: problem?.title ?? 'The week could not be re-planned',
        detail: problem?.detail ?? 'The absence is recorded; re-plan the week again from its page.',
      })
    }
  }
  const who = (await ctx.store.db.selectFrom('staff').select('name').where('id', '=', absence.staffId).executeTakeFirst())?.name ?? absence.staff
  // Only the seats the absence empties: the ones the published rota already left empty are known.
  const missing = (unfilled: readonly { missing: number }[]) => unfilled.reduce((n, u) => n + u.missing, 0)
  const gaps = await Promise.all(
    outcome.replans.map(async (d) => {
      const published = (await loadWeekRotas(ctx.store, schoolId, d.rota.week)).published
      return { monday: d.rota.week, empty: Math.max(0, missing(d.rota.unfilled) - missing(published?.unfilled ?? [])) }
    }),
  )
  return { ...outcome, who, from: absence.startDate, gaps }
}

const replanWeek = (ctx: WriteContext, schoolId: string, week: string, absenceId: string) =>
  generateThroughJob(ctx, schoolId, week, { kind: 'replan', absenceId })

/** Also for an absence that was changed: re-plans every week it now clashes with. */
export async function replanForAbsence(ctx: WriteContext, schoolId: string, absenceId: string): Promise<{ replans: WeekDraft[]; jobs: SolveJob[] }> {
  const absence = await getAbsence(ctx.store, schoolId, absenceId)
  const weeks = await weeksClashingWith(ctx, schoolId, absence)
  const made: { replans: WeekDraft[]; jobs: SolveJob[] } = { replans: [], jobs: [] }
  // One week after another: each generate reads the ledgers the previous weeks left.
  for (const week of weeks) {
    const one = await replanWeek(ctx, schoolId, week, absenceId)
    if ('draft' in one) made.replans.push(one.draft)
    else made.jobs.push(one.job)
  }
  return made
}

/**
 * Mondays of the weeks, from this week on, whose published rota gives the person work at a
 * time the absence covers: whole days, or the part of each day between its times. An
 * open-ended absence reaches every published week after its start.
 */
async function weeksClashingWith(ctx: WriteContext, schoolId: string, absence: AbsenceWithDetail): Promise<string[]> {
  // Work already done is history: only clashes from today on call for a re-plan.
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  const from = absence.startDate > today ? absence.startDate : today
  let q = ctx.store.db
    .selectFrom('rota_assignments as a')
    .innerJoin('rotas as r', 'r.id', 'a.rota_id')
    .leftJoin('slots as s', (join) => join.onRef('s.school_id', '=', 'r.school_id').onRef('s.code', '=', 'a.slot_code'))
    .leftJoin('events as e', (join) => join.onRef('e.school_id', '=', 'r.school_id').onRef('e.week', '=', 'r.week').onRef('e.code', '=', 'a.work_code'))
    .select('r.week')
    .distinct()
    .where('r.school_id', '=', schoolId)
    .where('r.status', '=', 'published')
    .where('a.staff_id', '=', absence.staffId)
    .where('a.date', '>=', from)
  if (absence.endDate !== null) q = q.where('a.date', '<=', absence.endDate)
  if (absence.startTime !== null && absence.endTime !== null) {
    // Times are "HH:MM" text, so they compare correctly as strings.
    const start = sql<string>`COALESCE(s.start_time, e.start_time)`
    const end = sql<string>`COALESCE(s.end_time, e.end_time)`
    q = q.where(start, '<', absence.endTime).where(end, '>', absence.startTime)
  }
  const rows = await q.orderBy('r.week').execute()
  // A week the term dates now leave without pupils has nothing to re-plan (generate refuses it).
  const weeks: string[] = []
  for (const { week } of rows) if (await hasSchoolDay(ctx.store, schoolId, week)) weeks.push(week)
  return weeks
}
