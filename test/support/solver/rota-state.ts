// Helpers for tests that drive the solver's passes on a RotaState directly.
import type { Assignment, Rota } from '../../../solver/index.js'
import { occurrenceKey } from '../../../solver/expand.js'
import type { Week } from '../../../solver/expand.js'
import { explainUnfilled } from '../../../solver/explain.js'
import { ROTA_FORMAT } from '../../../solver/scenario.js'
import type { RotaState } from '../../../solver/state.js'

export function rotaOf(week: Week, state: RotaState): Rota {
  const assignments: Assignment[] = []
  state.byPerson.forEach((held, p) => {
    for (const o of held) {
      const occ = week.occurrences[o]!
      assignments.push({ staff: week.staff[p]!.id, duty: occ.work, date: occ.date, ...(occ.slot === undefined ? {} : { slot: occ.slot }) })
    }
  })
  return { format: ROTA_FORMAT, assignments, unfilled: explainUnfilled(week, state) }
}

export function pairOf(week: Week, a: Assignment): [number, number] | undefined {
  const p = week.staffIndex.get(a.staff)
  const o = week.occurrenceByKey.get(occurrenceKey(a.duty, a.date, a.slot))
  return p === undefined || !o ? undefined : [p, o.index]
}

/** Places what it can of `list` through the rule gate, in order; returns the "p|o" pairs placed. */
export function place(week: Week, state: RotaState, list: Assignment[]): Set<string> {
  const placed = new Set<string>()
  for (const a of list) {
    const pair = pairOf(week, a)
    if (!pair || state.has(...pair) || state.refuse(...pair) !== null) continue
    state.add(...pair)
    placed.add(pair.join('|'))
  }
  return placed
}

/** Assignments drawn from numbers: occurrence by remainder, person by a coarser division. */
export function drawn(week: Week, order: number[]): Assignment[] {
  const out: Assignment[] = []
  for (const i of order) {
    const o = week.occurrences[i % Math.max(1, week.occurrences.length)]
    const p = week.staff[Math.floor(i / 7) % week.staff.length]
    if (o && p) out.push({ staff: p.id, duty: o.work, date: o.date, ...(o.slot === undefined ? {} : { slot: o.slot }) })
  }
  return out
}

export const holds = (state: RotaState, key: string): boolean => state.has(...(key.split('|').map(Number) as [number, number]))
