// Fills seats one at a time through the rule gate: the greedy start that gives every person a
// load for the whole week, the repair of an LP answer, and the guarantee at the end that no
// seat stays empty while someone could simply take it. Also the exchange moves that free a
// capped person for a seat nobody else can take.
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { tierCost } from './model.js'
import type { RotaState } from './state.js'
import type { Budget } from './budget.js'

/**
 * Fills whatever seats the LP left empty, best candidate first: used for the rare fractional
 * answer, and as a cheap guarantee that no seat stays empty while someone could simply take it.
 */
export function fillGreedily(
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
  // Empty occurrences nobody could take, by what the gate sees of them (kind, times, seats,
  // skills): the thousand cover requests of one lesson in a crisis all fail alike, and since
  // this pass only adds, a failure stays a failure until it ends.
  const hopeless = new Set<string>()
  for (const o of order) {
    const occ = week.occurrences[o] as Occurrence
    if (state.filled(o) >= occ.seats) continue
    const empty = state.filled(o) === 0
    const sig = empty ? `${occ.kind}|${occ.date}|${occ.start}|${occ.end}|${occ.seats}|${occ.skills.join(';')}` : ''
    if (empty && hopeless.has(sig)) continue
    const duty = countsAsDuty(occ)
    const ranked: { p: number; score: number }[] = []
    for (let p = 0; p < week.staff.length; p++) {
      if (week.eligibility[p * n + o] !== 0 || state.has(p, o)) continue
      const kept = previous.size > 0 && previous.has(`${p}|${o}`) ? 1e6 : 0
      const fair = duty ? tierCost(week, p, state.duties[p] ?? 0, 1) : 0
      ranked.push({ p, score: (lpValue.get(p * n + o) ?? 0) * 1e9 + kept - fair })
    }
    // One ordering serves every seat: taking a seat changes the fairness cost of the one who
    // took it only, and a person the gate refused stays refused as the occurrence fills.
    ranked.sort((a, b) => b.score - a.score || a.p - b.p)
    for (const { p } of ranked) {
      if (state.filled(o) >= occ.seats) break
      if (state.allows(p, o)) state.add(p, o)
    }
    if (empty && state.filled(o) === 0) hopeless.add(sig)
  }
}

/**
 * One round of moves across groups: for an empty seat whose only candidates are stopped by a
 * weekly limit (duties or event hours), hand one of that person's other assignments to someone
 * free, then give them the seat. Only moves that keep every seat elsewhere filled are made.
 */
export function exchange(week: Week, state: RotaState, pinSet: Set<string>, previous: Set<string>, budget: Budget, steps: number): number {
  // The seat pass (augment.ts) finds these moves too, as chains of two, and more: this round
  // gets a share of the budget, not all of it (on a 2,000-staff crisis week it would take all).
  const stop = Math.min(budget.limit, budget.used() + steps)
  let moves = 0
  const open = week.occurrences.filter((o) => state.filled(o.index) < o.seats).sort((a, b) => a.priority - b.priority || a.index - b.index)
  for (const o of open) {
    if (!budget.allows('exchange') || budget.used() >= stop) break
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
        if (!state.allows(p, o.index)) {
          state.add(p, h)
          continue
        }
        let stand = -1
        for (let q = 0; q < week.staff.length; q++) {
          if (q !== p && !state.has(q, h) && state.allows(q, h)) {
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
