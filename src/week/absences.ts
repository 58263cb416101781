// Absences: whole days or part of each day, possibly open-ended. The free-text detail is
// personal (often medical) data: it lives in absence_details, is shown only on the single
// absence, and never reaches lists, the audit log, rotas or feeds.
import { sql, type CompiledQuery } from 'kysely'
import type { AbsenceReason } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { notFound } from '../platform/http/problem.js'
import { auditStatement, commit, nowIso } from '../platform/audit.js'
import { resolveRef } from '../setup/refs.js'
import { absenceCoverStatements } from './absence-cover.js'
import { absenceColumns, absenceRow, insertAbsences } from './week-rows.js'

/** The reasons an absence can give; private to the person and their managers. */
export const ABSENCE_REASONS = ['sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other'] as const satisfies readonly AbsenceReason[]

export interface AbsenceInput {
  /** id or code of the staff member */
  staff: string
  startDate: string
  /** null: open-ended */
  endDate: string | null
  /** both null: the whole of each day */
  startTime: string | null
  endTime: string | null
  reason: AbsenceReason | null
  detail: string | null
}

export interface Absence extends Omit<AbsenceInput, 'detail'> {
  id: string
  /** the staff member's code; `staffId` is their id */
  staff: string
  staffId: string
  version: number
  createdAt: string
}

export interface AbsenceWithDetail extends Absence {
  detail: string | null
}

function selectAbsences(store: Store, schoolId: string) {
  return store.db
    .selectFrom('absences as a')
    .innerJoin('staff as s', 's.id', 'a.staff_id')
    .selectAll('a')
    .select('s.code as staff_code')
    .where('a.school_id', '=', schoolId)
}

type AbsenceRow = Awaited<ReturnType<ReturnType<typeof selectAbsences>['executeTakeFirstOrThrow']>>

const toAbsence = (r: AbsenceRow): Absence => ({
  id: r.id,
  staff: r.staff_code,
  staffId: r.staff_id,
  startDate: r.start_date,
  endDate: r.end_date,
  startTime: r.start_time,
  endTime: r.end_time,
  reason: r.reason,
  version: r.version,
  createdAt: r.created_at,
})

export interface AbsenceQuery extends PageQuery {
  staff?: string | undefined
  /** absences that touch [from, to] */
  from?: string | undefined
  to?: string | undefined
}

export async function listAbsences(store: Store, schoolId: string, page: AbsenceQuery): Promise<Page<Absence>> {
  let q = selectAbsences(store, schoolId).where(afterCursor('a.start_date', 'a.id', page.cursor))
  if (page.staff !== undefined) {
    const staff = page.staff
    q = q.where((eb) => eb.or([eb('s.id', '=', staff), eb('s.code', '=', staff)]))
  }
  if (page.to !== undefined) q = q.where('a.start_date', '<=', page.to)
  if (page.from !== undefined) {
    const from = page.from
    q = q.where((eb) => eb.or([eb('a.end_date', 'is', null), eb('a.end_date', '>=', from)]))
  }
  const rows = await q
    .orderBy('a.start_date')
    .orderBy('a.id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.start_date, id: r.id }), toAbsence)
}

async function getAbsenceOnly(store: Store, schoolId: string, id: string): Promise<Absence> {
  const row = await selectAbsences(store, schoolId).where('a.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no absence with id ${id} in this school`)
  return toAbsence(row)
}

export async function getAbsence(store: Store, schoolId: string, id: string): Promise<AbsenceWithDetail> {
  const absence = await getAbsenceOnly(store, schoolId, id)
  const detail = await store.db.selectFrom('absence_details').select('detail').where('absence_id', '=', id).executeTakeFirst()
  return { ...absence, detail: detail?.detail ?? null }
}

const columns = (input: AbsenceInput, staffId: string) => absenceColumns({ ...input, staffId })

function detailStatements(ctx: WriteContext, absenceId: string, detail: string | null): CompiledQuery[] {
  return detail === null ? [] : [ctx.store.db.insertInto('absence_details').values({ absence_id: absenceId, detail }).compile()]
}

export async function createAbsence(ctx: WriteContext, schoolId: string, input: AbsenceInput): Promise<AbsenceWithDetail> {
  const { absence, statements } = await newAbsenceStatements(ctx, schoolId, input)
  await ctx.store.atomic(statements)
  return absence
}

/** A new absence and the statements that record it (audit entry included), for a caller's own write. */
export async function newAbsenceStatements(
  ctx: WriteContext,
  schoolId: string,
  input: AbsenceInput,
): Promise<{ absence: AbsenceWithDetail; statements: CompiledQuery[] }> {
  const staff = await resolveRef(ctx.store, 'staff', schoolId, input.staff, ['staff'])
  const { detail, ...rest } = input
  const absence: Absence = { id: ctx.newId('abs'), ...rest, staff: staff.code, staffId: staff.id, version: 1, createdAt: nowIso(ctx) }
  return {
    absence: { ...absence, detail },
    statements: [
      auditStatement(ctx, { schoolId, entity: 'absence', entityId: absence.id, action: 'create', after: absence }),
      ...insertAbsences(ctx.store.db, [absenceRow(schoolId, absence.id, absence.createdAt, { ...input, staffId: staff.id })]),
      ...detailStatements(ctx, absence.id, detail),
      ...(await absenceCoverStatements(ctx, schoolId, absence)),
    ],
  }
}

export async function updateAbsence(ctx: WriteContext, schoolId: string, id: string, input: AbsenceInput, ifMatch?: string): Promise<AbsenceWithDetail> {
  const before = await getAbsenceOnly(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, 'absence')
  const staff = await resolveRef(ctx.store, 'staff', schoolId, input.staff, ['staff'])
  const { detail, ...rest } = input
  const after: Absence = { ...before, ...rest, staff: staff.code, staffId: staff.id, version: before.version + 1 }
  await commit(ctx, { schoolId, entity: 'absence', entityId: id, action: 'update', before, after, expect: { table: 'absences', version: before.version } }, [
    ctx.store.db
      .updateTable('absences')
      .set({ ...columns(input, staff.id), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
    ctx.store.db.deleteFrom('absence_details').where('absence_id', '=', id).compile(),
    ...detailStatements(ctx, id, detail),
    ...(await absenceCoverStatements(ctx, schoolId, after)),
  ])
  return { ...after, detail }
}

export async function deleteAbsence(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getAbsenceOnly(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, 'absence')
  await commit(ctx, { schoolId, entity: 'absence', entityId: id, action: 'delete', before, expect: { table: 'absences', version: before.version } }, [
    ctx.store.db.deleteFrom('absences').where('id', '=', id).compile(),
  ])
}
