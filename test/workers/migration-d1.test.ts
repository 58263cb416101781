// Migration 0006 rebuilds cover_requests and events; D1 enforces foreign keys and runs the
// migration through wrangler, so the rebuild is tried here on a local D1 that holds a school's
// cover, events and rota from before it, exactly as `wrangler d1 migrations apply` would meet
// a deployed database.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS_DIR, migrationFiles } from '../../db/migrate.js'
import { BEFORE_0006_ROWS, KEPT_BY_0006, WEEKS_AFTER_0006 } from '../support/before-0006.js'
import { wrangler } from '../support/start-worker.js'

let dir: string
let config: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'duty-rota-0006-d1-'))
  mkdirSync(join(dir, 'migrations'))
  // The repo's D1 binding, with a migrations folder of its own that can be filled step by step.
  config = join(dir, 'wrangler.toml')
  writeFileSync(
    config,
    [
      'name = "duty-rota-migrations"',
      'compatibility_date = "2026-04-01"',
      '[[d1_databases]]',
      'binding = "DB"',
      'database_name = "duty-rota"',
      'database_id = "00000000-0000-0000-0000-000000000000"',
      'migrations_dir = "migrations"',
      '',
    ].join('\n'),
  )
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const d1 = (...args: string[]) => wrangler(['d1', ...args, 'DB', '--local', '--persist-to', join(dir, 'state'), '-c', config])
const migrateUpTo = async (last: string) => {
  for (const name of migrationFiles().filter((f) => f <= last)) copyFileSync(join(MIGRATIONS_DIR, name), join(dir, 'migrations', name))
  return d1('migrations', 'apply')
}
/** One wrangler at a time: several processes on one local D1 file meet SQLITE_BUSY. */
async function queryEach(sqls: readonly string[]): Promise<unknown[][]> {
  const results: unknown[][] = []
  for (const sql of sqls) results.push(await query(sql))
  return results
}
async function query(sql: string): Promise<unknown[]> {
  const [result] = JSON.parse(await d1('execute', '--json', '--command', sql)) as { results: unknown[] }[]
  return result?.results ?? []
}

describe('0006 on D1', () => {
  it('keeps every cover request, event and rota row of a database that had them, with its links, and makes codes unique per week', async () => {
    await migrateUpTo('0005')
    writeFileSync(join(dir, 'seed.sql'), BEFORE_0006_ROWS)
    await d1('execute', '--file', join(dir, 'seed.sql'))
    const before = await queryEach(KEPT_BY_0006)
    expect(before.map((rows) => rows.length)).toEqual([2, 1, 2])

    expect(await migrateUpTo('9999')).toContain('0006_codes_per_week.sql')
    expect(await queryEach(KEPT_BY_0006)).toEqual(before)
    expect(await query(WEEKS_AFTER_0006.query)).toEqual(WEEKS_AFTER_0006.rows)
    expect(await query('PRAGMA foreign_key_check')).toEqual([])

    // The same code the next week is a new request; a second one in the same week is refused.
    await query("INSERT INTO cover_requests (id, school_id, code, date, slot_id) VALUES ('cov_next', 'sch', 'c1', '2026-11-30', 'slo_p1')")
    await expect(
      query("INSERT INTO cover_requests (id, school_id, code, date, slot_id) VALUES ('cov_again', 'sch', 'c1', '2026-11-27', 'slo_p1')"),
    ).rejects.toThrow(/UNIQUE/)
    // The links still act: a deleted absence leaves its cover request, unlinked.
    await query("DELETE FROM absences WHERE id = 'abs_1'")
    expect(await query("SELECT id, absence_id FROM cover_requests WHERE code = 'c1' ORDER BY id")).toEqual([
      { id: 'cov_1', absence_id: null },
      { id: 'cov_next', absence_id: null },
    ])
  }, 120_000)
})
