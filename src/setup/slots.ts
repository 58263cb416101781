// Slots: the school day in order. A slot still used by a duty post or a cover request stays.
import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database, SlotsTable } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { Weekday } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { insertRows, type Column } from '../platform/insert-rows.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFree } from './refs.js'

export interface SlotInput {
  code: string
  kind: SlotsTable['kind']
  start: string
  end: string
  /** null: every day */
  days: Weekday[] | null
}

export interface Slot extends SlotInput {
  id: string
  version: number
}

const toSlot = (r: Selectable<SlotsTable>): Slot => ({
  id: r.id,
  code: r.code,
  kind: r.kind,
  start: r.start_time,
  end: r.end_time,
  days: parseJsonColumn<Weekday[] | null>(r.days, null),
  version: r.version,
})

// The one row mapper and insert of slots, shared with the scenario import. Only a scenario
// file gives a position (the slots pages leave it to the table's default).
const columns = (input: SlotInput & { position?: number }) => ({
  code: input.code,
  kind: input.kind,
  start_time: input.start,
  end_time: input.end,
  days: input.days === null ? null : JSON.stringify(input.days),
  ...(input.position === undefined ? {} : { position: input.position }),
})

export const slotRow = (schoolId: string, id: string, input: SlotInput & { position?: number }): Insertable<SlotsTable> => ({
  id,
  school_id: schoolId,
  ...columns(input),
})

/** New slots; with `update`, a code the school already has updates those columns instead. */
export function insertSlots(db: Kysely<Database>, rows: readonly Insertable<SlotsTable>[], update?: readonly Column<'slots'>[]): CompiledQuery[] {
  return insertRows(db, 'slots', rows, update && { key: ['school_id', 'code'], set: update, bumpVersion: true })
}

/** In the order of the day. */
export async function listSlots(store: Store, schoolId: string, page: PageQuery): Promise<Page<Slot>> {
  const rows = await store.db
    .selectFrom('slots')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('start_time', 'id', page.cursor))
    .orderBy('start_time')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.start_time, id: r.id }), toSlot)
}

export async function getSlot(store: Store, schoolId: string, id: string): Promise<Slot> {
  const row = await store.db.selectFrom('slots').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no slot with id ${id} in this school`)
  return toSlot(row)
}

export async function createSlot(ctx: WriteContext, schoolId: string, input: SlotInput): Promise<Slot> {
  await ensureCodeFree(ctx.store, 'slots', schoolId, input.code)
  const slot: Slot = { id: ctx.newId('slt'), ...input, version: 1 }
  await commit(ctx, { schoolId, entity: 'slot', entityId: slot.id, action: 'create', after: slot }, [
    ...insertSlots(ctx.store.db, [slotRow(schoolId, slot.id, input)]),
  ])
  return slot
}

export async function updateSlot(ctx: WriteContext, schoolId: string, id: string, input: SlotInput, ifMatch?: string): Promise<Slot> {
  const before = await getSlot(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `slot ${before.code}`)
  await ensureCodeFree(ctx.store, 'slots', schoolId, input.code, id)
  const after: Slot = { ...before, ...input, version: before.version + 1 }
  await commit(ctx, { schoolId, entity: 'slot', entityId: id, action: 'update', before, after, expect: { table: 'slots', version: before.version } }, [
    ctx.store.db
      .updateTable('slots')
      .set({ ...columns(input), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}

/** What still uses a slot (and so keeps it from being deleted): duty posts and cover requests, by code. */
export async function slotUsers(store: Store, id: string) {
  const posts = await store.db
    .selectFrom('duty_post_slots')
    .innerJoin('duty_posts', 'duty_posts.id', 'duty_post_slots.duty_post_id')
    .select(['duty_posts.id', 'duty_posts.code', 'duty_posts.name'])
    .where('duty_post_slots.slot_id', '=', id)
    .orderBy('duty_posts.code')
    .execute()
  const cover = await store.db.selectFrom('cover_requests').select(['code', 'label', 'date']).where('slot_id', '=', id).orderBy('code').execute()
  return { posts, cover }
}

export async function deleteSlot(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getSlot(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `slot ${before.code}`)
  const { posts, cover } = await slotUsers(ctx.store, id)
  const users = [
    ...(posts.length ? [`${posts.length === 1 ? 'duty post' : 'duty posts'} ${posts.map((p) => p.code).join(', ')}`] : []),
    ...(cover.length ? [`${cover.length === 1 ? 'cover request' : 'cover requests'} ${cover.map((p) => p.code).join(', ')}`] : []),
  ]
  if (users.length > 0) throw conflict(`${users.join(' and ')} still use slot ${before.code}; change them first`)
  await commit(ctx, { schoolId, entity: 'slot', entityId: id, action: 'delete', before, expect: { table: 'slots', version: before.version } }, [
    ctx.store.db.deleteFrom('slots').where('id', '=', id).compile(),
  ])
}
