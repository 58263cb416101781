// A feed's iCalendar text from published entries. Pure: the same entries give the same bytes,
// so the feed's ETag changes only when what it shows changes.
import { Instant } from '@js-joda/core'
import type { CalendarEntryKind } from '../../db/schema.js'
import { whatLabel, withWhom } from './entry-text.js'
import { escapeText, utcDateTime, writeCalendar, type Component, type Property } from './ics.js'

/** Who the feed is for decides how an event is titled: your own duty, or someone's. */
export type FeedPerspective = 'person' | 'duty_post' | 'school'

export interface FeedEntry {
  uid: string
  sequence: number
  kind: CalendarEntryKind
  title: string
  location: string | null
  /** ISO instants (UTC) */
  startsAt: string
  endsAt: string
  createdAt: string
  changedAt: string
  colleagues: readonly string[]
  /** the person doing it; shown in duty post and school feeds */
  staffName: string
}

export interface FeedSpec {
  perspective: FeedPerspective
  /** the calendar's display name */
  name: string
  /** where same-day changes are seen first; said in every event's description */
  pageUrl: string
  entries: readonly FeedEntry[]
}

/**
 * How often we ask clients to poll. Google ignores it (8-24 hours); Apple and Outlook honour
 * something like it. An hour keeps a day's re-plan visible the same day where clients allow.
 */
export const REFRESH_INTERVAL = 'PT1H'

export const PRODID = '-//Duty Rota//Duty Rota calendar feeds//EN'

/** UIDs differ per kind of feed: the same duty in your own and in the school's calendar are two events. */
function uidFor(uid: string, perspective: FeedPerspective): string {
  return perspective === 'person' ? `${uid}@duty-rota` : `${uid}.${perspective === 'duty_post' ? 'post' : 'school'}@duty-rota`
}

function summaryFor(e: FeedEntry, perspective: FeedPerspective): string {
  const what = whatLabel(e)
  return perspective === 'person' ? what : `${what} (${e.staffName})`
}

function descriptionFor(e: FeedEntry, spec: FeedSpec): string {
  return `${withWhom(e.colleagues)}.\nCalendar apps can take a day to show a change: ${spec.pageUrl} shows today's rota as it stands.`
}

const utc = (iso: string) => utcDateTime(Instant.parse(iso))

export function eventOf(e: FeedEntry, spec: FeedSpec): Component {
  const properties: Property[] = [
    { name: 'UID', value: escapeText(uidFor(e.uid, spec.perspective)) },
    // The last time what this event says changed: stable between publishes, so clients and
    // the ETag see no change where there is none.
    { name: 'DTSTAMP', value: utc(e.changedAt) },
    { name: 'DTSTART', value: utc(e.startsAt) },
    { name: 'DTEND', value: utc(e.endsAt) },
    { name: 'SEQUENCE', value: String(e.sequence) },
    { name: 'SUMMARY', value: escapeText(summaryFor(e, spec.perspective)) },
  ]
  if (e.location !== null && e.location !== '') properties.push({ name: 'LOCATION', value: escapeText(e.location) })
  properties.push(
    { name: 'DESCRIPTION', value: escapeText(descriptionFor(e, spec)) },
    { name: 'CREATED', value: utc(e.createdAt) },
    { name: 'LAST-MODIFIED', value: utc(e.changedAt) },
    { name: 'STATUS', value: 'CONFIRMED' },
    { name: 'TRANSP', value: 'OPAQUE' },
  )
  return { name: 'VEVENT', properties }
}

export function buildFeed(spec: FeedSpec): string {
  const calendar: Property[] = [
    { name: 'VERSION', value: '2.0' },
    { name: 'PRODID', value: escapeText(PRODID) },
    { name: 'CALSCALE', value: 'GREGORIAN' },
    { name: 'NAME', value: escapeText(spec.name) },
    { name: 'X-WR-CALNAME', value: escapeText(spec.name) },
    { name: 'REFRESH-INTERVAL', params: ['VALUE=DURATION'], value: REFRESH_INTERVAL },
    { name: 'X-PUBLISHED-TTL', value: REFRESH_INTERVAL },
  ]
  const ordered = [...spec.entries].sort((a, b) => cmp(a.startsAt, b.startsAt) || cmp(a.uid, b.uid))
  return writeCalendar(
    calendar,
    ordered.map((e) => eventOf(e, spec)),
  )
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
