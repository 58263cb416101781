// The week as it is planned: its scenario with the days the term dates leave without pupils
// added to `closed`, and its wet days' alternatives in their dry posts' places (wet-weather.ts). The seam is here rather than in the export on purpose: the exported file
// (GET .../scenario) lists only the closures the school stored, because an import stores every
// `closed` date as a closure, and a holiday written back as closures would outlive a change to
// the term dates and break the import/export round trip. Generate, publish, the re-plan and the
// week page all plan from this one function, so they agree on which days are open.
import type { Store } from '../../db/store.js'
import type { Scenario } from '../../solver/scenario.js'
import { conflict } from '../platform/http/problem.js'
import { exportScenario } from '../scenario/export.js'
import { loadSchoolWeek, type SchoolWeek } from '../setup/school-days.js'
import { listGrants, withGrants } from './week-grants.js'
import { loadWetWeek } from './wet-week.js'
import { withWetWeather } from './wet-weather.js'

export interface PlannedWeek {
  scenario: Scenario
  schoolWeek: SchoolWeek
}

export function withSchoolDays(scenario: Scenario, schoolWeek: SchoolWeek): Scenario {
  const closed = [...new Set([...(scenario.closed ?? []), ...schoolWeek.closed])].sort()
  return closed.length === 0 ? scenario : { ...scenario, closed }
}

export async function plannedWeek(store: Store, schoolId: string, monday: string): Promise<PlannedWeek> {
  const [scenario, schoolWeek, grants, wet] = await Promise.all([
    exportScenario(store, schoolId, monday),
    loadSchoolWeek(store, schoolId, monday),
    listGrants(store, schoolId, monday),
    loadWetWeek(store, schoolId, monday),
  ])
  // The week's grants (a duty over a cap, hours beyond what is left) are planned with, never
  // exported: they belong to this week, and an import would make them the person's own limits.
  return { scenario: withGrants(withSchoolDays(withWetWeather(scenario, wet), schoolWeek), grants), schoolWeek }
}

/** 409 for a week with nothing to plan: a rota there would send people in on a holiday. */
export function requireSchoolDay(schoolWeek: SchoolWeek): void {
  if (schoolWeek.noSchoolDay !== undefined) throw conflict(schoolWeek.noSchoolDay)
}

/** Whether a week has a school day at all, for callers that skip such weeks (the re-plan). */
export async function hasSchoolDay(store: Store, schoolId: string, monday: string): Promise<boolean> {
  return (await loadSchoolWeek(store, schoolId, monday)).noSchoolDay === undefined
}
