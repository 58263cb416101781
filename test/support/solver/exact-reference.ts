// HiGHS stops each stage at a wall-clock limit. A stage it stopped fixes its priority below the
// optimum, and the later stages may then fill more than any lexicographically best rota could,
// so the staged MILP is the optimum only up to its first unfinished stage: on a loaded machine
// a comparison past it fails a sound solver (as the seat bound once appeared to on CI).
import type { ExactResult } from '../../../bench/exact.js'

/** Priorities 1..5 for which `exact.filled` is the optimum: every seat stage up to them finished. */
export function optimalPriorities(exact: ExactResult): number[] {
  const finished = new Map(exact.stages.map((s) => [s.name, s.status === 'optimal']))
  const out: number[] = []
  for (let priority = 1; priority <= 5; priority++) {
    if (finished.get(`seats p${priority}`) === false) break
    out.push(priority)
  }
  return out
}
