// The hours ledger: for each person, the school year's contracted weeks and hours on
// term-time-only arithmetic, and the additional hours (INSET days and evening events) used
// from published rotas against their contract's allowance. additionalHoursUsedBefore is what
// the next week's scenario subtracts for `additionalHoursRemaining` (scenario-load.ts).
//
// Term-time-only arithmetic: the working days of the year are the weekdays inside its terms,
// less half-term holidays and bank-holiday closures. INSET days are staff working days, and a
// day closed to pupils for another reason (snow) is still paid, so both stay in. Contracted
// weeks = working days / 5; contracted hours = weeks x hours per week. (The pro-rata share of
// holidays that payroll adds on top is pay, not time worked, and is not counted here.)
import { DayOfWeek, LocalDate } from '@js-joda/core'
import type { Store } from '../../db/store.js'
import { loadCalendar, periodsOf, plusDays, type CalendarRow, type Period } from './periods.js'
import { hoursBetween, roundHours, schoolYearStart } from '../scenario/week-dates.js'

interface EventWork {
  staffId: string
  date: string
  hours: number
}

/** Event assignments (no slot) of published rotas dated within [from, to], with their hours. */
async function eventWork(store: Store, schoolId: string, from: string, to: string): Promise<EventWork[]> {
  const rows = await store.db
    .selectFrom('rota_assignments as a')
    .innerJoin('rotas as r', 'r.id', 'a.rota_id')
    // An event code names an event only within its week: the rota's.
    .innerJoin('events as e', (join) => join.onRef('e.code', '=', 'a.work_code').onRef('e.school_id', '=', 'r.school_id').onRef('e.week', '=', 'r.week'))
    .select(['a.staff_id', 'a.date', 'e.start_time', 'e.end_time'])
    .where('r.school_id', '=', schoolId)
    .where('r.status', '=', 'published')
    .where('a.slot_code', 'is', null)
    .where('a.date', '>=', from)
    .where('a.date', '<=', to)
    .execute()
  // Hours follow whoever works the event, swapped or not: this is time worked, not fairness.
  return rows.map((r) => ({ staffId: r.staff_id, date: r.date, hours: hoursBetween(r.start_time, r.end_time) }))
}

/** Event hours in published rotas from 1 September of the school year up to the day before `monday`. */
export async function additionalHoursUsedBefore(store: Store, schoolId: string, monday: string): Promise<Map<string, number>> {
  const out = new Map<string, number>()
  const from = schoolYearStart(monday)
  if (monday <= from) return out
  for (const e of await eventWork(store, schoolId, from, plusDays(monday, -1))) out.set(e.staffId, (out.get(e.staffId) ?? 0) + e.hours)
  return out
}

export interface WorkingYear {
  year: Period
  workingDays: number
  contractedWeeks: number
}

interface ClosureRow {
  date: string
  kind: 'inset' | 'bank_holiday' | 'other'
}

export function workingYear(calendar: readonly CalendarRow[], closures: readonly ClosureRow[], year: Period): WorkingYear {
  const holidays = calendar.filter((p) => p.kind === 'half_term')
  const bankHolidays = new Set(closures.filter((c) => c.kind === 'bank_holiday').map((c) => c.date))
  let days = 0
  for (const term of calendar.filter((p) => p.kind === 'term')) {
    const from = term.start_date > year.from ? term.start_date : year.from
    const to = term.end_date < year.to ? term.end_date : year.to
    for (let d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
      const dow = d.dayOfWeek()
      if (dow === DayOfWeek.SATURDAY || dow === DayOfWeek.SUNDAY) continue
      const iso = d.toString()
      if (bankHolidays.has(iso) || holidays.some((h) => h.start_date <= iso && iso <= h.end_date)) continue
      days++
    }
  }
  return { year, workingDays: days, contractedWeeks: Math.round((days / 5) * 100) / 100 }
}

export interface HoursRow {
  staffId: string
  staff: string
  name: string
  hoursPerWeek: number
  contractedWeeks: number
  contractedHours: number
  additional: {
    allowance: number
    /** event hours worked on INSET days */
    insetHours: number
    /** event hours on other days: parents' evenings, open evenings, twilight training */
    eveningHours: number
    used: number
    /** allowance - used, never below 0: what events may still use */
    remaining: number
    /** used beyond the allowance (0 normally; a manager's pin can cause it) */
    over: number
  }
}

export interface HoursReport {
  asOf: string
  year: Period
  workingDays: number
  contractedWeeks: number
  staff: HoursRow[]
}

export async function hoursReport(store: Store, schoolId: string, asOf: string): Promise<HoursReport> {
  const calendar = await loadCalendar(store, schoolId)
  const { year } = periodsOf(calendar, asOf)
  const [staff, closures, events] = await Promise.all([
    store.db
      .selectFrom('staff')
      .select(['id', 'code', 'name', 'hours_per_week', 'additional_hours_allowance'])
      .where('school_id', '=', schoolId)
      .orderBy('code')
      .execute(),
    store.db
      .selectFrom('closures')
      .select(['date', 'kind'])
      .where('school_id', '=', schoolId)
      .where('date', '>=', year.from)
      .where('date', '<=', year.to)
      .execute(),
    eventWork(store, schoolId, year.from, year.to),
  ])
  const working = workingYear(calendar, closures, year)
  const inset = new Set(closures.filter((c) => c.kind === 'inset').map((c) => c.date))
  const rows = staff.map((s): HoursRow => {
    const mine = events.filter((e) => e.staffId === s.id)
    const insetHours = roundHours(mine.filter((e) => inset.has(e.date)).reduce((sum, e) => sum + e.hours, 0))
    const eveningHours = roundHours(mine.filter((e) => !inset.has(e.date)).reduce((sum, e) => sum + e.hours, 0))
    const used = roundHours(insetHours + eveningHours)
    const allowance = s.additional_hours_allowance
    return {
      staffId: s.id,
      staff: s.code,
      name: s.name,
      hoursPerWeek: s.hours_per_week,
      contractedWeeks: working.contractedWeeks,
      contractedHours: roundHours(Math.round(working.contractedWeeks * s.hours_per_week * 100) / 100),
      additional: {
        allowance,
        insetHours,
        eveningHours,
        used,
        remaining: roundHours(Math.max(0, allowance - used)),
        over: roundHours(Math.max(0, used - allowance)),
      },
    }
  })
  return { asOf, year, workingDays: working.workingDays, contractedWeeks: working.contractedWeeks, staff: rows }
}

export function hoursTable(report: HoursReport): string[][] {
  return [
    [
      'staff',
      'name',
      'hours_per_week',
      'contracted_weeks',
      'contracted_hours',
      'additional_allowance',
      'inset_hours',
      'evening_hours',
      'additional_used',
      'additional_remaining',
      'additional_over',
    ],
    ...report.staff.map((r) =>
      [
        r.staff,
        r.name,
        r.hoursPerWeek,
        r.contractedWeeks,
        r.contractedHours,
        r.additional.allowance,
        r.additional.insetHours,
        r.additional.eveningHours,
        r.additional.used,
        r.additional.remaining,
        r.additional.over,
      ].map(String),
    ),
  ]
}
