// Solves in a pool of worker threads, for Node: the event loop keeps answering every school
// while a big week solves on another core. Node only (tinypool, worker_threads): src/node.ts
// imports it, the Worker never does. A cancelled solve's thread is ended by tinypool (the
// solver is synchronous, so nothing short of ending the thread stops it) and a fresh one takes
// its place; progress comes back on a port of the task's own.
import { MessageChannel } from 'node:worker_threads'
import { Tinypool } from 'tinypool'
import type { SolveProgress } from '../../solver/budget.js'
import type { Scenario } from '../../solver/scenario.js'
import type { SolveControl, SolveResult, SolveRunner } from '../platform/deps.js'
import { SchoolQueue } from './school-queue.js'
import { settle, type TaskOutcome } from './solve-task.js'
import type { WorkerTask } from './solve-worker.js'

export interface PoolRunner extends SolveRunner {
  close(): Promise<void>
}

/** `workerFile`: the built dist/solve-worker.mjs; `threads`: solves at once across schools. */
export function workerPoolRunner(workerFile: string, threads: number): PoolRunner {
  const pool = new Tinypool({ filename: workerFile, minThreads: 0, maxThreads: threads, idleTimeout: 60_000 })
  const queue = new SchoolQueue(threads)
  const run = async (input: Scenario, { signal, onProgress }: SolveControl): Promise<SolveResult> => {
    // Cancelled while it waited for its school or a thread: it never starts.
    signal?.throwIfAborted()
    const channel = onProgress ? new MessageChannel() : undefined
    channel?.port1.on('message', (p: SolveProgress) => onProgress?.(p))
    try {
      const task: WorkerTask = channel ? { input, progress: channel.port2 } : { input }
      return settle((await pool.run(task, { transferList: channel ? [channel.port2] : [], signal: signal ?? null })) as TaskOutcome)
    } finally {
      channel?.port1.close()
    }
  }
  return {
    solve: (schoolId, input, control = {}) => queue.run(schoolId, () => run(input, control)),
    queued: (schoolId) => queue.queued(schoolId),
    close: () => pool.destroy(),
  }
}
