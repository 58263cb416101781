// Solves in a pool of worker threads, for Node: the event loop keeps answering every school
// while a big week solves on another core. Node only (tinypool, worker_threads): src/node.ts
// imports it, the Worker never does.
import { Tinypool } from 'tinypool'
import type { Scenario } from '../../solver/scenario.js'
import type { SolveResult, SolveRunner } from '../platform/deps.js'
import { SchoolQueue } from './school-queue.js'
import { settle, type TaskOutcome } from './solve-task.js'

export interface PoolRunner extends SolveRunner {
  close(): Promise<void>
}

/** `workerFile`: the built dist/solve-worker.mjs; `threads`: solves at once across schools. */
export function workerPoolRunner(workerFile: string, threads: number): PoolRunner {
  const pool = new Tinypool({ filename: workerFile, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 })
  const queue = new SchoolQueue(threads)
  return {
    solve: (schoolId: string, input: Scenario): Promise<SolveResult> => queue.run(schoolId, async () => settle((await pool.run(input)) as TaskOutcome)),
    queued: (schoolId) => queue.queued(schoolId),
    close: () => pool.destroy(),
  }
}
