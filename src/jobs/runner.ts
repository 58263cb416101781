// Where solves run by default: in the request. That is the Workers path, where each request has
// its own isolate's CPU, so one school's solve cannot hold up another school's pages the way
// Node's single thread would; `npm start` uses worker threads instead (pool-runner.ts). Both
// queue per school (school-queue.ts). The solver is synchronous, so once a solve here has
// started nothing else in this isolate runs until it ends: it cannot be cancelled, and its
// progress reaches nobody mid-solve (README, "Limits").
import type { SolveRunner } from '../platform/deps.js'
import { SchoolQueue } from './school-queue.js'
import { settle, solveTask } from './solve-task.js'

export function inRequestRunner(): SolveRunner {
  const queue = new SchoolQueue(1)
  return {
    solve: (schoolId, input, control = {}) =>
      queue.run(schoolId, async () => {
        control.signal?.throwIfAborted()
        return settle(solveTask(input, control.onProgress))
      }),
    queued: (schoolId) => queue.queued(schoolId),
  }
}
