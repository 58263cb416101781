// One set of SQL migrations, applied on Node exactly as wrangler applies them to D1.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import SQLite from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, migrateSqlite, migrationFiles } from '../../db/migrate.js'
import { openSqliteStore } from '../../db/sqlite.js'
import { toProblem } from '../../src/http/errors.js'

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

describe('0006: cover request and event codes unique per week', () => {
  /** A database as a school had it before 0006: migrated up to 0005, with cover, events and a rota. */
  function before0006(file: string) {
    const older = join(dir, 'up-to-0005')
    mkdirSync(older)
    for (const name of migrationFiles().filter((f) => f < '0006')) copyFileSync(join(MIGRATIONS_DIR, name), join(older, name))
    const store = openSqliteStore(file)
    expect(migrateSqlite(store.sqlite, older).at(-1)).toBe('0005_organisation_version.sql')
    store.sqlite.exec(`
      INSERT INTO organisations (id, name, created_at) VALUES ('org', 'Oak Trust', '2026-09-01T00:00:00Z');
      INSERT INTO schools (id, organisation_id, name, created_at, updated_at) VALUES ('sch', 'org', 'Oak Primary', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z');
      INSERT INTO slots (id, school_id, code, kind, start_time, end_time) VALUES ('slo_p1', 'sch', 'p1', 'lesson', '09:00', '10:00');
      INSERT INTO grades (id, school_id, code, name, duty_kinds) VALUES ('gra', 'sch', 'TA', 'Teaching assistant', '["cover","event"]');
      INSERT INTO staff (id, school_id, code, name, grade_id, hours_per_week, pattern) VALUES ('stf_ann', 'sch', 'ann', 'Ann', 'gra', 30, '{}');
      INSERT INTO absences (id, school_id, staff_id, start_date, created_at) VALUES ('abs_1', 'sch', 'stf_ann', '2026-11-24', '2026-11-20T08:00:00Z');
      INSERT INTO cover_requests (id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version)
        VALUES ('cov_1', 'sch', 'c1', '2026-11-24', 'slo_p1', '9X Maths', 2, '{"first-aid":1}', 2, 'abs_1', 3),
               ('cov_2', 'sch', 'c2', '2026-11-29', 'slo_p1', NULL, 1, '{}', 3, NULL, 1);
      INSERT INTO events (id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version)
        VALUES ('evt_1', 'sch', 'parents-eve', 'Parents'' evening', '2026-11-25', '16:00', '19:00', 4, '{}', 1, 2);
      INSERT INTO rotas (id, school_id, week, status, created_at, published_at) VALUES ('rot_1', 'sch', '2026-11-23', 'published', '2026-11-20T09:00:00Z', '2026-11-20T09:00:00Z');
      INSERT INTO rota_assignments (id, rota_id, staff_id, work_code, date, slot_code)
        VALUES ('ras_1', 'rot_1', 'stf_ann', 'c1', '2026-11-24', 'p1'), ('ras_2', 'rot_1', 'stf_ann', 'parents-eve', '2026-11-25', NULL);
    `)
    return store
  }

  const all = (store: ReturnType<typeof openSqliteStore>, query: string) => store.sqlite.prepare(query).all()
  const COVER = 'SELECT id, school_id, code, date, slot_id, label, people_needed, skill_seats, priority, absence_id, version FROM cover_requests ORDER BY id'
  const EVENTS = 'SELECT id, school_id, code, name, date, start_time, end_time, people_needed, skill_seats, priority, version FROM events ORDER BY id'

  it('keeps every cover request and event of a database that already has them, with their links, and gives each its week', () => {
    const store = before0006(join(dir, 'old.sqlite'))
    const cover = all(store, COVER)
    const events = all(store, EVENTS)
    const assignments = all(store, 'SELECT * FROM rota_assignments ORDER BY id')
    expect(migrateSqlite(store.sqlite)).toEqual(migrationFiles().filter((f) => f >= '0006'))

    expect(all(store, COVER)).toEqual(cover)
    expect(all(store, EVENTS)).toEqual(events)
    expect(all(store, 'SELECT * FROM rota_assignments ORDER BY id')).toEqual(assignments)
    expect(all(store, 'SELECT id, week FROM cover_requests ORDER BY id')).toEqual([
      { id: 'cov_1', week: '2026-11-23' },
      { id: 'cov_2', week: '2026-11-23' },
    ])
    expect(all(store, 'SELECT id, week FROM events')).toEqual([{ id: 'evt_1', week: '2026-11-23' }])
    expect(all(store, 'PRAGMA foreign_key_check')).toEqual([])
    expect(all(store, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cover_requests', 'events') AND sql IS NOT NULL ORDER BY name")).toEqual([
      { name: 'cover_request_code_per_week' },
      { name: 'cover_requests_by_date' },
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
    const addEvent = store.sqlite.prepare("INSERT INTO events (id, school_id, code, name, date, start_time, end_time) VALUES (?, 'sch', 'parents-eve', 'Parents'' evening', ?, '16:00', '19:00')")
    expect(() => addEvent.run('evt_same_week', '2026-11-23')).toThrow(/UNIQUE/)
    addEvent.run('evt_next_week', '2026-12-02')
    expect(all(store, "SELECT code, week FROM cover_requests WHERE code = 'c1' ORDER BY week")).toEqual([
      { code: 'c1', week: '2026-11-23' },
      { code: 'c1', week: '2026-11-30' },
    ])
    store.sqlite.close()
  })
})
