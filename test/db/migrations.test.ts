// One set of SQL migrations, applied on Node exactly as wrangler applies them to D1.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, migrateSqlite, migrationFiles } from '../../db/migrate.js'
import { openSqliteStore } from '../../db/sqlite.js'
import { toProblem } from '../../src/platform/http/errors.js'
import { BEFORE_0006_ROWS, KEPT_BY_0006, WEEKS_AFTER_0006 } from '../support/before-0006.js'

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
    for (const table of [
      'organisations',
      'schools',
      'slots',
      'calendar_periods',
      'closures',
      'grades',
      'staff',
      'staff_skills',
      'commitments',
      'duty_posts',
      'duty_post_slots',
      'absences',
      'absence_details',
      'cover_requests',
      'events',
      'audit_log',
    ]) {
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

/**
 * Every table /me or a feed reads, with the writes of it that must make the stored copies stale
 * (0009_read_views.sql, 0015, 0016): a table added to the page without its triggers would
 * leave phones on an old page until the day turns.
 */
const READ_BY_STORED_VIEWS: Record<string, readonly ('INSERT' | 'UPDATE' | 'DELETE')[]> = {
  schools: ['INSERT', 'UPDATE'],
  staff: ['INSERT', 'UPDATE', 'DELETE'],
  swaps: ['INSERT', 'UPDATE', 'DELETE'],
  feed_tokens: ['INSERT', 'UPDATE', 'DELETE'],
  duty_posts: ['INSERT', 'UPDATE', 'DELETE'],
  calendar_periods: ['INSERT', 'UPDATE', 'DELETE'],
  closures: ['INSERT', 'UPDATE', 'DELETE'],
  duty_balances: ['INSERT', 'UPDATE', 'DELETE'],
  cover_requests: ['INSERT', 'UPDATE', 'DELETE'],
  events: ['INSERT', 'UPDATE', 'DELETE'],
  calendar_publishes: ['INSERT'],
  rotas: ['UPDATE', 'DELETE'],
  rota_assignments: ['UPDATE', 'DELETE'],
  cover_offers: ['INSERT', 'UPDATE', 'DELETE'],
  leave_requests: ['INSERT', 'UPDATE', 'DELETE'],
  notification_prefs: ['INSERT', 'UPDATE'],
  duty_receipts: ['INSERT', 'DELETE'],
}

describe('the stored copies of /me and the feeds', () => {
  it('are made stale by a trigger on every write of every table they read', () => {
    const store = openSqliteStore(join(dir, 'views.sqlite'))
    migrateSqlite(store.sqlite)
    const triggers = store.sqlite.prepare("SELECT tbl_name AS tbl, sql FROM sqlite_master WHERE type = 'trigger'").all() as { tbl: string; sql: string }[]
    const missing = Object.entries(READ_BY_STORED_VIEWS).flatMap(([table, writes]) =>
      writes
        .filter((w) => !triggers.some((t) => t.tbl === table && new RegExp(`AFTER ${w}\\b`).test(t.sql) && t.sql.includes('view_epochs')))
        .map((w) => `${w} on ${table}`),
    )
    expect(missing).toEqual([])
    store.sqlite.close()
  })
})

describe('0006: cover request and event codes unique per week', () => {
  /** A database as a school had it before 0006: migrated up to 0005, with cover, events and a rota. */
  function before0006(file: string) {
    const older = join(dir, 'up-to-0005')
    mkdirSync(older)
    for (const name of migrationFiles().filter((f) => f < '0006')) copyFileSync(join(MIGRATIONS_DIR, name), join(older, name))
    const store = openSqliteStore(file)
    expect(migrateSqlite(store.sqlite, older).at(-1)).toBe('0005_organisation_version.sql')
    store.sqlite.exec(BEFORE_0006_ROWS)
    return store
  }

  const all = (store: ReturnType<typeof openSqliteStore>, query: string) => store.sqlite.prepare(query).all()

  it('keeps every cover request and event of a database that already has them, with their links, and gives each its week', () => {
    const store = before0006(join(dir, 'old.sqlite'))
    const before = KEPT_BY_0006.map((query) => all(store, query))
    expect(migrateSqlite(store.sqlite)).toEqual(migrationFiles().filter((f) => f >= '0006'))

    expect(KEPT_BY_0006.map((query) => all(store, query))).toEqual(before)
    expect(all(store, WEEKS_AFTER_0006.query)).toEqual(WEEKS_AFTER_0006.rows)
    expect(all(store, 'PRAGMA foreign_key_check')).toEqual([])
    expect(
      all(store, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cover_requests', 'events') AND sql IS NOT NULL ORDER BY name"),
    ).toEqual([
      { name: 'cover_request_code_per_week' },
      { name: 'cover_requests_by_date' },
      { name: 'cover_requests_made_by_absence' },
      { name: 'event_code_per_week' },
      { name: 'events_by_date' },
    ])

    // The links still act: a deleted absence leaves its cover request, unlinked; a slot in use cannot go.
    store.sqlite.exec("DELETE FROM absences WHERE id = 'abs_1'")
    expect(all(store, "SELECT absence_id FROM cover_requests WHERE id = 'cov_1'")).toEqual([{ absence_id: null }])
    expect(() => store.sqlite.exec("DELETE FROM slots WHERE id = 'slo_p1'")).toThrow(/FOREIGN KEY/)
    store.sqlite.close()
  })

  it('lets the database refuse a second code in one week, answered as a 409, and take it in another week', () => {
    const store = before0006(join(dir, 'clash.sqlite'))
    migrateSqlite(store.sqlite)
    const add = store.sqlite.prepare("INSERT INTO cover_requests (id, school_id, code, date, slot_id) VALUES (?, 'sch', 'c1', ?, 'slo_p1')")
    let refused: unknown
    try {
      add.run('cov_same_week', '2026-11-29')
    } catch (err) {
      refused = err
    }
    expect(toProblem(refused)).toMatchObject({ status: 409, detail: 'another cover request in this school already has this code in that week' })
    add.run('cov_next_week', '2026-11-30')
    const addEvent = store.sqlite.prepare(
      "INSERT INTO events (id, school_id, code, name, date, start_time, end_time) VALUES (?, 'sch', 'parents-eve', 'Parents'' evening', ?, '16:00', '19:00')",
    )
    expect(() => addEvent.run('evt_same_week', '2026-11-23')).toThrow(/UNIQUE/)
    addEvent.run('evt_next_week', '2026-12-02')
    expect(all(store, "SELECT code, week FROM cover_requests WHERE code = 'c1' ORDER BY week")).toEqual([
      { code: 'c1', week: '2026-11-23' },
      { code: 'c1', week: '2026-11-30' },
    ])
    store.sqlite.close()
  })
})
