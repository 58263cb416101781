// The worker thread's entry (built to dist/solve-worker.mjs by scripts/build-js.mjs, because a
// worker thread cannot load TypeScript by itself): tinypool calls the default export with each
// task. Progress goes back on the task's own port, which the main thread reads while this
// thread is busy solving (messages do not wait for this thread's event loop).
import { setPriority } from 'node:os'
import type { MessagePort } from 'node:worker_threads'
import type { Scenario } from '../../solver/scenario.js'
import { solveTask, type TaskOutcome } from './solve-task.js'

export interface WorkerTask {
  input: Scenario
  /** where progress reports go, if the one who asked wants them */
  progress?: MessagePort
}

// The lowest priority for this thread alone (on Linux a nice value is per thread, and pid 0 is
// the calling thread): a solve then takes what CPU the request thread leaves, so staff reads
// stay quick on a busy machine while a big week solves. Where the platform refuses, it runs as is.
try {
  setPriority(19)
} catch {
  // not permitted here: the solve keeps the process's priority
}

export default function run({ input, progress }: WorkerTask): TaskOutcome {
  try {
    return solveTask(input, progress ? (p) => progress.postMessage(p) : undefined)
  } finally {
    progress?.close()
  }
}
