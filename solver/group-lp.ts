// One small LP per group of overlapping occurrences with the rest of the week fixed (model.ts),
// where it can gain: a seat left empty, a published assignment or a preference; a full group
// gets a shortlist of candidates. Its answer is kept only if it ranks no worse than what it
// replaced, so an LP can cost time, never a seat.
import { countsAsDuty, eventHours } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import type { Group } from './decompose.js'
import { fillGreedily } from './greedy.js'
import { buildGroupModel, solveModel, tierCost } from './model.js'
import { lpSteps } from './budget.js'
import type { Budget } from './budget.js'
import type { RotaState } from './state.js'

export interface Tally {
  lps: number
  largestRows: number
  largestCols: number
  largestCells: number
  fractionalLps: number
  fractionalValues: number
  exchangeMoves: number
  skippedLps: number
  revertedLps: number
  restored: number
  fairnessChains: number
  fairnessChecks: number
  preferenceMoves: number
}

/** The parts a group's LP is cut into: at most this many seats each, so no LP outgrows a Worker. */
const PART_SEATS = 24
/** Past this many columns an LP with an empty seat sees a shortlist too (a wider one). */
const FULL_VIEW_COLUMNS = 1500

export interface GroupContext {
  week: Week
  state: RotaState
  pins: [number, number][]
  pinSet: Set<string>
  previous: Set<string>
  tally: Tally
  budget: Budget
}

/**
 * Re-solves one group. javascript-lp-solver's simplex is dense, so one LP over a big school's
 * lunch hour (2,000 staff, hundreds of seats) would cost minutes and gigabytes: a group with
 * more than PART_SEATS seats is cut into parts in time order, each solved with the rest of the
 * week (the other parts included) fixed. Seats a part cannot see are left to the seat pass
 * (augment.ts), which looks across the whole week.
 */
export function solveGroup(ctx: GroupContext, group: Group): void {
  for (const part of partsOf(ctx.week, group)) {
    if (!ctx.budget.allows('group LPs')) return
    solvePart(ctx, group, part)
  }
}

function partsOf(week: Week, group: Group): number[][] {
  const seats = (o: number) => (week.occurrences[o] as Occurrence).seats
  if (group.occurrences.reduce((a, o) => a + seats(o), 0) <= PART_SEATS) return [group.occurrences]
  const order = [...group.occurrences].sort((a, b) => {
    const x = week.occurrences[a] as Occurrence
    const y = week.occurrences[b] as Occurrence
    return x.start - y.start || x.end - y.end || x.priority - y.priority || a - b
  })
  const parts: number[][] = []
  let current: number[] = []
  let held = 0
  for (const o of order) {
    if (current.length > 0 && held + seats(o) > PART_SEATS) {
      parts.push(current)
      current = []
      held = 0
    }
    current.push(o)
    held += seats(o)
  }
  if (current.length > 0) parts.push(current)
  return parts
}

function solvePart(ctx: GroupContext, group: Group, part: number[]): void {
  const { week, state, pinSet, previous, tally } = ctx
  const before: [number, number][] = []
  for (const o of part) for (const p of state.byOccurrence[o] ?? []) before.push([p, o])
  const full = part.every((o) => (week.occurrences[o] as Occurrence).seats <= state.filled(o))
  // A full group can gain only on stability, preferences or fairness; fairness is left to the
  // whole-week pass at the end, so where the first two cannot improve the LP is not worth it.
  if (full && !mayGain(week, part, before, previous)) {
    tally.skippedLps++
    return
  }
  for (const [p, o] of before) state.remove(p, o)
  const inPart = new Set(part)
  const partPins = ctx.pins.filter(([, o]) => inPart.has(o))
  // People holding other work of the group: a part's LP cannot see that work, so they stay out.
  const elsewhere = new Set<number>()
  if (part.length < group.occurrences.length)
    for (const o of group.occurrences) if (!inPart.has(o)) for (const p of state.byOccurrence[o] ?? []) elsewhere.add(p)
  const wide = part.length < group.occurrences.length || estimatedColumns(week, part) > FULL_VIEW_COLUMNS
  const only = full || wide ? shortlist(week, state, part, before, previous, elsewhere, full ? NARROW : WIDE) : undefined
  const model = buildGroupModel({ week, occurrences: part, state, pins: partPins, previous, only })
  const steps = lpSteps(model.rows.length, model.columnCount)
  if (!ctx.budget.allows('group LPs', steps)) {
    for (const [p, o] of before) if (!state.has(p, o) && state.allows(p, o)) state.add(p, o)
    return
  }
  ctx.budget.charge(steps)
  const lp = solveModel(model)
  record(tally, lp)
  for (const [p, o] of partPins) state.add(p, o)
  if (lp.feasible) {
    model.columns.forEach((col, c) => {
      if ((lp.values[c] ?? 0) > 1 - 1e-6 && !state.has(col.person, col.occurrence) && state.allows(col.person, col.occurrence)) {
        state.add(col.person, col.occurrence)
      }
    })
  } else {
    for (const [p, o] of before) if (!pinSet.has(`${p}|${o}`) && state.allows(p, o)) state.add(p, o)
  }
  fillGreedily(week, state, part, previous, lp.feasible ? lp.values : undefined, model.columns)
  // The library can accept a stalled objective as optimal, so its answer is kept only if it
  // is no worse than the rota it replaced on seats by priority and then on kept assignments.
  const after: [number, number][] = []
  for (const o of part) for (const p of state.byOccurrence[o] ?? []) after.push([p, o])
  if (compare(standing(week, after, previous), standing(week, before, previous)) < 0) {
    for (const [p, o] of after) if (!pinSet.has(`${p}|${o}`)) state.remove(p, o)
    for (const [p, o] of before) if (!state.has(p, o) && state.allows(p, o)) state.add(p, o)
    tally.revertedLps++
  }
}

function record(tally: Tally, lp: { rows: number; cols: number; fractional: number }): void {
  tally.lps++
  if (lp.rows * lp.cols > tally.largestCells) {
    tally.largestCells = lp.rows * lp.cols
    tally.largestRows = lp.rows
    tally.largestCols = lp.cols
  }
  if (lp.fractional > 0) {
    tally.fractionalLps++
    tally.fractionalValues += lp.fractional
  }
}

/** Eligible (person, occurrence) pairs of a part: about its columns with every candidate in. */
function estimatedColumns(week: Week, part: number[]): number {
  const n = week.occurrences.length
  let count = 0
  for (const o of part) for (let p = 0; p < week.staff.length; p++) if (week.eligibility[p * n + o] === 0) count++
  return count
}

/** A group's assignments as the objective ranks them: seats of priority 1..5, then kept ones. */
function standing(week: Week, pairs: [number, number][], previous: Set<string>): number[] {
  const out = [0, 0, 0, 0, 0, 0]
  const seen = new Map<number, number>()
  for (const [p, o] of pairs) {
    const occ = week.occurrences[o] as Occurrence
    const n = (seen.get(o) ?? 0) + 1
    seen.set(o, n)
    if (n <= occ.seats) out[occ.priority - 1] = (out[occ.priority - 1] ?? 0) + 1
    if (previous.size > 0 && previous.has(`${p}|${o}`)) out[5] = (out[5] ?? 0) + 1
  }
  return out
}

/**
 * Could re-solving this full group keep more of the published rota or honour more preferences?
 * Only if a published assignment in it is not held, a holder avoids their duty, or someone who
 * could take a duty of the group prefers it and does not hold it.
 */
function mayGain(week: Week, part: number[], before: [number, number][], previous: Set<string>): boolean {
  const held = new Set(before.map(([p, o]) => `${p}|${o}`))
  for (const [p, o] of before) if (week.staff[p]?.avoid?.includes((week.occurrences[o] as Occurrence).work)) return true
  const n = week.occurrences.length
  for (const o of part) {
    const work = (week.occurrences[o] as Occurrence).work
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0 || held.has(`${p}|${o}`)) continue
      if ((previous.size > 0 && previous.has(`${p}|${o}`)) || week.staff[p]?.prefer?.includes(work)) return true
    }
  }
  return false
}

/** How many of the cheapest candidates per seat an LP sees, plus a few spare: few where every seat is filled. */
const NARROW = { perSeat: 2, extra: 2 }
const WIDE = { perSeat: 4, extra: 4 }

/**
 * The (person, occurrence) pairs worth a column in an LP: each occurrence gets its holders, its
 * published holders, whoever prefers it and the cheapest few candidates per seat and per skill
 * seat who still have room. Where the rota already fills every seat the LP can only trade people
 * for stability, preferences and fairness (which the whole-week pass also sees): a narrow list.
 * A small group with an empty seat gets no shortlist; a big one or a part of one gets a wide
 * list, and what it cannot reach is left to the seat pass, which sees every candidate.
 */
function shortlist(
  week: Week,
  state: RotaState,
  part: number[],
  before: [number, number][],
  previous: Set<string>,
  elsewhere: Set<number>,
  width: { perSeat: number; extra: number },
): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>()
  const allow = (p: number, o: number) => {
    const set = out.get(p) ?? new Set<number>()
    set.add(o)
    out.set(p, set)
  }
  for (const [p, o] of before) allow(p, o)
  const n = week.occurrences.length
  for (const o of part) {
    const occ = week.occurrences[o] as Occurrence
    const eligible: { p: number; cost: number }[] = []
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0 || elsewhere.has(p) || !hasRoom(week, state, p, occ)) continue
      if ((previous.size > 0 && previous.has(`${p}|${o}`)) || week.staff[p]?.prefer?.includes(occ.work)) allow(p, o)
      eligible.push({ p, cost: countsAsDuty(occ) ? tierCost(week, p, state.duties[p] ?? 0, 1) : 0 })
    }
    eligible.sort((a, b) => a.cost - b.cost || a.p - b.p)
    const take = (list: { p: number }[], seats: number) => {
      for (const { p } of list.slice(0, seats * width.perSeat + width.extra)) allow(p, o)
    }
    take(eligible, occ.seats)
    for (const [skill, count] of occ.skills)
      take(
        eligible.filter(({ p }) => week.skills[p]?.has(skill)),
        count,
      )
  }
  return out
}

/** Has the person a duty or the event hours left for `occ`, as the rota stands? */
function hasRoom(week: Week, state: RotaState, p: number, occ: Occurrence): boolean {
  const person = week.staff[p]
  if (!person) return false
  if (countsAsDuty(occ)) return person.maxDutiesPerWeek === undefined || (state.duties[p] ?? 0) < person.maxDutiesPerWeek
  return (state.eventHours[p] ?? 0) + eventHours(occ) <= (person.additionalHoursRemaining ?? 0) + 1e-9
}

export function compare(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number
    const y = b[i] as string | number
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}
