// How many seats of each priority any lawful rota could fill at most, so the rota can say where
// its own count is the best possible and where a gap may remain. The bound is a maximum flow
// over a relaxation of the hard rules: every relaxation drops or loosens a rule and never adds
// one, so whatever a lawful rota fills, the flow can carry too, and the flow's value is a true
// upper bound. What it keeps is what binds across the week:
//
//   source -> person's duties (maxDutiesPerWeek) -> [their rest break on a day: how many
//   lunch-time blocks they can hold and keep it] -> one node per set of their occurrences that
//   overlap one another (one place at a time: 1) -> occurrence [-> its plain seats, for those
//   who hold none of its skills] -> sink (its seats)
//
// and for events, source -> person's events (how many of the shortest fit in their additional
// hours) -> overlap sets -> the event. Only eligible (person, occurrence) pairs get an edge.
//
// Priorities follow the format's strict order: priority 1's sink edges are opened first and the
// flow maximised, then priority 2's are opened and the flow augmented, and so on. An augmenting
// path never lowers the flow into the sink through an edge already open, so each stage adds the
// most seats of its priority that a flow can add while the higher ones keep their maximum. That
// is a bound on the optimum's seats of a priority only while every higher priority is proved (the
// optimum then fills exactly as many there as the rota does); past the first priority that is
// not, each lower one is bounded from the flow of the proved ones alone.
//
// The work is counted in steps (edges looked at, subsets of lunch blocks tried), never time:
// where the budget runs out, the rest of the priorities fall back on their seat count.
import { countsAsDuty, eventHours, keepsRestBreak, overlaps } from './expand.js'
import type { Interval, Occurrence, Week } from './expand.js'
import type { RotaState } from './state.js'

export interface PriorityProof {
  priority: number
  /** seats of this priority the rota fills */
  filled: number
  /** the most seats of this priority any lawful rota could fill, as far as the proof can tell */
  bound: number
  /** the rota's count meets the bound: no rota fills more of this priority */
  proved: boolean
}

export interface SeatProof {
  byPriority: PriorityProof[]
  /** steps spent; `complete` is false where the budget ran out before every bound was found */
  steps: number
  complete: boolean
}

/** Default budget in steps: a solved 500-staff week needs about 10 million (some 0.3-0.5 s). */
export const PROOF_STEPS = 25_000_000
/** Lunch-time blocks of one person-day enumerated at most (2^n subsets); past it, no rest-break cap. */
const MAX_LUNCH_BLOCKS = 10

export function proveSeats(week: Week, state: RotaState, budget = PROOF_STEPS): SeatProof {
  const seats = new Map<number, number>()
  const filled = new Map<number, number>()
  for (const o of week.occurrences) {
    seats.set(o.priority, (seats.get(o.priority) ?? 0) + o.seats)
    filled.set(o.priority, (filled.get(o.priority) ?? 0) + Math.min(o.seats, state.filled(o.index)))
  }
  const priorities = [...seats.keys()].sort((a, b) => a - b)
  const steps = { used: 0, limit: budget }
  const net = relaxation(week, steps)
  const byPriority: PriorityProof[] = []
  // Residual capacities after the proved priorities' stages: the start of every later stage.
  let base: Int32Array | undefined
  let chained = true
  for (const priority of priorities) {
    const have = filled.get(priority) ?? 0
    let bound = seats.get(priority) ?? 0
    if (net && steps.used < steps.limit) {
      if (chained) base = net.cap.slice()
      else if (base) net.cap.set(base)
      for (const [edge, n] of net.sinks.get(priority) ?? []) net.cap[edge] = n
      const flow = net.maxFlow(steps)
      if (flow !== undefined) bound = Math.min(bound, flow)
    }
    const proved = have >= bound
    byPriority.push({ priority, filled: have, bound, proved })
    if (!proved) chained = false
  }
  return { byPriority, steps: steps.used, complete: steps.used < steps.limit }
}

interface Steps {
  used: number
  limit: number
}

/** A flow network in residual form: edge e and its reverse e ^ 1. */
class Network {
  readonly cap: Int32Array
  /** per priority: its occurrences' sink edges with their seats, closed (0) until its stage */
  readonly sinks = new Map<number, [number, number][]>()
  private readonly to: Int32Array
  private readonly next: Int32Array
  private readonly head: Int32Array
  private readonly level: Int32Array
  private readonly iter: Int32Array

  constructor(
    private readonly nodes: number,
    edges: { from: number[]; to: number[]; cap: number[] },
  ) {
    const m = edges.from.length
    this.cap = new Int32Array(2 * m)
    this.to = new Int32Array(2 * m)
    this.next = new Int32Array(2 * m)
    this.head = new Int32Array(nodes).fill(-1)
    for (let e = 0; e < m; e++) {
      const u = edges.from[e] as number
      const v = edges.to[e] as number
      this.to[2 * e] = v
      this.cap[2 * e] = edges.cap[e] as number
      this.next[2 * e] = this.head[u] as number
      this.head[u] = 2 * e
      this.to[2 * e + 1] = u
      this.next[2 * e + 1] = this.head[v] as number
      this.head[v] = 2 * e + 1
    }
    this.level = new Int32Array(nodes)
    this.iter = new Int32Array(nodes)
  }

  /** Dinic's algorithm from SOURCE to SINK on the residual capacities; undefined if the budget ran out. */
  maxFlow(steps: Steps): number | undefined {
    let total = 0
    while (this.levels(steps)) {
      this.iter.set(this.head)
      for (;;) {
        const pushed = this.push(SOURCE, INFINITE, steps)
        if (steps.used >= steps.limit) return undefined
        if (pushed === 0) break
        total += pushed
      }
    }
    return steps.used >= steps.limit ? undefined : total
  }

  private levels(steps: Steps): boolean {
    this.level.fill(-1)
    const queue = new Int32Array(this.nodes)
    let tail = 0
    queue[tail++] = SOURCE
    this.level[SOURCE] = 0
    for (let qi = 0; qi < tail && steps.used < steps.limit; qi++) {
      const u = queue[qi] as number
      for (let e = this.head[u] as number; e !== -1; e = this.next[e] as number) {
        steps.used++
        const v = this.to[e] as number
        if ((this.cap[e] as number) > 0 && this.level[v] === -1) {
          this.level[v] = (this.level[u] as number) + 1
          queue[tail++] = v
        }
      }
    }
    return this.level[SINK] !== -1 && steps.used < steps.limit
  }

  /** One augmenting path along the level graph (depth is at most seven nodes). */
  private push(u: number, limit: number, steps: Steps): number {
    if (u === SINK) return limit
    for (let e = this.iter[u] as number; e !== -1; e = this.next[e] as number, this.iter[u] = e) {
      if (++steps.used >= steps.limit) return 0
      const v = this.to[e] as number
      const room = this.cap[e] as number
      if (room <= 0 || this.level[v] !== (this.level[u] as number) + 1) continue
      const got = this.push(v, Math.min(limit, room), steps)
      if (got > 0) {
        this.cap[e] = room - got
        this.cap[e ^ 1] = (this.cap[e ^ 1] as number) + got
        return got
      }
    }
    return 0
  }
}

const SOURCE = 0
const SINK = 1
const INFINITE = 2 ** 30

/** The node numbers and edges of the relaxation while it is built. */
class Builder {
  nodes = 2
  readonly edges = { from: [] as number[], to: [] as number[], cap: [] as number[] }
  readonly occurrenceNode: number[]
  /** for each occurrence with skill seats: the node of its plain seats (-1 where it has none) */
  readonly plainNode: number[]
  readonly sinks = new Map<number, [number, number][]>()

  constructor(week: Week) {
    this.occurrenceNode = week.occurrences.map(() => this.node())
    this.plainNode = week.occurrences.map((o) => {
      if (o.skills.length === 0 || o.plainSeats <= 0) return -1
      const plain = this.node()
      this.edge(plain, this.occurrenceNode[o.index] as number, o.plainSeats)
      return plain
    })
    for (const o of week.occurrences) {
      const list = this.sinks.get(o.priority) ?? []
      list.push([2 * this.edge(this.occurrenceNode[o.index] as number, SINK, 0), o.seats])
      this.sinks.set(o.priority, list)
    }
  }

  node(): number {
    return this.nodes++
  }

  edge(from: number, to: number, cap: number): number {
    this.edges.from.push(from)
    this.edges.to.push(to)
    this.edges.cap.push(cap)
    return this.edges.from.length - 1
  }
}

function relaxation(week: Week, steps: Steps): Network | undefined {
  const b = new Builder(week)
  const n = week.occurrences.length
  // In order of start, so every list below is too and overlapSets sorts only by end.
  const byStart = [...week.occurrences].sort((x, y) => x.start - y.start || x.index - y.index)
  for (let p = 0; p < week.staff.length; p++) {
    const duties: Occurrence[] = []
    const events: Occurrence[] = []
    for (const o of byStart) {
      if (week.eligibility[p * n + o.index] !== 0) continue
      if (countsAsDuty(o)) duties.push(o)
      else events.push(o)
    }
    steps.used += n
    if (duties.length > 0) addDuties(b, week, p, duties, steps)
    if (events.length > 0) addEvents(b, week, p, events)
    if (steps.used >= steps.limit) return undefined
  }
  const net = new Network(b.nodes, b.edges)
  for (const [priority, list] of b.sinks) net.sinks.set(priority, list)
  return net
}

/** A person's duty and cover: the weekly cap, then each day's rest break and overlap sets. */
function addDuties(b: Builder, week: Week, p: number, duties: Occurrence[], steps: Steps): void {
  const cap = week.staff[p]?.maxDutiesPerWeek ?? duties.length
  const root = b.node()
  b.edge(SOURCE, root, Math.min(cap, duties.length))
  for (const day of byDate(duties)) {
    const weekday = (day[0] as Occurrence).weekday
    const windows = week.lunchWindows(weekday)
    const need = week.breakNeed(p, weekday)
    const atLunch = need > 0 ? day.filter((o) => windows.some((w) => overlaps(w, [o.start, o.end]))) : []
    const lunchSets = atLunch.length > 0 ? overlapSets(atLunch) : []
    const most = atLunch.length > 0 ? lunchBlocks(week, p, atLunch, steps) : Infinity
    if (most >= lunchSets.length) {
      for (const set of overlapSets(day)) addSet(b, week, p, root, set)
      continue
    }
    const lunch = b.node()
    b.edge(root, lunch, most)
    for (const set of lunchSets) addSet(b, week, p, lunch, set)
    const inLunch = new Set(atLunch)
    for (const set of overlapSets(day.filter((o) => !inLunch.has(o)))) addSet(b, week, p, root, set)
  }
}

/** A person's events: as many as the shortest of them fit in their additional hours. */
function addEvents(b: Builder, week: Week, p: number, events: Occurrence[]): void {
  const hours = week.staff[p]?.additionalHoursRemaining ?? 0
  let count = 0
  let used = 0
  for (const h of events.map(eventHours).sort((x, y) => x - y)) {
    if (used + h > hours + 1e-9) break
    used += h
    count++
  }
  if (count === 0) return
  const root = b.node()
  b.edge(SOURCE, root, count)
  for (const day of byDate(events)) for (const set of overlapSets(day)) addSet(b, week, p, root, set)
}

/** One overlap set under `parent`: the person takes at most one of its occurrences. */
function addSet(b: Builder, week: Week, p: number, parent: number, set: Occurrence[]): void {
  const node = b.node()
  b.edge(parent, node, 1)
  for (const o of set) {
    const plainOnly = o.skills.length > 0 && !o.skills.some(([k]) => week.skills[p]?.has(k))
    const target = plainOnly ? (b.plainNode[o.index] as number) : (b.occurrenceNode[o.index] as number)
    if (target >= 0) b.edge(node, target, 1)
  }
}

function byDate(list: Occurrence[]): Occurrence[][] {
  const out = new Map<string, Occurrence[]>()
  for (const o of list) {
    const day = out.get(o.date)
    if (day) day.push(o)
    else out.set(o.date, [o])
  }
  return [...out.values()]
}

/**
 * The fewest sets of mutually overlapping occurrences that cover the list, given in order of
 * start (intervals: take the earliest end left, and with it everything left that starts before
 * it). "At most one of each set" is implied by the rule that nobody is in two places at once.
 */
function overlapSets(byStart: Occurrence[]): Occurrence[][] {
  const byEnd = [...byStart].sort((a, b) => a.end - b.end || a.start - b.start || a.index - b.index)
  const placed = new Set<number>()
  const out: Occurrence[][] = []
  let next = 0
  for (const o of byEnd) {
    if (placed.has(o.index)) continue
    const set: Occurrence[] = []
    while (next < byStart.length && (byStart[next] as Occurrence).start < o.end) {
      const q = byStart[next++] as Occurrence
      if (placed.has(q.index)) continue
      placed.add(q.index)
      set.push(q)
    }
    out.push(set)
  }
  return out
}

/**
 * The most lunch-time occurrences the person can hold on the day and keep their rest break (and
 * be in one place at a time): the largest subset of distinct blocks that keeps it. Infinity where
 * there are too many blocks to try, so that no rest-break cap is claimed.
 */
function lunchBlocks(week: Week, p: number, atLunch: Occurrence[], steps: Steps): number {
  const spans = new Map<string, Interval>()
  for (const o of atLunch) spans.set(`${o.start}-${o.end}`, [o.start, o.end])
  const blocks = [...spans.values()]
  if (blocks.length > MAX_LUNCH_BLOCKS) return Infinity
  const weekday = (atLunch[0] as Occurrence).weekday
  const windows = week.lunchWindows(weekday)
  const committed = week.commitmentsOn(p, weekday)
  const need = week.breakNeed(p, weekday)
  let most = 0
  for (let mask = 1; mask < 1 << blocks.length; mask++) {
    steps.used++
    const chosen = blocks.filter((_, i) => mask & (1 << i))
    if (chosen.length <= most) continue
    const apart = chosen.every((a, i) => chosen.every((c, j) => j <= i || !overlaps(a, c)))
    if (apart && keepsRestBreak(windows, [...committed, ...chosen], need)) most = chosen.length
  }
  return most
}
