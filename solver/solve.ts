// The week, solved in steps: a greedy rota with each person's load carried forward in time
// order; then one small LP per group of overlapping occurrences with the rest of the week fixed,
// where it can gain (a seat left empty, a published assignment or a preference; a full group
// gets a shortlist of candidates); then exchange moves that free a capped person for a seat
// nobody else can take; then hand-over chains across the whole week for fairness
// (fairness.ts). Before fairness, a seat pass (augment.ts) fills what a chain of hand-overs can
// still fill. Every assignment goes through the rule gate in state.ts, so an LP answer that
// is fractional or wrong can cost a seat, never a rule.
import { augmentSeats } from './augment.js'
import { proveSeats } from './bound.js'
import { canonicalRota, canonicalScenario, withGivenPinPaths } from './canonical.js'
import { countsAsDuty, expandWeek, occurrenceKey } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { groupsOf } from './decompose.js'
import type { Group } from './decompose.js'
import { explainUnfilled } from './explain.js'
import { improveFairness } from './fairness.js'
import { buildGroupModel, solveModel, tierCost } from './model.js'
import { placePins } from './pins.js'
import { ROTA_FORMAT } from './scenario.js'
import type { Assignment, Rota, Scenario } from './scenario.js'
import { honourPreferences } from './preferences.js'
import { restorePublished } from './stability.js'
import { RotaState } from './state.js'

export { PinError } from './pins.js'

export interface SolveOptions {
  /** LP passes over every group (default 1). */
  passes?: number
  /** Seed the week with a greedy rota before the LP passes (default true). */
  greedyStart?: boolean
  /** Rounds of exchange moves at the end (default 3). */
  exchangeRounds?: number
}

interface Tally {
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

/** Budget of the final fairness pass, in rule-gate questions and chains applied (no clock). */
const FAIRNESS_CHECKS = 200_000
const FAIRNESS_CHAINS = 500
/** Budget of the re-plan repair pass (stability.ts), in rule-gate questions. */
const RESTORE_CHECKS = 50_000
/** Budget of the preference pass (preferences.ts), in rule-gate questions. */
const PREFERENCE_CHECKS = 50_000
/** Budget of the seat pass (augment.ts), in rule-gate questions and chain length. */
const AUGMENT = { checks: 300_000, perSearch: 20_000, depth: 5, rounds: 3 }

export function solve(given: Scenario, options: SolveOptions = {}): Rota {
  // The week in canonical order (canonical.ts), so the rota depends on content, not list order.
  const { scenario, pinOrigin } = canonicalScenario(given)
  const week = expandWeek(scenario)
  const state = new RotaState(week)
  const pins = withGivenPinPaths(pinOrigin, () => placePins(week, state))
  const pinSet = new Set(pins.map(([p, o]) => `${p}|${o}`))
  const previous = previousPairs(week)
  const groups = groupsOf(week)
  const tally: Tally = {
    lps: 0,
    largestRows: 0,
    largestCols: 0,
    largestCells: 0,
    fractionalLps: 0,
    fractionalValues: 0,
    exchangeMoves: 0,
    skippedLps: 0,
    revertedLps: 0,
    restored: 0,
    fairnessChains: 0,
    fairnessChecks: 0,
    preferenceMoves: 0,
  }

  // A re-plan starts from the published rota: each group is then re-solved with the rest of the
  // week as published, so only what a change forces out (and what it frees) moves.
  for (const k of [...previous].sort(byPair)) {
    const [p, o] = k.split('|').map(Number) as [number, number]
    if (!state.has(p, o) && state.refuse(p, o) === null) state.add(p, o)
  }
  // A cheap greedy pass gives every person a load for the whole week; the LP passes then
  // re-solve each group exactly against the rest of the week.
  if (options.greedyStart ?? true) {
    for (const group of groups) fillGreedily(week, state, group.occurrences, previous)
  }
  const passes = Math.max(1, options.passes ?? 1)
  for (let pass = 0; pass < passes; pass++) {
    for (const group of groups) solveGroup(week, state, group, pins, pinSet, previous, tally)
  }
  for (let round = 0; round < (options.exchangeRounds ?? 3); round++) {
    if (exchange(week, state, pinSet, previous) === 0) break
    tally.exchangeMoves++
  }
  if (previous.size > 0) tally.restored = restorePublished(week, state, pinSet, previous, RESTORE_CHECKS).restored
  // Later passes change loads, which can leave an earlier seat fillable after all.
  fillGreedily(
    week,
    state,
    week.occurrences.map((o) => o.index),
    previous,
  )
  // Seats before anything below them: the passes after this one never empty a seat.
  const augment = augmentSeats(week, state, pinSet, previous, AUGMENT)
  if (previous.size > 0) tally.restored += restorePublished(week, state, pinSet, previous, RESTORE_CHECKS).restored
  const fair = improveFairness(week, state, pinSet, previous, { checks: FAIRNESS_CHECKS, chains: FAIRNESS_CHAINS })
  tally.fairnessChains = fair.chains
  tally.fairnessChecks = fair.checks
  tally.preferenceMoves = honourPreferences(week, state, pinSet, previous, PREFERENCE_CHECKS).moves
  // A hand-over for fairness can leave its giver free for an empty seat: nobody who could take
  // one may be left out, or the reason would send the manager to ease a limit for nothing.
  fillGreedily(
    week,
    state,
    week.occurrences.map((o) => o.index),
    previous,
  )
  const rota = canonicalRota(rotaOf(week, state, previous, tally), (a) => week.occurrenceByKey.get(occurrenceKey(a.duty, a.date, a.slot))?.start ?? 0)
  rota.stats = {
    ...rota.stats,
    augmentFilled: augment.filled,
    augmentChains: augment.chains,
    augmentTrades: augment.trades,
    augmentChecks: augment.checks,
    proof: proveSeats(week, state),
  }
  return rota
}

function byPair(a: string, b: string): number {
  const [pa, oa] = a.split('|').map(Number) as [number, number]
  const [pb, ob] = b.split('|').map(Number) as [number, number]
  return oa - ob || pa - pb
}

function previousPairs(week: Week): Set<string> {
  const out = new Set<string>()
  for (const a of week.scenario.previous ?? []) {
    const p = week.staffIndex.get(a.staff)
    const o = week.occurrenceByKey.get(occurrenceKey(a.duty, a.date, a.slot))
    if (p !== undefined && o) out.add(`${p}|${o.index}`)
  }
  return out
}

function solveGroup(week: Week, state: RotaState, group: Group, pins: [number, number][], pinSet: Set<string>, previous: Set<string>, tally: Tally): void {
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

/**
 * Fills whatever seats the LP left empty, best candidate first: used for the rare fractional
 * answer, and as a cheap guarantee that no seat stays empty while someone could simply take it.
 */
function fillGreedily(
  week: Week,
  state: RotaState,
  occurrences: number[],
  previous: Set<string>,
  values?: Float64Array,
  columns?: { person: number; occurrence: number }[],
): void {
  const n = week.occurrences.length
  // Keyed person * occurrences + occurrence: this runs for every group, and string keys per
  // (person, occurrence) pair were a good part of its time on the big weeks.
  const lpValue = new Map<number, number>()
  if (values && columns)
    columns.forEach((col, c) => {
      const k = col.person * n + col.occurrence
      lpValue.set(k, Math.max(lpValue.get(k) ?? 0, values[c] ?? 0))
    })
  const order = [...occurrences].sort((a, b) => (week.occurrences[a] as Occurrence).priority - (week.occurrences[b] as Occurrence).priority || a - b)
  for (const o of order) {
    const occ = week.occurrences[o] as Occurrence
    if (state.filled(o) >= occ.seats) continue
    const duty = countsAsDuty(occ)
    const ranked: { p: number; score: number }[] = []
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0 || state.has(p, o)) continue
      const kept = previous.size > 0 && previous.has(`${p}|${o}`) ? 1e6 : 0
      ranked.push({ p, score: (lpValue.get(p * n + o) ?? 0) * 1e9 + kept })
    }
    // Fairness costs change as seats are taken, so they are added per seat; the order of the
    // rest of the score does not.
    while (state.filled(o) < occ.seats) {
      const scored = ranked.map(({ p, score }) => ({ p, score: score - (duty ? tierCost(week, p, state.duties[p] ?? 0, 1) : 0) }))
      scored.sort((a, b) => b.score - a.score || a.p - b.p)
      const best = scored.find(({ p }) => !state.has(p, o) && state.refuse(p, o) === null)
      if (!best) break
      state.add(best.p, o)
    }
  }
}

/**
 * One round of moves across groups: for an empty seat whose only candidates are stopped by a
 * weekly limit (duties or event hours), hand one of that person's other assignments to someone
 * free, then give them the seat. Only moves that keep every seat elsewhere filled are made.
 */
function exchange(week: Week, state: RotaState, pinSet: Set<string>, previous: Set<string>): number {
  let moves = 0
  const open = week.occurrences.filter((o) => state.filled(o.index) < o.seats).sort((a, b) => a.priority - b.priority || a.index - b.index)
  for (const o of open) {
    for (let p = 0; p < week.staff.length && state.filled(o.index) < o.seats; p++) {
      const why = state.refuse(p, o.index)
      if (!why || (why.rule !== 8 && why.rule !== 9)) continue
      const held = [...(state.byPerson[p] ?? [])].filter((h) => !pinSet.has(`${p}|${h}`) && countsAsDuty(week.occurrences[h] as Occurrence) === countsAsDuty(o))
      held.sort((a, b) => (previous.has(`${p}|${a}`) ? 1 : 0) - (previous.has(`${p}|${b}`) ? 1 : 0) || b - a)
      let done = false
      for (const h of held) {
        const other = week.occurrences[h] as Occurrence
        if (other.priority < o.priority) continue
        state.remove(p, h)
        if (state.refuse(p, o.index) !== null) {
          state.add(p, h)
          continue
        }
        let stand = -1
        for (let q = 0; q < week.staff.length; q++) {
          if (q !== p && !state.has(q, h) && state.refuse(q, h) === null) {
            stand = q
            break
          }
        }
        if (stand < 0) {
          state.add(p, h)
          continue
        }
        state.add(stand, h)
        state.add(p, o.index)
        moves++
        done = true
        break
      }
      if (done) continue
    }
  }
  return moves
}

function rotaOf(week: Week, state: RotaState, previous: Set<string>, tally: Tally): Rota {
  const assignments: (Assignment & { order: [string, number, string, string] })[] = []
  week.staff.forEach((person, p) => {
    for (const o of state.byPerson[p] ?? []) {
      const occ = week.occurrences[o] as Occurrence
      const a: Assignment = { staff: person.id, duty: occ.work, date: occ.date }
      if (occ.slot !== undefined) a.slot = occ.slot
      assignments.push({ ...a, order: [occ.date, occ.start, occ.work, person.id] })
    }
  })
  assignments.sort((a, b) => compare(a.order, b.order))
  const seats: Record<string, number> = {}
  const filled: Record<string, number> = {}
  for (const o of week.occurrences) {
    seats[o.priority] = (seats[o.priority] ?? 0) + o.seats
    filled[o.priority] = (filled[o.priority] ?? 0) + Math.min(o.seats, state.filled(o.index))
  }
  let kept = 0
  for (const k of previous) {
    const [p, o] = k.split('|').map(Number) as [number, number]
    if (state.has(p, o)) kept++
  }
  const changes = (week.scenario.previous ?? []).length - kept
  const unfairness = week.staff.reduce((u, person, p) => u + ((person.dutiesThisTerm ?? 0) + (state.duties[p] ?? 0)) ** 2 / (week.fte[p] ?? 1), 0)
  const unfairnessBefore = week.staff.reduce((u, person, p) => u + (person.dutiesThisTerm ?? 0) ** 2 / (week.fte[p] ?? 1), 0)
  return {
    format: ROTA_FORMAT,
    assignments: assignments.map(({ order: _order, ...a }) => a),
    unfilled: explainUnfilled(week, state),
    stats: {
      seats,
      filled,
      seatsTotal: Object.values(seats).reduce((a, b) => a + b, 0),
      filledTotal: Object.values(filled).reduce((a, b) => a + b, 0),
      changes,
      fairnessU: round3(unfairness),
      fairnessU0: round3(unfairnessBefore),
      lps: tally.lps,
      lpsSkipped: tally.skippedLps,
      lpsReverted: tally.revertedLps,
      largestLp: `${tally.largestRows} x ${tally.largestCols}`,
      fractionalLps: tally.fractionalLps,
      fractionalValuesRepaired: tally.fractionalValues,
      exchangeRounds: tally.exchangeMoves,
      publishedRestored: tally.restored,
      fairnessChains: tally.fairnessChains,
      fairnessChecks: tally.fairnessChecks,
      preferenceMoves: tally.preferenceMoves,
    },
  }
}

function compare(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string | number
    const y = b[i] as string | number
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}
