// "Seen" receipts: after a re-plan changes someone's published duties, each changed duty asks
// them to say they have read it, and the week page shows the office who has and who has not,
// so it knows whom to chase before the day starts. A receipt names the assignment (its
// calendar entry) and the publish that last changed it, so a later publish that changes the
// duty again asks again (db/migrations/0020_duty_receipts.sql).
import { sql } from 'kysely'
import type { CalendarEntryKind } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import { whatLabel } from '../calendar/entry-text.js'
import { auditStatement, nowIso } from '../platform/audit.js'
import type { WriteContext } from '../platform/deps.js'
import { conflict, notFound } from '../platform/http/problem.js'

/** Where on /me the changes still to be marked seen are listed: the change messages link there. */
export const TO_SEE_ANCHOR = 'to-see'

/** A changed duty still to be marked seen: the publish whose change it is. */
export interface ToSee {
  publishId: string
  change: 'added' | 'updated'
}

/** The person's live duties from `from` on (YYYY-MM-DD) that a re-plan changed and they have not marked seen, by entry uid. */
export async function unseenChanges(store: Store, schoolId: string, staffId: string, from: string): Promise<Map<string, ToSee>> {
  const rows = await store.db
    .selectFrom('calendar_entries as e')
    .innerJoin('calendar_publishes as p', 'p.id', 'e.asks_seen_in')
    .leftJoin('duty_receipts as r', (j) => j.onRef('r.entry_uid', '=', 'e.uid').onRef('r.publish_id', '=', 'e.asks_seen_in'))
    .select(['e.uid', 'e.asks_seen_in', 'e.change'])
    .where('e.school_id', '=', schoolId)
    .where('e.staff_id', '=', staffId)
    .where('e.date', '>=', from)
    .where('e.removed_at', 'is', null)
    .where('p.ordinal', '>', 1)
    .where('r.entry_uid', 'is', null)
    .execute()
  return new Map(rows.flatMap((r) => (r.change === 'removed' ? [] : [[r.uid, { publishId: r.asks_seen_in, change: r.change }]])))
}

/** What marking seen did: written now, or found already written (a double tap, a replayed form). */
export type SeenOutcome = 'seen' | 'already'

/**
 * Records that the person has read this change of their duty. Someone else's duty, a duty they
 * no longer have, or one no re-plan changed is unknown to them (404); a duty changed again
 * since the page they pressed Seen on is refused (409), since they have not seen that change.
 */
export async function markSeen(ctx: WriteContext, me: { schoolId: string; staffId: string }, entryUid: string, publishId: string): Promise<SeenOutcome> {
  const entry = await ctx.store.db
    .selectFrom('calendar_entries as e')
    .innerJoin('calendar_publishes as p', 'p.id', 'e.asks_seen_in')
    .leftJoin('duty_receipts as r', (j) => j.onRef('r.entry_uid', '=', 'e.uid').onRef('r.publish_id', '=', 'e.asks_seen_in'))
    .select(['e.asks_seen_in', 'p.ordinal', 'r.seen_at'])
    .where('e.uid', '=', entryUid)
    .where('e.school_id', '=', me.schoolId)
    .where('e.staff_id', '=', me.staffId)
    .where('e.removed_at', 'is', null)
    .executeTakeFirst()
  if (!entry || entry.ordinal < 2) throw notFound('no changed duty of yours has that id')
  if (entry.asks_seen_in !== publishId) throw conflict('that duty has changed again since the page you pressed Seen on')
  if (entry.seen_at !== null) return 'already'
  // The guard keeps the receipt to the change it names, should another publish land meanwhile.
  const stillSo = sql`EXISTS (SELECT 1 FROM calendar_entries WHERE uid = ${entryUid} AND asks_seen_in = ${publishId} AND removed_at IS NULL)`
  await ctx.store.atomic([
    auditStatement(ctx, { schoolId: me.schoolId, entity: 'duty_receipt', entityId: entryUid, action: 'seen', after: { publishId } }, stillSo),
    ctx.store.db
      .insertInto('duty_receipts')
      .values({ entry_uid: entryUid, publish_id: publishId, school_id: me.schoolId, staff_id: me.staffId, seen_at: nowIso(ctx) })
      .onConflict((oc) => oc.doNothing())
      .compile(),
  ])
  return 'seen'
}

/** One changed duty of the latest publish and who of the people on it has seen the change. */
export interface ChangedDuty {
  date: string
  start: string
  end: string
  /** "Break duty: Yard", "Cover: 9X Maths, room M4", or an event's own name */
  what: string
  seen: { name: string; at: string }[]
  notYet: string[]
}

/** The latest publish of the week, when it was a re-plan, and its changed duties by time. */
export interface WeekReceipts {
  ordinal: number
  publishedAt: string
  duties: ChangedDuty[]
}

/** Undefined when the week is unpublished or has only its first publish (nothing to acknowledge). */
export async function weekReceipts(store: Store, schoolId: string, week: string): Promise<WeekReceipts | undefined> {
  const latest = await store.db
    .selectFrom('calendar_publishes')
    .select(['id', 'ordinal', 'published_at'])
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .orderBy('ordinal', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!latest || latest.ordinal < 2) return undefined
  const rows = await store.db
    .selectFrom('calendar_entries as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .leftJoin('duty_receipts as r', (j) => j.onRef('r.entry_uid', '=', 'e.uid').onRef('r.publish_id', '=', 'e.asks_seen_in'))
    .select(['e.work_code', 'e.date', 'e.slot_code', 'e.start_time', 'e.end_time', 'e.kind', 'e.title', 's.name', 'r.seen_at'])
    .where('e.school_id', '=', schoolId)
    .where('e.week', '=', week)
    .where('e.asks_seen_in', '=', latest.id)
    .where('e.removed_at', 'is', null)
    .orderBy('e.date')
    .orderBy('e.start_time')
    .orderBy('s.name')
    .execute()
  return { ordinal: latest.ordinal, publishedAt: latest.published_at, duties: byOccurrence(rows) }
}

interface ReceiptRow {
  work_code: string
  date: string
  slot_code: string
  start_time: string
  end_time: string
  kind: CalendarEntryKind
  title: string
  name: string
  seen_at: string | null
}

/** The people on one occurrence of a duty read as one line of the page. */
function byOccurrence(rows: readonly ReceiptRow[]): ChangedDuty[] {
  const out = new Map<string, ChangedDuty>()
  for (const r of rows) {
    const key = JSON.stringify([r.work_code, r.date, r.slot_code])
    const duty = out.get(key) ?? {
      date: r.date,
      start: r.start_time,
      end: r.end_time,
      what: whatLabel({ kind: r.kind, title: r.title }),
      seen: [],
      notYet: [],
    }
    if (r.seen_at === null) duty.notYet.push(r.name)
    else duty.seen.push({ name: r.name, at: r.seen_at })
    out.set(key, duty)
  }
  return [...out.values()]
}
