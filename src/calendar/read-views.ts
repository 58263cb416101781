// Stored copies of what staff read most: their /me page and their calendar feeds. A copy is
// made on the first read after a change and then served as it is, with a strong ETag, until
// the school's epoch moves (db/migrations/0009_read_views.sql: a trigger bumps it in the same
// transaction as any write the page or a feed reads: a publish, an approved swap, a rename, a
// new calendar link) or the school's day turns. One query says whether the copy is current.
import type { Deps } from '../platform/deps.js'
import { schoolToday } from '../platform/zone.js'
import { hashToken } from '../platform/tokens.js'

export interface StoredView {
  /** a strong validator: a digest of the body */
  etag: string
  body: string
  /** ISO instant, for a Last-Modified; null where none is sent */
  modified: string | null
}

/** Where a copy lives and what it must match; `current` is the copy when it may be served. */
export interface ViewSlot {
  schoolId: string
  key: string
  variant: string
  /** the school's epoch, read before anything the copy is made from */
  epoch: number
  /** the school's date now, YYYY-MM-DD */
  today: string
  current: StoredView | undefined
}

/** The slot of one copy, or undefined when the school has no epoch (nothing is stored then). */
export async function lookupView(deps: Deps, schoolId: string, key: string, variant: string): Promise<ViewSlot | undefined> {
  const row = await deps.store.db
    .selectFrom('schools as s')
    .innerJoin('view_epochs as e', 'e.school_id', 's.id')
    .leftJoin('read_views as v', (j) => j.onRef('v.school_id', '=', 's.id').on('v.key', '=', key))
    .select(['s.timezone', 'e.epoch', 'v.epoch as viewEpoch', 'v.today', 'v.variant', 'v.etag', 'v.body', 'v.modified'])
    .where('s.id', '=', schoolId)
    .executeTakeFirst()
  if (!row) return undefined
  const today = schoolToday(deps.clock, row.timezone).toString()
  const fresh = row.viewEpoch === row.epoch && row.today === today && row.variant === variant && row.etag !== null && row.body !== null
  return {
    schoolId,
    key,
    variant,
    epoch: row.epoch,
    today,
    current: fresh ? { etag: row.etag ?? '', body: row.body ?? '', modified: row.modified } : undefined,
  }
}

/**
 * Keeps a copy made after `lookupView` returned `slot`. It is stamped with the epoch read then,
 * so if anything changed while it was being made the copy is already stale and never served.
 */
export async function storeView(deps: Deps, slot: ViewSlot, view: StoredView): Promise<void> {
  const row = { school_id: slot.schoolId, key: slot.key, epoch: slot.epoch, today: slot.today, variant: slot.variant, ...view }
  const { school_id, key, ...rest } = row
  await deps.store.atomic([
    deps.store.db
      .insertInto('read_views')
      .values(row)
      .onConflict((oc) => oc.columns(['school_id', 'key']).doUpdateSet(rest))
      .compile(),
  ])
}

/** A strong ETag of a text: the first 128 bits of its SHA-256. */
export async function etagOfText(text: string): Promise<string> {
  return `"${(await hashToken(text)).slice(0, 32)}"`
}

/** If-None-Match names this ETag (or `*`); weak and strong forms compare alike for a GET (RFC 9110 13.1.2). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false
  const tags = ifNoneMatch.split(',').map((t) => t.trim().replace(/^W\//, ''))
  return tags.includes('*') || tags.includes(etag)
}

/**
 * Personal answers a phone may keep but must revalidate every time (the ETag makes that a 304
 * of no body); never a shared cache's. Vary: Cookie because /me is one URL for everyone.
 */
export const REVALIDATE = 'private, no-cache'
