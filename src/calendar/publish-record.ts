// Gives every published assignment a stable identity for calendar apps (UID + SEQUENCE) and
// keeps a snapshot of what was published, which the feeds and the phone page read.
import { Instant } from '@js-joda/core'
import { sql, type CompiledQuery } from 'kysely'
import type { CalendarEntryKind, CalendarEntriesTable } from '../../db/schema.js'
import { chunkRows } from '../../db/store.js'
import type { Deps, PublishHook } from '../platform/deps.js'
import { isoInstant } from '../platform/tokens.js'
import { weekRange } from '../scenario/week-dates.js'
import { schoolInstant } from '../platform/zone.js'
import { whatLabel } from './entry-text.js'

/** One assignment of a published rota, as rota_assignments holds it. */
export interface PublishedAssignment {
  staffId: string
  /** code of a duty post, cover request or event */
  workCode: string
  date: string
  /** null for an event */
  slotCode: string | null
}

export interface PublishedWeek {
  schoolId: string
  /** the Monday of the week */
  week: string
  /** the rota being published (or the published rota a swap changes) */
  rotaId: string
  /** every assignment of that rota as it will stand (the whole week, not just what changed) */
  assignments: readonly PublishedAssignment[]
}

/**
 * FOR THE PUBLISH SERVICE (src/week/publish.ts) AND SWAP APPROVAL: call this while
 * building the write that changes a week's published rota
 * and put the statements it returns INTO THE SAME `store.atomic([...])` batch that marks the
 * rota published, after the statements that write its rota_assignments. Then a published week
 * and its calendar can never disagree: both happen or neither does.
 *
 * ```ts
 * const calendar = await recordPublishedAssignments(ctx, { schoolId, week: monday, rotaId, assignments })
 * await ctx.store.atomic([audit, ...supersedeOld, markPublished, ...calendar])
 * ```
 *
 * It reads the setup (slots, duty posts, cover requests, events, staff names) to snapshot what
 * each assignment says, and returns statements that:
 * - upsert one calendar_entries row per assignment, keyed by (school, staff, work, date, slot):
 *   a new one gets a random UID and SEQUENCE 0; one whose time, title, place or colleagues
 *   differ from the last publish (or that comes back after removal) gets SEQUENCE + 1;
 * - mark every live row of the week that this rota no longer has as removed (the feeds drop it);
 * - record the publish itself (calendar_publishes).
 * Which rows are "no longer there" is decided by the id of this call, not the rota's, so a swap
 * that edits the published rota in place removes what it takes away. The statements decide
 * "changed" in SQL against the rows as they are when the batch runs, so a concurrent publish
 * cannot make two rows share a SEQUENCE. Re-running it for an unchanged rota changes no event.
 * Every statement binds fewer than 100 parameters (D1's limit).
 */
export async function recordPublishedAssignments(deps: Deps, published: PublishedWeek): Promise<CompiledQuery[]> {
  const { db } = deps.store
  const now = isoInstant(Instant.now(deps.clock))
  const recordId = deps.newId('cpb')
  const setup = await loadSetup(deps, published)
  const byOccurrence = new Map<string, PublishedAssignment[]>()
  for (const a of published.assignments) {
    const list = byOccurrence.get(occurrenceKey(a))
    if (list) list.push(a)
    else byOccurrence.set(occurrenceKey(a), [a])
  }
  const rows = published.assignments.map((a) => {
    const colleagues = (byOccurrence.get(occurrenceKey(a)) ?? [])
      .filter((x) => x.staffId !== a.staffId)
      .map((x) => setup.names.get(x.staffId) ?? 'a colleague')
      .sort()
    return entryRow(deps, published, setup, a, colleagues, recordId, now)
  })

  const statements: CompiledQuery[] = []
  const columns = rows[0] ? Object.keys(rows[0]).length : 1
  for (const chunk of chunkRows(rows, columns)) {
    statements.push(
      db
        .insertInto('calendar_entries')
        .values(chunk)
        .onConflict((oc) => oc.columns(['school_id', 'staff_id', 'work_code', 'date', 'slot_code']).doUpdateSet(ON_REPUBLISH))
        .compile(),
    )
  }
  statements.push(
    db
      .updateTable('calendar_entries')
      .set({
        removed_at: now,
        change: 'removed',
        sequence: sql<number>`sequence + 1`,
        changed_in: recordId,
        changed_at: now,
      })
      .where('school_id', '=', published.schoolId)
      .where('week', '=', published.week)
      .where('removed_at', 'is', null)
      .where('record_id', '!=', recordId)
      .compile(),
    db
      .insertInto('calendar_publishes')
      .values({
        id: recordId,
        school_id: published.schoolId,
        week: published.week,
        rota_id: published.rotaId,
        ordinal: sql<number>`(SELECT COUNT(*) + 1 FROM calendar_publishes WHERE school_id = ${published.schoolId} AND week = ${published.week})`,
        published_at: now,
      })
      .compile(),
  )
  return statements
}

/**
 * True when what a calendar shows for the row differs from what is being published, or the row
 * had been removed. (SQLite evaluates every SET expression against the row before the update.)
 */
const DIFFERS = sql`(calendar_entries.removed_at IS NOT NULL
  OR calendar_entries.kind IS NOT excluded.kind
  OR calendar_entries.title IS NOT excluded.title
  OR calendar_entries.location IS NOT excluded.location
  OR calendar_entries.starts_at IS NOT excluded.starts_at
  OR calendar_entries.ends_at IS NOT excluded.ends_at
  OR calendar_entries.colleagues IS NOT excluded.colleagues)`

/**
 * True when the person must act on the change: the duty is back, or is somewhere or at a time
 * (or is something) other than before. Colleagues alone do not count: nobody goes anywhere else
 * for them, and the change message does not mention them (notifications/changes.ts).
 */
const MOVES = sql`(calendar_entries.removed_at IS NOT NULL
  OR calendar_entries.kind IS NOT excluded.kind
  OR calendar_entries.title IS NOT excluded.title
  OR calendar_entries.location IS NOT excluded.location
  OR calendar_entries.starts_at IS NOT excluded.starts_at
  OR calendar_entries.ends_at IS NOT excluded.ends_at)`

/** What a publish writes over an entry the week already has: the snapshot, and what changed when. */
const ON_REPUBLISH = {
  sequence: sql<number>`CASE WHEN ${DIFFERS} THEN calendar_entries.sequence + 1 ELSE calendar_entries.sequence END`,
  change: sql<
    'added' | 'updated'
  >`CASE WHEN calendar_entries.removed_at IS NOT NULL THEN 'added' WHEN ${DIFFERS} THEN 'updated' ELSE calendar_entries.change END`,
  changed_in: sql<string>`CASE WHEN ${DIFFERS} THEN excluded.changed_in ELSE calendar_entries.changed_in END`,
  asks_seen_in: sql<string>`CASE WHEN ${MOVES} THEN excluded.asks_seen_in ELSE calendar_entries.asks_seen_in END`,
  changed_at: sql<string>`CASE WHEN ${DIFFERS} THEN excluded.changed_at ELSE calendar_entries.changed_at END`,
  week: sql<string>`excluded.week`,
  kind: sql<CalendarEntryKind>`excluded.kind`,
  duty_post_id: sql<string | null>`excluded.duty_post_id`,
  title: sql<string>`excluded.title`,
  location: sql<string | null>`excluded.location`,
  start_time: sql<string>`excluded.start_time`,
  end_time: sql<string>`excluded.end_time`,
  starts_at: sql<string>`excluded.starts_at`,
  ends_at: sql<string>`excluded.ends_at`,
  colleagues: sql<string>`excluded.colleagues`,
  record_id: sql<string>`excluded.record_id`,
  removed_at: null,
}

interface Setup {
  timezone: string
  slots: Map<string, { start: string; end: string }>
  posts: Map<string, { id: string; name: string; kind: CalendarEntryKind }>
  cover: Map<string, { label: string | null }>
  events: Map<string, { name: string; start: string; end: string }>
  names: Map<string, string>
}

async function loadSetup(deps: Deps, published: PublishedWeek): Promise<Setup> {
  const { db } = deps.store
  const { schoolId, week } = published
  const { sunday } = weekRange(week)
  const [school, slots, posts, cover, events, staff] = await Promise.all([
    db.selectFrom('schools').select('timezone').where('id', '=', schoolId).executeTakeFirstOrThrow(),
    db.selectFrom('slots').select(['code', 'start_time', 'end_time']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('duty_posts').select(['id', 'code', 'name', 'kind']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('cover_requests').select(['code', 'label']).where('school_id', '=', schoolId).where('date', '>=', week).where('date', '<=', sunday).execute(),
    db
      .selectFrom('events')
      .select(['code', 'name', 'start_time', 'end_time'])
      .where('school_id', '=', schoolId)
      .where('date', '>=', week)
      .where('date', '<=', sunday)
      .execute(),
    db.selectFrom('staff').select(['id', 'name']).where('school_id', '=', schoolId).execute(),
  ])
  return {
    timezone: school.timezone,
    slots: new Map(slots.map((s) => [s.code, { start: s.start_time, end: s.end_time }])),
    posts: new Map(posts.map((p) => [p.code, { id: p.id, name: p.name, kind: p.kind }])),
    cover: new Map(cover.map((c) => [c.code, { label: c.label }])),
    events: new Map(events.map((e) => [e.code, { name: e.name, start: e.start_time, end: e.end_time }])),
    names: new Map(staff.map((s) => [s.id, s.name])),
  }
}

type EntryRow = Omit<CalendarEntriesTable, 'sequence' | 'colleagues'> & { sequence: number; colleagues: string }

/** The people on one occurrence of a piece of work are each other's colleagues. */
function occurrenceKey(a: PublishedAssignment): string {
  return JSON.stringify([a.workCode, a.date, a.slotCode])
}

function entryRow(deps: Deps, published: PublishedWeek, setup: Setup, a: PublishedAssignment, colleagues: string[], recordId: string, now: string): EntryRow {
  const what = describe(setup, a)
  return {
    uid: deps.newId('cal'),
    school_id: published.schoolId,
    week: published.week,
    staff_id: a.staffId,
    work_code: a.workCode,
    date: a.date,
    slot_code: a.slotCode ?? '',
    kind: what.kind,
    duty_post_id: what.dutyPostId,
    title: what.title,
    location: what.location,
    start_time: what.start,
    end_time: what.end,
    starts_at: isoInstant(schoolInstant(a.date, what.start, setup.timezone)),
    ends_at: isoInstant(schoolInstant(a.date, what.end, setup.timezone)),
    colleagues: JSON.stringify(colleagues),
    sequence: 0,
    change: 'added',
    record_id: recordId,
    changed_in: recordId,
    asks_seen_in: recordId,
    created_at: now,
    changed_at: now,
    removed_at: null,
  }
}

interface Described {
  kind: CalendarEntryKind
  dutyPostId: string | null
  title: string
  location: string | null
  start: string
  end: string
}

/** What and when an assignment is, from the setup. A published rota only names existing work. */
function describe(setup: Setup, a: PublishedAssignment): Described {
  if (a.slotCode === null) {
    const event = setup.events.get(a.workCode)
    if (!event) throw new Error(`published assignment names unknown event ${a.workCode}`)
    return { kind: 'event', dutyPostId: null, title: event.name, location: null, start: event.start, end: event.end }
  }
  const slot = setup.slots.get(a.slotCode)
  if (!slot) throw new Error(`published assignment names unknown slot ${a.slotCode}`)
  const post = setup.posts.get(a.workCode)
  if (post) return { kind: post.kind, dutyPostId: post.id, title: post.name, location: post.name, start: slot.start, end: slot.end }
  const cover = setup.cover.get(a.workCode)
  if (!cover) throw new Error(`published assignment names unknown work ${a.workCode}`)
  // A cover label is the class and room ("9X Maths, room M4"); it is written by the manager
  // for everyone to read. Who is away, and why, is never part of it here.
  const label = cover.label ?? 'a lesson'
  return { kind: 'cover', dutyPostId: null, title: label, location: cover.label, start: slot.start, end: slot.end }
}

/**
 * The same, in the shape of the publish service's hook (PublishOptions.hooks in
 * src/week/publish.ts), so a route can pass `{ hooks: [calendarOnPublish] }`.
 */
export const calendarOnPublish: PublishHook = (ctx, event) =>
  recordPublishedAssignments(ctx, {
    schoolId: event.schoolId,
    week: event.week,
    rotaId: event.rotaId,
    assignments: event.assignments.map((a) => ({ staffId: a.staffId, workCode: a.work, date: a.date, slotCode: a.slot })),
  })

/** An assignment of a publish as its holder reads it: what, and when in school time. */
export interface DescribedAssignment extends PublishedAssignment {
  what: string
  start: string
  end: string
}

/** Each assignment of a publish described as the phone page and the feeds describe it. */
export async function describeAssignments(deps: Deps, published: PublishedWeek): Promise<DescribedAssignment[]> {
  const setup = await loadSetup(deps, published)
  return published.assignments.map((a) => {
    const d = describe(setup, a)
    return { ...a, what: whatLabel({ kind: d.kind, title: d.title }), start: d.start, end: d.end }
  })
}
