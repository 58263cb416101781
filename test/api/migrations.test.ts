// One set of SQL migrations, applied on Node exactly as wrangler applies them to D1.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { migrateSqlite, migrationFiles } from '../../db/migrate.js'
import { openSqliteStore } from '../../db/sqlite.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'duty-rota-migrate-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('migrations on a fresh database file', () => {
  it('create every table the API uses and record each migration like wrangler does', () => {
    const file = join(dir, 'fresh.sqlite')
    const store = openSqliteStore(file)
    expect(migrateSqlite(store.sqlite)).toEqual(migrationFiles())
    store.sqlite.close()

    const reopened = new SQLite(file, { readonly: true })
    const tables = (reopened.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((t) => t.name)
    for (const table of ['organisations', 'schools', 'slots', 'calendar_periods', 'closures', 'grades', 'staff', 'staff_skills', 'commitments', 'duty_posts', 'duty_post_slots', 'absences', 'absence_details', 'cover_requests', 'events', 'audit_log']) {
      expect(tables, table).toContain(table)
    }
    const recorded = (reopened.prepare('SELECT name FROM d1_migrations ORDER BY id').all() as { name: string }[]).map((r) => r.name)
    expect(recorded).toEqual(migrationFiles())
    reopened.close()
  })

  it('apply nothing the second time, keeping the data', async () => {
    const file = join(dir, 'twice.sqlite')
    const first = openSqliteStore(file)
    migrateSqlite(first.sqlite)
    first.sqlite.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('org_1', 'Oak Trust', '2026-11-23T09:00:00Z')").run()
    await first.close()

    const second = openSqliteStore(file)
    expect(migrateSqlite(second.sqlite)).toEqual([])
    expect(second.sqlite.prepare('SELECT name FROM organisations').all()).toEqual([{ name: 'Oak Trust' }])
    await second.close()
  })

  it('leave foreign keys enforced, as D1 does', () => {
    const store = openSqliteStore(join(dir, 'fk.sqlite'))
    migrateSqlite(store.sqlite)
    const orphan = () =>
      store.sqlite.prepare("INSERT INTO schools (id, organisation_id, name, created_at, updated_at) VALUES ('s', 'org_missing', 'X', 'now', 'now')").run()
    expect(orphan).toThrow(/FOREIGN KEY/)
    store.sqlite.close()
  })
})
