// Preferences come last in the objective, so they are honoured after fairness by moves that
// leave everything above them as it is: a hand-over between two people whose next and last
// duties cost the same (U unchanged), or a swap of two duties between two people (nobody's
// count changes). Each move must raise the number of preferred duties held minus avoided ones,
// touches no pin and no assignment of the published rota, and goes through the rule gate.
import { countsAsDuty } from './expand.js'
import type { Occurrence, Week } from './expand.js'
import { tierCost } from './model.js'
import type { RotaState } from './state.js'

export interface PreferenceReport {
  moves: number
  checks: number
}

const EPS = 1e-9

/** Most rule-gate questions spent on one assignment in one round, so a hopeless one cannot eat the budget. */
const PER_ASSIGNMENT = 400
const ROUNDS = 3

/** One search: the week, the rota it changes and what it has spent. */
interface Search {
  week: Week
  state: RotaState
  report: PreferenceReport
  maxChecks: number
  /** +1 prefers, -1 avoids, 0 neither */
  liking: (p: number, o: number) => number
  /** a duty that is neither pinned nor published to this person */
  movable: (p: number, o: number) => boolean
}

/** What one kind of move found: done, no more rule-gate questions to ask, or nothing here. */
type Outcome = 'moved' | 'out of checks' | 'none'

export function honourPreferences(week: Week, state: RotaState, fixed: Set<string>, previous: Set<string>, maxChecks: number): PreferenceReport {
  const report: PreferenceReport = { moves: 0, checks: 0 }
  if (!week.staff.some((s) => (s.prefer?.length ?? 0) + (s.avoid?.length ?? 0) > 0)) return report
  const n = week.occurrences.length
  const { like, best } = likings(week)
  const search: Search = {
    week,
    state,
    report,
    maxChecks,
    liking: (p, o) => like[p * n + o] as number,
    movable: (p, o) => countsAsDuty(week.occurrences[o] as Occurrence) && !fixed.has(`${p}|${o}`) && !previous.has(`${p}|${o}`),
  }
  // Each move raises a bounded score, so the rounds would end anyway; they are capped for time.
  for (let round = 0; round < ROUNDS && report.checks < maxChecks; round++) {
    let changed = false
    for (let a = 0; a < week.staff.length; a++) {
      for (const o of [...(state.byPerson[a] ?? [])].sort((x, y) => x - y)) {
        if (!state.has(a, o) || !search.movable(a, o) || search.liking(a, o) >= (best[o] as number)) continue
        if (improve(search, a, o)) {
          report.moves++
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return report
}

/**
 * +1 prefers, -1 avoids, by [person * occurrences + occurrence]; and the best liking of each
 * occurrence among those who could take it, since only a holder who likes it less can gain.
 */
function likings(week: Week): { like: Int8Array; best: Int8Array } {
  const n = week.occurrences.length
  const like = new Int8Array(week.staff.length * n)
  const best = new Int8Array(n).fill(-1)
  week.staff.forEach((person, p) => {
    for (const o of week.occurrences) {
      const v = (person.prefer?.includes(o.work) ? 1 : 0) - (person.avoid?.includes(o.work) ? 1 : 0)
      like[p * n + o.index] = v
      if (week.eligibility[p * n + o.index] === 0 && v > (best[o.index] as number)) best[o.index] = v
    }
  })
  return { like, best }
}

/**
 * Tries moves that take (a, o) off `a` for someone who likes it more. Any improving swap has
 * one side where the receiver likes the duty more than its holder, so looking from both
 * holders' side with only such receivers misses none.
 */
function improve(s: Search, a: number, o: number): boolean {
  const { week, state, report } = s
  const n = week.occurrences.length
  const stop = Math.min(s.maxChecks, report.checks + PER_ASSIGNMENT)
  for (let b = 0; b < week.staff.length; b++) {
    if (b === a || s.liking(b, o) <= s.liking(a, o) || week.eligibility[b * n + o] !== 0 || state.has(b, o)) continue
    const handOver = tryHandOver(s, a, b, o, stop)
    if (handOver !== 'none') return handOver === 'moved'
    const swap = trySwap(s, a, b, o, stop)
    if (swap !== 'none') return swap === 'moved'
  }
  return false
}

/** Hand-over: only where U stays as it is, i.e. b's next duty costs what a's last did. */
function tryHandOver(s: Search, a: number, b: number, o: number, stop: number): Outcome {
  const { week, state, report } = s
  const load = state.duties[b] ?? 0
  const cap = week.staff[b]?.maxDutiesPerWeek
  const same = Math.abs(tierCost(week, b, load, 1) - tierCost(week, a, (state.duties[a] ?? 0) - 1, 1)) <= EPS
  if (!same || (cap !== undefined && load >= cap)) return 'none'
  if (report.checks >= stop) return 'out of checks'
  report.checks++
  state.remove(a, o)
  if (state.allows(b, o)) {
    state.add(b, o)
    return 'moved'
  }
  state.add(a, o)
  return 'none'
}

/** Swap: a takes one of b's duties in return. */
function trySwap(s: Search, a: number, b: number, o: number, stop: number): Outcome {
  const { week, state, report } = s
  const n = week.occurrences.length
  const mine = s.liking(a, o)
  for (const o2 of [...(state.byPerson[b] ?? [])].sort((x, y) => x - y)) {
    if (!s.movable(b, o2) || state.has(a, o2) || week.eligibility[a * n + o2] !== 0) continue
    if (s.liking(a, o2) + s.liking(b, o) <= mine + s.liking(b, o2)) continue
    if (report.checks >= stop) return 'out of checks'
    report.checks++
    state.remove(a, o)
    state.remove(b, o2)
    if (state.allows(a, o2)) {
      state.add(a, o2)
      if (state.allows(b, o)) {
        state.add(b, o)
        return 'moved'
      }
      state.remove(a, o2)
    }
    state.add(b, o2)
    state.add(a, o)
  }
  return 'none'
}
