// A repair pass for re-plans. The group LPs are solved by a library that can stop at a stalled
// objective, and on a re-plan that sometimes moves a published assignment when another
// candidate would have filled the freed seat just as well (the Wednesday lunch of a 50-staff
// re-plan: a person moved to the field so a first-aider could join the dining hall, where the
// exact optimum kept them and gave the field to someone idle). For each published assignment
// not kept, whose person is still there, this pass puts it back: the person first lets go of
// their unpublished work that day (and, over a weekly cap, one more), a holder who was not
// published there makes room where the duty is full, and every seat so freed is filled again by
// someone free. The move stands only when every freed seat is filled, so seats never fall and
// kept assignments rise by one; otherwise it is undone. Every step goes through the rule gate.
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { tierCost } from './model.js'
import type { RotaState } from './state.js'

/** One change to the rota, kept so that a move that fails can be undone in reverse. */
interface Step {
  add: boolean
  person: number
  occurrence: number
}

export interface StabilityReport {
  restored: number
  /** Rule-gate questions asked, the pass's budget. */
  checks: number
}

export function restorePublished(week: Week, state: RotaState, fixed: Set<string>, previous: Set<string>, maxChecks: number): StabilityReport {
  const report: StabilityReport = { restored: 0, checks: 0 }
  const pairs = [...previous].map((k) => k.split('|').map(Number) as [number, number]).sort((a, b) => a[1] - b[1] || a[0] - b[0])
  const published = (p: number, o: number) => previous.has(`${p}|${o}`)
  const movable = (p: number, o: number) => !published(p, o) && !fixed.has(`${p}|${o}`)
  for (const [p, o] of pairs) {
    if (report.checks >= maxChecks) break
    if (state.has(p, o) || week.eligibility[p * week.occurrences.length + o] !== 0) continue
    const occ = week.occurrences[o] as Occurrence
    const holders = state.filled(o) >= occ.seats ? [...(state.byOccurrence[o] ?? [])].filter((q) => movable(q, o)).sort((a, b) => a - b) : [-1]
    for (const q of holders) {
      if (tryRestore(week, state, p, o, q, movable, report)) {
        report.restored++
        break
      }
      if (report.checks >= maxChecks) break
    }
  }
  return report
}

/** Puts `p` back on `o`, `q` (or -1) making room; true if it stood, else the rota is as it was. */
function tryRestore(
  week: Week,
  state: RotaState,
  p: number,
  o: number,
  q: number,
  movable: (p: number, o: number) => boolean,
  report: StabilityReport,
): boolean {
  const occ = week.occurrences[o] as Occurrence
  const steps: Step[] = []
  const remove = (person: number, occurrence: number) => {
    state.remove(person, occurrence)
    steps.push({ add: false, person, occurrence })
  }
  const add = (person: number, occurrence: number) => {
    state.add(person, occurrence)
    steps.push({ add: true, person, occurrence })
  }
  const freed: number[] = []
  const heldByP = [...(state.byPerson[p] ?? [])].sort((a, b) => a - b)
  for (const h of heldByP) {
    if ((week.occurrences[h] as Occurrence).date === occ.date && movable(p, h)) {
      remove(p, h)
      freed.push(h)
    }
  }
  if (q >= 0) {
    remove(q, o)
    freed.push(o)
  }
  report.checks++
  let ok = state.allows(p, o)
  if (!ok && countsAsDuty(occ)) {
    // Over the weekly cap: let go of one more unpublished duty, the latest in the week.
    const extra = [...(state.byPerson[p] ?? [])].filter((h) => movable(p, h) && countsAsDuty(week.occurrences[h] as Occurrence)).sort((a, b) => b - a)[0]
    if (extra !== undefined) {
      remove(p, extra)
      freed.push(extra)
      report.checks++
      ok = state.allows(p, o)
    }
  }
  if (ok) {
    add(p, o)
    const seatFreedAtO = freed.indexOf(o)
    if (seatFreedAtO >= 0) freed.splice(seatFreedAtO, 1)
    for (const v of freed) {
      const who = refillOne(week, state, v, report)
      if (who < 0) {
        ok = false
        break
      }
      add(who, v)
    }
  }
  if (!ok) {
    for (const s of steps.reverse()) {
      if (s.add) state.remove(s.person, s.occurrence)
      else state.add(s.person, s.occurrence)
    }
  }
  return ok
}

/** The cheapest person the gate lets take `v` now, or -1. */
function refillOne(week: Week, state: RotaState, v: number, report: StabilityReport): number {
  const occ = week.occurrences[v] as Occurrence
  const n = week.occurrences.length
  const ranked: { p: number; cost: number }[] = []
  for (let p = 0; p < week.staff.length; p++) {
    if (week.eligibility[p * n + v] !== 0 || state.has(p, v)) continue
    ranked.push({ p, cost: countsAsDuty(occ) ? tierCost(week, p, state.duties[p] ?? 0, 1) : 0 })
  }
  ranked.sort((a, b) => a.cost - b.cost || a.p - b.p)
  for (const { p } of ranked) {
    report.checks++
    if (state.allows(p, v)) return p
  }
  return -1
}
