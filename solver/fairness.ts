// A last pass over the whole week for fairness. The group LPs each see the rest of the week as
// fixed, so they stop at rotas where load could only move from a busy person to an idle one
// through a third person in another group: A hands a Monday duty to B, who hands a Thursday duty
// to C. Such a chain leaves every intermediate person's count as it was, so it lowers U exactly
// when the last receiver's next duty costs less than the first giver's last one. This pass finds
// those chains by a search backwards from the cheapest receivers and applies them through the
// rule gate in state.ts, so it can never break a rule, empty a seat or give up a kept assignment.
import { countsAsDuty } from './expand.js'
import type { Week } from './expand.js'
import { tierCost } from './model.js'
import type { RotaState } from './state.js'

export interface FairnessBudget {
  /** Most hand-over checks (one rule-gate question each) the pass may ask in all. */
  checks: number
  /** Most chains it may apply. */
  chains: number
}

export interface FairnessReport {
  chains: number
  checks: number
}

/** A hand-over of one occurrence from `from` to `to`. */
interface Link {
  from: number
  to: number
  occurrence: number
}

/** Strict improvement only: a chain that changes U by less than this is not worth a change. */
const EPS = 1e-9

/**
 * Applies improving hand-over chains until none is found or the budget runs out. `fixed`
 * holds the "person|occurrence" pairs that may not move (pins). Stability is kept: an
 * assignment of the published rota (`previous`) is handed only to someone who also held it
 * there, so the number of kept assignments never falls.
 */
export function improveFairness(week: Week, state: RotaState, fixed: Set<string>, previous: Set<string>, budget: FairnessBudget): FairnessReport {
  const report: FairnessReport = { chains: 0, checks: 0 }
  const n = week.occurrences.length
  // Each person's duty and cover occurrences they are eligible for at all, found once.
  const open: number[][] = week.staff.map((_, p) => {
    const list: number[] = []
    for (const o of week.occurrences) if (countsAsDuty(o) && week.eligibility[p * n + o.index] === 0) list.push(o.index)
    return list
  })
  while (report.chains < budget.chains && report.checks < budget.checks) {
    const chain = findChain(week, state, fixed, previous, open, report, budget.checks)
    if (!chain || !applyChain(state, chain)) break
    report.chains++
  }
  return report
}

function findChain(
  week: Week,
  state: RotaState,
  fixed: Set<string>,
  previous: Set<string>,
  open: number[][],
  report: FairnessReport,
  maxChecks: number,
): Link[] | null {
  const people = week.staff.length
  const up = new Float64Array(people)
  const down = new Float64Array(people)
  let maxDown = -Infinity
  for (let p = 0; p < people; p++) {
    const load = state.duties[p] ?? 0
    const cap = week.staff[p]?.maxDutiesPerWeek
    up[p] = cap !== undefined && load >= cap ? Infinity : tierCost(week, p, load, 1)
    down[p] = load > 0 ? tierCost(week, p, load - 1, 1) : -Infinity
    if (load > 0 && (down[p] as number) > maxDown) maxDown = down[p] as number
  }
  const sinks = [...Array(people).keys()].filter((p) => Number.isFinite(up[p])).sort((a, b) => (up[a] as number) - (up[b] as number) || a - b)
  const visited = new Uint8Array(people)
  // What each reached person hands on, and to whom, on their way to the receiver.
  const nextOcc = new Int32Array(people).fill(-1)
  const nextTo = new Int32Array(people).fill(-1)
  for (const r of sinks) {
    const target = up[r] as number
    // Sinks come cheapest first: once no giver costs more, no chain can pay.
    if (target >= maxDown - EPS) return null
    if (visited[r]) continue
    visited[r] = 1
    const queue = [r]
    for (let qi = 0; qi < queue.length; qi++) {
      const b = queue[qi] as number
      for (const o of open[b] as number[]) {
        if (state.has(b, o)) continue
        for (const a of [...(state.byOccurrence[o] ?? [])]) {
          if (visited[a] || (fixed.size > 0 && fixed.has(`${a}|${o}`))) continue
          if (previous.size > 0 && previous.has(`${a}|${o}`) && !previous.has(`${b}|${o}`)) continue
          if (report.checks >= maxChecks) return null
          report.checks++
          if (!state.allowsHandOver(b, o, a, nextOcc[b] as number)) continue
          visited[a] = 1
          nextOcc[a] = o
          nextTo[a] = b
          if ((down[a] as number) > target + EPS) return chainFrom(a, nextOcc, nextTo)
          queue.push(a)
        }
      }
    }
  }
  return null
}

function chainFrom(start: number, nextOcc: Int32Array, nextTo: Int32Array): Link[] {
  const links: Link[] = []
  for (let p = start; (nextOcc[p] as number) >= 0; p = nextTo[p] as number) {
    links.push({ from: p, to: nextTo[p] as number, occurrence: nextOcc[p] as number })
  }
  return links
}

/**
 * Applies the chain from the receiver's end, so each person has handed on before they take,
 * every step through the rule gate; any refusal undoes the steps made and reports false.
 */
function applyChain(state: RotaState, chain: Link[]): boolean {
  const done: Link[] = []
  for (let i = chain.length - 1; i >= 0; i--) {
    const link = chain[i] as Link
    state.remove(link.from, link.occurrence)
    if (!state.allows(link.to, link.occurrence)) {
      state.add(link.from, link.occurrence)
      for (const d of done.reverse()) {
        state.remove(d.to, d.occurrence)
        state.add(d.from, d.occurrence)
      }
      return false
    }
    state.add(link.to, link.occurrence)
    done.push(link)
  }
  return true
}

/** U over the week as the format defines it: (term duties + this week's) squared over FTE. */
export function unfairness(week: Week, state: RotaState): number {
  return week.staff.reduce((u, person, p) => u + ((person.dutiesThisTerm ?? 0) + (state.duties[p] ?? 0)) ** 2 / (week.fte[p] ?? 1), 0)
}
