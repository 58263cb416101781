// The school calendar: terms and half-term holidays (date ranges) and single closure days
// (INSET, bank holidays). Nothing refers to them by id, so deleting one never conflicts.
import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { CalendarPeriodsTable, ClosuresTable, Database } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { insertRows } from '../platform/insert-rows.js'

export interface CalendarPeriodInput {
  kind: CalendarPeriodsTable['kind']
  name: string
  startDate: string
  endDate: string
}

export interface CalendarPeriod extends CalendarPeriodInput {
  id: string
  version: number
}

export interface ClosureInput {
  date: string
  kind: ClosuresTable['kind']
  name: string
}

export interface Closure extends ClosureInput {
  id: string
  version: number
}

const toPeriod = (r: Selectable<CalendarPeriodsTable>): CalendarPeriod => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  startDate: r.start_date,
  endDate: r.end_date,
  version: r.version,
})

const toClosure = (r: Selectable<ClosuresTable>): Closure => ({ id: r.id, date: r.date, kind: r.kind, name: r.name, version: r.version })

export async function listCalendarPeriods(store: Store, schoolId: string, page: PageQuery): Promise<Page<CalendarPeriod>> {
  const rows = await store.db
    .selectFrom('calendar_periods')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('start_date', 'id', page.cursor))
    .orderBy('start_date')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.start_date, id: r.id }), toPeriod)
}

export async function getCalendarPeriod(store: Store, schoolId: string, id: string): Promise<CalendarPeriod> {
  const row = await store.db.selectFrom('calendar_periods').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no calendar period with id ${id} in this school`)
  return toPeriod(row)
}

// One row mapper and one insert per table: the calendar pages, the term-dates paste and the
// scenario import all write periods and closures through these.
const periodColumns = (input: CalendarPeriodInput) => ({ kind: input.kind, name: input.name, start_date: input.startDate, end_date: input.endDate })

export const periodRow = (schoolId: string, id: string, input: CalendarPeriodInput): Insertable<CalendarPeriodsTable> => ({
  id,
  school_id: schoolId,
  ...periodColumns(input),
})

export const insertPeriods = (db: Kysely<Database>, rows: readonly Insertable<CalendarPeriodsTable>[]): CompiledQuery[] =>
  insertRows(db, 'calendar_periods', rows)

export const closureRow = (schoolId: string, id: string, input: ClosureInput): Insertable<ClosuresTable> => ({
  id,
  school_id: schoolId,
  date: input.date,
  kind: input.kind,
  name: input.name,
})

export const insertClosures = (db: Kysely<Database>, rows: readonly Insertable<ClosuresTable>[]): CompiledQuery[] => insertRows(db, 'closures', rows)

export async function createCalendarPeriod(ctx: WriteContext, schoolId: string, input: CalendarPeriodInput): Promise<CalendarPeriod> {
  const period: CalendarPeriod = { id: ctx.newId('cal'), ...input, version: 1 }
  await commit(ctx, { schoolId, entity: 'calendar_period', entityId: period.id, action: 'create', after: period }, [
    ...insertPeriods(ctx.store.db, [periodRow(schoolId, period.id, input)]),
  ])
  return period
}

export async function updateCalendarPeriod(
  ctx: WriteContext,
  schoolId: string,
  id: string,
  input: CalendarPeriodInput,
  ifMatch?: string,
): Promise<CalendarPeriod> {
  const before = await getCalendarPeriod(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `calendar period ${before.name}`)
  const after: CalendarPeriod = { ...before, ...input, version: before.version + 1 }
  await commit(
    ctx,
    { schoolId, entity: 'calendar_period', entityId: id, action: 'update', before, after, expect: { table: 'calendar_periods', version: before.version } },
    [
      ctx.store.db
        .updateTable('calendar_periods')
        .set({ ...periodColumns(input), version: sql<number>`version + 1` })
        .where('id', '=', id)
        .compile(),
    ],
  )
  return after
}

export async function deleteCalendarPeriod(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getCalendarPeriod(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `calendar period ${before.name}`)
  await commit(
    ctx,
    { schoolId, entity: 'calendar_period', entityId: id, action: 'delete', before, expect: { table: 'calendar_periods', version: before.version } },
    [ctx.store.db.deleteFrom('calendar_periods').where('id', '=', id).compile()],
  )
}

export async function listClosures(store: Store, schoolId: string, page: PageQuery): Promise<Page<Closure>> {
  const rows = await store.db
    .selectFrom('closures')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('date', 'id', page.cursor))
    .orderBy('date')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.date, id: r.id }), toClosure)
}

export async function getClosure(store: Store, schoolId: string, id: string): Promise<Closure> {
  const row = await store.db.selectFrom('closures').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no closure with id ${id} in this school`)
  return toClosure(row)
}

async function ensureDateFree(store: Store, schoolId: string, date: string, exceptId?: string): Promise<void> {
  let q = store.db.selectFrom('closures').select('name').where('school_id', '=', schoolId).where('date', '=', date)
  if (exceptId !== undefined) q = q.where('id', '!=', exceptId)
  const other = await q.executeTakeFirst()
  if (other) throw conflict(`${date} is already a closure day (${other.name})`)
}

export async function createClosure(ctx: WriteContext, schoolId: string, input: ClosureInput): Promise<Closure> {
  await ensureDateFree(ctx.store, schoolId, input.date)
  const closure: Closure = { id: ctx.newId('cls'), ...input, version: 1 }
  await commit(ctx, { schoolId, entity: 'closure', entityId: closure.id, action: 'create', after: closure }, [
    ...insertClosures(ctx.store.db, [closureRow(schoolId, closure.id, input)]),
  ])
  return closure
}

export async function updateClosure(ctx: WriteContext, schoolId: string, id: string, input: ClosureInput, ifMatch?: string): Promise<Closure> {
  const before = await getClosure(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `closure on ${before.date}`)
  await ensureDateFree(ctx.store, schoolId, input.date, id)
  const after: Closure = { ...before, ...input, version: before.version + 1 }
  await commit(ctx, { schoolId, entity: 'closure', entityId: id, action: 'update', before, after, expect: { table: 'closures', version: before.version } }, [
    ctx.store.db
      .updateTable('closures')
      .set({ ...input, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}

export async function deleteClosure(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getClosure(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `closure on ${before.date}`)
  await commit(ctx, { schoolId, entity: 'closure', entityId: id, action: 'delete', before, expect: { table: 'closures', version: before.version } }, [
    ctx.store.db.deleteFrom('closures').where('id', '=', id).compile(),
  ])
}
