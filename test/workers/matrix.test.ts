// The access matrix under wrangler dev (workerd, local D1): the same table as on SQLite
// (test/support/access-matrix.ts), sent over real HTTP, so roles and isolation are the same on Workers.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cells, describeCell, ENDPOINTS, matrixSeed, runCell, signInEveryone, type Client, type Principals } from '../support/access-matrix.js'
import { startWorker, type RunningWorker } from '../support/start-worker.js'

let worker: RunningWorker
let client: Client
let principals: Principals

beforeAll(async () => {
  const seed = await matrixSeed()
  worker = await startWorker({ seed: seed.statements })
  client = { origin: worker.url, fetch: (path, init) => worker.fetch(path, init) }
  principals = await signInEveryone(client, seed)
})
afterAll(async () => {
  await worker?.stop()
})

it(`every endpoint answers every role, in its own school and in another, as on SQLite (${ENDPOINTS.length} rows, ${cells().length} cells)`, async () => {
  const wrong: string[] = []
  for (const cell of cells()) {
    const got = await runCell(client, principals, cell)
    if (got !== cell.expected) wrong.push(`${describeCell(cell)}: expected ${cell.expected}, got ${got}`)
  }
  expect(wrong).toEqual([])
}, 300_000)
