// Which week the manager means: the Monday of this school week in the school's time zone, or
// the next one at the weekend, when the week to plan is the coming one.
import { DayOfWeek, TemporalAdjusters, type Clock } from '@js-joda/core'
import { schoolToday } from '../platform/zone.js'
import { todayAtSchool } from '../platform/school-today.js'
import { schoolTimeZone } from '../schools/schools.js'
import type { PageContext } from './page-kit.js'

export function mondayOfWeek(clock: Clock, timezone: string): string {
  const today = schoolToday(clock, timezone)
  const weekend = today.dayOfWeek() === DayOfWeek.SATURDAY || today.dayOfWeek() === DayOfWeek.SUNDAY
  return (weekend ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))).toString()
}

/** Today's date where the school is (a school in Dubai starts its day hours before London). */
export const todayHere = (pc: PageContext): Promise<string> => todayAtSchool(pc.ctx.store, pc.ctx.clock, pc.schoolId)

/** The week the manager is planning, by the school's own calendar. */
export async function mondayHere(pc: PageContext): Promise<string> {
  return mondayOfWeek(pc.ctx.clock, await schoolTimeZone(pc.ctx.store, pc.schoolId))
}
