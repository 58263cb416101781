// "Today" for a school is its own calendar date: just after midnight in London it is still
// yesterday in UTC, where Workers run, so the date always comes from the school's zone.
import type { Clock } from '@js-joda/core'
import type { Store } from '../../db/store.js'
import { schoolToday } from './zone.js'

export async function todayAtSchool(store: Store, clock: Clock, schoolId: string): Promise<string> {
  const school = await store.db.selectFrom('schools').select('timezone').where('id', '=', schoolId).executeTakeFirst()
  return schoolToday(clock, school?.timezone ?? 'Europe/London').toString()
}
