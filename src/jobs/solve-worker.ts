// The worker thread's entry (built to dist/solve-worker.mjs by scripts/build-js.mjs, because a
// worker thread cannot load TypeScript by itself): tinypool calls the default export with each
// task. Progress goes back on the task's own port, which the main thread reads while this
// thread is busy solving (messages do not wait for this thread's event loop).
import type { MessagePort } from 'node:worker_threads'
import type { Scenario } from '../../solver/scenario.js'
import { solveTask, type TaskOutcome } from './solve-task.js'

export interface WorkerTask {
  input: Scenario
  /** where progress reports go, if the one who asked wants them */
  progress?: MessagePort
}

export default function run({ input, progress }: WorkerTask): TaskOutcome {
  try {
    return solveTask(input, progress ? (p) => progress.postMessage(p) : undefined)
  } finally {
    progress?.close()
  }
}
