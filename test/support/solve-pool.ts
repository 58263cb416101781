// The worker-thread pool `npm start` solves in (one thread, the built dist/solve-worker.mjs),
// opened before a test file's tests and closed after them, for tests of solves off the request.
import { join } from 'node:path'
import { afterAll, beforeAll } from 'vitest'
import { workerPoolRunner, type PoolRunner } from '../../src/jobs/pool-runner.js'

const WORKER = join(import.meta.dirname, '..', '..', 'dist', 'solve-worker.mjs')

/** Call at the top of a test file; the runner it gives works inside that file's tests. */
export function solvePoolForFile(): PoolRunner {
  let pool: PoolRunner | undefined
  beforeAll(() => {
    pool = workerPoolRunner(WORKER, 1)
  })
  afterAll(async () => {
    await pool?.close()
  })
  const open = (): PoolRunner => {
    if (!pool) throw new Error('the solve pool opens before the file’s tests, not while it is read')
    return pool
  }
  return {
    solve: (schoolId, input, control) => open().solve(schoolId, input, control),
    queued: (schoolId) => open().queued(schoolId),
    // The file's afterAll closes it.
    close: async () => {},
  }
}
