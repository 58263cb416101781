// The access matrix on Node and SQLite: every endpoint × every role × own school / other
// school answers the status its row in test/support/access-matrix.ts says.
// test/workers/matrix.test.ts runs the same table under wrangler dev.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { cells, describeCell, ENDPOINTS, matrixSeed, runCell, signInEveryone, type Client, type Principals } from '../support/access-matrix.js'
import { freshStore, testApp, type TestStore } from '../support/kit.js'

let store: TestStore
let client: Client
let principals: Principals
let routes: { method: string; path: string }[]

beforeAll(async () => {
  store = freshStore()
  const app = testApp({ store })
  const seed = await matrixSeed()
  await store.atomic(seed.statements)
  client = { origin: 'http://localhost', fetch: async (path, init) => await app.request(path, init) }
  routes = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => ({ method: r.method, path: r.path }))
  principals = await signInEveryone(client, seed)
})
afterAll(async () => {
  await store?.close()
})

// The name carries the size of the table, so `npx vitest run test/auth/matrix.test.ts` prints it.
it(`every endpoint answers every role, in its own school and in another, as the table says (${ENDPOINTS.length} rows, ${cells().length} cells)`, async () => {
  const all = cells()
  const wrong: string[] = []
  for (const cell of all) {
    const got = await runCell(client, principals, cell)
    if (got !== cell.expected) wrong.push(`${describeCell(cell)}: expected ${cell.expected}, got ${got}`)
  }
  expect(wrong).toEqual([])
})

it('has a row for every route the app serves under /api, so a new endpoint cannot skip it', () => {
  const sample = (path: string) => path.replaceAll(/\{\w+\}/g, 'x')
  const missing = routes.filter((route) => {
    const pattern = new RegExp(`^${route.path.replaceAll(/:\w+/g, '[^/]+')}$`)
    return !ENDPOINTS.some((e) => e.method === route.method && pattern.test(sample(e.path)))
  })
  expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual([])
  expect(routes.length).toBeGreaterThan(50)
})
