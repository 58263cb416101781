// What goes with a row when it is deleted, counted before the manager says yes. Deleting a
// member of staff cascades (db/migrations: ON DELETE CASCADE on staff_id) through their
// absences, their assignments in every rota, pins and bars, swaps, personal link and calendar
// feed; deleting a duty post leaves the rotas that name it as they are and ends its feeds.
import type { Store } from '../../db/store.js'

/** Assignments in the school's published rotas and drafts that one filter picks out. */
async function dutiesIn(store: Store, schoolId: string, filter: { staffId: string } | { workCode: string }): Promise<{ published: number; drafts: number }> {
  const rows = await store.db
    .selectFrom('rota_assignments as a')
    .innerJoin('rotas as r', 'r.id', 'a.rota_id')
    .select(['r.status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('r.school_id', '=', schoolId)
    .where('r.status', 'in', ['published', 'draft'])
    .where((eb) => ('staffId' in filter ? eb('a.staff_id', '=', filter.staffId) : eb('a.work_code', '=', filter.workCode)))
    .groupBy('r.status')
    .execute()
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0)
  return { published: count('published'), drafts: count('draft') }
}

export interface StaffDeletionImpact {
  absences: number
  /** their assignments in published rotas, and in drafts */
  published: number
  drafts: number
  /** their pins and bars */
  overrides: number
  /** swaps they are either side of */
  swaps: number
  /** a personal link in use (their phone page) */
  personalLink: boolean
  /** a calendar feed of their own in use */
  calendarFeed: boolean
}

export async function staffDeletionImpact(store: Store, schoolId: string, staffId: string): Promise<StaffDeletionImpact> {
  const [counted, duties] = await Promise.all([
    store.db
      .selectNoFrom((eb) => [
        eb.selectFrom('absences').select(eb.fn.countAll<number>().as('n')).where('school_id', '=', schoolId).where('staff_id', '=', staffId).as('absences'),
        eb
          .selectFrom('week_overrides')
          .select(eb.fn.countAll<number>().as('n'))
          .where('school_id', '=', schoolId)
          .where('staff_id', '=', staffId)
          .as('overrides'),
        eb
          .selectFrom('swaps')
          .select(eb.fn.countAll<number>().as('n'))
          .where('school_id', '=', schoolId)
          .where((w) => w.or([w('staff_a_id', '=', staffId), w('staff_b_id', '=', staffId)]))
          .as('swaps'),
        eb
          .selectFrom('staff_links')
          .select(eb.fn.countAll<number>().as('n'))
          .where('school_id', '=', schoolId)
          .where('staff_id', '=', staffId)
          .where('revoked_at', 'is', null)
          .as('links'),
        eb
          .selectFrom('feed_tokens')
          .select(eb.fn.countAll<number>().as('n'))
          .where('school_id', '=', schoolId)
          .where('scope', '=', 'person')
          .where('staff_id', '=', staffId)
          .where('revoked_at', 'is', null)
          .as('feeds'),
      ])
      .executeTakeFirstOrThrow(),
    dutiesIn(store, schoolId, { staffId }),
  ])
  return {
    absences: Number(counted.absences ?? 0),
    ...duties,
    overrides: Number(counted.overrides ?? 0),
    swaps: Number(counted.swaps ?? 0),
    personalLink: Number(counted.links ?? 0) > 0,
    calendarFeed: Number(counted.feeds ?? 0) > 0,
  }
}

export interface DutyPostDeletionImpact {
  /** assignments to it in published rotas, and in drafts: the rotas keep them */
  published: number
  drafts: number
  /** managers' calendar feeds of this post in use: they stop */
  feeds: number
}

export async function dutyPostDeletionImpact(store: Store, schoolId: string, post: { id: string; code: string }): Promise<DutyPostDeletionImpact> {
  const [feeds, duties] = await Promise.all([
    store.db
      .selectFrom('feed_tokens')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('school_id', '=', schoolId)
      .where('scope', '=', 'duty_post')
      .where('duty_post_id', '=', post.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirstOrThrow(),
    dutiesIn(store, schoolId, { workCode: post.code }),
  ])
  return { ...duties, feeds: Number(feeds.n) }
}
