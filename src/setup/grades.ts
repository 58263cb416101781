// Grades: what each contracted grade may be asked to do (kinds of work).
import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database, GradesTable } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WorkKind } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { insertRows, type Column } from '../platform/insert-rows.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFree } from './refs.js'

export interface GradeInput {
  code: string
  name: string
  dutyKinds: WorkKind[]
  /**
   * Pounds an hour, for the additional hours its holders are paid (null: not set). Left out, a
   * save keeps the rate stored, so a scenario import (which carries no rates) never clears one.
   */
  hourlyRate?: number | null
}

export interface Grade extends GradeInput {
  id: string
  hourlyRate: number | null
  version: number
}

export const penceOf = (pounds: number | null): number | null => (pounds === null ? null : Math.round(pounds * 100))

const toGrade = (r: Selectable<GradesTable>): Grade => ({
  id: r.id,
  code: r.code,
  name: r.name,
  dutyKinds: parseJsonColumn<WorkKind[]>(r.duty_kinds, []),
  hourlyRate: r.hourly_rate_pence === null ? null : r.hourly_rate_pence / 100,
  version: r.version,
})

// The one row mapper and insert of grades, shared with the scenario import.
export const gradeColumns = (input: GradeInput) => ({
  code: input.code,
  name: input.name,
  duty_kinds: JSON.stringify(input.dutyKinds),
  ...(input.hourlyRate === undefined ? {} : { hourly_rate_pence: penceOf(input.hourlyRate) }),
})

export const gradeRow = (schoolId: string, id: string, input: GradeInput): Insertable<GradesTable> => ({ id, school_id: schoolId, ...gradeColumns(input) })

/** New grades; with `update`, a code the school already has updates those columns instead. */
export function insertGrades(db: Kysely<Database>, rows: readonly Insertable<GradesTable>[], update?: readonly Column<'grades'>[]): CompiledQuery[] {
  return insertRows(db, 'grades', rows, update && { key: ['school_id', 'code'], set: update, bumpVersion: true })
}

export async function listGrades(store: Store, schoolId: string, page: PageQuery): Promise<Page<Grade>> {
  const rows = await store.db
    .selectFrom('grades')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('code', 'id', page.cursor))
    .orderBy('code')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.code, id: r.id }), toGrade)
}

export async function getGrade(store: Store, schoolId: string, id: string): Promise<Grade> {
  const row = await store.db.selectFrom('grades').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no grade with id ${id} in this school`)
  return toGrade(row)
}

export async function createGrade(ctx: WriteContext, schoolId: string, input: GradeInput): Promise<Grade> {
  await ensureCodeFree(ctx.store, 'grades', schoolId, input.code)
  const grade: Grade = { id: ctx.newId('grd'), ...input, hourlyRate: input.hourlyRate ?? null, version: 1 }
  await commit(ctx, { schoolId, entity: 'grade', entityId: grade.id, action: 'create', after: grade }, [
    ...insertGrades(ctx.store.db, [gradeRow(schoolId, grade.id, input)]),
  ])
  return grade
}

export async function updateGrade(ctx: WriteContext, schoolId: string, id: string, input: GradeInput, ifMatch?: string): Promise<Grade> {
  const before = await getGrade(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `grade ${before.code}`)
  await ensureCodeFree(ctx.store, 'grades', schoolId, input.code, id)
  const after: Grade = { ...before, ...input, version: before.version + 1 }
  await commit(ctx, { schoolId, entity: 'grade', entityId: id, action: 'update', before, after, expect: { table: 'grades', version: before.version } }, [
    ctx.store.db
      .updateTable('grades')
      .set({ ...gradeColumns(input), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}

/** The staff who hold a grade (and so keep it from being deleted), by name. */
export async function gradeHolders(store: Store, id: string): Promise<{ code: string; name: string }[]> {
  return store.db.selectFrom('staff').select(['code', 'name']).where('grade_id', '=', id).orderBy('name').orderBy('code').execute()
}

export async function deleteGrade(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getGrade(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `grade ${before.code}`)
  const holders = await gradeHolders(ctx.store, id)
  if (holders.length > 0) {
    throw conflict(`${holders.length} staff still hold grade ${before.code}; give them another grade first`)
  }
  await commit(ctx, { schoolId, entity: 'grade', entityId: id, action: 'delete', before, expect: { table: 'grades', version: before.version } }, [
    ctx.store.db.deleteFrom('grades').where('id', '=', id).compile(),
  ])
}
