// Applies db/migrations/*.sql to a SQLite file on Node, recording them in the same
// d1_migrations table that wrangler uses for D1, so both runtimes share one history.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type SQLite from 'better-sqlite3'

export const MIGRATIONS_DIR = join(import.meta.dirname, 'migrations')

export function migrationFiles(dir = MIGRATIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_.+\.sql$/.test(f))
    .sort()
}

/** Returns the names of the migrations it applied (empty when already up to date). */
export function migrateSqlite(sqlite: SQLite.Database, dir = MIGRATIONS_DIR): string[] {
  sqlite.exec(`CREATE TABLE IF NOT EXISTS d1_migrations (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT UNIQUE,
    applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
  )`)
  const done = new Set((sqlite.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((r) => r.name))
  const applied: string[] = []
  for (const name of migrationFiles(dir)) {
    if (done.has(name)) continue
    const sql = readFileSync(join(dir, name), 'utf8')
    sqlite.transaction(() => {
      sqlite.exec(sql)
      sqlite.prepare('INSERT INTO d1_migrations (name) VALUES (?)').run(name)
    })()
    applied.push(name)
  }
  return applied
}
