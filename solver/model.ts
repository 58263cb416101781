// The LP of one group of occurrences, written so that its relaxation stays integral: a column
// per eligible (person, occurrence, seat type), seat rows, per-person clique rows for overlap,
// rows for the minimal sets of lunch-time blocks that would eat the rest break, knapsack rows
// for event hours, and convex fairness tiers whose count also enforces the weekly cap.
// Everything outside the group is fixed and enters only through the person's load so far.
import solver from 'javascript-lp-solver'
import type { Model, SolveResult } from 'javascript-lp-solver'
import { countsAsDuty, eventHours, isEligible, keepsRestBreak, overlaps } from './expand.js'
import type { Interval, Occurrence, Week } from './expand.js'
import type { Staff } from './scenario.js'
import type { RotaState } from './state.js'

export interface Column {
  person: number
  occurrence: number
  /** null for a plain seat, else the skill the seat asks for. */
  seat: string | null
}

export interface GroupInput {
  week: Week
  occurrences: number[]
  /** The rota with this group's assignments taken out. */
  state: RotaState
  pins: [number, number][]
  /** "person|occurrence" pairs of the published rota. */
  previous: Set<string>
  /**
   * Only these (person -> occurrences) pairs get columns (all eligible pairs when absent): the
   * dense table grows with rows x columns, so a full group's LP sees a shortlist per occurrence.
   */
  only?: Map<number, Set<number>> | undefined
}

interface Row {
  terms: [number, number][]
  max?: number
  min?: number
}

export interface GroupModel {
  columns: Column[]
  /** Columns past `columns.length` are fairness tiers; they carry no assignment. */
  columnCount: number
  rows: Row[]
  objective: number[]
}

const MAX_SUBSET_BLOCKS = 12
const PREFERENCE = 0.01

/** Extra unfairness of a person's k-th duty this week, given their load so far. */
export function tierCost(week: Week, person: number, loadSoFar: number, k: number): number {
  const before = (week.staff[person]?.dutiesThisTerm ?? 0) + loadSoFar + k - 1
  return (2 * before + 1) / (week.fte[person] ?? 1)
}

/** What the model gathers while each person's columns and rows are added, in column order. */
interface Draft {
  week: Week
  columns: Column[]
  /** per column: its fairness and preference terms, before scaling */
  secondary: number[]
  /** the seat rows, first in the model */
  rows: Row[]
  /** the row of each "occurrence|seat" with room */
  seatRow: Map<string, number>
  /** every person's own rows, after the seat rows */
  personRows: Row[]
  /** fairness tiers: columns past `columns.length` */
  tiers: { cost: number }[]
  largestTier: number
}

/** Columns of a list of occurrences (one person's, for each of the person's rows). */
type ColumnsOf = (list: Occurrence[]) => number[]

export function buildGroupModel(input: GroupInput): GroupModel {
  const { week } = input
  const occs = input.occurrences.map((i) => week.occurrences[i] as Occurrence)
  const draft: Draft = { week, columns: [], secondary: [], personRows: [], tiers: [], largestTier: 0, ...seatRows(occs) }
  const pinned = new Set(input.pins.map(([p, o]) => `${p}|${o}`))
  week.staff.forEach((person, p) => {
    addPerson(draft, input, occs, person, p, pinned)
  })
  const { columns, tiers } = draft
  const rows = [...draft.rows, ...draft.personRows].map((row) => numberTiers(row, columns.length))
  return { columns, columnCount: columns.length + tiers.length, rows, objective: objectiveOf(draft, input.previous, occs) }
}

function seatCapacity(o: Occurrence, seat: string | null): number {
  return seat === null ? o.plainSeats : (o.skills.find(([k]) => k === seat)?.[1] ?? 0)
}

/** One row per seat type with room in each occurrence: at most that many people in it. */
function seatRows(occs: Occurrence[]): Pick<Draft, 'rows' | 'seatRow'> {
  const rows: Row[] = []
  const seatRow = new Map<string, number>()
  for (const o of occs) {
    for (const seat of [null, ...o.skills.map(([k]) => k)]) {
      const cap = seatCapacity(o, seat)
      if (cap <= 0) continue
      seatRow.set(`${o.index}|${seat ?? ''}`, rows.length)
      rows.push({ terms: [], max: cap })
    }
  }
  return { rows, seatRow }
}

/** A person's columns and rows: overlap, rest break, event hours, fairness tiers, pins. */
function addPerson(d: Draft, input: GroupInput, occs: Occurrence[], person: Staff, p: number, pinned: Set<string>): void {
  const { week, state } = input
  const allowed = input.only ? input.only.get(p) : undefined
  if (input.only && !allowed) return
  const dutiesLeft = person.maxDutiesPerWeek === undefined ? Infinity : person.maxDutiesPerWeek - (state.duties[p] ?? 0)
  const hoursLeft = (person.additionalHoursRemaining ?? 0) - (state.eventHours[p] ?? 0)
  const candidates = occs.filter(
    (o) => (!allowed || allowed.has(o.index)) && isEligible(week, p, o.index) && (countsAsDuty(o) ? dutiesLeft >= 1 : eventHours(o) <= hoursLeft + 1e-9),
  )
  if (candidates.length === 0) return
  const load = state.duties[p] ?? 0
  const colsOf = addColumns(d, person, p, load, candidates)
  const held = candidates.filter((o) => colsOf.has(o.index))
  const colsFor: ColumnsOf = (list) => list.flatMap((o) => colsOf.get(o.index) ?? [])

  const ones = cliqueSets(d, held, colsFor)
  const maxDuties = addRestBreakRows(d, p, held, colsFor, ones)
  for (const row of dropContained(ones)) d.personRows.push({ terms: row.map((c) => [c, 1]), max: 1 })
  addEventHourRows(d, held, hoursLeft, colsFor)
  addFairnessTiers(d, p, load, held.filter(countsAsDuty), maxDuties, dutiesLeft, colsFor)
  for (const o of held) {
    if (pinned.has(`${p}|${o.index}`)) d.personRows.push({ terms: (colsOf.get(o.index) ?? []).map((c) => [c, 1]), min: 1 })
  }
}

/** A column per seat type the person may take in each candidate, entered in its seat row. */
function addColumns(d: Draft, person: Staff, p: number, load: number, candidates: Occurrence[]): Map<number, number[]> {
  const colsOf = new Map<number, number[]>()
  for (const o of candidates) {
    const cols: number[] = []
    const pref = (person.prefer?.includes(o.work) ? PREFERENCE : 0) - (person.avoid?.includes(o.work) ? PREFERENCE : 0)
    const fair = countsAsDuty(o) ? tierCost(d.week, p, load, 1) : 0
    d.largestTier = Math.max(d.largestTier, fair)
    for (const seat of [null, ...o.skills.map(([k]) => k)]) {
      const row = d.seatRow.get(`${o.index}|${seat ?? ''}`)
      if (row === undefined || (seat !== null && !d.week.skills[p]?.has(seat))) continue
      const c = d.columns.length
      d.columns.push({ person: p, occurrence: o.index, seat })
      d.secondary.push(-fair + pref)
      d.rows[row]?.terms.push([c, 1])
      cols.push(c)
    }
    if (cols.length > 0) colsOf.set(o.index, cols)
  }
  return colsOf
}

/** Column sets of which the person takes at most one: each maximal clique of overlapping work. */
function cliqueSets(d: Draft, held: Occurrence[], colsFor: ColumnsOf): number[][] {
  const ones: number[][] = []
  for (const clique of maximalCliques(held)) {
    const cols = colsFor(clique)
    // A lone column of a one-seat occurrence is already bounded by its seat row.
    const single = clique.length === 1 && cols.length === 1 && seatCapacity(clique[0] as Occurrence, d.columns[cols[0] as number]?.seat ?? null) <= 1
    if (!single) ones.push(cols)
  }
  return ones
}

/**
 * Rows that keep the person's rest break, and how many duties the break leaves room for
 * (Infinity where that is not known). Adds to `ones` when there are too many blocks to enumerate.
 */
function addRestBreakRows(d: Draft, p: number, held: Occurrence[], colsFor: ColumnsOf, ones: number[][]): number {
  const weekday = held[0]?.weekday
  const windows = weekday ? d.week.lunchWindows(weekday) : []
  const need = weekday ? d.week.breakNeed(p, weekday) : 0
  const committed = weekday ? d.week.commitmentsOn(p, weekday) : []
  // Only blocks that touch a lunch window can eat the rest break, so only they are
  // enumerated: an afternoon of cover requests would otherwise cost 2^blocks sets per person
  // for no row at all. The others meet the overlap rows above.
  const atLunch = need > 0 ? held.filter((o) => windows.some((w) => overlaps(w, [o.start, o.end]))) : []
  const blocks = distinctBlocks(atLunch)
  if (blocks.length > 0 && blocks.length <= MAX_SUBSET_BLOCKS) {
    const maxDuties = addBreakEatingSets(d, blocks, windows, committed, need, colsFor)
    // The count holds only where every block was enumerated; else the cliques bound it below.
    return atLunch.length < held.length ? Infinity : maxDuties
  }
  if (blocks.length > 0) {
    // Too many blocks to enumerate: at most one lunch-time block is always safe, since each
    // block alone was checked to leave a break.
    ones.push(colsFor(held.filter((o) => windows.some((w) => overlaps(w, [o.start, o.end])))))
  }
  return Infinity
}

/**
 * A row for each minimal set of blocks that would eat the break (take at most all but one of
 * them), and the most duties any set that keeps the break holds.
 */
function addBreakEatingSets(d: Draft, blocks: Block[], windows: Interval[], committed: Interval[], need: number, colsFor: ColumnsOf): number {
  const feasible = (mask: number) => {
    const chosen = blocks.filter((_, i) => mask & (1 << i))
    for (let i = 0; i < chosen.length; i++)
      for (let j = i + 1; j < chosen.length; j++) if (overlaps((chosen[i] as Block).span, (chosen[j] as Block).span)) return 'overlap'
    return keepsRestBreak(windows, [...committed, ...chosen.map((b) => b.span)], need) ? 'ok' : 'break'
  }
  const bad: number[] = []
  let maxDuties = 0
  for (let mask = 1; mask < 1 << blocks.length; mask++) {
    if (bad.some((b) => (mask & b) === b)) continue
    const verdict = feasible(mask)
    if (verdict === 'break') {
      bad.push(mask)
      const chosen = blocks.filter((_, i) => mask & (1 << i))
      const size = chosen.length
      d.personRows.push({ terms: colsFor(chosen.flatMap((b) => b.occurrences)).map((c) => [c, 1]), max: size - 1 })
    } else if (verdict === 'ok') {
      maxDuties = Math.max(maxDuties, blocks.filter((b, i) => mask & (1 << i) && b.occurrences.some(countsAsDuty)).length)
    }
  }
  return maxDuties
}

/** Where the person's events add up to more than their hours left: the minimal sets over it. */
function addEventHourRows(d: Draft, held: Occurrence[], hoursLeft: number, colsFor: ColumnsOf): void {
  const events = held.filter((o) => !countsAsDuty(o))
  if (events.reduce((a, o) => a + eventHours(o), 0) > hoursLeft + 1e-9) {
    for (const set of minimalOverBudget(events, hoursLeft)) d.personRows.push({ terms: colsFor(set).map((c) => [c, 1]), max: set.length - 1 })
  }
}
/** Tier t's column before the assignment columns are all known: a negative stand-in. */
const tierPlaceholder = (t: number): number => -1 - t

/** Tier columns follow the assignment columns, in the order the tiers were made. */
function numberTiers(row: Row, assignmentColumns: number): Row {
  if (!row.terms.some(([c]) => c < 0)) return row
  return { ...row, terms: row.terms.map(([c, a]) => [c < 0 ? assignmentColumns - 1 - c : c, a]) }
}

/**
 * Convex fairness: the k-th duty of the week costs more than the (k-1)-th. Tier k is a column
 * that the person's duties must pay for past the first (`link`); it also caps them at
 * `dutiesLeft`, since no tier column exists past it.
 */
function addFairnessTiers(d: Draft, p: number, load: number, duties: Occurrence[], maxDuties: number, dutiesLeft: number, colsFor: ColumnsOf): void {
  const canTake = Math.min(maxDuties, maximalCliques(duties).length)
  if (!(canTake >= 2 || (canTake >= 1 && dutiesLeft < canTake))) return
  const link: Row = { terms: colsFor(duties).map((c) => [c, 1]), max: 1 }
  for (let k = 2; k <= Math.min(canTake, dutiesLeft); k++) {
    const cost = tierCost(d.week, p, load, k) - tierCost(d.week, p, load, 1)
    d.largestTier = Math.max(d.largestTier, tierCost(d.week, p, load, k))
    // A placeholder, numbered once every assignment column exists (tierColumn): people added
    // later add assignment columns, which would otherwise take this number.
    const z = tierPlaceholder(d.tiers.length)
    d.tiers.push({ cost })
    link.terms.push([z, -1])
    d.personRows.push({ terms: [[z, 1]], max: 1 })
  }
  d.personRows.push(link)
}

/**
 * Strict order by weights: the secondary terms of any whole solution are worth less than one
 * seat of the lowest priority present, and each priority level outweighs all those below it.
 */
function objectiveOf(d: Draft, previous: Set<string>, occs: Occurrence[]): number[] {
  const { week, columns, secondary, tiers } = d
  const keepBonus = 2 * d.largestTier + 1
  const seatsByPriority = new Map<number, number>()
  for (const o of occs) seatsByPriority.set(o.priority, (seatsByPriority.get(o.priority) ?? 0) + o.seats)
  const totalSeats = [...seatsByPriority.values()].reduce((a, b) => a + b, 0)
  const scaled = columns.map((col, c) => (secondary[c] as number) + (previous.has(`${col.person}|${col.occurrence}`) ? keepBonus : 0))
  const largest = Math.max(1, ...scaled.map(Math.abs), ...tiers.map((t) => Math.abs(t.cost)))
  const scale = 1 / (4 * (totalSeats + 1) * largest + 1)
  const weight = new Map<number, number>()
  let below = 0
  for (const pr of [...seatsByPriority.keys()].sort((a, b) => b - a)) {
    const w = below + 1
    weight.set(pr, w)
    below += w * (seatsByPriority.get(pr) ?? 0)
  }
  const objective = columns.map((col, c) => (weight.get((week.occurrences[col.occurrence] as Occurrence).priority) ?? 1) + scale * (scaled[c] as number))
  for (const t of tiers) objective.push(-scale * t.cost)
  return objective
}

interface Block {
  span: Interval
  occurrences: Occurrence[]
}

function distinctBlocks(list: Occurrence[]): Block[] {
  const byKey = new Map<string, Block>()
  for (const o of list) {
    const k = `${o.start}-${o.end}`
    const b = byKey.get(k)
    if (b) b.occurrences.push(o)
    else byKey.set(k, { span: [o.start, o.end], occurrences: [o] })
  }
  return [...byKey.values()].sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1])
}

/** Maximal sets of mutually overlapping occurrences (intervals: one per start point, minus subsets). */
export function maximalCliques(list: Occurrence[]): Occurrence[][] {
  const sets = list.map((o) => list.filter((q) => q.start <= o.start && o.start < q.end))
  const keys = sets.map((s) => new Set(s.map((o) => o.index)))
  return sets.filter((_set, i) => {
    const mine = keys[i] as Set<number>
    return !keys.some((other, j) => j !== i && other.size >= mine.size && (other.size > mine.size || j < i) && [...mine].every((x) => other.has(x)))
  })
}

function dropContained(rows: number[][]): number[][] {
  const sets = rows.map((r) => new Set(r))
  return rows.filter((r, i) => {
    const mine = sets[i] as Set<number>
    return !sets.some((other, j) => j !== i && other.size >= mine.size && (other.size > mine.size || j < i) && r.every((x) => other.has(x)))
  })
}

function minimalOverBudget(events: Occurrence[], hours: number): Occurrence[][] {
  const list = events.slice(0, MAX_SUBSET_BLOCKS)
  const out: number[] = []
  for (let mask = 1; mask < 1 << list.length; mask++) {
    if (out.some((b) => (mask & b) === b)) continue
    const chosen = list.filter((_, i) => mask & (1 << i))
    const clash = chosen.some((a, i) => chosen.some((b, j) => j > i && overlaps([a.start, a.end], [b.start, b.end])))
    if (!clash && chosen.reduce((a, o) => a + eventHours(o), 0) > hours + 1e-9) out.push(mask)
  }
  const sets = out.map((mask) => list.filter((_, i) => mask & (1 << i)))
  // Events past the enumerable few are kept out by a single "one at most" row each with the rest.
  for (const extra of events.slice(MAX_SUBSET_BLOCKS)) sets.push([extra, ...list])
  return sets
}

export interface LpResult {
  feasible: boolean
  values: Float64Array
  fractional: number
  rows: number
  cols: number
}

export function solveModel(gm: GroupModel): LpResult {
  const constraints: Model['constraints'] = {}
  const variables: Model['variables'] = {}
  for (let c = 0; c < gm.columnCount; c++) variables[`c${c}`] = { obj: gm.objective[c] ?? 0 }
  let used = 0
  gm.rows.forEach((row, r) => {
    if (row.terms.length === 0) return
    const name = `r${r}`
    constraints[name] = row.min !== undefined ? { min: row.min } : { max: row.max ?? 0 }
    for (const [c, coef] of row.terms) {
      const v = variables[`c${c}`]
      if (v) v[name] = coef
    }
    used++
  })
  const values = new Float64Array(gm.columnCount)
  if (gm.columnCount === 0) return { feasible: true, values, fractional: 0, rows: used, cols: 0 }
  const result = solver.Solve({ optimize: 'obj', opType: 'max', constraints, variables }) as SolveResult
  let fractional = 0
  for (let c = 0; c < gm.columnCount; c++) {
    const v = result[`c${c}`]
    const x = typeof v === 'number' ? v : 0
    values[c] = x
    if (Math.abs(x - Math.round(x)) > 1e-6) fractional++
  }
  return { feasible: result.feasible, values, fractional, rows: used, cols: gm.columnCount }
}
