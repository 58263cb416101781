// The price of a gap: for each seat a rota leaves empty, the few lawful changes that would fill
// it, each tried as a what-if solve of the same week with that one change applied. A change is
// offered only if its solve fills the seat and fills no fewer seats of any priority than the
// week without it: easing one limit must not cost another seat. The candidates are the people
// explain.ts names for the seat (candidatesFor), stopped by a weekly cap, by their additional
// hours or by their grade; other sources (supply staff) plug in as a CandidateSource. What a
// change costs in money is the service's to say: the solver knows no rates.
import { DEFAULT_STEPS } from './budget.js'
import { checkRota } from './check.js'
import { candidatesFor, type Candidates } from './explain.js'
import { eventHours, expandWeek, occurrenceKey, type Occurrence, type Week } from './expand.js'
import type { Rota, Scenario, Staff, WorkKind } from './scenario.js'
import { solve } from './solve.js'
import { RotaState } from './state.js'

export interface GapSeat {
  duty: string
  date: string
  slot?: string
}

/** One change to the week that might fill a seat. Each kind is one click for a manager. */
export type Relaxation =
  /** one duty more than their weekly cap, this week only */
  | { kind: 'extra-duty'; staff: string; cap: number }
  /** more additional hours this week than they have left */
  | { kind: 'additional-hours'; staff: string; hours: number; remaining: number }
  /** the grade may do this kind of work from now on */
  | { kind: 'grade-kind'; grade: string; dutyKind: WorkKind }
  /** someone who is not on the staff joins for the week (a supply source offers these) */
  | { kind: 'add-staff'; staff: Staff; source: string }

export interface GapFix {
  seat: GapSeat
  relaxation: Relaxation
  /** the what-if rota: what re-planning with the change gives */
  rota: Rota
}

export interface SeatFixes {
  seat: GapSeat
  missing: number
  fixes: GapFix[]
}

export interface GapPrices {
  /** the week solved without any change, with the same budget as every what-if */
  baseline: Rota
  seats: SeatFixes[]
  /** solver steps spent, baseline included */
  steps: number
  /** true when the step budget ran out before every candidate was tried */
  cut: boolean
}

/** What a candidate source is shown of one empty seat. */
export interface SeatContext {
  scenario: Scenario
  week: Week
  occurrence: Occurrence
  candidates: Candidates
  state: RotaState
}

export type CandidateSource = (seat: SeatContext) => Relaxation[]

export interface PriceOptions {
  /** steps each solve may take (default DEFAULT_STEPS) */
  budget?: number
  /** steps every solve together may take, baseline included (default 4 solves' worth); checked between solves */
  totalSteps?: number
  /** candidates tried per seat (default 4) */
  perSeat?: number
  /** empty seats looked at, highest priority first (default 10) */
  seats?: number
  /** where candidates come from (default DEFAULT_SOURCES) */
  sources?: readonly CandidateSource[]
}

/** The scenario with one change applied; the input is not modified. */
export function relax(scenario: Scenario, r: Relaxation): Scenario {
  switch (r.kind) {
    case 'extra-duty':
      return { ...scenario, staff: scenario.staff.map((s) => (s.id === r.staff ? { ...s, maxDutiesPerWeek: r.cap + 1 } : s)) }
    case 'additional-hours':
      return {
        ...scenario,
        staff: scenario.staff.map((s) => (s.id === r.staff ? { ...s, additionalHoursRemaining: roundUp((s.additionalHoursRemaining ?? 0) + r.hours) } : s)),
      }
    case 'grade-kind':
      return {
        ...scenario,
        grades: scenario.grades.map((g) => (g.id === r.grade && !g.dutyKinds.includes(r.dutyKind) ? { ...g, dutyKinds: [...g.dutyKinds, r.dutyKind] } : g)),
      }
    case 'add-staff':
      return { ...scenario, staff: [...scenario.staff, r.staff] }
  }
}

/** Hours to two places, rounded up, so an allowance grown by them always covers the work. */
const roundUp = (hours: number) => Math.ceil(hours * 100 - 1e-6) / 100

/** People stopped by their weekly cap: one duty more each. */
export const capSource: CandidateSource = ({ week, candidates }) =>
  candidates.stopped.flatMap(({ person, why }) => {
    const p = week.staff[person]
    return why.cause === 'weekly-cap' && p ? [{ kind: 'extra-duty' as const, staff: p.id, cap: p.maxDutiesPerWeek ?? 0 }] : []
  })

/** People short of additional hours: just the hours the event needs beyond what they have left, fewest first. */
export const hoursSource: CandidateSource = ({ week, candidates, occurrence, state }) =>
  candidates.stopped
    .flatMap(({ person, why }) => {
      const p = week.staff[person]
      if (why.cause !== 'additional-hours' || !p) return []
      const remaining = p.additionalHoursRemaining ?? 0
      const hours = roundUp((state.eventHours[person] ?? 0) + eventHours(occurrence) - remaining)
      return hours > 0 ? [{ kind: 'additional-hours' as const, staff: p.id, hours, remaining }] : []
    })
    .sort((a, b) => a.hours - b.hours)

/** Grades that keep someone off the seat: the grade, once, whoever holds it. */
export const gradeSource: CandidateSource = ({ week, candidates, occurrence }) => {
  const grades = new Set<string>()
  for (const { person, why } of candidates.stopped) {
    const p = week.staff[person]
    if (why.cause === 'grade' && p) grades.add(p.grade)
  }
  return [...grades].sort().map((grade) => ({ kind: 'grade-kind' as const, grade, dutyKind: occurrence.kind }))
}

export const DEFAULT_SOURCES: readonly CandidateSource[] = [capSource, hoursSource, gradeSource]

/** Which candidates of one seat are worth a solve: a couple from each source, in source order. */
function shortlist(seat: SeatContext, sources: readonly CandidateSource[], perSeat: number): Relaxation[] {
  const lists = sources.map((source) => source(seat).slice(0, 2))
  const out: Relaxation[] = []
  // Round by round across the sources, so no one kind of change crowds out the others.
  for (let i = 0; out.length < perSeat && lists.some((l) => i < l.length); i++) {
    for (const list of lists) {
      const r = list[i]
      if (r && out.length < perSeat) out.push(r)
    }
  }
  return out
}

/** The filled count of each seat, keyed as occurrences are. */
function filledBySeat(rota: Rota): Map<string, number> {
  const out = new Map<string, number>()
  for (const a of rota.assignments) {
    const key = occurrenceKey(a.duty, a.date, a.slot)
    out.set(key, (out.get(key) ?? 0) + 1)
  }
  return out
}

const filledOf = (rota: Rota, priority: string) => Number((rota.stats?.filled as Record<string, number> | undefined)?.[priority] ?? 0)
const stepsOf = (rota: Rota) => Number(rota.stats?.steps ?? 0)

/** Does `after` fill the seat `key` more than `before` did, and no priority's seats fewer? */
export function fillsWithoutCost(before: Rota, after: Rota, key: string): boolean {
  if ((filledBySeat(after).get(key) ?? 0) <= (filledBySeat(before).get(key) ?? 0)) return false
  const priorities = Object.keys((before.stats?.filled as Record<string, number> | undefined) ?? {})
  return priorities.every((p) => filledOf(after, p) >= filledOf(before, p))
}

/** The week's state as the rota leaves it, for the same questions explain.ts asked. */
function stateOf(week: Week, rota: Rota): RotaState {
  const state = new RotaState(week)
  for (const a of rota.assignments) {
    const p = week.staffIndex.get(a.staff)
    const o = week.occurrenceByKey.get(occurrenceKey(a.duty, a.date, a.slot))
    if (p !== undefined && o) state.add(p, o.index)
  }
  return state
}

export function priceGaps(scenario: Scenario, options: PriceOptions = {}): GapPrices {
  const budget = options.budget ?? DEFAULT_STEPS
  const total = options.totalSteps ?? budget * 4
  const baseline = solve(scenario, { budget })
  let steps = stepsOf(baseline)
  let cut = false
  const week = expandWeek(scenario)
  const state = stateOf(week, baseline)
  const gaps = [...baseline.unfilled]
    .map((u) => ({ u, o: week.occurrenceByKey.get(occurrenceKey(u.duty, u.date, u.slot)) }))
    .filter((g): g is { u: (typeof baseline.unfilled)[number]; o: Occurrence } => g.o !== undefined)
    .sort((a, b) => a.o.priority - b.o.priority || a.o.index - b.o.index)
    .slice(0, options.seats ?? 10)
  const seats: SeatFixes[] = []
  const solved = new Map<string, { rota: Rota; lawful: boolean }>()
  for (const { u, o } of gaps) {
    const seat: GapSeat = { duty: u.duty, date: u.date, ...(u.slot === undefined ? {} : { slot: u.slot }) }
    const context: SeatContext = { scenario, week, occurrence: o, candidates: candidatesFor(week, state, o), state }
    const fixes: GapFix[] = []
    for (const relaxation of shortlist(context, options.sources ?? DEFAULT_SOURCES, options.perSeat ?? 4)) {
      // A what-if is never cut part way (it would answer for a different solve than the one
      // the click re-plans), so the total is checked between solves and passed by at most one.
      if (steps >= total && !solved.has(JSON.stringify(relaxation))) {
        cut = true
        break
      }
      // One change often answers several seats (a grade's on-call all week): it is solved once.
      const key = JSON.stringify(relaxation)
      let tried = solved.get(key)
      if (!tried) {
        const relaxed = relax(scenario, relaxation)
        const rota = solve(relaxed, { budget })
        steps += stepsOf(rota)
        tried = { rota, lawful: checkRota(relaxed, rota).length === 0 }
        solved.set(key, tried)
      }
      if (tried.lawful && fillsWithoutCost(baseline, tried.rota, o.key)) fixes.push({ seat, relaxation, rota: tried.rota })
    }
    seats.push({ seat, missing: u.missing, fixes })
  }
  return { baseline, seats, steps, cut }
}
