// How each person wants to be told about changes (e-mail or not, and quiet hours), chosen on
// their own phone page, and whether they can be reached at all, which a manager sees.
import { sql } from 'kysely'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement } from '../platform/audit.js'
import { fieldError, invalid, preconditionFailed } from '../platform/http/problem.js'

export interface NotificationPrefs {
  email: boolean
  /** push to the phones they turned notifications on for */
  push: boolean
  /** "HH:MM" school time; both null when there are no quiet hours */
  quietStart: string | null
  quietEnd: string | null
  version: number
}

/** Someone who never chose is told by e-mail, with no quiet hours. */
const DEFAULTS: NotificationPrefs = { email: true, push: true, quietStart: null, quietEnd: null, version: 0 }

export async function loadPrefs(store: Store, staffId: string): Promise<NotificationPrefs> {
  const row = await store.db.selectFrom('notification_prefs').selectAll().where('staff_id', '=', staffId).executeTakeFirst()
  return row ? { email: row.email === 1, push: row.push === 1, quietStart: row.quiet_start, quietEnd: row.quiet_end, version: row.version } : DEFAULTS
}

export type Reach = { name: string; address: string | null; email: boolean; push: boolean; why: string }

function reachWords(address: string | null, wantsEmail: boolean, phones: number, wantsPush: boolean): string {
  const ways = [
    ...(address && wantsEmail ? [`by e-mail to ${address}`] : []),
    ...(phones > 0 && wantsPush ? [`on ${phones === 1 ? 'their phone' : `${phones} phones`}`] : []),
  ]
  if (ways.length > 0) return ways.join(' and ')
  if (address && !wantsEmail) return 'turned off e-mail on their phone'
  return 'no e-mail address on record, and no phone with notifications on'
}

/** Per person of the school: can a message reach them, and if not, why not, in a manager's words. */
export async function reachability(store: Store, schoolId: string): Promise<Map<string, Reach>> {
  const [rows, phones] = await Promise.all([
    store.db
      .selectFrom('staff as s')
      .leftJoin('notification_prefs as p', 'p.staff_id', 's.id')
      .select(['s.id', 's.name', 's.email', 'p.email as wants_email', 'p.push as wants_push'])
      .where('s.school_id', '=', schoolId)
      .execute(),
    store.db
      .selectFrom('push_subscriptions as ps')
      .innerJoin('staff as s', 's.id', 'ps.staff_id')
      .select(['ps.staff_id'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('s.school_id', '=', schoolId)
      .groupBy('ps.staff_id')
      .execute(),
  ])
  const phonesOf = new Map(phones.map((p) => [p.staff_id, Number(p.n)]))
  return new Map(
    rows.map((r) => {
      const address = r.email?.trim() ? r.email.trim() : null
      const wantsEmail = r.wants_email !== 0
      const wantsPush = r.wants_push !== 0
      const n = phonesOf.get(r.id) ?? 0
      return [
        r.id,
        { name: r.name, address, email: address !== null && wantsEmail, push: n > 0 && wantsPush, why: reachWords(address, wantsEmail, n, wantsPush) },
      ]
    }),
  )
}

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/

export interface PrefsInput {
  email: boolean
  push: boolean
  quietStart: string
  quietEnd: string
}

/** Saves a person's choice; the version they read guards against a second phone's older form. */
export async function savePrefs(ctx: WriteContext, schoolId: string, staffId: string, input: PrefsInput, version: number): Promise<NotificationPrefs> {
  const quietStart = input.quietStart.trim()
  const quietEnd = input.quietEnd.trim()
  const errors = [
    ...(quietStart !== '' && !HHMM.test(quietStart) ? [fieldError(['quietStart'], 'must be a time like 21:00')] : []),
    ...(quietEnd !== '' && !HHMM.test(quietEnd) ? [fieldError(['quietEnd'], 'must be a time like 07:00')] : []),
    ...((quietStart === '') !== (quietEnd === '') ? [fieldError([quietStart === '' ? 'quietStart' : 'quietEnd'], 'give both times, or neither')] : []),
    ...(quietStart !== '' && quietStart === quietEnd ? [fieldError(['quietEnd'], 'must differ from the start')] : []),
  ]
  if (errors.length > 0) throw invalid(errors)
  const current = await loadPrefs(ctx.store, staffId)
  if (current.version !== version) throw preconditionFailed('your notification settings were changed on another phone: here they are as they stand')
  const row = { email: input.email ? 1 : 0, push: input.push ? 1 : 0, quiet_start: quietStart || null, quiet_end: quietEnd || null }
  await ctx.store.atomic([
    auditStatement(
      ctx,
      { schoolId, entity: 'notification_prefs', entityId: staffId, action: 'update', before: current, after: row },
      sql`COALESCE((SELECT version FROM notification_prefs WHERE staff_id = ${staffId}), 0) = ${version}`,
    ),
    ctx.store.db
      .insertInto('notification_prefs')
      .values({ staff_id: staffId, ...row })
      .onConflict((oc) => oc.column('staff_id').doUpdateSet({ ...row, version: sql<number>`notification_prefs.version + 1` }))
      .compile(),
  ])
  return loadPrefs(ctx.store, staffId)
}

/** What a person's own phone page shows of this: their address on record and their choice. */
export async function myNotifications(store: Store, staffId: string): Promise<{ address: string | null; prefs: NotificationPrefs }> {
  const [row, prefs] = await Promise.all([store.db.selectFrom('staff').select('email').where('id', '=', staffId).executeTakeFirst(), loadPrefs(store, staffId)])
  return { address: row?.email?.trim() ? row.email.trim() : null, prefs }
}
