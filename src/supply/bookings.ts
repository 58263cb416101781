// Booking a supply person for a day the rota cannot fill: the booking is the day they work (they
// have no pattern of their own), and the week's draft is planned again at once so the manager
// sees the seats it fills. A booking is refused, naming the field, for someone who is not supply,
// whose checks do not cover that day, or who is booked that day already; the write is guarded on
// the person's version, so checks edited between the read and the write refuse it too.
import { sql } from 'kysely'
import { z } from 'zod'
import type { WriteContext } from '../platform/deps.js'
import { fieldError, invalid, notFound, ProblemError, type FieldError } from '../platform/http/problem.js'
import { bothValid, isoDate, reference, timeOfDay } from '../platform/fields.js'
import { nowIso } from '../platform/audit.js'
import { todayAtSchool } from '../platform/school-today.js'
import { mondayOf } from '../ledgers/periods.js'
import { guardedAudit } from '../week/guard.js'
import { generateDraft, type WeekDraft } from '../week/generate.js'
import { checkProblemsOn, describeProblems, readBookings, readSupplyPeople, type SupplyBooking } from './supply.js'

export const bookingBody = z
  .strictObject({
    /** the supply person's staff id or code */
    staff: reference,
    date: isoDate,
    start: timeOfDay,
    end: timeOfDay,
  })
  .superRefine((b, ctx) => {
    if (bothValid(timeOfDay, b.start, b.end) && b.end <= b.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after the start (${b.start})` })
  })

export type BookingInput = z.output<typeof bookingBody>

export interface Booked {
  booking: SupplyBooking
  /** the week planned again with them in it; absent when it could not be (see replanFailure) */
  draft?: WeekDraft
  replanFailure?: { title: string; detail: string }
}

export function parseBooking(raw: unknown): BookingInput {
  const parsed = bookingBody.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  return parsed.data
}

export async function bookSupply(ctx: WriteContext, schoolId: string, input: BookingInput): Promise<Booked> {
  const people = await readSupplyPeople(ctx.store.db, schoolId)
  const person = people.find((p) => p.staffId === input.staff || p.code === input.staff)
  const errors: FieldError[] = []
  if (person === undefined) errors.push(fieldError(['staff'], `no supply person "${input.staff}" in this school`))
  else {
    const problems = checkProblemsOn(person.checks, input.date)
    if (problems.length > 0) errors.push(fieldError(['staff'], `${person.name} cannot work on ${input.date}: ${describeProblems(problems)}`))
    const [already] = (await readBookings(ctx.store.db, schoolId, input.date, input.date)).filter((b) => b.staffId === person.staffId)
    if (already) errors.push(fieldError(['date'], `${person.name} is already booked on ${input.date} (${already.start}-${already.end})`))
  }
  if (input.date < (await todayAtSchool(ctx.store, ctx.clock, schoolId))) errors.push(fieldError(['date'], 'must be today or later'))
  if (person === undefined || errors.length > 0) throw invalid(errors)

  const id = ctx.newId('spb')
  const row = {
    id,
    school_id: schoolId,
    staff_id: person.staffId,
    date: input.date,
    start_time: input.start,
    end_time: input.end,
    created_at: nowIso(ctx),
    created_by: ctx.actor,
  }
  const stillAt = sql`EXISTS (SELECT 1 FROM supply_staff WHERE staff_id = ${person.staffId} AND version = ${person.version})`
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'supply_booking', entityId: id, action: 'create', after: row }, stillAt),
    ctx.store.db.insertInto('supply_bookings').values(row).compile(),
  ])
  const booking: SupplyBooking = { id, staffId: person.staffId, date: input.date, start: input.start, end: input.end }
  return { booking, ...(await replanned(ctx, schoolId, input.date)) }
}

/** The booking stands whatever the plan does: a week that cannot be planned says why. */
async function replanned(ctx: WriteContext, schoolId: string, date: string): Promise<Pick<Booked, 'draft' | 'replanFailure'>> {
  try {
    return { draft: await generateDraft(ctx, schoolId, mondayOf(date)) }
  } catch (err) {
    if (!(err instanceof ProblemError)) throw err
    return { replanFailure: { title: err.problem.title, detail: err.problem.detail ?? 'Generate the week again from its page.' } }
  }
}

/** Bookings from today on, with who they are for, as the Supply page lists them. */
export async function upcomingBookings(ctx: Pick<WriteContext, 'store' | 'clock'>, schoolId: string): Promise<(SupplyBooking & { name: string })[]> {
  const today = await todayAtSchool(ctx.store, ctx.clock, schoolId)
  const [bookings, people] = await Promise.all([readBookings(ctx.store.db, schoolId, today, '9999-12-31'), readSupplyPeople(ctx.store.db, schoolId)])
  const names = new Map(people.map((p) => [p.staffId, p.name]))
  return bookings.map((b) => ({ ...b, name: names.get(b.staffId) ?? b.staffId }))
}

export async function listBookings(ctx: Pick<WriteContext, 'store'>, schoolId: string, from: string, to: string): Promise<SupplyBooking[]> {
  return readBookings(ctx.store.db, schoolId, from, to)
}

/** Takes a booking back, and plans its week's draft again without them. */
export async function cancelBooking(ctx: WriteContext, schoolId: string, id: string): Promise<Omit<Booked, 'booking'>> {
  const row = await ctx.store.db.selectFrom('supply_bookings').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('no such supply booking in this school')
  const stillThere = sql`EXISTS (SELECT 1 FROM supply_bookings WHERE id = ${id})`
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'supply_booking', entityId: id, action: 'delete', before: row }, stillThere),
    ctx.store.db.deleteFrom('supply_bookings').where('id', '=', id).compile(),
  ])
  return replanned(ctx, schoolId, row.date)
}
