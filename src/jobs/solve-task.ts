// One solve as a worker thread runs it: the solver, then the independent checker, on plain data
// in and out. A pin that breaks a rule comes back as data, because an error's class does not
// survive the trip between threads and the request must still answer it as a 409.
import { checkRota, PinError, solve } from '../../solver/index.js'
import type { SolveProgress } from '../../solver/budget.js'
import type { Scenario } from '../../solver/scenario.js'
import type { SolveResult } from '../platform/deps.js'

export type TaskOutcome = { ok: true; result: SolveResult } | { ok: false; pinProblems: PinError['problems'] }

export function solveTask(input: Scenario, onProgress?: (progress: SolveProgress) => void): TaskOutcome {
  try {
    const rota = solve(input, onProgress ? { onProgress } : {})
    return { ok: true, result: { rota, broken: checkRota(input, rota).map((p) => ({ rule: p.rule, message: p.message })) } }
  } catch (err) {
    if (err instanceof PinError) return { ok: false, pinProblems: err.problems }
    throw err
  }
}

/** The other side of the trip: the result, or the PinError again. */
export function settle(outcome: TaskOutcome): SolveResult {
  if (outcome.ok) return outcome.result
  throw new PinError(outcome.pinProblems)
}
