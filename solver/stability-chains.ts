// Fewer changes once the seats are settled. The repair pass (stability.ts) puts a published
// person back only where every seat that frees can be filled at once by someone free; on a
// crisis re-plan that is rarely so. A person at their weekly cap who goes back to a published
// cover must give up another cover, and in a crisis lesson nobody is free to take it, though
// someone is who hands one of their own to a third person, and so on to someone free:
//
//   P back to published O (O's unpublished holder Q leaves; P lets go of H1),
//   R1 takes H1 and lets go of H2, ..., Rk takes H(k-1) and held nothing in the way
//
// Every seat a chain empties it fills again, so no occurrence loses a person; O gains P or
// keeps its count. A chain may move a published assignment, but stands only when it puts back
// more than it gives up, so it is searched best gain first, then shortest. Pins never move,
// and a chain is applied through the rule gate in state.ts, so none breaks a rule.
//
// The searches ask the same questions again and again (who could take this seat if its holder
// left it?), and the answer depends only on the rota, not on the chain that reached the seat,
// except for the people the chain moved: so each answer is asked once of the rota as it stands
// and kept until a chain changes it; only a person the chain made room for is asked afresh.
// The budget counts rule-gate questions and chains looked at, never the clock.
import { CURABLE, mayCure, play } from './augment.js'
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { tierCost } from './model.js'
import type { RotaState } from './state.js'

export interface StabilityChainBudget {
  /** Rule-gate questions the whole pass may ask. */
  checks: number
  /** Chains one published assignment's search may look at, so a hopeless one cannot eat the rest. */
  perSearch: number
  /** Most people a chain may move, the one who goes back included. */
  depth: number
  /** Rounds over the published assignments not kept; a round that puts none back ends the pass. */
  rounds: number
}

export interface StabilityChainReport {
  /** Published assignments kept now that were not before (net of any a chain gave up). */
  restored: number
  /** Chains applied that moved someone besides the person who went back. */
  chains: number
  checks: number
}

/** `person` leaves `from` (-1: nothing) for `to`: a step of a chain, as in the seat pass. */
interface Move {
  person: number
  from: number
  to: number
}

/**
 * A chain so far, as its last move and the chain before it: the seat that move left empty (-1:
 * none), what the chain puts back, net, and whom its first move made room for (-1: nobody).
 */
interface Node {
  before: Node | null
  move: Move
  length: number
  vacant: number
  gain: number
  ejected: number
}

function movesOf(node: Node): Move[] {
  const out: Move[] = []
  for (let at: Node | null = node; at; at = at.before) out.push(at.move)
  return out.reverse()
}

/** Who could take a seat if its holder left it: people free to, and people who would first give up one piece of work. */
interface Look {
  free: number[]
  handing: { person: number; from: number }[]
}

export function restoreByChains(week: Week, state: RotaState, fixed: Set<string>, previous: Set<string>, budget: StabilityChainBudget): StabilityChainReport {
  const report: StabilityChainReport = { restored: 0, chains: 0, checks: 0 }
  if (previous.size === 0) return report
  const search = new StabilitySearch(week, state, fixed, previous, budget)
  const pairs = [...previous].map((k) => k.split('|').map(Number) as [number, number]).sort((a, b) => a[1] - b[1] || a[0] - b[0])
  const start = state.questions
  const spent = () => state.questions - start >= budget.checks
  for (let round = 0; round < budget.rounds && !spent(); round++) {
    const before = report.restored
    for (const [p, o] of pairs) {
      if (spent()) break
      if (state.has(p, o) || week.eligibility[p * week.occurrences.length + o] !== 0) continue
      const found = search.find(p, o, start + budget.checks)
      if (!found || !applyChain(state, found)) continue
      search.forget()
      report.restored += found.gain
      if (found.length > 1) report.chains++
    }
    if (report.restored === before) break
  }
  report.checks = state.questions - start
  return report
}

class StabilitySearch {
  private readonly n: number
  /** Looks at (seat, who leaves it) on the rota as it stands; cleared when a chain changes it. */
  private looks = new Map<number, Look>()

  constructor(
    private readonly week: Week,
    private readonly state: RotaState,
    private readonly fixed: Set<string>,
    previous: Set<string>,
    private readonly budget: StabilityChainBudget,
  ) {
    this.n = week.occurrences.length
    this.publishedAt = new Set(
      [...previous].map((k) => {
        const [p, o] = k.split('|').map(Number) as [number, number]
        return p * this.n + o
      }),
    )
  }

  forget(): void {
    this.looks.clear()
  }

  /** Published pairs as numbers: the searches ask this for every hand-over they weigh. */
  private readonly publishedAt: Set<number>

  private published(p: number, o: number): number {
    return this.publishedAt.has(p * this.n + o) ? 1 : 0
  }

  /** The chain that puts `p` back on `o` and wins most (then moves fewest), or null. */
  find(p: number, o: number, stopAt: number): Node | null {
    const heads = this.heads(p, o)
    const done = heads.find((node) => node.vacant < 0)
    if (done) return done
    // Best gain first: a chain that has already put two back is worth following before others.
    const buckets = new Map<number, Node[]>()
    const reached = new Map<number, number>()
    const stride = this.week.staff.length + 1
    // Whether a chain to `vacant` with this gain is worth queueing; the seat and whom the chain made room for decide what follows.
    const fresh = (vacant: number, ejected: number, gain: number) => {
      const key = vacant * stride + ejected + 1
      if ((reached.get(key) ?? -Infinity) >= gain) return false
      reached.set(key, gain)
      return true
    }
    const push = (node: Node) => {
      const list = buckets.get(node.gain) ?? []
      list.push(node)
      buckets.set(node.gain, list)
    }
    for (const head of heads) if (fresh(head.vacant, head.ejected, head.gain)) push(head)
    for (let seen = 0; seen < this.budget.perSearch && this.state.questions < stopAt; seen++) {
      const best = Math.max(...[...buckets].filter(([, list]) => list.length > 0).map(([g]) => g))
      if (!Number.isFinite(best)) return null
      const node = (buckets.get(best) as Node[]).shift() as Node
      const done = this.extend(node, (child) => {
        if (fresh(child.vacant, child.ejected, child.gain)) push(child)
      })
      if (done) return done
    }
    return null
  }

  /**
   * The first moves: `p` onto `o`, one of its unpublished holders making room where it is full,
   * with nothing given up (a chain already done) or one piece of `p`'s own work given up.
   */
  private heads(p: number, o: number): Node[] {
    const state = this.state
    const occ = this.week.occurrences[o] as Occurrence
    const makingRoom = [...(state.byOccurrence[o] ?? [])].filter((q) => this.published(q, o) === 0 && !this.fixed.has(`${q}|${o}`)).sort((a, b) => a - b)
    const out: Node[] = []
    for (const q of state.filled(o) < occ.seats ? [-1, ...makingRoom] : makingRoom) {
      const head = (from: number, gain: number): Node => ({ before: null, move: { person: p, from, to: o }, length: 1, vacant: from, gain, ejected: q })
      if (state.allowsHandOver(p, o, q, -1)) return [head(-1, 1)]
      for (const { from } of this.lookAt(o, q, [p]).handing) out.push(head(from, 1 - this.published(p, from)))
    }
    return out
  }

  /** The chain one step further: ended by someone free (returned), else each hand-over that moves its empty seat on (given to `child`). */
  private extend(node: Node, child: (next: Node) => void): Node | null {
    const v = node.vacant
    const movers = new Set<number>()
    const filled = new Set<number>()
    for (let at: Node | null = node; at; at = at.before) {
      movers.add(at.move.person)
      filled.add(at.move.to)
    }
    const leaver = node.move.person
    const q = node.ejected
    const made = q < 0 ? undefined : { person: q, seat: (movesOf(node)[0] as Move).to }
    // Who could take v as the rota stands, and, asked afresh, whoever the chain made room for.
    const look = this.lookAt(v, leaver)
    const again = made ? this.lookAt(v, leaver, [q], made) : undefined
    const stale = (r: number) => movers.has(r) || r === q
    const step = (person: number, from: number, gain: number): Node => ({
      before: node,
      move: { person, from, to: v },
      length: node.length + 1,
      vacant: from,
      gain,
      ejected: q,
    })
    const winner = [...look.free.filter((r) => !stale(r)), ...(again?.free ?? [])].find((r) => node.gain + this.published(r, v) > 0)
    if (winner !== undefined) return step(winner, -1, node.gain + this.published(winner, v))
    if (node.length >= this.budget.depth) return null
    for (const list of [look.handing, again?.handing ?? []]) {
      for (const { person: r, from: h } of list) {
        if ((list === look.handing && stale(r)) || filled.has(h)) continue
        const gain = node.gain + this.published(r, v) - this.published(r, h)
        // Each later step puts at most one back: a chain that cannot end ahead is not followed.
        if (gain + this.budget.depth - node.length - 1 <= 0) continue
        child(step(r, h, gain))
      }
    }
    return null
  }

  /**
   * Who could take `v` once `leaver` (-1: nobody) has left it: everyone, asked once of the rota
   * as it stands and kept; or only `only`, asked afresh with `made` (the move that ejected them)
   * played first.
   */
  private lookAt(v: number, leaver: number, only?: number[], made?: { person: number; seat: number }): Look {
    const key = v * (this.week.staff.length + 1) + leaver + 1
    const kept = only ? undefined : this.looks.get(key)
    if (kept) return kept
    const state = this.state
    if (made) state.remove(made.person, made.seat)
    if (leaver >= 0) state.remove(leaver, v)
    const look = this.ask(v, only)
    if (leaver >= 0) state.add(leaver, v)
    if (made) state.add(made.person, made.seat)
    if (!only) this.looks.set(key, look)
    return look
  }

  /** One question per person (free: published there first, then cheapest for fairness) and one per piece of work that might be in the way. */
  private ask(v: number, only?: number[]): Look {
    const state = this.state
    const occ = this.week.occurrences[v] as Occurrence
    const scored: { r: number; score: number }[] = []
    const handing: { person: number; from: number }[] = []
    for (const r of only ?? this.week.staff.keys()) {
      if (this.week.eligibility[r * this.n + v] !== 0 || state.has(r, v)) continue
      const why = state.refuse(r, v)
      if (why === null) {
        scored.push({ r, score: -1e12 * this.published(r, v) + (countsAsDuty(occ) ? tierCost(this.week, r, state.duties[r] ?? 0, 1) : 0) })
        continue
      }
      if (!CURABLE.has(why.cause)) continue
      for (const h of [...(state.byPerson[r] ?? [])].sort((a, b) => a - b)) {
        if (this.fixed.has(`${r}|${h}`) || !mayCure(why.cause, occ, this.week.occurrences[h] as Occurrence)) continue
        if (state.allowsHandOver(r, v, -1, h)) handing.push({ person: r, from: h })
      }
    }
    scored.sort((a, b) => a.score - b.score || a.r - b.r)
    return { free: scored.map((s) => s.r), handing }
  }
}

/** Plays a chain through the gate, its first move's seat given up by whoever makes room; false (and the rota as it was) on a refusal. */
function applyChain(state: RotaState, node: Node): boolean {
  const moves = movesOf(node)
  const room = (moves[0] as Move).to
  if (node.ejected >= 0) state.remove(node.ejected, room)
  if (play(state, moves)) return true
  if (node.ejected >= 0) state.add(node.ejected, room)
  return false
}
