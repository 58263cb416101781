// What people call the codes a rota is written in. A rota names staff and work by code alone;
// a page that shows one to a person needs the names. Cover request and event codes belong to
// their own week, so those are kept per week.
import type { Store } from '../../db/store.js'

export interface CodeNames {
  /** staff code -> name */
  staff: ReadonlyMap<string, string>
  /** duty post code -> name */
  work: ReadonlyMap<string, string>
  /** Monday -> that week's cover request and event codes -> name (their codes are unique only within a week) */
  weekly: ReadonlyMap<string, ReadonlyMap<string, string>>
}

/** The names of the school's staff and duty posts, and of the cover and events of the weeks (Mondays, in order). */
export async function codeNames(store: Store, schoolId: string, mondays: readonly string[]): Promise<CodeNames> {
  const { db } = store
  // A range, not an IN list: an open-ended absence can re-plan many weeks (D1 binds at most 100 parameters).
  const [from, to] = [mondays[0] ?? '', mondays.at(-1) ?? '']
  const [staff, posts, cover, events] = await Promise.all([
    db.selectFrom('staff').select(['code', 'name']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('duty_posts').select(['code', 'name']).where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('cover_requests')
      .select(['week', 'code', 'label'])
      .where('school_id', '=', schoolId)
      .where('week', '>=', from)
      .where('week', '<=', to)
      .execute(),
    db.selectFrom('events').select(['week', 'code', 'name']).where('school_id', '=', schoolId).where('week', '>=', from).where('week', '<=', to).execute(),
  ])
  const weekly = new Map<string, Map<string, string>>()
  const add = (week: string, code: string, name: string) => weekly.set(week, (weekly.get(week) ?? new Map<string, string>()).set(code, name))
  for (const c of cover) add(c.week, c.code, `Cover: ${c.label ?? c.code}`)
  for (const e of events) add(e.week, e.code, e.name)
  return { staff: new Map(staff.map((s) => [s.code, s.name])), work: new Map(posts.map((p) => [p.code, p.name])), weekly }
}
