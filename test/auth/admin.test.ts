// `npm run admin`: the commands that set up a real deployment, run against a temporary
// SQLite file; and the SQL the D1 path hands to wrangler.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { CompiledQuery } from 'kysely'
import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { inlineParameters, main } from '../../scripts/admin.js'
import { openSqliteStore } from '../../db/sqlite.js'

let dir: string
let out: string[]
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duty-rota-admin-'))
  vi.stubEnv('DATA_DIR', dir)
  out = []
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)))
  vi.spyOn(console, 'error').mockImplementation((line: unknown) => void out.push(String(line)))
})
afterEach(() => {
  vi.restoreAllMocks()
  vi.unstubAllEnvs()
  rmSync(dir, { recursive: true, force: true })
})

const lastWord = () => out.at(-1)?.split(' ').at(-1) ?? ''

it('creates an organisation, a school and its manager, and prints a one-time sign-in link', async () => {
  expect(await main(['create-org', '--name', 'Oak Trust'])).toBe(0)
  const org = lastWord()
  expect(await main(['create-school', '--org', org, '--name', 'Oak Primary'])).toBe(0)
  const school = lastWord()
  expect(await main(['create-manager', '--school', school, '--email', 'Jo@Oak.example', '--name', 'Jo', '--origin', 'https://rota.example.org'])).toBe(0)
  expect(out.at(-1)).toMatch(/^https:\/\/rota\.example\.org\/auth\/callback\?token=[A-Za-z0-9_-]{43}$/)
  expect(await main(['signin-link', '--email', 'jo@oak.example'])).toBe(0)
  expect(out.at(-1)).toMatch(/\/auth\/callback\?token=/)

  const store = openSqliteStore(join(dir, 'duty-rota.sqlite'))
  const rows = await store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['email', 'role', 'school_id']).execute()
  expect(rows).toEqual([{ email: 'jo@oak.example', role: 'manager', school_id: school }])
  const audit = await store.db.selectFrom('audit_log').select(['actor', 'entity']).execute()
  expect(audit.map((a) => a.entity).sort()).toEqual(['membership', 'organisation', 'school'])
  expect(audit.every((a) => a.actor.startsWith('cli:'))).toBe(true)
  await store.close()
})

it('refuses a manager for a school that does not exist, leaving no user behind', async () => {
  expect(await main(['create-manager', '--school', 'sch_nope', '--email', 'x@oak.example', '--name', 'X'])).toBe(2)
  const store = openSqliteStore(join(dir, 'duty-rota.sqlite'))
  expect(await store.db.selectFrom('users').selectAll().execute()).toEqual([])
  await store.close()
})

it('writes values into SQL for wrangler as literals that cannot break out of their quotes', () => {
  const q = CompiledQuery.raw('insert into "users" ("id", "name", "n") values (?, ?, ?) -- "?"', ['usr_1', "O'Brien'); DROP TABLE users; --", 3])
  expect(inlineParameters(q)).toBe(`insert into "users" ("id", "name", "n") values ('usr_1', 'O''Brien''); DROP TABLE users; --', 3) -- "?"`)
  expect(() => inlineParameters(CompiledQuery.raw('select ?', []))).toThrow()
})
