// The exact reference for the benchmark: the MILP of the ten hard rules of scenario-format.md,
// solved with HiGHS lexicographically (one stage per objective level, each level fixed before
// the next). It reads the scenario itself and shares nothing with solver/: a reference that
// reused the solver's expansion or eligibility would repeat the solver's misreadings and could
// never catch them.
import highsLoader from 'highs'
import type { Rota, Scenario, Weekday, WorkKind } from '../solver/scenario.js'
import { WEEKDAYS, datesOfWeek, minutesOf } from '../solver/scenario.js'

type Highs = Awaited<ReturnType<typeof highsLoader>>

/** One piece of work that needs people: a duty on one date and slot, a cover request or an event. */
export interface Occurrence {
  key: string
  work: string
  kind: WorkKind
  date: string
  weekday: Weekday
  slot: string | undefined
  start: number
  end: number
  staff: number
  skills: Record<string, number>
  priority: number
}

export interface ExactOptions {
  /** HiGHS time limit for each stage, in seconds. */
  timeLimitPerStage?: number
}

export interface StageReport {
  name: string
  status: 'optimal' | 'timeout' | 'failed'
  ms: number
  objective: number
}

export interface ExactResult {
  rota: Rota
  /** Seats filled and seats in all, by priority 1..5 (index 0 unused). */
  filled: number[]
  seats: number[]
  /** Minimal changes against `previous`, or null where the week has none. */
  changes: number | null
  /** Fairness at the optimum, and with no duties this week. */
  U: number
  U0: number
  ms: number
  timedOut: boolean
  stages: StageReport[]
  columns: number
  rows: number
}

const overlaps = (a0: number, a1: number, b0: number, b1: number): boolean => a0 < b1 && b0 < a1

/** Every occurrence the week asks for. Closed dates run no duty and no cover; events still run. */
export function occurrencesOf(sc: Scenario): Occurrence[] {
  const dates = datesOfWeek(sc.week)
  const weekdayOfDate = new Map<string, Weekday>(dates.map((d, i) => [d, WEEKDAYS[i] as Weekday]))
  const closed = new Set(sc.closed ?? [])
  const slots = new Map(sc.slots.map((s) => [s.id, s]))
  const runsOn = (slotId: string, wd: Weekday): boolean => {
    const s = slots.get(slotId)
    return s !== undefined && (s.days === undefined || s.days.includes(wd))
  }
  const out: Occurrence[] = []
  for (const d of sc.duties) {
    for (const wd of d.days) {
      const date = dates[WEEKDAYS.indexOf(wd)] as string
      if (closed.has(date)) continue
      for (const slotId of d.slots) {
        const s = slots.get(slotId)
        if (!s || !runsOn(slotId, wd)) continue
        out.push({
          key: `${d.id}|${date}|${slotId}`,
          work: d.id,
          kind: d.kind,
          date,
          weekday: wd,
          slot: slotId,
          start: minutesOf(s.start),
          end: minutesOf(s.end),
          staff: d.staff,
          skills: d.skills ?? {},
          priority: d.priority ?? 3,
        })
      }
    }
  }
  for (const c of sc.cover ?? []) {
    const wd = weekdayOfDate.get(c.date)
    const s = slots.get(c.slot)
    // Rule 1 asks only that a cover assignment has the request's date and slot; unlike a duty's
    // slot, it does not ask that the slot runs that weekday, so a request the manager made for
    // such a slot is still honoured at the slot's times. On a closed date no cover runs.
    if (!wd || !s || closed.has(c.date)) continue
    out.push({
      key: `${c.id}|${c.date}|${c.slot}`,
      work: c.id,
      kind: 'cover',
      date: c.date,
      weekday: wd,
      slot: c.slot,
      start: minutesOf(s.start),
      end: minutesOf(s.end),
      staff: c.staff ?? 1,
      skills: c.skills ?? {},
      priority: c.priority ?? 3,
    })
  }
  for (const e of sc.events ?? []) {
    const wd = weekdayOfDate.get(e.date)
    if (!wd) continue
    out.push({
      key: `${e.id}|${e.date}|`,
      work: e.id,
      kind: 'event',
      date: e.date,
      weekday: wd,
      slot: undefined,
      start: minutesOf(e.start),
      end: minutesOf(e.end),
      staff: e.staff ?? 1,
      skills: e.skills ?? {},
      priority: e.priority ?? 3,
    })
  }
  return out
}

export function assignmentKey(a: { staff: string; duty: string; date: string; slot?: string | undefined }): string {
  return `${a.staff}|${a.duty}|${a.date}|${a.slot ?? ''}`
}

/** Touching lunch slots of a weekday merged into windows (rule 6 takes them together). */
function lunchWindows(sc: Scenario, wd: Weekday): [number, number][] {
  const ls = sc.slots
    .filter((s) => s.kind === 'lunch' && (s.days === undefined || s.days.includes(wd)))
    .map((s): [number, number] => [minutesOf(s.start), minutesOf(s.end)])
    .sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [a, b] of ls) {
    const last = out[out.length - 1]
    if (last && a <= last[1]) last[1] = Math.max(last[1], b)
    else out.push([a, b])
  }
  return out
}

/** The longest free stretch inside a window, given busy intervals. */
function longestFree(window: [number, number], busy: readonly [number, number][]): number {
  const [w0, w1] = window
  const inside = busy.filter(([a, b]) => overlaps(a, b, w0, w1)).sort((x, y) => x[0] - y[0])
  let best = 0
  let cursor = w0
  for (const [a, b] of inside) {
    best = Math.max(best, a - cursor)
    cursor = Math.max(cursor, b)
  }
  return Math.max(best, w1 - cursor)
}

interface Column {
  person: number
  occ: number
  /** The seat type: '' for a plain seat, else the skill. */
  seat: string
}

/** Rows in compressed sparse row form, filled as the model is built. */
class RowBuilder {
  starts: number[] = [0]
  indices: number[] = []
  values: number[] = []
  lower: number[] = []
  upper: number[] = []
  add(cols: readonly number[], vals: readonly number[] | number, lo: number, hi: number): void {
    cols.forEach((c, i) => {
      this.indices.push(c)
      this.values.push(typeof vals === 'number' ? vals : (vals[i] as number))
    })
    this.starts.push(this.indices.length)
    this.lower.push(lo)
    this.upper.push(hi)
  }
  get count(): number {
    return this.lower.length
  }
}

let highsPromise: Promise<Highs> | undefined
/** HiGHS is loaded once per process; its load time is not part of any week's time. */
export function loadHighs(): Promise<Highs> {
  highsPromise ??= highsLoader()
  return highsPromise
}

export class PinError extends Error {}

export async function solveExact(sc: Scenario, opts: ExactOptions = {}): Promise<ExactResult> {
  const highs = await loadHighs()
  const t0 = performance.now()
  const timeLimit = opts.timeLimitPerStage ?? 120
  const occs = occurrencesOf(sc)
  const grades = new Map(sc.grades.map((g) => [g.id, g]))
  const fullTime = sc.school.fullTimeHours ?? 37
  const absences = new Map<string, [number, number][]>()
  for (const a of sc.absences ?? []) {
    const k = `${a.staff}|${a.date}`
    const list = absences.get(k) ?? []
    list.push([a.start ? minutesOf(a.start) : 0, a.end ? minutesOf(a.end) : 24 * 60])
    absences.set(k, list)
  }
  const windowsByDay = new Map<Weekday, [number, number][]>(WEEKDAYS.map((wd) => [wd, lunchWindows(sc, wd)]))

  // Rules 2, 3, 4, 5 (against commitments) and 9 (an event longer than the hours left) decide
  // who may take an occurrence at all.
  const eligible: number[][] = sc.staff.map((p) => {
    const kinds = grades.get(p.grade)?.dutyKinds ?? []
    const out: number[] = []
    occs.forEach((o, oi) => {
      if (!kinds.includes(o.kind)) return
      if (o.kind !== 'event') {
        const day = p.pattern[o.weekday]
        if (!day || o.start < minutesOf(day.start) || o.end > minutesOf(day.end)) return
      }
      for (const [a, b] of absences.get(`${p.id}|${o.date}`) ?? []) if (overlaps(o.start, o.end, a, b)) return
      for (const c of p.commitments ?? []) if (c.day === o.weekday && overlaps(o.start, o.end, minutesOf(c.start), minutesOf(c.end))) return
      if (o.kind === 'event' && (o.end - o.start) / 60 > (p.additionalHoursRemaining ?? 0) + 1e-9) return
      out.push(oi)
    })
    return out
  })

  // Rule 6 per person-day: the distinct intervals that touch a lunch window, and the minimal
  // sets of them that together with commitments leave no free stretch of the needed length.
  // Blocking is monotone (more busy time never lengthens a free stretch), so a set is minimal
  // when it blocks and no set one smaller blocks.
  const restSets: { person: number; date: string; intervals: [number, number][] }[] = []
  sc.staff.forEach((p, pi) => {
    const byDate = new Map<string, number[]>()
    for (const oi of eligible[pi] as number[]) {
      const o = occs[oi] as Occurrence
      const list = byDate.get(o.date) ?? []
      list.push(oi)
      byDate.set(o.date, list)
    }
    const keep = new Set<number>(eligible[pi])
    for (const [date, list] of byDate) {
      const wd = (occs[list[0] as number] as Occurrence).weekday
      const day = p.pattern[wd]
      const windows = windowsByDay.get(wd) ?? []
      if (!day || windows.length === 0) continue // rule 6 applies only on days worked with a lunch slot
      const length = minutesOf(day.end) - minutesOf(day.start)
      const need = Math.max(p.unpaidBreakMinutes ?? 0, length > 360 ? 20 : 0)
      if (need <= 0) continue
      const commitments = (p.commitments ?? []).filter((c) => c.day === wd).map((c): [number, number] => [minutesOf(c.start), minutesOf(c.end)])
      const blocks = (busy: [number, number][]): boolean => windows.every((w) => longestFree(w, busy) < need)
      if (blocks(commitments)) {
        // The day has no break even with no work: any work that day would be reported.
        for (const oi of list) keep.delete(oi)
        continue
      }
      const touching = new Map<string, [number, number]>()
      for (const oi of list) {
        const o = occs[oi] as Occurrence
        if (windows.some(([a, b]) => overlaps(o.start, o.end, a, b))) touching.set(`${o.start}-${o.end}`, [o.start, o.end])
      }
      let intervals = [...touching.values()]
      // An interval that alone leaves no break is never allowed.
      const alone = new Set(intervals.filter((iv) => blocks([...commitments, iv])).map((iv) => `${iv[0]}-${iv[1]}`))
      if (alone.size > 0) {
        for (const oi of list) {
          const o = occs[oi] as Occurrence
          if (alone.has(`${o.start}-${o.end}`)) keep.delete(oi)
        }
        intervals = intervals.filter((iv) => !alone.has(`${iv[0]}-${iv[1]}`))
      }
      if (intervals.length > 16) throw new Error(`rule 6: ${intervals.length} lunch-touching intervals for ${p.id} on ${date}; too many to enumerate`)
      const n = intervals.length
      const blocking = new Array<boolean>(1 << n).fill(false)
      const masks = [...Array(1 << n).keys()].sort((a, b) => popcount(a) - popcount(b))
      for (const m of masks) {
        if (popcount(m) < 2) continue
        const busy = [...commitments]
        for (let i = 0; i < n; i++) if (m & (1 << i)) busy.push(intervals[i] as [number, number])
        if (!blocks(busy)) continue
        blocking[m] = true
        let minimal = true
        for (let i = 0; i < n && minimal; i++) if (m & (1 << i) && blocking[m & ~(1 << i)]) minimal = false
        // Only minimal sets become rows: a superset's row would be implied by its subset's.
        if (minimal) restSets.push({ person: pi, date, intervals: intervals.filter((_, i) => m & (1 << i)) })
      }
    }
    eligible[pi] = (eligible[pi] as number[]).filter((oi) => keep.has(oi))
  })

  // Columns: one per eligible (person, occurrence, seat type).
  const columns: Column[] = []
  const colsOf = new Map<string, number[]>() // person|occ -> its columns
  sc.staff.forEach((p, pi) => {
    const skills = new Set(p.skills ?? [])
    for (const oi of eligible[pi] as number[]) {
      const o = occs[oi] as Occurrence
      const skillSeats = Object.values(o.skills).reduce((a, b) => a + b, 0)
      const ids: number[] = []
      if (o.staff - skillSeats > 0) ids.push(columns.push({ person: pi, occ: oi, seat: '' }) - 1)
      for (const [k, nk] of Object.entries(o.skills)) if (nk > 0 && skills.has(k)) ids.push(columns.push({ person: pi, occ: oi, seat: k }) - 1)
      if (ids.length) colsOf.set(`${pi}|${oi}`, ids)
    }
  })
  const nx = columns.length
  const rows = new RowBuilder()

  // Rule 7: seat capacities per occurrence and seat type.
  const bySeat = new Map<string, number[]>()
  columns.forEach((c, j) => {
    const k = `${c.occ}|${c.seat}`
    const list = bySeat.get(k) ?? []
    list.push(j)
    bySeat.set(k, list)
  })
  for (const [k, cols] of bySeat) {
    const [oiText, seat] = k.split('|') as [string, string]
    const o = occs[Number(oiText)] as Occurrence
    const skillSeats = Object.values(o.skills).reduce((a, b) => a + b, 0)
    const cap = seat === '' ? o.staff - skillSeats : (o.skills[seat] ?? 0)
    if (cols.length > cap) rows.add(cols, 1, -Infinity, cap)
  }

  // Rule 5 and "one seat per person per occurrence": for each person-date, each maximal set of
  // mutually overlapping occurrences (an interval graph's maximal cliques, found at start times)
  // takes at most one of that person's columns.
  const byPersonDate = new Map<string, number[]>()
  sc.staff.forEach((_, pi) => {
    for (const oi of eligible[pi] as number[]) {
      if (!colsOf.has(`${pi}|${oi}`)) continue
      const k = `${pi}|${(occs[oi] as Occurrence).date}`
      const list = byPersonDate.get(k) ?? []
      list.push(oi)
      byPersonDate.set(k, list)
    }
  })
  for (const [k, list] of byPersonDate) {
    const pi = Number(k.split('|')[0])
    const cliques: number[][] = []
    for (const s of new Set(list.map((oi) => (occs[oi] as Occurrence).start))) {
      cliques.push(list.filter((oi) => (occs[oi] as Occurrence).start <= s && s < (occs[oi] as Occurrence).end))
    }
    const asSets = cliques.map((c) => new Set(c))
    cliques.forEach((c, i) => {
      const dominated = asSets.some((other, j) => j !== i && other.size >= c.length && c.every((x) => other.has(x)) && (other.size > c.length || j < i))
      if (dominated) return
      const cols = c.flatMap((oi) => colsOf.get(`${pi}|${oi}`) ?? [])
      if (cols.length > 1) rows.add(cols, 1, -Infinity, 1)
    })
  }

  // Rule 6 rows: not every interval of a minimal blocking set may be worked.
  for (const r of restSets) {
    const cols: number[] = []
    for (const oi of eligible[r.person] as number[]) {
      const o = occs[oi] as Occurrence
      if (o.date === r.date && r.intervals.some(([a, b]) => a === o.start && b === o.end)) cols.push(...(colsOf.get(`${r.person}|${oi}`) ?? []))
    }
    rows.add(cols, 1, -Infinity, r.intervals.length - 1)
  }

  // Rule 9: event hours within the hours left (a knapsack row where the events could exceed it).
  sc.staff.forEach((p, pi) => {
    const evs = (eligible[pi] as number[]).filter((oi) => (occs[oi] as Occurrence).kind === 'event')
    const hours = evs.map((oi) => ((occs[oi] as Occurrence).end - (occs[oi] as Occurrence).start) / 60)
    if (hours.reduce((a, b) => a + b, 0) <= (p.additionalHoursRemaining ?? 0) + 1e-9) return
    const cols: number[] = []
    const vals: number[] = []
    evs.forEach((oi, i) => {
      for (const j of colsOf.get(`${pi}|${oi}`) ?? []) {
        cols.push(j)
        vals.push(hours[i] as number)
      }
    })
    rows.add(cols, vals, -Infinity, (p.additionalHoursRemaining ?? 0) + 1e-9)
  })

  // Fairness tiers and rule 8: the k-th duty or cover of the week costs
  // ((t+k)^2 - (t+k-1)^2) / FTE; only maxDutiesPerWeek tiers exist where it is set, so the
  // link row "duties - tiers <= 0" is also the weekly cap.
  const tierCost: number[] = []
  const tierStart = nx
  let U0 = 0
  sc.staff.forEach((p, pi) => {
    const fte = p.hoursPerWeek / fullTime
    const t = p.dutiesThisTerm ?? 0
    U0 += (t * t) / fte
    const dutyCols = (eligible[pi] as number[]).filter((oi) => (occs[oi] as Occurrence).kind !== 'event').flatMap((oi) => colsOf.get(`${pi}|${oi}`) ?? [])
    const possible = new Set(dutyCols.map((j) => (columns[j] as Column).occ)).size
    const tiers = Math.min(possible, p.maxDutiesPerWeek ?? possible)
    const tierCols: number[] = []
    for (let k = 1; k <= tiers; k++) {
      tierCols.push(tierStart + tierCost.length)
      tierCost.push((2 * (t + k) - 1) / fte)
    }
    if (dutyCols.length > 0) rows.add([...dutyCols, ...tierCols], [...dutyCols.map(() => 1), ...tierCols.map(() => -1)], -Infinity, 0)
  })
  const ncols = nx + tierCost.length

  // Rule 10: pins. A pin that no column can satisfy breaks a rule: an error, as the format says.
  const occByKey = new Map(occs.map((o, i) => [o.key, i]))
  const personIndex = new Map(sc.staff.map((p, i) => [p.id, i]))
  for (const pin of sc.pins ?? []) {
    const oi = occByKey.get(`${pin.duty}|${pin.date}|${pin.slot ?? ''}`)
    const pi = personIndex.get(pin.staff)
    const cols = oi !== undefined && pi !== undefined ? colsOf.get(`${pi}|${oi}`) : undefined
    if (!cols) throw new PinError(`pin ${assignmentKey(pin)} breaks a hard rule`)
    rows.add(cols, 1, 1, Infinity)
  }

  // Columns kept from `previous` (stage "changes").
  const previousCols: number[] = []
  for (const a of sc.previous ?? []) {
    const oi = occByKey.get(`${a.duty}|${a.date}|${a.slot ?? ''}`)
    const pi = personIndex.get(a.staff)
    const cols = oi !== undefined && pi !== undefined ? colsOf.get(`${pi}|${oi}`) : undefined
    if (cols) previousCols.push(...cols)
  }

  const integrality = [...Array(ncols).keys()].map((j) => (j < nx ? highs.constants.variableType.integer : highs.constants.variableType.continuous))
  const stages: StageReport[] = []
  let timedOut = false
  let solution: Float64Array | undefined
  // Each stage is a fresh HiGHS model: the rows so far plus the levels fixed by earlier stages.
  // A fresh model per stage keeps each stage's solve independent of the last one's state.
  const runStage = (name: string, costs: Float64Array, maximise: boolean): number => {
    const s0 = performance.now()
    const model = highs.createModel({
      numCols: ncols,
      numRows: rows.count,
      sense: maximise ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
      colCost: costs,
      colLower: new Float64Array(ncols),
      colUpper: new Float64Array(ncols).fill(1),
      rowLower: rows.lower.map((v) => (v === -Infinity ? -highs.infinity : v)),
      rowUpper: rows.upper.map((v) => (v === Infinity ? highs.infinity : v)),
      matrix: { format: 'csr', numRows: rows.count, numCols: ncols, starts: rows.starts, indices: rows.indices, values: rows.values },
      // Assignments are integer; tiers may stay continuous: their costs rise, so the cheapest
      // tiers fill first and the count they cover is the integer number of duties.
      integrality,
    })
    try {
      // Presolve off: with it on, HiGHS 1.15 (wasm) spent the whole time limit inside presolve on
      // the priority-4 stage of the 120-staff week and never reached the root LP; without it
      // every stage of that week solves to optimality in about a second.
      model.options.set({ output_flag: false, presolve: 'off', time_limit: timeLimit, mip_rel_gap: 1e-6 })
      // The previous stage's rota satisfies every row so far: a free incumbent. Integer columns
      // are rounded so that HiGHS takes it as it is.
      if (solution) model.setSolution({ colValue: Float64Array.from(solution, (v, j) => (j < nx ? Math.round(v) : v)) })
      const status = model.run().modelStatus
      const ok = status === highs.constants.modelStatus.optimal
      const limited = status === highs.constants.modelStatus.timeLimit
      // After a time limit only a feasible incumbent is usable (2 = feasible); anything else
      // is an unfinished relaxation and must not be fixed as a level.
      const feasible = Number(model.info.get('primal_solution_status')) === 2
      let objective = NaN
      if ((ok || limited) && feasible) {
        const sol = model.getSolution()
        if (sol.colValue.length === ncols) {
          solution = sol.colValue
          objective = model.getObjectiveValue()
        }
      }
      if (limited) timedOut = true
      if (process.env.BENCH_DEBUG)
        console.error(
          `  ${name}: status ${status} feasible ${feasible} objective ${objective} bound ${String(model.info.get('mip_dual_bound'))} ${Math.round(performance.now() - s0)} ms`,
        )
      stages.push({ name, status: ok ? 'optimal' : limited ? 'timeout' : 'failed', ms: performance.now() - s0, objective })
      if (!ok && !limited) throw new Error(`HiGHS stage ${name} ended with model status ${status}`)
      return objective
    } finally {
      model.dispose()
    }
  }

  for (let pr = 1; pr <= 5; pr++) {
    const cols = columns.map((c, j) => ((occs[c.occ] as Occurrence).priority === pr ? j : -1)).filter((j) => j >= 0)
    if (cols.length === 0) continue
    const costs = new Float64Array(ncols)
    for (const j of cols) costs[j] = 1
    const v = runStage(`seats p${pr}`, costs, true)
    // Seats are integers: fixing at the rounded value less a half keeps the level exactly.
    if (Number.isFinite(v)) rows.add(cols, 1, Math.round(v) - 0.5, Infinity)
  }
  if ((sc.previous ?? []).length > 0 && previousCols.length > 0) {
    const costs = new Float64Array(ncols)
    for (const j of previousCols) costs[j] = 1
    const v = runStage('changes', costs, true)
    // A previous list may name one assignment twice; HiGHS refuses a row naming a column twice.
    if (Number.isFinite(v)) rows.add([...new Set(previousCols)], 1, Math.round(v) - 0.5, Infinity)
  }
  const costs = new Float64Array(ncols)
  tierCost.forEach((c, i) => {
    costs[tierStart + i] = c
  })
  // A week where nobody may take anything has no columns, and HiGHS has no model to solve:
  // its optimum is the empty rota.
  if (ncols > 0) runStage('fairness', costs, false)
  if (!solution && ncols > 0) throw new Error('HiGHS found no rota')
  const x = solution ?? new Float64Array(0)

  // Read the rota back, and measure it exactly as the issue defines the measures.
  const assignments: Rota['assignments'] = []
  const count = new Array<number>(occs.length).fill(0)
  const duties = new Array<number>(sc.staff.length).fill(0)
  columns.forEach((c, j) => {
    if ((x[j] ?? 0) < 0.5) return
    const o = occs[c.occ] as Occurrence
    const p = sc.staff[c.person]
    if (!p) return
    assignments.push(o.slot === undefined ? { staff: p.id, duty: o.work, date: o.date } : { staff: p.id, duty: o.work, date: o.date, slot: o.slot })
    count[c.occ] = (count[c.occ] ?? 0) + 1
    if (o.kind !== 'event') duties[c.person] = (duties[c.person] ?? 0) + 1
  })
  const filled = [0, 0, 0, 0, 0, 0]
  const seats = [0, 0, 0, 0, 0, 0]
  const unfilled: Rota['unfilled'] = []
  occs.forEach((o, oi) => {
    const got = count[oi] ?? 0
    seats[o.priority] = (seats[o.priority] ?? 0) + o.staff
    filled[o.priority] = (filled[o.priority] ?? 0) + Math.min(got, o.staff)
    if (got < o.staff) {
      const u = { duty: o.work, date: o.date, missing: o.staff - got, reason: 'no eligible person is free for it in the exact optimum (HiGHS reference)' }
      unfilled.push(o.slot === undefined ? u : { ...u, slot: o.slot })
    }
  })
  let U = 0
  sc.staff.forEach((p, pi) => {
    const n = (p.dutiesThisTerm ?? 0) + (duties[pi] ?? 0)
    U += (n * n) / (p.hoursPerWeek / fullTime)
  })
  const have = new Set(assignments.map(assignmentKey))
  const changes = (sc.previous ?? []).length > 0 ? (sc.previous ?? []).filter((a) => !have.has(assignmentKey(a))).length : null
  return {
    rota: { format: 'duty-rota/rota@1', assignments, unfilled, stats: { reference: 'HiGHS exact staged MILP', stages } },
    filled,
    seats,
    changes,
    U,
    U0,
    ms: performance.now() - t0,
    timedOut,
    stages,
    columns: ncols,
    rows: rows.count,
  }
}

function popcount(m: number): number {
  let c = 0
  for (let v = m; v; v &= v - 1) c++
  return c
}
