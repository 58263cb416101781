// The row sync behind the scenario import: what it writes for a row that is unchanged, changed,
// new or gone. An unchanged row must cost nothing, or importing the same file twice would bump
// every version and make every open edit page stale.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { migrateSqlite } from '../../db/migrate.js'
import { openSqliteStore, type SqliteStore } from '../../db/sqlite.js'
import { byKey, syncRows } from '../../src/platform/sync-rows.js'
import { gradeRow, insertGrades } from '../../src/setup/grades.js'

const open: { store: SqliteStore; dir: string }[] = []
afterEach(async () => {
  for (const { store, dir } of open.splice(0)) {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

function freshStore(): SqliteStore {
  const dir = mkdtempSync(join(tmpdir(), 'duty-rota-sync-'))
  const store = openSqliteStore(join(dir, 'test.sqlite'))
  open.push({ store, dir })
  migrateSqlite(store.sqlite)
  store.sqlite.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('org', 'Trust', '2026-09-01T00:00:00Z')").run()
  store.sqlite
    .prepare(
      "INSERT INTO schools (id, organisation_id, name, created_at, updated_at) VALUES ('sch', 'org', 'School', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')",
    )
    .run()
  return store
}

const grade = (id: string, code: string, name: string) => gradeRow('sch', id, { code, name, dutyKinds: ['break'] })

async function sync(store: SqliteStore, want: ReturnType<typeof grade>[]) {
  const rows = await store.db.selectFrom('grades').selectAll().execute()
  const synced = syncRows({
    db: store.db,
    table: 'grades',
    have: byKey(rows, (r) => r.code),
    want: byKey(want, (r) => r.code),
    compare: ['name', 'duty_kinds'],
    write: (r, update) => insertGrades(store.db, r, update),
  })
  await store.atomic([...synced.writes, ...synced.removals])
  return synced
}

const versions = async (store: SqliteStore) =>
  Object.fromEntries(
    (await store.db.selectFrom('grades').select(['code', 'name', 'version']).orderBy('code').execute()).map((g) => [g.code, `${g.name} v${g.version}`]),
  )

it('writes nothing for unchanged rows, updates changed ones by code with a version bump, and deletes the missing', async () => {
  const store = freshStore()
  await sync(store, [grade('g1', 'TA', 'Assistant'), grade('g2', 'HLTA', 'Higher'), grade('g3', 'MS', 'Midday')])

  const same = await sync(store, [grade('other', 'TA', 'Assistant'), grade('g2', 'HLTA', 'Higher'), grade('g3', 'MS', 'Midday')])
  expect(same).toMatchObject({ created: [], changed: [], missing: [], writes: [], removals: [] })
  expect(await versions(store)).toEqual({ TA: 'Assistant v1', HLTA: 'Higher v1', MS: 'Midday v1' })

  const next = await sync(store, [grade('g1', 'TA', 'Teaching assistant'), grade('g2', 'HLTA', 'Higher'), grade('g4', 'CS', 'Cover supervisor')])
  expect(next).toMatchObject({ created: ['CS'], changed: ['TA'], missing: [{ key: 'MS', id: 'g3' }] })
  expect(await versions(store)).toEqual({ TA: 'Teaching assistant v2', HLTA: 'Higher v1', CS: 'Cover supervisor v1' })
})
