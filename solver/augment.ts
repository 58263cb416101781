// The last word on seats. The stages before this one see the week a group at a time, so on a
// crisis week (many absent, cover far above supply) they can stop where a seat is still empty
// and someone could take it after all: directly, or once they hand the work that holds them
// (at the same time, over their weekly cap, in their rest break, over their event hours) to
// someone else. This pass looks for exactly that, seat by seat, highest priority first:
//
//   an augmenting chain  S <- P1 from A1, A1 <- P2 from A2, ..., Ak <- R (who is free)
//
// found by a breadth-first search over the seats a move would empty, so the shortest chain
// wins. A full chain fills S and leaves every other seat as full as it was. Where none exists,
// a chain may instead end at a seat of strictly lower priority than S and leave it empty: one
// seat of a higher priority outweighs any number of lower ones (scenario-format.md), so that
// trade is a gain too, and it is taken only when no full chain exists. A trade may also end
// with one person handing over two pieces of lower-priority work, where either alone would
// still hold them (a clash and their weekly cap): the seats it empties are open seats the next
// round looks at like any other. Every move goes through the rule gate in state.ts, so no
// chain can break a rule; pins never move. In a re-plan a published assignment moves only when
// no chain without such a move exists: seats come first, then as few changes as possible.
//
// The budget counts rule-gate questions, never the clock, so a rota does not depend on how
// busy the machine is.
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { tierCost } from './model.js'
import type { Cause, RotaState } from './state.js'

export interface AugmentBudget {
  /** Rule-gate questions the whole pass may ask. */
  checks: number
  /** Rule-gate questions one search for one seat may ask, so a hopeless seat cannot eat the rest. */
  perSearch: number
  /** Most people a chain may move, the one who ends it included. */
  depth: number
  /** Rounds over the open seats; a round that fills nothing ends the pass. */
  rounds: number
}

export interface AugmentReport {
  /** Seats filled (a trade counts one filled and one emptied, and is counted in `trades`). */
  filled: number
  /** Full chains that moved at least one person who already held work. */
  chains: number
  trades: number
  checks: number
}

/**
 * One step of a chain: `person` leaves `from` (-1: they held nothing that mattered) for `to`.
 * A step that ends a trade may also leave `also`, a second seat of lower priority than the chain's
 * target, empty: one person can be held by two pieces of their own work at once.
 */
interface Move {
  person: number
  from: number
  to: number
  also?: number
}

interface Found {
  /** A chain that fills the seat and empties none. */
  full?: Move[]
  /** A chain that fills the seat and empties one of strictly lower priority. */
  trade?: Move[]
  /** A chain that fills the seat and empties two of strictly lower priority (its last move's `also`). */
  pair?: Move[]
}

/** Causes a move can cure: each is about the person's own other work, never the seat. */
export const CURABLE = new Set<Cause>(['busy', 'rest-break', 'weekly-cap', 'additional-hours'])

export function augmentSeats(week: Week, state: RotaState, fixed: Set<string>, previous: Set<string>, budget: AugmentBudget): AugmentReport {
  const report: AugmentReport = { filled: 0, chains: 0, trades: 0, checks: 0 }
  const search = new ChainSearch(week, state, fixed, previous, budget, report)
  for (let round = 0; round < budget.rounds && report.checks < budget.checks; round++) {
    const before = report.filled + report.trades
    const open = week.occurrences.filter((o) => state.filled(o.index) < o.seats).sort((a, b) => a.priority - b.priority || a.index - b.index)
    // Seats that look alike to every candidate (same kind, time, skills and crew: the twenty
    // cover requests of one lesson) fail alike. A failure is remembered for the round, though
    // a chain found later in it may have opened a way; the next round looks again.
    const failed = new Set<string>()
    // Likewise a seat that only a trade fills waits, and so do the seats that look like it.
    const waiting = new Map<string, number>()
    const fill = (o: Occurrence, trade: boolean): number => {
      while (state.filled(o.index) < o.seats && report.checks < budget.checks) {
        const sig = signature(state, o)
        if (failed.has(sig)) break
        const cost = waiting.get(sig)
        if (!trade && cost !== undefined) return cost
        const found = search.find(o, true)
        const withPublished = previous.size > 0 && !found.full ? search.find(o, false) : {}
        const full = found.full ?? withPublished.full
        // Seats first, then changes: a trade that moves a published assignment still empties
        // fewer seats than a pair that moves none.
        const cheapest = found.trade ?? withPublished.trade ?? found.pair ?? withPublished.pair
        if (!full && cheapest && !trade) {
          const emptied = cheapest === found.trade || cheapest === withPublished.trade ? 1 : 2
          waiting.set(sig, emptied)
          return emptied
        }
        const chain = full ?? cheapest
        if (!chain || !apply(state, chain)) {
          failed.add(sig)
          break
        }
        if (chain !== full) report.trades++
        else {
          report.filled++
          if (chain.length > 1) report.chains++
        }
      }
      return 0
    }
    // A trade spends lower seats, and another seat of the same priority may want the same
    // people for a full chain or a cheaper trade: each priority's trades wait for all of its
    // full chains, and then go cheapest first, each searched again on the rota as it is then.
    for (let i = 0; i < open.length; ) {
      const priority = (open[i] as Occurrence).priority
      const trading: { o: Occurrence; cost: number }[] = []
      for (; i < open.length && (open[i] as Occurrence).priority === priority; i++) {
        const o = open[i] as Occurrence
        const cost = fill(o, false)
        if (cost > 0) trading.push({ o, cost })
      }
      trading.sort((a, b) => a.cost - b.cost || a.o.index - b.o.index)
      for (const { o } of trading) fill(o, true)
    }
    if (report.filled + report.trades === before) break
  }
  return report
}

function signature(state: RotaState, o: Occurrence): string {
  const crew = [...(state.byOccurrence[o.index] ?? [])].sort((a, b) => a - b).join(',')
  return `${o.kind}|${o.date}|${o.start}|${o.end}|${o.priority}|${o.seats}|${o.skills.map(([k, n]) => `${k}:${n}`).join(',')}|${crew}`
}

class ChainSearch {
  private readonly n: number

  constructor(
    private readonly week: Week,
    private readonly state: RotaState,
    private readonly fixed: Set<string>,
    private readonly previous: Set<string>,
    private readonly budget: AugmentBudget,
    private readonly report: AugmentReport,
  ) {
    this.n = week.occurrences.length
  }

  /**
   * Breadth-first over the seats a chain would leave empty, starting at `target`. Each queue
   * entry is the chain so far; it is played on the rota to look one step further and taken
   * back, so every question is asked of the rota as the chain would leave it.
   */
  find(target: Occurrence, lockPublished: boolean): Found {
    const found: Found = {}
    const stop = Math.min(this.budget.checks, this.report.checks + this.budget.perSearch)
    const visited = new Set<number>([target.index])
    const queue: { moves: Move[]; vacant: number }[] = [{ moves: [], vacant: target.index }]
    for (let qi = 0; qi < queue.length && this.report.checks < stop; qi++) {
      const { moves, vacant } = queue[qi] as { moves: Move[]; vacant: number }
      this.report.checks += moves.length
      if (!play(this.state, moves)) continue
      try {
        const movers = new Set(moves.map((m) => m.person))
        const seen = this.look(vacant, target.priority, movers, visited, lockPublished, moves.length + 1 < this.budget.depth, stop)
        if (seen.direct >= 0) {
          found.full = [...moves, { person: seen.direct, from: -1, to: vacant }]
          return found
        }
        if (!found.pair && seen.pair) found.pair = [...moves, { ...seen.pair, to: vacant }]
        for (const { person, from } of seen.moves) {
          if (visited.has(from)) continue
          visited.add(from)
          const next = [...moves, { person, from, to: vacant }]
          const freed = this.week.occurrences[from] as Occurrence
          if (!found.trade && freed.priority > target.priority) found.trade = next
          queue.push({ moves: next, vacant: from })
        }
      } finally {
        unplay(this.state, moves)
      }
    }
    return found
  }

  /**
   * One look at the seat `v` as the rota stands: the best person the gate lets take it (-1 if
   * none), and the people it refuses only over their own other work, each with the pieces of
   * that work whose hand-over would let them take it. Both come from one question per person.
   * Someone still refused once one piece is handed over (a clash and their weekly cap, say)
   * may be freed by handing over a second: both pieces of lower priority than the target, so
   * leaving them empty is a trade (`pair`), the first such found.
   */
  private look(
    v: number,
    targetPriority: number,
    movers: Set<number>,
    visited: Set<number>,
    lockPublished: boolean,
    wantMoves: boolean,
    stop: number,
  ): { direct: number; moves: { person: number; from: number }[]; pair?: Omit<Move, 'to'> } {
    const occ = this.week.occurrences[v] as Occurrence
    let direct = -1
    let bestScore = Infinity
    const curable: { person: number; cause: Cause }[] = []
    for (let p = 0; p < this.week.staff.length && this.report.checks < stop; p++) {
      if (this.week.eligibility[p * this.n + v] !== 0 || this.state.has(p, v)) continue
      this.report.checks++
      const why = this.state.refuse(p, v)
      if (why === null) {
        // Their published seat back first (a change undone), then the cheapest for fairness.
        const score =
          (this.previous.size > 0 && this.previous.has(`${p}|${v}`) ? -1e12 : 0) +
          (countsAsDuty(occ) ? tierCost(this.week, p, this.state.duties[p] ?? 0, 1) : 0)
        if (score < bestScore) {
          direct = p
          bestScore = score
        }
        // Someone who moved earlier in the chain may still end it (the gate, asked of the rota
        // as the chain leaves it, decides), so which path first reached a seat does not decide
        // who may fill it; only moving twice is barred, which keeps the chain a path.
      } else if (!movers.has(p) && CURABLE.has(why.cause)) curable.push({ person: p, cause: why.cause })
    }
    const moves: { person: number; from: number }[] = []
    let pair: Omit<Move, 'to'> | undefined
    if (direct >= 0 || !wantMoves) return { direct, moves }
    for (const { person: p, cause } of curable) {
      const held = [...(this.state.byPerson[p] ?? [])].filter((h) => this.mayHandOver(p, h, visited, lockPublished)).sort((a, b) => a - b)
      for (const h of held) {
        const first = this.week.occurrences[h] as Occurrence
        if (!mayCure(cause, occ, first)) continue
        if (this.report.checks >= stop) return pair ? { direct, moves, pair } : { direct, moves }
        this.report.checks++
        this.state.remove(p, h)
        const why = this.state.refuse(p, v)
        if (why === null) moves.push({ person: p, from: h })
        else if (!pair && first.priority > targetPriority && CURABLE.has(why.cause)) {
          for (const h2 of held) {
            const second = this.week.occurrences[h2] as Occurrence
            if (h2 === h || second.priority <= targetPriority || !mayCure(why.cause, occ, second) || this.report.checks >= stop) continue
            this.report.checks++
            this.state.remove(p, h2)
            if (this.state.allows(p, v)) pair = { person: p, from: h, also: h2 }
            this.state.add(p, h2)
            if (pair) break
          }
        }
        this.state.add(p, h)
      }
    }
    return pair ? { direct, moves, pair } : { direct, moves }
  }

  /** May `person` hand `held` over in a chain: not pinned, not a seat the chain already empties, not a locked published one. */
  private mayHandOver(person: number, held: number, visited: Set<number>, lockPublished: boolean): boolean {
    if (visited.has(held) || this.fixed.has(`${person}|${held}`)) return false
    return !(lockPublished && this.previous.size > 0 && this.previous.has(`${person}|${held}`))
  }
}

/** Could giving up `held` cure this refusal of `want`? */
export function mayCure(cause: Cause, want: Occurrence, held: Occurrence): boolean {
  switch (cause) {
    case 'busy':
      return held.date === want.date && held.start < want.end && want.start < held.end
    case 'rest-break':
      return held.date === want.date
    case 'weekly-cap':
      return countsAsDuty(held)
    case 'additional-hours':
      return !countsAsDuty(held)
    default:
      return false
  }
}

/** Plays a chain on the rota through the gate; on a refusal takes back what it did and says false. */
export function play(state: RotaState, moves: Move[]): boolean {
  for (let i = 0; i < moves.length; i++) {
    const m = moves[i] as Move
    if (m.from >= 0) state.remove(m.person, m.from)
    if (m.also !== undefined) state.remove(m.person, m.also)
    if (!state.allows(m.person, m.to)) {
      if (m.from >= 0) state.add(m.person, m.from)
      if (m.also !== undefined) state.add(m.person, m.also)
      unplay(state, moves.slice(0, i))
      return false
    }
    state.add(m.person, m.to)
  }
  return true
}

function unplay(state: RotaState, moves: Move[]): void {
  for (let i = moves.length - 1; i >= 0; i--) {
    const m = moves[i] as Move
    state.remove(m.person, m.to)
    if (m.from >= 0) state.add(m.person, m.from)
    if (m.also !== undefined) state.add(m.person, m.also)
  }
}

function apply(state: RotaState, chain: Move[]): boolean {
  return play(state, chain)
}
