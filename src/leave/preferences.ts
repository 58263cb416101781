// Duties a person would rather do or not do ("prefer yard", "avoid bus duty"), chosen on their
// phone. They are the staff row's own avoid and prefer, the very lists the scenario format
// carries and the solver's preference objective weighs (solver/preferences.ts): soft, honoured
// only where nothing above them in the objective is worse for it, so no manager approves them.
// The write is guarded on the person's version: a manager's edit in between is not overwritten.
import { sql } from 'kysely'
import { z } from 'zod'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement, STALE_WRITE_MARKER } from '../platform/audit.js'
import { fieldError, invalid, notFound, preconditionFailed } from '../platform/http/problem.js'
import { parseJsonColumn } from '../platform/json.js'
import { reference } from '../platform/fields.js'
import { resolvePreferences } from '../setup/staff.js'

export interface MyPreferences {
  prefer: string[]
  avoid: string[]
  /** the school's duty posts, by code, for the form */
  posts: { code: string; name: string }[]
  version: number
}

export async function myPreferences(store: Store, schoolId: string, staffId: string): Promise<MyPreferences> {
  const [me, posts] = await Promise.all([
    store.db.selectFrom('staff').select(['avoid', 'prefer', 'version']).where('id', '=', staffId).where('school_id', '=', schoolId).executeTakeFirst(),
    store.db.selectFrom('duty_posts').select(['code', 'name']).where('school_id', '=', schoolId).orderBy('name').orderBy('code').execute(),
  ])
  if (!me) throw notFound('no such member of staff in this school')
  return { prefer: parseJsonColumn<string[]>(me.prefer, []), avoid: parseJsonColumn<string[]>(me.avoid, []), posts, version: me.version }
}

const preferencesInput = z.object({
  prefer: z.array(reference).max(500),
  avoid: z.array(reference).max(500),
  staff: reference.nullable().optional(),
  version: z.number().int().min(0),
})

/** Replaces the person's avoid and prefer; refused whole, naming each bad field, if any is wrong. */
export async function savePreferences(ctx: WriteContext, schoolId: string, staffId: string, raw: unknown): Promise<MyPreferences> {
  const parsed = preferencesInput.safeParse(raw)
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => fieldError(i.path, i.message)))
  const v = parsed.data
  if (typeof v.staff === 'string' && v.staff !== staffId) throw invalid([fieldError(['staff'], 'you can choose only your own preferences')])
  const before = await myPreferences(ctx.store, schoolId, staffId)
  const after = await resolvePreferences(ctx.store, schoolId, v)
  await writeOrStale(ctx, [
    auditStatement(ctx, {
      schoolId,
      entity: 'staff',
      entityId: staffId,
      action: 'update',
      before: { avoid: before.avoid, prefer: before.prefer },
      after,
      expect: { table: 'staff', version: v.version },
    }),
    ctx.store.db
      .updateTable('staff')
      .set({ avoid: JSON.stringify(after.avoid), prefer: JSON.stringify(after.prefer), version: sql<number>`version + 1` })
      .where('id', '=', staffId)
      .compile(),
  ])
  return myPreferences(ctx.store, schoolId, staffId)
}

/** A manager's edit of the person (or another phone's save) since the form was read: 412, nothing written. */
async function writeOrStale(ctx: WriteContext, statements: Parameters<Store['atomic']>[0]): Promise<void> {
  try {
    await ctx.store.atomic(statements)
  } catch (err) {
    if (err instanceof Error && err.message.includes(STALE_WRITE_MARKER)) throw preconditionFailed('your preferences were changed since this page was read')
    throw err
  }
}
