// The calendar behind a feed token: published entries in the token's scope, as iCalendar text
// with the validators (ETag, Last-Modified) that let calendar apps poll cheaply.
import { Instant } from '@js-joda/core'
import { buildFeed, type FeedEntry, type FeedPerspective } from './feed.js'
import { schoolToday } from '../platform/zone.js'
import type { Deps } from '../platform/deps.js'
import { parseJsonColumn } from '../platform/json.js'
import type { FeedTokenRow } from './feed-tokens.js'
import { etagOfText, lookupView, matchesEtag, storeView } from './read-views.js'

/** How far back a feed reaches: half a term of past duties is plenty to look back on. */
export const FEED_PAST_DAYS = 42

export interface FeedDocument {
  body: string
  /** strong validator: a digest of the body */
  etag: string
  /** the last time an entry in scope was added, changed or removed */
  lastModified: Instant
}

/**
 * The feed as served: the stored copy while nothing in it has changed (read-views.ts), else
 * made afresh and kept. The token itself is checked live by the caller, on every request.
 */
export async function servedFeed(deps: Deps, token: FeedTokenRow, pageUrl: string): Promise<FeedDocument> {
  const slot = await lookupView(deps, token.school_id, `feed:${token.id}`, pageUrl)
  const kept = slot?.current
  if (kept) return { body: kept.body, etag: kept.etag, lastModified: Instant.parse(kept.modified ?? token.created_at) }
  const doc = await loadFeed(deps, token, pageUrl)
  if (slot) await storeView(deps, slot, { body: doc.body, etag: doc.etag, modified: doc.lastModified.toString() })
  return doc
}

export async function loadFeed(deps: Deps, token: FeedTokenRow, pageUrl: string): Promise<FeedDocument> {
  const { db } = deps.store
  const school = await db.selectFrom('schools').select(['name', 'timezone']).where('id', '=', token.school_id).executeTakeFirstOrThrow()
  const from = schoolToday(deps.clock, school.timezone).minusDays(FEED_PAST_DAYS).toString()

  let q = db
    .selectFrom('calendar_entries')
    .innerJoin('staff', 'staff.id', 'calendar_entries.staff_id')
    .select([
      'calendar_entries.uid',
      'calendar_entries.sequence',
      'calendar_entries.kind',
      'calendar_entries.title',
      'calendar_entries.location',
      'calendar_entries.starts_at',
      'calendar_entries.ends_at',
      'calendar_entries.created_at',
      'calendar_entries.changed_at',
      'calendar_entries.colleagues',
      'calendar_entries.removed_at',
      'staff.name as staff_name',
    ])
    .where('calendar_entries.school_id', '=', token.school_id)
    .where('calendar_entries.date', '>=', from)
  if (token.scope === 'person') q = q.where('calendar_entries.staff_id', '=', token.staff_id ?? '')
  if (token.scope === 'duty_post') q = q.where('calendar_entries.duty_post_id', '=', token.duty_post_id ?? '')
  // Removed rows are read too: they leave the feed, but their removal is when it last changed.
  const rows = await q.execute()

  const entries: FeedEntry[] = rows
    .filter((r) => r.removed_at === null)
    .map((r) => ({
      uid: r.uid,
      sequence: r.sequence,
      kind: r.kind,
      title: r.title,
      location: r.location,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      createdAt: r.created_at,
      changedAt: r.changed_at,
      colleagues: parseJsonColumn<string[]>(r.colleagues, []),
      staffName: r.staff_name,
    }))

  const body = buildFeed({
    perspective: token.scope satisfies FeedPerspective,
    name: await feedName(deps, token, school.name),
    pageUrl,
    entries,
  })
  const latest = rows.reduce((max, r) => (r.changed_at > max ? r.changed_at : max), token.created_at)
  return { body, etag: await etagOfText(body), lastModified: Instant.parse(latest) }
}

async function feedName(deps: Deps, token: FeedTokenRow, schoolName: string): Promise<string> {
  const { db } = deps.store
  if (token.scope === 'person') {
    const staff = await db
      .selectFrom('staff')
      .select('name')
      .where('id', '=', token.staff_id ?? '')
      .executeTakeFirst()
    return `Duty Rota: ${staff?.name ?? 'my duties'}`
  }
  if (token.scope === 'duty_post') {
    const post = await db
      .selectFrom('duty_posts')
      .select('name')
      .where('id', '=', token.duty_post_id ?? '')
      .executeTakeFirst()
    return `Duty Rota: ${post?.name ?? 'duty post'}, ${schoolName}`
  }
  return `Duty Rota: ${schoolName}`
}

/** An HTTP-date (RFC 9110), e.g. "Mon, 23 Nov 2026 09:00:00 GMT". Formatting only. */
export function httpDate(instant: Instant): string {
  return new Date(instant.toEpochMilli()).toUTCString()
}

/**
 * True when the client's copy is current: If-None-Match wins when sent (RFC 9110 13.2.2);
 * otherwise If-Modified-Since at or after Last-Modified, compared in whole seconds because
 * HTTP dates have no fractions.
 */
export function notModified(doc: FeedDocument, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined): boolean {
  if (ifNoneMatch !== undefined) return matchesEtag(ifNoneMatch, doc.etag)
  if (ifModifiedSince === undefined) return false
  const since = Date.parse(ifModifiedSince)
  if (Number.isNaN(since)) return false
  return Math.floor(doc.lastModified.toEpochMilli() / 1000) <= Math.floor(since / 1000)
}
