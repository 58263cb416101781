// What the weather does to one week, as stored: the school's wet-weather alternatives and the
// week's dates switched to wet. Read by every plan of the week (school-week.ts) and the week page.
import type { Store } from '../../db/store.js'
import { datesOfWeek } from '../../solver/scenario.js'
import type { WetAlternative, WetWeek } from './wet-weather.js'

/** The school's wet-weather alternatives by code, with their names for the page. */
export interface NamedAlternative extends WetAlternative {
  dryName: string
  wetName: string
}

export async function wetAlternatives(store: Store, schoolId: string): Promise<NamedAlternative[]> {
  return store.db
    .selectFrom('duty_posts as w')
    .innerJoin('duty_posts as d', 'd.id', 'w.wet_weather_for')
    .select(['d.code as dry', 'd.name as dryName', 'w.code as wet', 'w.name as wetName'])
    .where('w.school_id', '=', schoolId)
    .where('d.school_id', '=', schoolId)
    .orderBy('d.code')
    .execute()
}

/** The dates of the week the school switched to wet weather, in order. */
export async function wetDatesOf(store: Store, schoolId: string, monday: string): Promise<string[]> {
  const dates = datesOfWeek(monday)
  const rows = await store.db
    .selectFrom('wet_days')
    .select('date')
    .where('school_id', '=', schoolId)
    .where('date', '>=', dates[0] as string)
    .where('date', '<=', dates[6] as string)
    .orderBy('date')
    .execute()
  return rows.map((r) => r.date)
}

export async function loadWetWeek(store: Store, schoolId: string, monday: string): Promise<WetWeek & { alternatives: NamedAlternative[] }> {
  const [alternatives, wetDates] = await Promise.all([wetAlternatives(store, schoolId), wetDatesOf(store, schoolId, monday)])
  return { alternatives, wetDates }
}
