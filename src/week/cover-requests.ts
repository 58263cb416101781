// Lessons or 1:1 sessions that need someone else on one date and slot, often because of an absence.
import { sql } from 'kysely'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { fieldError, invalid, notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFreeInWeek, resolveRef } from '../setup/refs.js'
import { coverColumns, insertCover } from './week-rows.js'

export interface CoverRequestInput {
  code: string
  date: string
  /** id or code of the slot */
  slot: string
  label: string | null
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
  absenceId: string | null
}

export interface CoverRequest extends CoverRequestInput {
  id: string
  /** the slot's code; `slotId` is its id */
  slot: string
  slotId: string
  version: number
}

function selectCover(store: Store, schoolId: string) {
  return store.db
    .selectFrom('cover_requests as c')
    .innerJoin('slots as s', 's.id', 'c.slot_id')
    .selectAll('c')
    .select('s.code as slot_code')
    .where('c.school_id', '=', schoolId)
}

type CoverRow = Awaited<ReturnType<ReturnType<typeof selectCover>['executeTakeFirstOrThrow']>>

const toCover = (r: CoverRow): CoverRequest => ({
  id: r.id,
  code: r.code,
  date: r.date,
  slot: r.slot_code,
  slotId: r.slot_id,
  label: r.label,
  peopleNeeded: r.people_needed,
  skillSeats: parseJsonColumn<Record<string, number>>(r.skill_seats, {}),
  priority: r.priority,
  absenceId: r.absence_id,
  version: r.version,
})

export interface CoverQuery extends PageQuery {
  from?: string | undefined
  to?: string | undefined
}

export async function listCoverRequests(store: Store, schoolId: string, page: CoverQuery): Promise<Page<CoverRequest>> {
  let q = selectCover(store, schoolId).where(afterCursor('c.date', 'c.id', page.cursor))
  if (page.from !== undefined) q = q.where('c.date', '>=', page.from)
  if (page.to !== undefined) q = q.where('c.date', '<=', page.to)
  const rows = await q
    .orderBy('c.date')
    .orderBy('c.id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.date, id: r.id }), toCover)
}

export async function getCoverRequest(store: Store, schoolId: string, id: string): Promise<CoverRequest> {
  const row = await selectCover(store, schoolId).where('c.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no cover request with id ${id} in this school`)
  return toCover(row)
}

async function resolve(store: Store, schoolId: string, input: CoverRequestInput) {
  const slot = await resolveRef(store, 'slots', schoolId, input.slot, ['slot'])
  if (input.absenceId !== null) {
    const absence = await store.db.selectFrom('absences').select('id').where('school_id', '=', schoolId).where('id', '=', input.absenceId).executeTakeFirst()
    if (!absence) throw invalid([fieldError(['absenceId'], `no absence with id ${input.absenceId} in this school`)])
  }
  const columns = coverColumns({ ...input, slotId: slot.id })
  return { slot, columns }
}

export async function createCoverRequest(ctx: WriteContext, schoolId: string, input: CoverRequestInput): Promise<CoverRequest> {
  await ensureCodeFreeInWeek(ctx.store, 'cover_requests', schoolId, input)
  const { slot, columns } = await resolve(ctx.store, schoolId, input)
  const cover: CoverRequest = { id: ctx.newId('cov'), ...input, slot: slot.code, slotId: slot.id, version: 1 }
  await commit(ctx, { schoolId, entity: 'cover_request', entityId: cover.id, action: 'create', after: cover }, [
    ...insertCover(ctx.store.db, [{ id: cover.id, school_id: schoolId, ...columns }]),
  ])
  return cover
}

export async function updateCoverRequest(ctx: WriteContext, schoolId: string, id: string, input: CoverRequestInput, ifMatch?: string): Promise<CoverRequest> {
  const before = await getCoverRequest(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `cover request ${before.code}`)
  await ensureCodeFreeInWeek(ctx.store, 'cover_requests', schoolId, input, before)
  const { slot, columns } = await resolve(ctx.store, schoolId, input)
  const after: CoverRequest = { ...before, ...input, slot: slot.code, slotId: slot.id, version: before.version + 1 }
  await commit(
    ctx,
    { schoolId, entity: 'cover_request', entityId: id, action: 'update', before, after, expect: { table: 'cover_requests', version: before.version } },
    [
      ctx.store.db
        .updateTable('cover_requests')
        .set({ ...columns, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .compile(),
    ],
  )
  return after
}

export async function deleteCoverRequest(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getCoverRequest(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `cover request ${before.code}`)
  await commit(
    ctx,
    { schoolId, entity: 'cover_request', entityId: id, action: 'delete', before, expect: { table: 'cover_requests', version: before.version } },
    [ctx.store.db.deleteFrom('cover_requests').where('id', '=', id).compile()],
  )
}
