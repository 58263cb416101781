// Leave asked for on a phone and decided by a manager. Approving writes the absence in the same
// write as the decision (so an approved request always has its absence, and a second approval
// finds it already decided), then re-plans the published weeks it touches as recording any
// absence does. The note is between the person and their manager, like an absence's detail.
import { sql, type Selectable } from 'kysely'
import { z } from 'zod'
import type { LeaveKind, LeaveRequestsTable, LeaveStatus } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement, nowIso } from '../platform/audit.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, fieldError, invalid, notFound } from '../platform/http/problem.js'
import { isoDate, multiLine } from '../platform/fields.js'
import type { AbsenceReason } from '../../db/schema.js'
import { guardedAudit } from '../week/guard.js'
import { newAbsenceStatements } from '../week/absences.js'
import { replanWeeksFor, type ReplanOutcome } from '../week/replan.js'

export const LEAVE_KINDS: Record<LeaveKind, string> = {
  annual: 'Annual leave',
  appointment: 'Appointment',
  training: 'Training',
  unpaid: 'Unpaid leave',
}

/** What each kind is recorded as once approved: the absence reasons managers already use. */
const ABSENCE_REASON: Record<LeaveKind, AbsenceReason> = { annual: 'other', appointment: 'medical', training: 'training', unpaid: 'other' }

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 09:30')

/** The fields of a leave request, each on its own; leaveInput adds the rules between them. */
export const leaveFields = z.object({
  kind: z.enum(['annual', 'appointment', 'training', 'unpaid']),
  startDate: isoDate,
  endDate: isoDate,
  startTime: time.nullable(),
  endTime: time.nullable(),
  note: multiLine(z.string().trim().max(500, 'must be at most 500 characters')).nullable(),
})

/** The rules between the fields, each named on the field a person would change. */
export function leaveRules(v: Omit<z.infer<typeof leaveFields>, 'note' | 'kind'>, ctx: z.RefinementCtx): void {
  if (v.endDate < v.startDate) ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'must be on or after the first day' })
  if ((v.startTime === null) !== (v.endTime === null))
    ctx.addIssue({ code: 'custom', path: [v.startTime === null ? 'startTime' : 'endTime'], message: 'give both times for part of a day, or neither' })
  if (v.startTime !== null && v.endDate !== v.startDate)
    ctx.addIssue({ code: 'custom', path: ['startTime'], message: 'part of a day is for a one-day request' })
  if (v.startTime !== null && v.endTime !== null && v.endTime <= v.startTime)
    ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'must be after the start' })
}

/** A leave request as a form or the API sends it; times only for part of a single day. */
export const leaveInput = leaveFields.superRefine(leaveRules)

export type LeaveInput = z.infer<typeof leaveInput>

export interface LeaveRequest extends LeaveInput {
  id: string
  staffId: string
  staffName: string
  status: LeaveStatus
  requestedAt: string
  decidedAt: string | null
  absenceId: string | null
  version: number
}

type Row = Selectable<LeaveRequestsTable> & { staff_name: string }

const toRequest = (r: Row): LeaveRequest => ({
  id: r.id,
  staffId: r.staff_id,
  staffName: r.staff_name,
  kind: r.kind,
  startDate: r.start_date,
  endDate: r.end_date,
  startTime: r.start_time,
  endTime: r.end_time,
  note: r.note,
  status: r.status,
  requestedAt: r.requested_at,
  decidedAt: r.decided_at,
  absenceId: r.absence_id,
  version: r.version,
})

interface LeaveFilter {
  staffId?: string | undefined
  status?: LeaveStatus | undefined
}

function selectLeave(store: Store, schoolId: string, filter: LeaveFilter = {}) {
  let q = store.db
    .selectFrom('leave_requests as l')
    .innerJoin('staff as s', 's.id', 'l.staff_id')
    .selectAll('l')
    .select('s.name as staff_name')
    .where('l.school_id', '=', schoolId)
  if (filter.staffId !== undefined) q = q.where('l.staff_id', '=', filter.staffId)
  if (filter.status !== undefined) q = q.where('l.status', '=', filter.status)
  return q
}

export interface LeaveQuery extends PageQuery, LeaveFilter {}

/** The API's list: every request of the school (or one person's), a page at a time by first day. */
export async function pageLeave(store: Store, schoolId: string, query: LeaveQuery): Promise<Page<LeaveRequest>> {
  const rows = await selectLeave(store, schoolId, query)
    .where(afterCursor('l.start_date', 'l.id', query.cursor))
    .orderBy('l.start_date')
    .orderBy('l.id')
    .limit(query.limit + 1)
    .execute()
  return toPage(rows, query.limit, (r) => ({ key: r.start_date, id: r.id }), toRequest)
}

export async function listLeave(store: Store, schoolId: string, filter: LeaveFilter = {}): Promise<LeaveRequest[]> {
  return (await selectLeave(store, schoolId, filter).orderBy('l.start_date').orderBy('l.id').execute()).map((r) => toRequest(r))
}

export async function getLeave(store: Store, schoolId: string, id: string): Promise<LeaveRequest> {
  const row = await selectLeave(store, schoolId).where('l.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('no such leave request in this school')
  return toRequest(row)
}

export async function requestLeave(ctx: WriteContext, schoolId: string, staffId: string, raw: unknown): Promise<LeaveRequest> {
  const parsed = leaveInput.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  const v = parsed.data
  const id = ctx.newId('lve')
  const row = {
    id,
    school_id: schoolId,
    staff_id: staffId,
    kind: v.kind,
    start_date: v.startDate,
    end_date: v.endDate,
    start_time: v.startTime,
    end_time: v.endTime,
    note: v.note,
    status: 'requested' as const,
    requested_at: nowIso(ctx),
    decided_by: null,
    decided_at: null,
    absence_id: null,
  }
  await ctx.store.atomic([
    // The note stays out of the audit trail: it is the person's private word to their manager.
    auditStatement(ctx, { schoolId, entity: 'leave_request', entityId: id, action: 'create', after: { ...v, note: v.note ? '(note)' : null, staffId } }),
    ctx.store.db.insertInto('leave_requests').values(row).compile(),
  ])
  return getLeave(ctx.store, schoolId, id)
}

const stillAt = (id: string, version: number) => sql`EXISTS (SELECT 1 FROM leave_requests WHERE id = ${id} AND status = 'requested' AND version = ${version})`

function decisionStatement(ctx: WriteContext, id: string, status: LeaveStatus, absenceId: string | null = null) {
  return ctx.store.db
    .updateTable('leave_requests')
    .set({ status, decided_by: ctx.actor, decided_at: nowIso(ctx), absence_id: absenceId, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .compile()
}

async function undecided(ctx: WriteContext, schoolId: string, id: string, ifMatch: string | undefined): Promise<LeaveRequest> {
  const request = await getLeave(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, request.version, 'the leave request')
  if (request.status !== 'requested') throw conflict(`the leave request is already ${request.status}`)
  return request
}

/** Approves: the absence and the decision in one write, then the re-plans of the weeks it touches. */
export async function approveLeave(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<{ request: LeaveRequest } & ReplanOutcome> {
  const request = await undecided(ctx, schoolId, id, ifMatch)
  const { absence, statements } = await newAbsenceStatements(ctx, schoolId, {
    staff: request.staffId,
    startDate: request.startDate,
    endDate: request.endDate,
    startTime: request.startTime,
    endTime: request.endTime,
    reason: ABSENCE_REASON[request.kind],
    detail: `${LEAVE_KINDS[request.kind]}, approved${request.note ? `: ${request.note}` : ''}`,
  })
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'leave_request', entityId: id, action: 'approve', after: { absenceId: absence.id } }, stillAt(id, request.version)),
    ...statements,
    decisionStatement(ctx, id, 'approved', absence.id),
  ])
  return { request: await getLeave(ctx.store, schoolId, id), ...(await replanWeeksFor(ctx, schoolId, absence.id)) }
}

export async function declineLeave(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<LeaveRequest> {
  const request = await undecided(ctx, schoolId, id, ifMatch)
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'leave_request', entityId: id, action: 'decline' }, stillAt(id, request.version)),
    decisionStatement(ctx, id, 'declined'),
  ])
  return getLeave(ctx.store, schoolId, id)
}

/** One of the person's own requests; someone else's is unknown to them, as if it did not exist. */
export async function getMyLeave(store: Store, schoolId: string, staffId: string, id: string): Promise<LeaveRequest> {
  const request = await getLeave(store, schoolId, id)
  if (request.staffId !== staffId) throw notFound('no such leave request of yours')
  return request
}

/** The person takes back a request a manager has not decided yet; someone else's is unknown to them. */
export async function withdrawLeave(ctx: WriteContext, schoolId: string, staffId: string, id: string): Promise<LeaveRequest> {
  const request = await getMyLeave(ctx.store, schoolId, staffId, id)
  if (request.status !== 'requested') throw conflict(`the leave request is already ${request.status}`)
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'leave_request', entityId: id, action: 'withdraw' }, stillAt(id, request.version)),
    decisionStatement(ctx, id, 'withdrawn'),
  ])
  return getLeave(ctx.store, schoolId, id)
}
