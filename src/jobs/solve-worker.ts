// The worker thread's entry (built to dist/solve-worker.mjs by scripts/build-js.mjs, because a
// worker thread cannot load TypeScript): tinypool calls the default export with each task.
import type { Scenario } from '../../solver/scenario.js'
import { solveTask, type TaskOutcome } from './solve-task.js'

export default function run(input: Scenario): TaskOutcome {
  return solveTask(input)
}
