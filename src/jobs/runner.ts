// Where solves run by default: in the request. That is the Workers path, where each request has
// its own isolate's CPU, so one school's solve cannot hold up another school's pages the way
// Node's single thread would; `npm start` uses worker threads instead (pool-runner.ts). Both
// queue per school (school-queue.ts).
import type { SolveRunner } from '../platform/deps.js'
import { SchoolQueue } from './school-queue.js'
import { settle, solveTask } from './solve-task.js'

export function inRequestRunner(): SolveRunner {
  const queue = new SchoolQueue(1)
  return {
    solve: (schoolId, input) => queue.run(schoolId, async () => settle(solveTask(input))),
    queued: (schoolId) => queue.queued(schoolId),
  }
}
