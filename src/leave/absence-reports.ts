// Absences staff report themselves on /me: today, tomorrow or some days ahead, whole days or part
// of each day. The report is an ordinary absence at once (so the published weeks it clashes with
// are re-planned as when a manager records one) plus a row of absence_reports saying who
// reported it and carrying their note for whoever covers. The reason stays on the absence,
// private as every absence's reason is. A manager may edit the absence like any other, or
// reject it: the absence goes (as a deleted one does), the weeks planned around it are re-planned
// without it, and the person sees the answer on /me.
import { sql, type Selectable } from 'kysely'
import { LocalDate } from '@js-joda/core'
import { z } from 'zod'
import type { AbsenceReportsTable, AbsenceReportStatus } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement, nowIso } from '../platform/audit.js'
import { isoDate, multiLine, timeOfDay } from '../platform/fields.js'
import { fieldError, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.js'
import { todayAtSchool } from '../platform/school-today.js'
import { countSchoolDays } from '../setup/school-days.js'
import { shortDate } from '../ui/dates.js'
import { tellManagersOfReport } from '../notifications/managers.js'
import { ABSENCE_REASONS, getAbsence, newAbsenceStatements } from '../week/absences.js'
import { guardedAudit } from '../week/guard.js'
import { replanUntold, replanWeeks, weeksPlannedSince, type ReplanOutcome } from '../week/replan.js'

/** Longer absences are for a manager to record, with the cover planned around them. */
export const MAX_SCHOOL_DAYS = 30
export const MAX_NOTE = 2000

/** A report as the /me form sends it, once "today" or "tomorrow" has become a date. */
export const reportInput = z
  .object({
    startDate: isoDate,
    endDate: isoDate,
    startTime: timeOfDay.nullable(),
    endTime: timeOfDay.nullable(),
    reason: z.enum(ABSENCE_REASONS, { message: 'choose one of the reasons listed' }).nullable(),
    coverNote: multiLine(z.string().trim().max(MAX_NOTE, 'must be at most 2,000 characters')).nullable(),
  })
  .superRefine((v, ctx) => {
    if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the first day' })
    if ((v.startTime === null) !== (v.endTime === null))
      ctx.addIssue({ code: 'custom', path: [v.startTime === null ? 'startTime' : 'endTime'], message: 'give both times for part of a day, or neither' })
    if (v.startTime !== null && v.endTime !== null && v.endTime <= v.startTime)
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'must be after the start' })
  })

export type ReportInput = z.infer<typeof reportInput>

export interface AbsenceReport {
  id: string
  staffId: string
  /** null once rejected, or once a manager deleted the absence */
  absenceId: string | null
  startDate: string
  endDate: string
  startTime: string | null
  endTime: string | null
  coverNote: string | null
  status: AbsenceReportStatus
  reportedAt: string
}

const toReport = (r: Selectable<AbsenceReportsTable>): AbsenceReport => ({
  id: r.id,
  staffId: r.staff_id,
  absenceId: r.absence_id,
  startDate: r.start_date,
  endDate: r.end_date,
  startTime: r.start_time,
  endTime: r.end_time,
  coverNote: r.cover_note,
  status: r.status,
  reportedAt: r.reported_at,
})

/** "Tue 24 Nov", "Tue 24 Nov to Fri 27 Nov, 09:00-12:00": the days as people read them. */
export const reportWhen = (r: Pick<AbsenceReport, 'startDate' | 'endDate' | 'startTime' | 'endTime'>): string =>
  `${shortDate(r.startDate)}${r.endDate !== r.startDate ? ` to ${shortDate(r.endDate)}` : ''}${r.startTime ? `, ${r.startTime}-${r.endTime}` : ''}`

/** The staff principal may only report for itself: a form naming anyone else is refused. */
function refuseSomeoneElse(raw: Record<string, unknown>, staffId: string): void {
  if (raw.staff !== undefined && raw.staff !== staffId) {
    throw new ProblemError('forbidden', 'you can report only your own absence', [fieldError(['staff'], 'must be you: you can report only your own absence')])
  }
}

/** The rules that need the school: no day before today in its zone, at most 30 school days. */
async function withinReach(ctx: WriteContext, schoolId: string, v: ReportInput): Promise<FieldError[]> {
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  if (v.startDate < today) return [fieldError(['startDate'], `must be today (${shortDate(today)}) or later`)]
  // A year bounds the count's loop; anything that long is over 30 school days anyway.
  const tooLong = LocalDate.parse(v.endDate).isAfter(LocalDate.parse(v.startDate).plusDays(366))
  if (tooLong || (await countSchoolDays(ctx.store, schoolId, v.startDate, v.endDate)) > MAX_SCHOOL_DAYS) {
    return [fieldError(['endDate'], `a report covers at most ${MAX_SCHOOL_DAYS} school days: ask your manager to record a longer absence`)]
  }
  return []
}

/**
 * The /me form as reportAbsence reads it: "today" or "tomorrow" become the school's dates, blank
 * fields are left out, and a staff field (which the page never sends) is passed on to be refused.
 */
export function reportOfForm(form: Record<string, string>, today: string): Record<string, unknown> {
  const blankAsNull = (v: string | undefined) => (v === undefined || v.trim() === '' ? null : v)
  const tomorrow = LocalDate.parse(today).plusDays(1).toString()
  const days =
    form.when === 'tomorrow'
      ? { startDate: tomorrow, endDate: tomorrow }
      : form.when === 'dates'
        ? { startDate: form.startDate, endDate: blankAsNull(form.endDate) ?? form.startDate }
        : { startDate: today, endDate: today }
  return {
    ...(form.staff !== undefined ? { staff: form.staff } : {}),
    ...days,
    startTime: blankAsNull(form.startTime),
    endTime: blankAsNull(form.endTime),
    reason: blankAsNull(form.reason),
    coverNote: blankAsNull(form.coverNote),
  }
}

export interface AbsenceReported extends ReplanOutcome {
  report: AbsenceReport
}

/**
 * Records the absence and its report in one write, re-plans the published weeks it clashes
 * with, then tells the managers once, with what the re-plan made of it and never the reason.
 */
export async function reportAbsence(ctx: WriteContext, schoolId: string, staffId: string, raw: Record<string, unknown>): Promise<AbsenceReported> {
  refuseSomeoneElse(raw, staffId)
  const parsed = reportInput.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  const v = parsed.data
  const errors = await withinReach(ctx, schoolId, v)
  if (errors.length > 0) throw invalid(errors)

  const { absence, statements } = await newAbsenceStatements(ctx, schoolId, {
    staff: staffId,
    startDate: v.startDate,
    endDate: v.endDate,
    startTime: v.startTime,
    endTime: v.endTime,
    reason: v.reason,
    detail: null,
  })
  const id = ctx.newId('arp')
  const row = {
    id,
    school_id: schoolId,
    staff_id: staffId,
    absence_id: absence.id,
    start_date: v.startDate,
    end_date: v.endDate,
    start_time: v.startTime,
    end_time: v.endTime,
    cover_note: v.coverNote,
    status: 'reported' as const,
    reported_at: nowIso(ctx),
    rejected_by: null,
    rejected_at: null,
  }
  await ctx.store.atomic([
    ...statements,
    // The note is for a colleague, but the audit trail is no place for free text people wrote.
    auditStatement(ctx, {
      schoolId,
      entity: 'absence_report',
      entityId: id,
      action: 'create',
      after: { absenceId: absence.id, staffId, coverNote: v.coverNote ? '(note)' : null },
    }),
    ctx.store.db.insertInto('absence_reports').values(row).compile(),
  ])

  const { who, gaps, ...outcome } = await replanUntold(ctx, schoolId, absence.id)
  await tellManagersOfReport(ctx, schoolId, {
    who,
    when: reportWhen(v),
    hasCoverNote: v.coverNote !== null,
    weeks: gaps,
    failed: outcome.replanFailures.map((f) => f.week),
  })
  return { report: toReport(row), ...outcome }
}

/** The person's own reports that still matter: any that ends today or later. */
export async function listMyReports(store: Store, schoolId: string, staffId: string, today: string): Promise<AbsenceReport[]> {
  const rows = await store.db
    .selectFrom('absence_reports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('staff_id', '=', staffId)
    .where('end_date', '>=', today)
    .orderBy('start_date')
    .orderBy('id')
    .execute()
  return rows.map(toReport)
}

/** The standing self-reported absences of a school, by absence id, for the manager's list. */
export async function reportsByAbsence(store: Store, schoolId: string): Promise<Map<string, AbsenceReport>> {
  const rows = await store.db
    .selectFrom('absence_reports')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'reported')
    .where('absence_id', 'is not', null)
    .execute()
  return new Map(rows.map((r) => [r.absence_id as string, toReport(r)]))
}

/**
 * Rejects a self-reported absence: the absence is deleted and the report kept as rejected, in
 * one write; then each week planned while it stood (its re-plan drafts, or a generate that kept
 * the person off) is re-planned without it, as recording it re-planned them, so the manager
 * reviews the person's duties given back instead of having to think of generating again.
 */
export async function rejectReport(ctx: WriteContext, schoolId: string, absenceId: string): Promise<ReplanOutcome> {
  const report = await ctx.store.db
    .selectFrom('absence_reports')
    .select(['id', 'reported_at'])
    .where('school_id', '=', schoolId)
    .where('absence_id', '=', absenceId)
    .where('status', '=', 'reported')
    .executeTakeFirst()
  if (!report) throw notFound('no absence reported by a member of staff with that id in this school')
  const { detail: _private, ...before } = await getAbsence(ctx.store, schoolId, absenceId)
  const stillReported = sql`EXISTS (SELECT 1 FROM absence_reports WHERE id = ${report.id} AND status = 'reported' AND absence_id = ${absenceId})`
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'absence_report', entityId: report.id, action: 'reject', after: { absenceId } }, stillReported),
    auditStatement(ctx, { schoolId, entity: 'absence', entityId: absenceId, action: 'delete', before }),
    ctx.store.db
      .updateTable('absence_reports')
      .set({ status: 'rejected', absence_id: null, rejected_by: ctx.actor, rejected_at: nowIso(ctx) })
      .where('id', '=', report.id)
      .compile(),
    ctx.store.db.deleteFrom('absences').where('id', '=', absenceId).compile(),
  ])
  const weeks = await weeksPlannedSince(ctx, schoolId, report.reported_at, before.startDate, before.endDate)
  return replanWeeks(ctx, schoolId, weeks, { kind: 'replan', absenceId }, 'The absence is rejected')
}

/** A colleague's note on one of my published duties: they are away and I took it over. */
export interface CoverNote {
  /** workRef of my duty (work code, date, slot) */
  ref: string
  from: string
  note: string
}

/**
 * The notes of absent colleagues for the duties I took over from them: my entry came in with the
 * same publish that took theirs away, on a day (and time) their absence still covers. Once a
 * later publish changes my entry (say, a new colleague beside me) the match is gone, and so is
 * the note: the calendar keeps no longer link between the two.
 */
export async function coverNotesFor(store: Store, schoolId: string, staffId: string, from: string): Promise<CoverNote[]> {
  const rows = await store.db
    .selectFrom('calendar_entries as mine')
    .innerJoin('calendar_entries as theirs', (j) =>
      j
        .onRef('theirs.school_id', '=', 'mine.school_id')
        .onRef('theirs.work_code', '=', 'mine.work_code')
        .onRef('theirs.date', '=', 'mine.date')
        .onRef('theirs.slot_code', '=', 'mine.slot_code')
        .onRef('theirs.changed_in', '=', 'mine.changed_in')
        .onRef('theirs.staff_id', '!=', 'mine.staff_id'),
    )
    .innerJoin('absence_reports as r', (j) => j.onRef('r.staff_id', '=', 'theirs.staff_id').on('r.status', '=', 'reported'))
    .innerJoin('absences as a', 'a.id', 'r.absence_id')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['mine.work_code', 'mine.date', 'mine.slot_code', 's.name', 'r.cover_note'])
    .where('mine.school_id', '=', schoolId)
    .where('mine.staff_id', '=', staffId)
    .where('mine.removed_at', 'is', null)
    .where('mine.change', '=', 'added')
    .where('mine.date', '>=', from)
    .where('theirs.change', '=', 'removed')
    .where('r.cover_note', 'is not', null)
    .whereRef('a.start_date', '<=', 'mine.date')
    .where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', eb.ref('mine.date'))]))
    .where((eb) =>
      eb.or([eb('a.start_time', 'is', null), eb.and([eb('mine.start_time', '<', eb.ref('a.end_time')), eb('mine.end_time', '>', eb.ref('a.start_time'))])]),
    )
    .orderBy('mine.date')
    .execute()
  // Cover their absence made from a commitment of theirs (absence-cover.ts) was never their duty
  // in the calendar: the request itself says whose absence it stands for.
  const made = await store.db
    .selectFrom('calendar_entries as mine')
    .innerJoin('cover_requests as c', (j) =>
      j.onRef('c.school_id', '=', 'mine.school_id').onRef('c.code', '=', 'mine.work_code').onRef('c.date', '=', 'mine.date'),
    )
    .innerJoin('absence_reports as r', (j) => j.onRef('r.absence_id', '=', 'c.made_by_absence').on('r.status', '=', 'reported'))
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .select(['mine.work_code', 'mine.date', 'mine.slot_code', 's.name', 'r.cover_note'])
    .where('mine.school_id', '=', schoolId)
    .where('mine.staff_id', '=', staffId)
    .where('mine.removed_at', 'is', null)
    .where('mine.date', '>=', from)
    .where('r.cover_note', 'is not', null)
    .orderBy('mine.date')
    .execute()
  return [...rows, ...made].map((r) => ({
    ref: `${r.work_code}|${r.date}|${r.slot_code}`,
    from: r.name,
    note: r.cover_note ?? '',
  }))
}
