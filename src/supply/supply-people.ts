// Adding and editing supply people: a member of staff (code, name, grade) with an agency, a
// rate and their Single Central Record checks, saved as one write with its audit entry. They
// get no working pattern: the days booked for them are their days (bookings.ts). An edit says
// which version it read; one made over someone else's save is refused (412), as for staff.
import { sql, type CompiledQuery } from 'kysely'
import { z } from 'zod'
import type { RateUnit, ScrCheckKind } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { fieldError, invalid, notFound } from '../platform/http/problem.js'
import { code, isoDate, name, oneLine, reference, bothValid } from '../platform/fields.js'
import { todayAtSchool } from '../platform/school-today.js'
import { guardedAudit } from '../week/guard.js'
import { auditStatement } from '../platform/audit.js'
import { ensureCodeFree, resolveRef } from '../setup/refs.js'
import { insertStaff, staffRow } from '../setup/staff-rows.js'
import { checkProblemsOn, describeProblems, readSupplyPeople, SCR_CHECK_KINDS, type CheckProblem, type ScrChecks, type SupplyPerson } from './supply.js'

const check = z.strictObject({ checkedOn: isoDate, expiresOn: isoDate.nullable().default(null) }).superRefine((c, ctx) => {
  if (c.expiresOn !== null && bothValid(isoDate, c.checkedOn, c.expiresOn) && c.expiresOn < c.checkedOn)
    ctx.addIssue({ code: 'custom', path: ['expiresOn'], message: `must not be before the check's date (${c.checkedOn})` })
})

export const supplyPersonBody = z.strictObject({
  code,
  name,
  /** id or code of the grade, which says what work they may do */
  grade: reference,
  agency: oneLine(z.string().trim().min(1, 'must not be empty').max(200)),
  ratePence: z.number().int('must be a whole number of pence').min(0, 'must not be below zero').max(10_000_000),
  rateUnit: z.enum(['day', 'hour'], 'must be "day" or "hour"'),
  /** a check left out has not been seen */
  checks: z.strictObject({ dbs: check.optional(), agency_confirmation: check.optional(), identity: check.optional() }).default({}),
})

export type SupplyPersonInput = z.output<typeof supplyPersonBody>

/** A supply person as the API shows them, with whether their checks let them work today. */
export interface SupplyPersonView extends Omit<SupplyPerson, 'staffId'> {
  id: string
  grade: string
  today: string
  canWorkToday: boolean
  /** what stops them today, for a manager to fix; empty when they may work */
  problemsToday: CheckProblem[]
  /** the problems in words: "DBS seen expired 2026-11-30" */
  cannotWork: string | null
}

function viewOf(p: SupplyPerson, grade: string, today: string): SupplyPersonView {
  const { staffId, ...rest } = p
  const problems = checkProblemsOn(p.checks, today)
  return {
    id: staffId,
    ...rest,
    grade,
    today,
    canWorkToday: problems.length === 0,
    problemsToday: problems,
    cannotWork: problems.length === 0 ? null : describeProblems(problems),
  }
}

async function gradesOf(store: Store, schoolId: string): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('staff as s')
    .innerJoin('grades as g', 'g.id', 's.grade_id')
    .innerJoin('supply_staff as p', 'p.staff_id', 's.id')
    .select(['s.id', 'g.code'])
    .where('s.school_id', '=', schoolId)
    .execute()
  return new Map(rows.map((r) => [r.id, r.code]))
}

export async function listSupplyPeople(store: Store, clock: WriteContext['clock'], schoolId: string): Promise<SupplyPersonView[]> {
  const [people, grades, today] = await Promise.all([readSupplyPeople(store.db, schoolId), gradesOf(store, schoolId), todayAtSchool(store, clock, schoolId)])
  return people.map((p) => viewOf(p, grades.get(p.staffId) ?? '', today))
}

export async function getSupplyPerson(store: Store, clock: WriteContext['clock'], schoolId: string, staffId: string): Promise<SupplyPersonView> {
  const [person] = await readSupplyPeople(store.db, schoolId, staffId)
  if (person === undefined) throw notFound('no such supply person in this school')
  const [grades, today] = await Promise.all([gradesOf(store, schoolId), todayAtSchool(store, clock, schoolId)])
  return viewOf(person, grades.get(staffId) ?? '', today)
}

function checkRows(staffId: string, checks: SupplyPersonInput['checks'] | ScrChecks) {
  return SCR_CHECK_KINDS.flatMap((kind: ScrCheckKind) => {
    const c = checks[kind]
    return c === undefined ? [] : [{ staff_id: staffId, kind, checked_on: c.checkedOn, expires_on: c.expiresOn }]
  })
}

const audited = (input: SupplyPersonInput) => ({ ...input })

/** The person's checks replaced by the ones given. */
function checkStatements(ctx: WriteContext, staffId: string, input: SupplyPersonInput): CompiledQuery[] {
  const rows = checkRows(staffId, input.checks)
  return [
    ctx.store.db.deleteFrom('scr_checks').where('staff_id', '=', staffId).compile(),
    ...(rows.length === 0 ? [] : [ctx.store.db.insertInto('scr_checks').values(rows).compile()]),
  ]
}

export async function createSupplyPerson(ctx: WriteContext, schoolId: string, input: SupplyPersonInput): Promise<SupplyPersonView> {
  await ensureCodeFree(ctx.store, 'staff', schoolId, input.code)
  const grade = await resolveRef(ctx.store, 'grades', schoolId, input.grade, ['grade'])
  const fullTime = (await ctx.store.db.selectFrom('schools').select('full_time_hours').where('id', '=', schoolId).executeTakeFirst())?.full_time_hours ?? 37
  const id = ctx.newId('stf')
  // No working days of their own: the week plans them on the days booked, for the hours booked.
  const staff = staffRow(schoolId, id, {
    code: input.code,
    name: input.name,
    gradeId: grade.id,
    hoursPerWeek: fullTime,
    pattern: {},
    unpaidBreakMinutes: 0,
    additionalHoursAllowance: 0,
    maxDutiesPerWeek: null,
    avoid: [],
    prefer: [],
  })
  const unit: RateUnit = input.rateUnit
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId, entity: 'supply', entityId: id, action: 'create', after: audited(input) }),
    ...insertStaff(ctx.store.db, [staff]),
    ctx.store.db
      .insertInto('supply_staff')
      .values({ staff_id: id, school_id: schoolId, agency: input.agency, rate_pence: input.ratePence, rate_unit: unit })
      .compile(),
    ...checkStatements(ctx, id, input),
  ])
  return getSupplyPerson(ctx.store, ctx.clock, schoolId, id)
}

export async function updateSupplyPerson(
  ctx: WriteContext,
  schoolId: string,
  staffId: string,
  input: SupplyPersonInput,
  ifMatch: string | undefined,
): Promise<SupplyPersonView> {
  const before = await getSupplyPerson(ctx.store, ctx.clock, schoolId, staffId)
  checkIfMatch(ifMatch, before.version, `supply person ${before.code}`)
  await ensureCodeFree(ctx.store, 'staff', schoolId, input.code, staffId)
  const grade = await resolveRef(ctx.store, 'grades', schoolId, input.grade, ['grade'])
  const stillAt = sql`EXISTS (SELECT 1 FROM supply_staff WHERE staff_id = ${staffId} AND version = ${before.version})`
  await ctx.store.atomic([
    guardedAudit(ctx, { schoolId, entity: 'supply', entityId: staffId, action: 'update', before, after: audited(input) }, stillAt),
    ctx.store.db
      .updateTable('staff')
      .set({ code: input.code, name: input.name, grade_id: grade.id, version: sql<number>`version + 1` })
      .where('id', '=', staffId)
      .compile(),
    ctx.store.db
      .updateTable('supply_staff')
      .set({ agency: input.agency, rate_pence: input.ratePence, rate_unit: input.rateUnit, version: sql<number>`version + 1` })
      .where('staff_id', '=', staffId)
      .compile(),
    ...checkStatements(ctx, staffId, input),
  ])
  return getSupplyPerson(ctx.store, ctx.clock, schoolId, staffId)
}

/** A form or body that is not a supply person's: every bad field named, nothing written. */
export function parseSupplyPerson(raw: unknown): SupplyPersonInput {
  const parsed = supplyPersonBody.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  return parsed.data
}
