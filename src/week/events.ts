// One-off work outside the usual day (parents' evening, INSET), paid from additional hours.
import { sql, type Selectable } from 'kysely'
import type { EventsTable } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFreeInWeek } from '../setup/refs.js'
import { eventColumns, eventRow, insertEvents, type EventFields } from './week-rows.js'

export type EventInput = EventFields

export interface SchoolEvent extends EventInput {
  id: string
  version: number
}

const toEvent = (r: Selectable<EventsTable>): SchoolEvent => ({
  id: r.id,
  code: r.code,
  name: r.name,
  date: r.date,
  start: r.start_time,
  end: r.end_time,
  peopleNeeded: r.people_needed,
  skillSeats: parseJsonColumn<Record<string, number>>(r.skill_seats, {}),
  priority: r.priority,
  version: r.version,
})

const columns = eventColumns

export interface EventQuery extends PageQuery {
  from?: string | undefined
  to?: string | undefined
}

export async function listEvents(store: Store, schoolId: string, page: EventQuery): Promise<Page<SchoolEvent>> {
  let q = store.db
    .selectFrom('events')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('date', 'id', page.cursor))
  if (page.from !== undefined) q = q.where('date', '>=', page.from)
  if (page.to !== undefined) q = q.where('date', '<=', page.to)
  const rows = await q
    .orderBy('date')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.date, id: r.id }), toEvent)
}

export async function getEvent(store: Store, schoolId: string, id: string): Promise<SchoolEvent> {
  const row = await store.db.selectFrom('events').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no event with id ${id} in this school`)
  return toEvent(row)
}

export async function createEvent(ctx: WriteContext, schoolId: string, input: EventInput): Promise<SchoolEvent> {
  await ensureCodeFreeInWeek(ctx.store, 'events', schoolId, input)
  const event: SchoolEvent = { id: ctx.newId('evt'), ...input, version: 1 }
  await commit(ctx, { schoolId, entity: 'event', entityId: event.id, action: 'create', after: event }, [
    ...insertEvents(ctx.store.db, [eventRow(schoolId, event.id, input)]),
  ])
  return event
}

export async function updateEvent(ctx: WriteContext, schoolId: string, id: string, input: EventInput, ifMatch?: string): Promise<SchoolEvent> {
  const before = await getEvent(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `event ${before.code}`)
  await ensureCodeFreeInWeek(ctx.store, 'events', schoolId, input, before)
  const after: SchoolEvent = { ...before, ...input, version: before.version + 1 }
  await commit(ctx, { schoolId, entity: 'event', entityId: id, action: 'update', before, after, expect: { table: 'events', version: before.version } }, [
    ctx.store.db
      .updateTable('events')
      .set({ ...columns(input), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}

export async function deleteEvent(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getEvent(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `event ${before.code}`)
  await commit(ctx, { schoolId, entity: 'event', entityId: id, action: 'delete', before, expect: { table: 'events', version: before.version } }, [
    ctx.store.db.deleteFrom('events').where('id', '=', id).compile(),
  ])
}
