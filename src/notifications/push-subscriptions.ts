// The phones a person turned notifications on for. A subscription is the browser's endpoint and
// public keys: saving the same endpoint again (the page re-subscribes on each visit) updates it,
// and it moves to whoever is signed in on that phone now.
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { nowIso } from '../platform/audit.js'
import type { PushSubscription } from '../platform/web-push.js'

export async function savePushSubscription(ctx: WriteContext, staffId: string, s: PushSubscription): Promise<void> {
  const row = { staff_id: staffId, p256dh: s.p256dh, auth: s.auth }
  await ctx.store.db
    .insertInto('push_subscriptions')
    .values({ id: ctx.newId('psb'), endpoint: s.endpoint, created_at: nowIso(ctx), ...row })
    .onConflict((oc) => oc.column('endpoint').doUpdateSet(row))
    .execute()
}

/** Forgets one phone of this person (turned off there), or a phone the push service says is gone. */
export async function forgetPushSubscription(store: Store, endpoint: string, staffId?: string): Promise<void> {
  let q = store.db.deleteFrom('push_subscriptions').where('endpoint', '=', endpoint)
  if (staffId !== undefined) q = q.where('staff_id', '=', staffId)
  await q.execute()
}

export async function pushSubscriptionsOf(store: Store, staffId: string): Promise<PushSubscription[]> {
  const rows = await store.db
    .selectFrom('push_subscriptions')
    .select(['endpoint', 'p256dh', 'auth'])
    .where('staff_id', '=', staffId)
    .orderBy('created_at')
    .execute()
  return rows
}
