// What a week's supply bookings and checks mean for its scenario, without a format change: a
// supply person's working pattern is their booked days (they have no regular ones), and on a
// booked day a check does not cover they are absent with the reason CHECKS_MISSING_REASON.
// Absence is the hard rule the solver, solver/check.ts and the independent checker already keep,
// so a person whose checks are missing or expired is never assigned that day.
import { WEEKDAYS, type Weekday } from '../../solver/scenario.js'
import { checksValidOn, type SupplyWeek } from './supply.js'

export interface SupplyPlan {
  /** the working pattern of the week's dates, Monday first */
  pattern: Partial<Record<Weekday, { start: string; end: string }>>
  /** booked hours of the week, to stand for their contract in the fairness figures */
  bookedHours: number
  /** booked dates their checks do not cover */
  blockedDates: string[]
}

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5))

/** Undefined for someone who is not supply: their own pattern stands. */
export function supplyPlanOf(week: SupplyWeek, staffId: string, dates: readonly string[]): SupplyPlan | undefined {
  const person = week.people.get(staffId)
  if (person === undefined) return undefined
  const plan: SupplyPlan = { pattern: {}, bookedHours: 0, blockedDates: [] }
  for (const b of week.bookings) {
    const index = dates.indexOf(b.date)
    const day = WEEKDAYS[index]
    if (b.staffId !== staffId || day === undefined) continue
    plan.pattern[day] = { start: b.start, end: b.end }
    plan.bookedHours += (minutes(b.end) - minutes(b.start)) / 60
    if (!checksValidOn(person.checks, b.date)) plan.blockedDates.push(b.date)
  }
  return plan
}
