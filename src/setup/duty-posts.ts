// Recurring duties (yard at break, dining hall at lunch, on-call each lesson) and the slots
// they run in. The slots are rows of duty_post_slots so a slot in use cannot be deleted.
import { sql, type CompiledQuery, type Insertable, type Kysely, type Selectable } from 'kysely'
import type { Database, DutyPostSlotsTable, DutyPostsTable } from '../../db/schema.js'
import { chunkRows, type Store } from '../../db/store.js'
import type { DutyKind, Weekday } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, fieldError, invalid, notFound } from '../platform/http/problem.js'
import { commit } from '../platform/audit.js'
import { insertRows, type Column } from '../platform/insert-rows.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFree, ensureWorkCodeFree, resolveRef, resolveRefs, type Ref } from './refs.js'

export interface DutyPostInput {
  code: string
  name: string
  kind: DutyKind
  /** ids or codes of slots, in order */
  slots: string[]
  days: Weekday[]
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
  /**
   * id or code of the post this one replaces on wet days (the Yard, for the Sports hall), or
   * null for a post that runs whatever the weather; left out, an update keeps what is saved
   */
  wetWeatherFor?: string | null
}

export interface DutyPost extends DutyPostInput {
  id: string
  /** slot codes; `slotIds` are their ids */
  slots: string[]
  slotIds: string[]
  /** the id of the post this one replaces on wet days */
  wetWeatherFor: string | null
  version: number
}

async function slotsOf(store: Store, postIds: readonly string[]): Promise<Map<string, Ref[]>> {
  const byPost = new Map<string, Ref[]>(postIds.map((id) => [id, []]))
  for (const chunk of chunkRows(postIds, 1)) {
    const rows = await store.db
      .selectFrom('duty_post_slots as p')
      .innerJoin('slots as s', 's.id', 'p.slot_id')
      .select(['p.duty_post_id', 's.id', 's.code'])
      .where('p.duty_post_id', 'in', chunk)
      .orderBy('p.duty_post_id')
      .orderBy('p.position')
      .execute()
    for (const r of rows) byPost.get(r.duty_post_id)?.push({ id: r.id, code: r.code })
  }
  return byPost
}

function toPost(r: Selectable<DutyPostsTable>, slots: readonly Ref[]): DutyPost {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    slots: slots.map((s) => s.code),
    slotIds: slots.map((s) => s.id),
    days: parseJsonColumn<Weekday[]>(r.days, []),
    peopleNeeded: r.people_needed,
    skillSeats: parseJsonColumn<Record<string, number>>(r.skill_seats, {}),
    priority: r.priority,
    wetWeatherFor: r.wet_weather_for,
    version: r.version,
  }
}

export async function listDutyPosts(store: Store, schoolId: string, page: PageQuery): Promise<Page<DutyPost>> {
  const rows = await store.db
    .selectFrom('duty_posts')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('code', 'id', page.cursor))
    .orderBy('code')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  const slots = await slotsOf(
    store,
    rows.slice(0, page.limit).map((r) => r.id),
  )
  return toPage(
    rows,
    page.limit,
    (r) => ({ key: r.code, id: r.id }),
    (r) => toPost(r, slots.get(r.id) ?? []),
  )
}

export async function getDutyPost(store: Store, schoolId: string, id: string): Promise<DutyPost> {
  const row = await store.db.selectFrom('duty_posts').selectAll().where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no duty post with id ${id} in this school`)
  return toPost(row, (await slotsOf(store, [id])).get(id) ?? [])
}

/** Whether the duty post is in this school (another school's id is as unknown as none). */
export async function dutyPostExists(store: Store, schoolId: string, postId: string): Promise<boolean> {
  const row = await store.db.selectFrom('duty_posts').select('id').where('id', '=', postId).where('school_id', '=', schoolId).executeTakeFirst()
  return row !== undefined
}

// The one row mapper and insert of duty_posts and of duty_post_slots, shared with the
// scenario import.
export const postSlotRows = (postId: string, slotIds: readonly string[]): Insertable<DutyPostSlotsTable>[] =>
  slotIds.map((slotId, position) => ({ duty_post_id: postId, slot_id: slotId, position }))

export const insertPostSlots = (db: Kysely<Database>, rows: readonly Insertable<DutyPostSlotsTable>[]): CompiledQuery[] =>
  insertRows(db, 'duty_post_slots', rows)

function slotStatements(ctx: WriteContext, postId: string, slots: readonly Ref[]): CompiledQuery[] {
  return insertPostSlots(
    ctx.store.db,
    postSlotRows(
      postId,
      slots.map((s) => s.id),
    ),
  )
}

export const dutyPostRow = (schoolId: string, id: string, input: Omit<DutyPostInput, 'slots'>): Insertable<DutyPostsTable> => ({
  id,
  school_id: schoolId,
  ...columns(input),
})

/** New posts; with `update`, a code the school already has updates those columns instead. */
export function insertDutyPosts(db: Kysely<Database>, rows: readonly Insertable<DutyPostsTable>[], update?: readonly Column<'duty_posts'>[]): CompiledQuery[] {
  return insertRows(db, 'duty_posts', rows, update && { key: ['school_id', 'code'], set: update, bumpVersion: true })
}

const columns = (i: Omit<DutyPostInput, 'slots'>) => ({
  code: i.code,
  name: i.name,
  kind: i.kind,
  days: JSON.stringify(i.days),
  people_needed: i.peopleNeeded,
  skill_seats: JSON.stringify(i.skillSeats),
  priority: i.priority,
})

const resolveSlots = (store: Store, schoolId: string, input: DutyPostInput) =>
  resolveRefs(
    store,
    'slots',
    schoolId,
    input.slots.map((ref, i) => ({ ref, path: ['slots', i] })),
  )

/** The staff who name a duty post (by its code) in avoid or prefer: while any do, it keeps its code. */
export async function staffNaming(store: Store, schoolId: string, postCode: string): Promise<{ code: string; name: string }[]> {
  return store.db
    .selectFrom('staff')
    .select(['code', 'name'])
    .where('school_id', '=', schoolId)
    .where(
      sql<boolean>`EXISTS (SELECT 1 FROM json_each(staff.avoid) WHERE value = ${postCode}) OR EXISTS (SELECT 1 FROM json_each(staff.prefer) WHERE value = ${postCode})`,
    )
    .orderBy('code')
    .execute()
}

/** Staff name duty posts by code in avoid/prefer; a post they name keeps its code. */
async function ensureNotNamedByStaff(store: Store, schoolId: string, post: DutyPost, doing: string): Promise<void> {
  const named = await staffNaming(store, schoolId, post.code)
  if (named.length > 0) {
    throw conflict(
      `${named.length} staff (${named.map((s) => s.code).join(', ')}) still name duty post ${post.code} in avoid or prefer; change them before you ${doing}`,
    )
  }
}

export async function createDutyPost(ctx: WriteContext, schoolId: string, input: DutyPostInput): Promise<DutyPost> {
  await ensureCodeFree(ctx.store, 'duty_posts', schoolId, input.code)
  await ensureWorkCodeFree(ctx.store, schoolId, 'duty_posts', input.code)
  const slots = await resolveSlots(ctx.store, schoolId, input)
  const id = ctx.newId('dut')
  const wetWeatherFor = await wetAlternativeOf(ctx.store, schoolId, id, input.wetWeatherFor ?? null)
  const post: DutyPost = { id, ...input, slots: slots.map((s) => s.code), slotIds: slots.map((s) => s.id), wetWeatherFor, version: 1 }
  await commit(ctx, { schoolId, entity: 'duty_post', entityId: post.id, action: 'create', after: post }, [
    ...insertDutyPosts(ctx.store.db, [{ ...dutyPostRow(schoolId, post.id, input), wet_weather_for: wetWeatherFor }]),
    ...slotStatements(ctx, post.id, slots),
  ])
  return post
}

export async function updateDutyPost(ctx: WriteContext, schoolId: string, id: string, input: DutyPostInput, ifMatch?: string): Promise<DutyPost> {
  const before = await getDutyPost(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `duty post ${before.code}`)
  await ensureCodeFree(ctx.store, 'duty_posts', schoolId, input.code, id)
  if (input.code !== before.code) {
    // A duty post's code names it in every week, so no cover request or event of any week may have it.
    await ensureWorkCodeFree(ctx.store, schoolId, 'duty_posts', input.code)
    await ensureNotNamedByStaff(ctx.store, schoolId, before, 'rename it')
  }
  const slots = await resolveSlots(ctx.store, schoolId, input)
  const wetWeatherFor = input.wetWeatherFor === undefined ? before.wetWeatherFor : await wetAlternativeOf(ctx.store, schoolId, id, input.wetWeatherFor)
  const after: DutyPost = { ...before, ...input, slots: slots.map((s) => s.code), slotIds: slots.map((s) => s.id), wetWeatherFor, version: before.version + 1 }
  await commit(
    ctx,
    { schoolId, entity: 'duty_post', entityId: id, action: 'update', before, after, expect: { table: 'duty_posts', version: before.version } },
    [
      ctx.store.db
        .updateTable('duty_posts')
        .set({ ...columns(input), wet_weather_for: wetWeatherFor, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .compile(),
      ctx.store.db.deleteFrom('duty_post_slots').where('duty_post_id', '=', id).compile(),
      ...slotStatements(ctx, id, slots),
    ],
  )
  return after
}

export async function deleteDutyPost(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getDutyPost(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `duty post ${before.code}`)
  await ensureNotNamedByStaff(ctx.store, schoolId, before, 'delete it')
  await ensureNoWetAlternative(ctx.store, schoolId, before)
  await commit(ctx, { schoolId, entity: 'duty_post', entityId: id, action: 'delete', before, expect: { table: 'duty_posts', version: before.version } }, [
    ctx.store.db.deleteFrom('duty_posts').where('id', '=', id).compile(),
  ])
}

/**
 * The id of the post `ref` names as the one `postId` replaces on wet days, or null. A wet day
 * must never have to choose: so a post cannot replace itself, nor a post that is itself an
 * alternative, nor one that has an alternative already, and a post with an alternative of its own
 * cannot become one.
 */
async function wetAlternativeOf(store: Store, schoolId: string, postId: string, ref: string | null): Promise<string | null> {
  if (ref === null) return null
  const path = ['wetWeatherFor']
  const dry = await resolveRef(store, 'duty_posts', schoolId, ref, path)
  const refuse = (message: string) => invalid([fieldError(path, message)])
  if (dry.id === postId) throw refuse('a duty post cannot be its own wet-weather alternative')
  const rows = await store.db
    .selectFrom('duty_posts')
    .select(['id', 'name', 'wet_weather_for'])
    .where('school_id', '=', schoolId)
    .where((eb) => eb.or([eb('id', '=', dry.id), eb('wet_weather_for', 'in', [dry.id, postId])]))
    .execute()
  const target = rows.find((r) => r.id === dry.id)
  if (target?.wet_weather_for) throw refuse(`${target.name} is itself a wet-weather alternative; choose the post it replaces`)
  const rival = rows.find((r) => r.wet_weather_for === dry.id && r.id !== postId)
  if (rival) throw refuse(`${target?.name ?? dry.code} already has a wet-weather alternative: ${rival.name}`)
  const own = rows.find((r) => r.wet_weather_for === postId)
  if (own) throw refuse(`${own.name} is this post's own wet-weather alternative, so this post cannot be one`)
  return dry.id
}

/** A dry post keeps its wet-weather alternative's place: deleting it would leave the alternative running every day. */
async function ensureNoWetAlternative(store: Store, schoolId: string, post: DutyPost): Promise<void> {
  const alt = await store.db.selectFrom('duty_posts').select('name').where('school_id', '=', schoolId).where('wet_weather_for', '=', post.id).executeTakeFirst()
  if (alt) throw conflict(`${alt.name} is the wet-weather alternative of ${post.name}; change or delete ${alt.name} first`)
}
