// Times a member of staff cannot do, marked on their phone: every week ("not Tuesday lunch: I
// run a club", a weekday and a slot's times or typed times) or once (a date, whole or part).
// A mark binds the rota only once a manager approves it: until then the solver may still put
// the person there; approving it re-plans the published weeks that do. An approved mark is planned as an absence of that time (unavailable-days.ts),
// so it is the hard rule every reader of the scenario format already keeps. The note is the
// person's word to their manager, kept out of the audit trail like a leave note.
import { sql, type Selectable } from 'kysely'
import { z } from 'zod'
import type { StaffUnavailabilityTable, UnavailabilityRepeat, UnavailabilityStatus } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { Weekday } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement, nowIso } from '../platform/audit.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { conflict, fieldError, invalid, notFound, type FieldError } from '../platform/http/problem.js'
import { bothValid, isoDate, multiLine, timeOfDay, weekday } from '../platform/fields.js'
import { todayAtSchool } from '../platform/school-today.js'
import { parseJsonColumn } from '../platform/json.js'
import { guardedAudit } from '../week/guard.js'
import { replanWeeks, weeksClashingWith, type ClashingTime, type ReplanOutcome } from '../week/replan.js'
import { shortDate, WEEKDAY_LONG } from '../ui/dates.js'

export const DAY_NAMES: Record<Weekday, string> = WEEKDAY_LONG

/** "Every Tuesday, 12:10-12:40" or "Thu 26 Nov, all day". */
export const markWhen = (m: Pick<Unavailability, 'day' | 'date' | 'start' | 'end'>): string =>
  `${m.day ? `Every ${DAY_NAMES[m.day]}` : shortDate(m.date ?? '')}, ${m.start ? `${m.start}-${m.end}` : 'all day'}`

const optional = <S extends z.ZodType>(schema: S) => schema.nullable().optional()

/** A mark as the /me form sends it; which fields count depends on `repeat`. */
export const unavailabilityInput = z
  .object({
    repeat: z.enum(['weekly', 'once'], 'choose every week or one date'),
    day: optional(weekday),
    /** weekly: a slot's code, whose times are taken; or give start and end instead */
    slot: optional(z.string().max(100)),
    date: optional(isoDate),
    start: optional(timeOfDay),
    end: optional(timeOfDay),
    note: optional(multiLine(z.string().trim().max(500, 'must be at most 500 characters'))),
    /** the person the mark is for; a session only ever marks its own times */
    staff: optional(z.string().max(200)),
  })
  .superRefine((v, ctx) => {
    const need = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message })
    const hasSlot = typeof v.slot === 'string' && v.slot !== ''
    const hasTimes = (v.start ?? null) !== null || (v.end ?? null) !== null
    if (v.repeat === 'weekly') {
      if ((v.day ?? null) === null) need('day', 'choose a weekday')
      if (!hasSlot && !hasTimes) need('slot', 'choose a part of the day, or give the times')
      if (hasSlot && hasTimes) need('start', 'give a part of the day or times, not both')
    }
    if (v.repeat === 'once' && (v.date ?? null) === null) need('date', 'give the date')
    if (hasTimes && ((v.start ?? null) === null) !== ((v.end ?? null) === null))
      need((v.start ?? null) === null ? 'start' : 'end', 'give both times, or neither')
    if (bothValid(timeOfDay, v.start, v.end) && (v.end ?? '') <= (v.start ?? '')) need('end', `must be after the start (${v.start})`)
  })

export interface Unavailability {
  id: string
  staffId: string
  staffName: string
  repeat: UnavailabilityRepeat
  day: Weekday | null
  date: string | null
  /** null with end: the whole of `date` */
  start: string | null
  end: string | null
  note: string | null
  status: UnavailabilityStatus
  requestedAt: string
  version: number
}

type Row = Selectable<StaffUnavailabilityTable> & { staff_name: string }

const toMark = (r: Row): Unavailability => ({
  id: r.id,
  staffId: r.staff_id,
  staffName: r.staff_name,
  repeat: r.repeat,
  day: r.day,
  date: r.date,
  start: r.start_time,
  end: r.end_time,
  note: r.note,
  status: r.status,
  requestedAt: r.requested_at,
  version: r.version,
})

function selectMarks(store: Store, schoolId: string) {
  return store.db
    .selectFrom('staff_unavailability as u')
    .innerJoin('staff as s', 's.id', 'u.staff_id')
    .selectAll('u')
    .select('s.name as staff_name')
    .where('u.school_id', '=', schoolId)
}

export async function listUnavailability(
  store: Store,
  schoolId: string,
  filter: { staffId?: string; status?: UnavailabilityStatus } = {},
): Promise<Unavailability[]> {
  let q = selectMarks(store, schoolId)
  if (filter.staffId !== undefined) q = q.where('u.staff_id', '=', filter.staffId)
  if (filter.status !== undefined) q = q.where('u.status', '=', filter.status)
  return (await q.orderBy('u.requested_at').orderBy('u.id').execute()).map(toMark)
}

export async function getUnavailability(store: Store, schoolId: string, id: string): Promise<Unavailability> {
  const row = await selectMarks(store, schoolId).where('u.id', '=', id).executeTakeFirst()
  if (!row) throw notFound('no such unavailability in this school')
  return toMark(row)
}

/** The parts of the school day a weekly mark can name, in the day's order. */
export async function slotChoices(store: Store, schoolId: string): Promise<{ code: string; start: string; end: string; days: string[] | null }[]> {
  const rows = await store.db
    .selectFrom('slots')
    .select(['code', 'start_time', 'end_time', 'days'])
    .where('school_id', '=', schoolId)
    .orderBy('position')
    .orderBy('start_time')
    .execute()
  return rows.map((r) => ({ code: r.code, start: r.start_time, end: r.end_time, days: parseJsonColumn<string[] | null>(r.days, null) }))
}

/** The times a weekly mark names: its slot's (valid on that weekday) or the ones typed. */
async function timesOf(store: Store, schoolId: string, v: z.infer<typeof unavailabilityInput>): Promise<{ start: string | null; end: string | null }> {
  if (v.repeat === 'once' || typeof v.slot !== 'string' || v.slot === '') return { start: v.start ?? null, end: v.end ?? null }
  const slot = await store.db
    .selectFrom('slots')
    .select(['code', 'start_time', 'end_time', 'days'])
    .where('school_id', '=', schoolId)
    .where((eb) => eb.or([eb('code', '=', v.slot ?? ''), eb('id', '=', v.slot ?? '')]))
    .executeTakeFirst()
  if (!slot) throw invalid([fieldError(['slot'], `no part of the day "${v.slot}" at this school`)])
  const days = parseJsonColumn<string[] | null>(slot.days, null)
  if (days !== null && v.day && !days.includes(v.day)) throw invalid([fieldError(['slot'], `${slot.code} is not on that weekday`)])
  return { start: slot.start_time, end: slot.end_time }
}

/** Marks a time the person cannot do; it waits for a manager. Nothing is written unless every field is good. */
export async function markUnavailable(ctx: WriteContext, schoolId: string, staffId: string, raw: unknown): Promise<Unavailability> {
  const parsed = unavailabilityInput.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  const v = parsed.data
  const errors: FieldError[] = []
  if (typeof v.staff === 'string' && v.staff !== '' && v.staff !== staffId) errors.push(fieldError(['staff'], 'you can mark only your own times'))
  if (v.repeat === 'once' && v.date && v.date < (await todayAtSchool(ctx.store, ctx.clock, schoolId)))
    errors.push(fieldError(['date'], 'must be today or later'))
  if (errors.length > 0) throw invalid(errors)
  const { start, end } = await timesOf(ctx.store, schoolId, v)
  const id = ctx.newId('una')
  const row = {
    id,
    school_id: schoolId,
    staff_id: staffId,
    repeat: v.repeat,
    day: v.repeat === 'weekly' ? (v.day ?? null) : null,
    date: v.repeat === 'once' ? (v.date ?? null) : null,
    start_time: start,
    end_time: end,
    note: v.note ?? null,
    status: 'requested' as const,
    requested_at: nowIso(ctx),
    decided_by: null,
    decided_at: null,
  }
  const { note, ...audited } = row
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'unavailability', entityId: id, action: 'create', after: { ...audited, note: note ? '(note)' : null } }),
    ctx.store.db.insertInto('staff_unavailability').values(row).compile(),
  ])
  return getUnavailability(ctx.store, schoolId, id)
}

const stillWaiting = (id: string, version: number) =>
  sql`EXISTS (SELECT 1 FROM staff_unavailability WHERE id = ${id} AND status = 'requested' AND version = ${version})`

/** One answer to a waiting mark, written only while it is still waiting at the version read. */
async function answer(ctx: WriteContext, schoolId: string, mark: Unavailability, status: 'approved' | 'declined' | 'withdrawn'): Promise<Unavailability> {
  if (mark.status !== 'requested') throw conflict(`that unavailability is already ${mark.status}`)
  const action = { approved: 'approve', declined: 'decline', withdrawn: 'withdraw' }[status]
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'unavailability', entityId: mark.id, action }, stillWaiting(mark.id, mark.version)),
    ctx.store.db
      .updateTable('staff_unavailability')
      .set({ status, decided_by: ctx.actor, decided_at: nowIso(ctx), version: sql<number>`version + 1` })
      .where('id', '=', mark.id)
      .compile(),
  ])
  return getUnavailability(ctx.store, schoolId, mark.id)
}

/** The time a mark keeps free, as the re-plan looks for published duties in it. */
const clashOf = (m: Unavailability): ClashingTime =>
  m.repeat === 'once'
    ? { staffId: m.staffId, from: m.date ?? '', to: m.date, startTime: m.start, endTime: m.end }
    : { staffId: m.staffId, from: '', to: null, weekday: m.day ?? undefined, startTime: m.start, endTime: m.end }

/**
 * A manager's answer. Approved, the time binds every rota generated from now on, and each
 * published week that gives the person a duty in it is re-planned at once into a draft, as
 * approving leave does, so a week already out does not keep them on duty then unnoticed.
 */
export async function decideUnavailability(
  ctx: WriteContext,
  schoolId: string,
  id: string,
  decision: 'approve' | 'decline',
  ifMatch?: string,
): Promise<{ mark: Unavailability } & ReplanOutcome> {
  const mark = await getUnavailability(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, mark.version, 'the unavailability')
  const answered = await answer(ctx, schoolId, mark, decision === 'approve' ? 'approved' : 'declined')
  if (decision === 'decline') return { mark: answered, replans: [], replanJobs: [], replanFailures: [] }
  const weeks = await weeksClashingWith(ctx, schoolId, clashOf(answered))
  return { mark: answered, ...(await replanWeeks(ctx, schoolId, weeks, { kind: 'replan', unavailabilityId: id }, 'The time is approved')) }
}

/** The person takes back a mark no manager has answered; someone else's is unknown to them. */
export async function withdrawUnavailability(ctx: WriteContext, schoolId: string, staffId: string, id: string): Promise<Unavailability> {
  const mark = await getUnavailability(ctx.store, schoolId, id)
  if (mark.staffId !== staffId) throw notFound('no such unavailability of yours')
  return answer(ctx, schoolId, mark, 'withdrawn')
}
