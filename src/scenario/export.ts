// GET .../weeks/:monday/scenario: one school week as duty-rota/scenario@1, built from the
// database. Optional fields that are empty or at their default are left out, so exporting what
// was imported gives back the file (see test/scenario/roundtrip.test.ts for "equivalent").
// Absence reasons are categories only: absence_details is never read here. `closed` lists the
// stored closures only; the days term dates leave without pupils are added where the week is
// planned (src/week/school-week.ts), so an import of this file never stores them as closures.
import type { Store } from '../../db/store.js'
import { conflict, notFound } from '../platform/http/problem.js'
import {
  SCENARIO_FORMAT,
  parseScenario,
  type Absence,
  type Assignment,
  type CoverRequest,
  type Duty,
  type Scenario,
  type SchoolEvent,
  type Staff,
} from '../../solver/scenario.js'
import { roundHours } from './week-dates.js'
import { UNAVAILABLE_REASON, unavailableTimes } from '../leave/unavailable-days.js'
import { compare, loadWeek } from './load.js'
import { CHECKS_MISSING_REASON } from '../supply/supply.js'
import { supplyPlanOf } from '../supply/supply-days.js'
import { NEEDS_COVER_KEY, type CoverState, type DutyState, type EventState, type PlacedWork, type StaffState, type WeekState } from './week-state.js'

export const DEFAULT_FULL_TIME_HOURS = 37
export const DEFAULT_PRIORITY = 3

export async function exportScenario(store: Store, schoolId: string, monday: string): Promise<Scenario> {
  const state = await loadWeek(store, schoolId, monday)
  if (!state) throw notFound(`no school with id ${schoolId}`)
  // The format needs a school day to plan; a school not set up yet has no week to export.
  if (state.slots.length === 0) throw conflict('the school has no slots yet: set up the school day (or import a scenario) first')
  const scenario = scenarioOf(state)
  // The export is a promise that the solver can read the file. A week whose rows break the
  // format (one code naming two kinds of work, left by an older version) cannot be planned
  // until they are fixed: a conflict the manager can act on, never a 500.
  const parsed = parseScenario(scenario)
  if (!parsed.ok) {
    throw conflict(`the week of ${monday} cannot be planned as it stands: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  }
  return scenario
}

export function scenarioOf(state: WeekState): Scenario {
  const { school, range } = state
  const dutyCodes = new Set(state.duties.map((d) => d.code))
  const staffCode = new Map(state.staff.map((s) => [s.id, s.code]))
  const closed = state.closures.map((c) => c.date)
  const absences = absencesOf(state, staffCode)
  const cover = state.cover.map(coverOf)
  const events = state.events.map(eventOf)
  const placed = placedWork(state, staffCode)
  const pins = placed(state.pins)

  return {
    format: SCENARIO_FORMAT,
    school: {
      name: school.name,
      timezone: school.timezone,
      ...(school.fullTimeHours === DEFAULT_FULL_TIME_HOURS ? {} : { fullTimeHours: school.fullTimeHours }),
    },
    week: range.monday,
    ...(closed.length === 0 ? {} : { closed }),
    slots: state.slots.map((s) => ({
      id: s.code,
      kind: s.kind,
      start: s.start,
      end: s.end,
      ...(s.days === null ? {} : { days: s.days }),
    })),
    grades: state.grades.map((g) => ({ id: g.code, name: g.name, dutyKinds: g.dutyKinds })),
    staff: state.staff.map((s) => staffOf(asBooked(s, state), range.sunday, dutyCodes)),
    duties: state.duties.map(dutyOf),
    ...(absences.length === 0 ? {} : { absences }),
    ...(cover.length === 0 ? {} : { cover }),
    ...(events.length === 0 ? {} : { events }),
    // An empty published rota is still a published rota: `previous: []` says so.
    ...(state.published ? { previous: placed(state.published.assignments) } : {}),
    ...(pins.length === 0 ? {} : { pins }),
  }
}

/** Published assignments and pins in the format, in one order whatever the database's. */
function placedWork(state: WeekState, staffCode: ReadonlyMap<string, string>): (list: readonly PlacedWork[]) => Assignment[] {
  const slotCodes = new Set(state.slots.map((s) => s.code))
  const workCodes = new Set([...state.duties.map((d) => d.code), ...state.cover.map((c) => c.code), ...state.events.map((e) => e.code)])
  // A published rota or pin may name work or a slot the setup no longer has (deleted since);
  // nothing can be planned against it, so it is left out rather than making the file invalid.
  return (list) =>
    list
      .filter((a) => staffCode.has(a.staffId) && workCodes.has(a.workCode) && (a.slotCode === null || slotCodes.has(a.slotCode)))
      .map(
        (a): Assignment => ({
          staff: staffCode.get(a.staffId) ?? '',
          duty: a.workCode,
          date: a.date,
          ...(a.slotCode === null ? {} : { slot: a.slotCode }),
        }),
      )
      .sort(byAssignment)
}

function dutyOf(d: DutyState): Duty {
  return { id: d.code, name: d.name, kind: d.kind, slots: d.slotCodes, days: d.days, staff: d.peopleNeeded, ...seatsAndPriority(d.skillSeats, d.priority) }
}

function coverOf(c: CoverState): CoverRequest {
  return {
    id: c.code,
    date: c.date,
    slot: c.slotCode,
    ...(c.label === null ? {} : { label: c.label }),
    ...(c.peopleNeeded === 1 ? {} : { staff: c.peopleNeeded }),
    ...seatsAndPriority(c.skillSeats, c.priority),
  }
}

function eventOf(e: EventState): SchoolEvent {
  return {
    id: e.code,
    name: e.name,
    date: e.date,
    start: e.start,
    end: e.end,
    ...(e.peopleNeeded === 1 ? {} : { staff: e.peopleNeeded }),
    ...seatsAndPriority(e.skillSeats, e.priority),
  }
}

/** A supply person works only the days booked this week, and their booked hours stand for a contract. */
function asBooked(s: StaffState, state: WeekState): StaffState {
  const plan = supplyPlanOf(state.supply, s.id, state.range.dates)
  if (plan === undefined) return s
  return { ...s, pattern: plan.pattern, hoursPerWeek: plan.bookedHours > 0 ? roundHours(plan.bookedHours) : s.hoursPerWeek }
}

function staffOf(s: StaffState, sunday: string, dutyCodes: ReadonlySet<string>): Staff {
  // A certificate counts only if it is valid on every day of the week (expires_on is the last
  // valid day): a first aider whose certificate lapses on Wednesday cannot hold Thursday's seat.
  const skills = [...new Set(s.skills.filter((k) => k.expiresOn === null || k.expiresOn >= sunday).map((k) => k.skill))].sort(compare)
  const remaining = roundHours(Math.max(0, s.additionalHoursAllowance - s.additionalHoursUsed))
  const avoid = s.avoid.filter((code) => dutyCodes.has(code))
  const prefer = s.prefer.filter((code) => dutyCodes.has(code))
  return {
    id: s.code,
    name: s.name,
    grade: s.gradeCode,
    hoursPerWeek: s.hoursPerWeek,
    pattern: s.pattern,
    ...(s.unpaidBreakMinutes === 0 ? {} : { unpaidBreakMinutes: s.unpaidBreakMinutes }),
    ...(skills.length === 0 ? {} : { skills }),
    ...(s.maxDutiesPerWeek === null ? {} : { maxDutiesPerWeek: s.maxDutiesPerWeek }),
    ...(remaining === 0 ? {} : { additionalHoursRemaining: remaining }),
    ...(s.dutiesThisTerm === 0 ? {} : { dutiesThisTerm: s.dutiesThisTerm }),
    ...(s.commitments.length === 0
      ? {}
      : {
          commitments: s.commitments.map((c) => ({
            day: c.day,
            start: c.start,
            end: c.end,
            ...(c.label === null ? {} : { label: c.label }),
            // The format has no such field; an x- key is kept by every reader and ignored by the
            // solver, so the mark survives an export and import instead of being dropped.
            ...(c.needsCover ? { [NEEDS_COVER_KEY]: true } : {}),
          })),
        }),
    ...(avoid.length === 0 ? {} : { avoid }),
    ...(prefer.length === 0 ? {} : { prefer }),
  }
}

function seatsAndPriority(seats: Record<string, number>, priority: number): { skills?: Record<string, number>; priority?: number } {
  return {
    ...(Object.keys(seats).length === 0 ? {} : { skills: seats }),
    ...(priority === DEFAULT_PRIORITY ? {} : { priority }),
  }
}

/**
 * One entry per absent person per date of the week; open-ended absences run to Sunday. Approved
 * unavailability joins them under its own reason category (leave/unavailable-days.ts), and so do
 * a supply person's booked days their checks do not cover (supply/supply-days.ts).
 */
function absencesOf(state: WeekState, staffCode: ReadonlyMap<string, string>): Absence[] {
  const out: Absence[] = []
  for (const t of unavailableTimes(state.unavailable, state.range.dates)) {
    const code = staffCode.get(t.staffId)
    if (code === undefined) continue
    out.push({ staff: code, date: t.date, ...(t.start === null || t.end === null ? {} : { start: t.start, end: t.end }), reason: UNAVAILABLE_REASON })
  }
  for (const s of state.staff) {
    for (const date of supplyPlanOf(state.supply, s.id, state.range.dates)?.blockedDates ?? []) out.push({ staff: s.code, date, reason: CHECKS_MISSING_REASON })
  }
  for (const a of state.absences) {
    const code = staffCode.get(a.staffId)
    if (code === undefined) continue
    for (const date of state.range.dates) {
      if (date < a.startDate || (a.endDate !== null && date > a.endDate)) continue
      out.push({
        staff: code,
        date,
        ...(a.startTime === null || a.endTime === null ? {} : { start: a.startTime, end: a.endTime }),
        ...(a.reason === null ? {} : { reason: a.reason }),
      })
    }
  }
  return out.sort(
    (x, y) =>
      compare(x.date, y.date) ||
      compare(x.staff, y.staff) ||
      compare(x.start ?? '', y.start ?? '') ||
      compare(x.end ?? '', y.end ?? '') ||
      compare(x.reason ?? '', y.reason ?? ''),
  )
}

function byAssignment(a: Assignment, b: Assignment): number {
  return compare(a.date, b.date) || compare(a.duty, b.duty) || compare(a.slot ?? '', b.slot ?? '') || compare(a.staff, b.staff)
}
