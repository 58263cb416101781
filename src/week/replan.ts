// Recording an absence and re-planning around it. When the absent person holds published work
// that the absence now clashes with, each such week gets a re-plan draft: the week is solved
// again with its published rota as `previous`, so the solver keeps every assignment the
// absence does not force out, and the draft lists per person what was removed and added. The
// manager reviews it and publishes it like any draft (week-publish.ts). Past weeks are history
// and are never re-planned. Each re-plan is a stored job, as a generate is (jobs/jobs.ts): a
// small week answers with its draft at once, a big one with its job, solved in the background.
import { sql } from 'kysely'
import { LocalDate } from '@js-joda/core'
import type { Weekday } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { ProblemError } from '../platform/http/problem.js'
import { createAbsence, getAbsence, type AbsenceInput, type AbsenceWithDetail } from './absences.js'
import { todayAtSchool } from '../platform/school-today.js'
import type { DraftOrigin, WeekDraft } from './generate.js'
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
  const outcome = await replanWeeks(
    ctx,
    schoolId,
    await weeksClashingWith(ctx, schoolId, absenceClash(absence)),
    { kind: 'replan', absenceId },
    'The absence is recorded',
  )
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

/**
 * Re-plans each week in turn (each generate reads the ledgers the previous weeks left; a
 * school's jobs run one at a time, oldest first, so background ones keep this order too), and
 * reports a week it could not re-plan instead of failing: the change that called for the
 * re-plan (`done`, e.g. "The absence is recorded") is saved already, and the week's page retries.
 */
export async function replanWeeks(ctx: WriteContext, schoolId: string, weeks: readonly string[], origin: DraftOrigin, done: string): Promise<ReplanOutcome> {
  const outcome: ReplanOutcome = { replans: [], replanJobs: [], replanFailures: [] }
  for (const week of weeks) {
    try {
      const made = await generateThroughJob(ctx, schoolId, week, origin)
      if ('draft' in made) outcome.replans.push(made.draft)
      else outcome.replanJobs.push(made.job)
    } catch (err) {
      const problem = err instanceof ProblemError ? err.problem : undefined
      outcome.replanFailures.push({
        week,
        title: problem?.title ?? 'The week could not be re-planned',
        detail: problem?.detail ?? `${done}; re-plan the week again from its page.`,
      })
    }
  }
  return outcome
}

const replanWeek = (ctx: WriteContext, schoolId: string, week: string, absenceId: string) =>
  generateThroughJob(ctx, schoolId, week, { kind: 'replan', absenceId })

/** Also for an absence that was changed: re-plans every week it now clashes with. */
export async function replanForAbsence(ctx: WriteContext, schoolId: string, absenceId: string): Promise<{ replans: WeekDraft[]; jobs: SolveJob[] }> {
  const absence = await getAbsence(ctx.store, schoolId, absenceId)
  const weeks = await weeksClashingWith(ctx, schoolId, absenceClash(absence))
  const made: { replans: WeekDraft[]; jobs: SolveJob[] } = { replans: [], jobs: [] }
  // One week after another: each generate reads the ledgers the previous weeks left.
  for (const week of weeks) {
    const one = await replanWeek(ctx, schoolId, week, absenceId)
    if ('draft' in one) made.replans.push(one.draft)
    else made.jobs.push(one.job)
  }
  return made
}

/** A time someone cannot work: the days from `from` to `to` (null: no end), on one weekday only if given, whole days or between the times. */
export interface ClashingTime {
  staffId: string
  from: string
  to: string | null
  weekday?: Weekday | undefined
  startTime: string | null
  endTime: string | null
}

const absenceClash = (a: AbsenceWithDetail): ClashingTime => ({
  staffId: a.staffId,
  from: a.startDate,
  to: a.endDate,
  startTime: a.startTime,
  endTime: a.endTime,
})

/** SQLite's strftime('%w'): Sunday is 0. */
const WEEKDAY_NUMBER: Record<Weekday, string> = { sun: '0', mon: '1', tue: '2', wed: '3', thu: '4', fri: '5', sat: '6' }

/**
 * Mondays of the weeks, from this week on, whose published rota gives the person work at a
 * time they cannot work: whole days, or the part of each day between the times. An
 * open-ended time reaches every published week after its start.
 */
export async function weeksClashingWith(ctx: WriteContext, schoolId: string, clash: ClashingTime): Promise<string[]> {
  // Work already done is history: only clashes from today on call for a re-plan.
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  const from = clash.from > today ? clash.from : today
  let q = ctx.store.db
    .selectFrom('rota_assignments as a')
    .innerJoin('rotas as r', 'r.id', 'a.rota_id')
    .leftJoin('slots as s', (join) => join.onRef('s.school_id', '=', 'r.school_id').onRef('s.code', '=', 'a.slot_code'))
    .leftJoin('events as e', (join) => join.onRef('e.school_id', '=', 'r.school_id').onRef('e.week', '=', 'r.week').onRef('e.code', '=', 'a.work_code'))
    .select('r.week')
    .distinct()
    .where('r.school_id', '=', schoolId)
    .where('r.status', '=', 'published')
    .where('a.staff_id', '=', clash.staffId)
    .where('a.date', '>=', from)
  if (clash.to !== null) q = q.where('a.date', '<=', clash.to)
  if (clash.weekday !== undefined) q = q.where(sql<string>`strftime('%w', a.date)`, '=', WEEKDAY_NUMBER[clash.weekday])
  const { startTime, endTime } = clash
  if (startTime !== null && endTime !== null) {
    // Times are "HH:MM" text, so they compare correctly as strings.
    const start = sql<string>`COALESCE(s.start_time, e.start_time)`
    const end = sql<string>`COALESCE(s.end_time, e.end_time)`
    q = q.where(start, '<', endTime).where(end, '>', startTime)
  }
  return withSchoolDays(
    ctx,
    schoolId,
    (await q.orderBy('r.week').execute()).map((r) => r.week),
  )
}

/** A week the term dates now leave without pupils has nothing to re-plan (generate refuses it). */
async function withSchoolDays(ctx: WriteContext, schoolId: string, mondays: readonly string[]): Promise<string[]> {
  const weeks: string[] = []
  for (const week of mondays) if (await hasSchoolDay(ctx.store, schoolId, week)) weeks.push(week)
  return weeks
}

/**
 * Mondays of the weeks, from this week on and within `from`..`to` (null: no end), with a rota
 * made at or after `since`: the weeks planned while something stood that no longer does (a
 * rejected absence), each of which now plans without it.
 */
export async function weeksPlannedSince(ctx: WriteContext, schoolId: string, since: string, from: string, to: string | null): Promise<string[]> {
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  const first = LocalDate.parse(from > today ? from : today)
  const monday = first.minusDays(first.dayOfWeek().value() - 1).toString()
  let q = ctx.store.db
    .selectFrom('rotas')
    .select('week')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('status', 'in', ['draft', 'published'])
    .where('created_at', '>=', since)
    .where('week', '>=', monday)
  if (to !== null) q = q.where('week', '<=', to)
  return withSchoolDays(
    ctx,
    schoolId,
    (await q.orderBy('week').execute()).map((r) => r.week),
  )
}
