// Delivering the outbox: due messages are claimed one at a time (so two runners never send the
// same one), sent through the mailer, and recorded as sent, or failed with the reason and tried
// again later with a growing wait. Quiet hours hold a message until they end. A run is started
// by a timer on Node and by a Cron Trigger on Workers, never by the publish itself, so a failing
// mail server cannot fail or delay a publish.
import { Duration, Instant, type LocalDate, LocalTime, ZonedDateTime } from '@js-joda/core'
import type { Deps } from '../platform/deps.js'
import type { Mailer } from '../platform/mailer.js'
import { isoInstant } from '../platform/tokens.js'
import { schoolZone } from '../platform/zone.js'
import { loadPrefs, type NotificationPrefs } from './prefs.js'
import { forgetPushSubscription, pushSubscriptionsOf } from './push-subscriptions.js'
import { sendPush } from '../platform/web-push.js'
import { TO_SEE_ANCHOR } from './receipts.js'
import { ORIGIN_MARK } from './managers.js'

/** Minutes to wait after each failed attempt; after the last, the message is marked failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240] as const
/** A claimed message another runner may take over if this one dies before recording the outcome. */
const CLAIM_MINUTES = 10
const BATCH = 25

export interface DeliveryRun {
  sent: number
  retrying: number
  failed: number
  held: number
}

/** The end of quiet hours if `at` falls inside them (school time), else null. */
export function quietUntil(prefs: Pick<NotificationPrefs, 'quietStart' | 'quietEnd'>, at: Instant, timezone: string): Instant | null {
  if (prefs.quietStart === null || prefs.quietEnd === null) return null
  const local = ZonedDateTime.ofInstant(at, schoolZone(timezone))
  const time = local.toLocalTime()
  const start = LocalTime.parse(prefs.quietStart)
  const end = LocalTime.parse(prefs.quietEnd)
  // A window across midnight (21:00-07:00) is quiet before its end or from its start.
  const inside = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end) : !time.isBefore(start) || time.isBefore(end)
  if (!inside) return null
  const day: LocalDate = time.isBefore(end) ? local.toLocalDate() : local.toLocalDate().plusDays(1)
  return ZonedDateTime.of(day, end, schoolZone(timezone)).toInstant()
}

/** `origin`: where /me is reached; a Worker without PUBLIC_ORIGIN sends the message without the link. */
export async function deliverDue(deps: Deps, mailer: Mailer, origin: string | undefined): Promise<DeliveryRun> {
  const { db } = deps.store
  const now = Instant.now(deps.clock)
  const due = await db
    .selectFrom('outbox as o')
    .leftJoin('staff as s', 's.id', 'o.staff_id')
    .leftJoin('users as u', 'u.id', 'o.user_id')
    .innerJoin('schools as sc', 'sc.id', 'o.school_id')
    .select(['o.id', 'o.staff_id', 'o.channel', 'o.subject', 'o.body', 'o.attempts', 's.email', 'u.email as user_email', 'sc.timezone'])
    .where('o.status', '=', 'queued')
    .where('o.next_attempt_at', '<=', isoInstant(now))
    .orderBy('o.next_attempt_at')
    .limit(BATCH)
    .execute()
  const run: DeliveryRun = { sent: 0, retrying: 0, failed: 0, held: 0 }
  for (const m of due) {
    // A manager's message (cover needed) has no staff choice behind it: e-mail, any hour.
    const prefs = m.staff_id ? await loadPrefs(deps.store, m.staff_id) : MANAGER_PREFS
    const address = (m.email ?? m.user_email)?.trim()
    const unreachable = whyUnreachable(m.channel, address, prefs, deps.vapid !== undefined)
    if (unreachable) {
      await record(deps, m.id, { status: 'failed', last_error: unreachable })
      run.failed++
      continue
    }
    const quiet = quietUntil(prefs, now, m.timezone)
    if (quiet) {
      await db
        .updateTable('outbox')
        .set({ next_attempt_at: isoInstant(quiet) })
        .where('id', '=', m.id)
        .where('status', '=', 'queued')
        .execute()
      run.held++
      continue
    }
    if (!(await claim(deps, m.id, m.attempts, now))) continue
    try {
      if (m.channel === 'push' && m.staff_id) await pushToPhones(deps, { ...m, staff_id: m.staff_id })
      else await mailer.send(address ?? '', m.subject, `${m.body.replaceAll(ORIGIN_MARK, origin ?? '')}\n\n${linkLine(m.staff_id === null, origin)}\n`)
      await record(deps, m.id, { status: 'sent', sent_at: isoInstant(now), last_error: null })
      run.sent++
    } catch (err) {
      const reason = err instanceof Error ? err.message.slice(0, 300) : String(err).slice(0, 300)
      const wait = RETRY_MINUTES[m.attempts]
      if (wait === undefined) {
        await record(deps, m.id, { status: 'failed', last_error: reason })
        run.failed++
      } else {
        await record(deps, m.id, { status: 'queued', last_error: reason, next_attempt_at: isoInstant(now.plus(Duration.ofMinutes(wait))) })
        run.retrying++
      }
    }
  }
  return run
}

/** Where a change message takes its reader: the changes on /me still to be marked seen. */
const STAFF_LINK = `/me#${TO_SEE_ANCHOR}`

const MANAGER_PREFS: NotificationPrefs = { email: true, push: false, quietStart: null, quietEnd: null, version: 0 }

/** Where the reader goes next: a manager to their pages, staff to their phone page. */
function linkLine(toManager: boolean, origin: string | undefined): string {
  if (toManager) return origin ? `Open the week: ${origin}/manage` : 'Open Duty Rota to see the week.'
  return origin ? `See your week: ${origin}${STAFF_LINK}` : 'Open Duty Rota on your phone to see your week.'
}

/** Why a message on this channel cannot go to the person now; null when it can. */
function whyUnreachable(channel: 'email' | 'push', address: string | undefined, prefs: NotificationPrefs, pushConfigured: boolean): string | null {
  if (channel === 'email') return !address ? 'no e-mail address on record' : prefs.email ? null : 'they turned off e-mail'
  if (!pushConfigured) return 'push is not configured on this service'
  return prefs.push ? null : 'they turned off phone notifications'
}

/**
 * One message to every phone the person turned notifications on for. A phone the push service
 * says has gone is forgotten; the message counts as sent when any phone took it, and throws
 * (to be tried again) when none did.
 */
async function pushToPhones(deps: Deps, m: { staff_id: string; subject: string; body: string }): Promise<void> {
  const vapid = deps.vapid
  if (!vapid) throw new Error('push is not configured on this service')
  const phones = await pushSubscriptionsOf(deps.store, m.staff_id)
  // The greeting line is for e-mail; a notification starts with the changes.
  const text = m.body.split('\n').slice(2).join('\n').slice(0, 2000)
  const nowSeconds = Math.floor(Instant.now(deps.clock).epochSecond())
  const reasons: string[] = []
  let delivered = 0
  for (const phone of phones) {
    const outcome = await sendPush(phone, { title: m.subject, body: text, url: STAFF_LINK, tag: 'duties' }, vapid, nowSeconds)
    if (outcome.kind === 'sent') delivered++
    else if (outcome.kind === 'gone') await forgetPushSubscription(deps.store, phone.endpoint)
    else reasons.push(outcome.reason)
  }
  if (delivered === 0) throw new Error(reasons[0] ?? 'no phone has notifications turned on any more')
}

/** Takes the message for this run: only one runner's update finds it at the attempt count it read. */
async function claim(deps: Deps, id: string, attempts: number, now: Instant): Promise<boolean> {
  const result = await deps.store.db
    .updateTable('outbox')
    .set({ attempts: attempts + 1, next_attempt_at: isoInstant(now.plus(Duration.ofMinutes(CLAIM_MINUTES))) })
    .where('id', '=', id)
    .where('status', '=', 'queued')
    .where('attempts', '=', attempts)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) === 1
}

type Outcome = { status: 'sent' | 'queued' | 'failed'; last_error: string | null; sent_at?: string; next_attempt_at?: string }

async function record(deps: Deps, id: string, outcome: Outcome): Promise<void> {
  await deps.store.db.updateTable('outbox').set(outcome).where('id', '=', id).execute()
}

export interface Delivery {
  subject: string
  status: 'queued' | 'sent' | 'failed'
  attempts: number
  lastError: string | null
  createdAt: string
  sentAt: string | null
}

/** The latest messages to each person of the school, newest first: what a manager checks. */
export async function recentDeliveries(deps: Deps, schoolId: string, perPerson = 3): Promise<Map<string, Delivery[]>> {
  const rows = await deps.store.db
    .selectFrom('outbox')
    .select(['staff_id', 'subject', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('school_id', '=', schoolId)
    .orderBy('created_at', 'desc')
    .limit(2000)
    .execute()
  const out = new Map<string, Delivery[]>()
  for (const r of rows) {
    if (r.staff_id === null) continue
    const list = out.get(r.staff_id) ?? []
    if (list.length < perPerson) {
      list.push({ subject: r.subject, status: r.status, attempts: r.attempts, lastError: r.last_error, createdAt: r.created_at, sentAt: r.sent_at })
      out.set(r.staff_id, list)
    }
  }
  return out
}
