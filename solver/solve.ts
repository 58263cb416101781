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
import { Budget, DEFAULT_STEPS } from './budget.js'
import type { BudgetOptions } from './budget.js'
import { canonicalRota, canonicalScenario, withGivenPinPaths } from './canonical.js'
import { expandWeek, occurrenceKey } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { groupsOf } from './decompose.js'
import { explainUnfilled } from './explain.js'
import { improveFairness } from './fairness.js'
import { exchange, fillGreedily } from './greedy.js'
import { compare, solveGroup } from './group-lp.js'
import type { GroupContext, Tally } from './group-lp.js'
import { placePins } from './pins.js'
import { ROTA_FORMAT } from './scenario.js'
import type { Assignment, Rota, Scenario } from './scenario.js'
import { honourPreferences } from './preferences.js'
import { restorePublished } from './stability.js'
import { restoreByChains } from './stability-chains.js'
import { RotaState } from './state.js'

export { PinError } from './pins.js'

export interface SolveOptions extends BudgetOptions {
  /** LP passes over every group (default 1). */
  passes?: number
  /** Seed the week with a greedy rota before the LP passes (default true). */
  greedyStart?: boolean
  /** Rounds of exchange moves at the end (default 3). */
  exchangeRounds?: number
}

/** Budget of the final fairness pass, in rule-gate questions and chains applied (no clock). */
const FAIRNESS_CHECKS = 200_000
const FAIRNESS_CHAINS = 500
/** Budget of the re-plan repair pass (stability.ts), in rule-gate questions. */
const RESTORE_CHECKS = 50_000
/** Budget of the re-plan chain pass (stability-chains.ts), in rule-gate questions and chain length. */
const RESTORE_CHAINS = { checks: 500_000, perSearch: 1000, depth: 6, rounds: 3 }
/** Budget of the preference pass (preferences.ts), in rule-gate questions. */
const PREFERENCE_CHECKS = 50_000
/** Steps each round of exchange moves may take. */
const EXCHANGE_STEPS = 1_000_000
/** Budget of the seat pass (augment.ts), in rule-gate questions and chain length. */
const AUGMENT = { checks: 1_000_000, perSearch: 20_000, depth: 5, rounds: 3 }

export function solve(given: Scenario, options: SolveOptions = {}): Rota {
  // The week in canonical order (canonical.ts), so the rota depends on content, not list order.
  const { scenario, pinOrigin } = canonicalScenario(given)
  const week = expandWeek(scenario)
  const state = new RotaState(week)
  const pins = withGivenPinPaths(pinOrigin, () => placePins(week, state))
  const pinSet = new Set(pins.map(([p, o]) => `${p}|${o}`))
  const previous = previousPairs(week)
  const groups = groupsOf(week)
  const tally = freshTally()

  const budget = new Budget(options.budget ?? DEFAULT_STEPS, () => state.questions, options)
  const ctx = { week, state, pins, pinSet, previous, tally, budget }

  // A re-plan starts from the published rota: each group is then re-solved with the rest of the
  // week as published, so only what a change forces out (and what it frees) moves.
  for (const k of [...previous].sort(byPair)) {
    const [p, o] = k.split('|').map(Number) as [number, number]
    if (!state.has(p, o) && state.allows(p, o)) state.add(p, o)
  }
  // A cheap greedy pass gives every person a load for the whole week; the LP passes then
  // re-solve each group exactly against the rest of the week. Both greedy passes are outside
  // the budget: each asks at most one question per (seat, candidate), and without them a rota
  // cut short could leave a seat empty that someone could simply take.
  budget.at('greedy start')
  if (options.greedyStart ?? true) {
    for (const group of groups) fillGreedily(week, state, group.occurrences, previous)
  }
  const passes = Math.max(1, options.passes ?? 1)
  for (let pass = 0; pass < passes; pass++) {
    for (const group of groups) solveGroup(ctx, group)
  }
  for (let round = 0; round < (options.exchangeRounds ?? 3) && budget.allows('exchange'); round++) {
    if (exchange(week, state, pinSet, previous, budget, EXCHANGE_STEPS) === 0) break
    tally.exchangeMoves++
  }
  const restore = () => {
    budget.at('re-plan repair')
    if (previous.size > 0 && budget.allows('re-plan repair'))
      tally.restored += restorePublished(week, state, pinSet, previous, budget.cap(RESTORE_CHECKS)).restored
    budget.settle('re-plan repair')
  }
  restore()
  // Later passes change loads, which can leave an earlier seat fillable after all.
  const everything = week.occurrences.map((o) => o.index)
  budget.at('greedy fill')
  fillGreedily(week, state, everything, previous)
  // Seats before anything below them: the passes after this one never empty a seat.
  budget.at('seat pass')
  const augment = budget.allows('seat pass') ? augmentSeats(week, state, pinSet, previous, { ...AUGMENT, checks: budget.cap(AUGMENT.checks) }) : undefined
  budget.settle('seat pass')
  restore()
  const chains = restoreThroughChains(ctx)
  fairnessThenPreferences(ctx)
  // A hand-over for fairness can leave its giver free for an empty seat: nobody who could take
  // one may be left out, or the reason would send the manager to ease a limit for nothing.
  budget.at('greedy fill')
  fillGreedily(week, state, everything, previous)
  budget.at('reasons and seat proof')
  const rota = canonicalRota(rotaOf(week, state, previous, tally), (a) => week.occurrenceByKey.get(occurrenceKey(a.duty, a.date, a.slot))?.start ?? 0)
  rota.stats = {
    ...rota.stats,
    augmentFilled: augment?.filled ?? 0,
    augmentChains: augment?.chains ?? 0,
    augmentTrades: augment?.trades ?? 0,
    augmentChecks: augment?.checks ?? 0,
    restoreChains: chains?.chains ?? 0,
    restoreChainChecks: chains?.checks ?? 0,
    proof: proveSeats(week, state),
    ...budgetStats(budget),
  }
  budget.at('done')
  return rota
}

/** With the seats settled, chains of hand-overs put back what the direct repair could not. */
function restoreThroughChains({ week, state, pinSet, previous, tally, budget }: GroupContext): ReturnType<typeof restoreByChains> | undefined {
  budget.at('re-plan chains')
  const chains =
    previous.size > 0 && budget.allows('re-plan chains')
      ? restoreByChains(week, state, pinSet, previous, { ...RESTORE_CHAINS, checks: budget.cap(RESTORE_CHAINS.checks) })
      : undefined
  tally.restored += chains?.restored ?? 0
  budget.settle('re-plan chains')
  return chains
}

/** The two objectives below seats and stability, in the format's order: fairness, then preferences. */
function fairnessThenPreferences({ week, state, pinSet, previous, tally, budget }: GroupContext): void {
  budget.at('fairness')
  if (budget.allows('fairness')) {
    const fair = improveFairness(week, state, pinSet, previous, { checks: budget.cap(FAIRNESS_CHECKS), chains: FAIRNESS_CHAINS })
    tally.fairnessChains = fair.chains
    tally.fairnessChecks = fair.checks
  }
  budget.settle('fairness')
  budget.at('preferences')
  if (budget.allows('preferences')) tally.preferenceMoves = honourPreferences(week, state, pinSet, previous, budget.cap(PREFERENCE_CHECKS)).moves
  budget.settle('preferences')
}

/** Every figure the passes count, at nought. */
function freshTally(): Tally {
  return {
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
}

/** What the rota says about its budget: steps used of how many, and whether the search was cut. */
function budgetStats(budget: Budget): Record<string, unknown> {
  const out: Record<string, unknown> = { steps: budget.used(), budget: budget.limit, stoppedEarly: budget.stoppedEarly }
  if (budget.stoppedIn !== undefined) out.stoppedIn = budget.stoppedIn
  return out
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

function round3(x: number): number {
  return Math.round(x * 1000) / 1000
}
