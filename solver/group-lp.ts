// One small LP per group of overlapping occurrences with the rest of the week fixed (model.ts),
// where it can gain: a seat left empty, a published assignment or a preference; a full group
// gets a shortlist of candidates. Its answer is kept only if it ranks no worse than what it
// replaced, so an LP can cost time, never a seat.
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import type { Group } from './decompose.js'
import { fillGreedily } from './greedy.js'
import { buildGroupModel, solveModel, tierCost } from './model.js'
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

export function solveGroup(
  week: Week,
  state: RotaState,
  group: Group,
  pins: [number, number][],
  pinSet: Set<string>,
  previous: Set<string>,
  tally: Tally,
): void {
  const before: [number, number][] = []
  for (const o of group.occurrences) for (const p of state.byOccurrence[o] ?? []) before.push([p, o])
  const full = group.occurrences.every((o) => (week.occurrences[o] as Occurrence).seats <= before.filter(([, q]) => q === o).length)
  // A full group can gain only on stability, preferences or fairness; fairness is left to the
  // whole-week pass at the end, so where the first two cannot improve the LP is not worth it.
  if (full && !mayGain(week, group, before, previous)) {
    tally.skippedLps++
    return
  }
  for (const [p, o] of before) state.remove(p, o)
  const inGroup = new Set(group.occurrences)
  const groupPins = pins.filter(([, o]) => inGroup.has(o))
  const only = full ? shortlist(week, state, group, before, previous) : undefined
  const model = buildGroupModel({ week, occurrences: group.occurrences, state, pins: groupPins, previous, only })
  const lp = solveModel(model)
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
  for (const [p, o] of groupPins) state.add(p, o)
  if (lp.feasible) {
    model.columns.forEach((col, c) => {
      if ((lp.values[c] ?? 0) > 1 - 1e-6 && !state.has(col.person, col.occurrence) && state.refuse(col.person, col.occurrence) === null) {
        state.add(col.person, col.occurrence)
      }
    })
  } else {
    for (const [p, o] of before) if (!pinSet.has(`${p}|${o}`) && state.refuse(p, o) === null) state.add(p, o)
  }
  fillGreedily(week, state, group.occurrences, previous, lp.feasible ? lp.values : undefined, model.columns)
  // The library can accept a stalled objective as optimal, so its answer is kept only if it
  // is no worse than the rota it replaced on seats by priority and then on kept assignments.
  const after: [number, number][] = []
  for (const o of group.occurrences) for (const p of state.byOccurrence[o] ?? []) after.push([p, o])
  if (compare(standing(week, after, previous), standing(week, before, previous)) < 0) {
    for (const [p, o] of after) if (!pinSet.has(`${p}|${o}`)) state.remove(p, o)
    for (const [p, o] of before) if (!state.has(p, o) && state.refuse(p, o) === null) state.add(p, o)
    tally.revertedLps++
  }
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
function mayGain(week: Week, group: Group, before: [number, number][], previous: Set<string>): boolean {
  const held = new Set(before.map(([p, o]) => `${p}|${o}`))
  for (const [p, o] of before) if (week.staff[p]?.avoid?.includes((week.occurrences[o] as Occurrence).work)) return true
  const n = week.occurrences.length
  for (const o of group.occurrences) {
    const work = (week.occurrences[o] as Occurrence).work
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0 || held.has(`${p}|${o}`)) continue
      if ((previous.size > 0 && previous.has(`${p}|${o}`)) || week.staff[p]?.prefer?.includes(work)) return true
    }
  }
  return false
}

/** How many of the cheapest candidates per seat a full group's LP sees, plus a few spare. */
const SHORTLIST_PER_SEAT = 2
const SHORTLIST_EXTRA = 2

/**
 * The (person, occurrence) pairs worth a column in the LP of a group whose seats the rota
 * already fills. There the LP can only trade people for stability, preferences and fairness
 * (which the whole-week pass at the end also sees), so each occurrence gets its holders, its
 * published holders, whoever prefers it and the cheapest few candidates per seat and per skill
 * seat. A group with an empty seat gets no shortlist, so no seat is lost to it.
 */
function shortlist(week: Week, state: RotaState, group: Group, before: [number, number][], previous: Set<string>): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>()
  const allow = (p: number, o: number) => {
    const set = out.get(p) ?? new Set<number>()
    set.add(o)
    out.set(p, set)
  }
  for (const [p, o] of before) allow(p, o)
  const n = week.occurrences.length
  for (const o of group.occurrences) {
    const occ = week.occurrences[o] as Occurrence
    const eligible: { p: number; cost: number }[] = []
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0) continue
      if ((previous.size > 0 && previous.has(`${p}|${o}`)) || week.staff[p]?.prefer?.includes(occ.work)) allow(p, o)
      eligible.push({ p, cost: countsAsDuty(occ) ? tierCost(week, p, state.duties[p] ?? 0, 1) : 0 })
    }
    eligible.sort((a, b) => a.cost - b.cost || a.p - b.p)
    const take = (list: { p: number }[], seats: number) => {
      for (const { p } of list.slice(0, seats * SHORTLIST_PER_SEAT + SHORTLIST_EXTRA)) allow(p, o)
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

export function compare(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number
    const y = b[i] as string | number
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}
