// The access matrix on Node and SQLite: every endpoint × every role × own school / other
// school answers the status its row in test/auth/matrix.ts says. test/workers/matrix.test.ts
// runs the same table under wrangler dev.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Clock, Instant, ZoneOffset } from '@js-joda/core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrateSqlite } from '../../db/migrate.js'
import { openSqliteStore, type SqliteStore } from '../../db/sqlite.js'
import { createApp } from '../../src/app.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { cells, describeCell, ENDPOINTS, matrixSeed, runCell, signInEveryone, type Client, type Principals } from '../support/access-matrix.js'

let dir: string
let store: SqliteStore
let client: Client
let principals: Principals
let routes: { method: string; path: string }[]

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duty-rota-matrix-'))
  store = openSqliteStore(join(dir, 'matrix.sqlite'))
  migrateSqlite(store.sqlite)
  const app = createApp({ store, clock: Clock.fixed(Instant.parse('2026-11-23T09:00:00Z'), ZoneOffset.UTC), mailer: new MemoryMailer() })
  const seed = await matrixSeed()
  await store.atomic(seed.statements)
  client = { origin: 'http://localhost', fetch: async (path, init) => await app.request(path, init) }
  routes = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/')).map((r) => ({ method: r.method, path: r.path }))
  principals = await signInEveryone(client, seed)
})
afterAll(async () => {
  await store?.close()
  rmSync(dir, { recursive: true, force: true })
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
