// The embedded default: a SQLite file through better-sqlite3.
import SQLite from 'better-sqlite3'
import { Kysely, SqliteDialect, type CompiledQuery } from 'kysely'
import type { Database } from './schema.js'
import type { Store } from './store.js'

export interface SqliteStore extends Store {
  readonly sqlite: SQLite.Database
  close(): Promise<void>
}

export function openSqliteStore(filename: string): SqliteStore {
  const sqlite = new SQLite(filename)
  // D1 enforces foreign keys by default; plain SQLite does not unless asked.
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) })
  const runAll = sqlite.transaction((statements: readonly CompiledQuery[]) =>
    statements.map((q) => sqlite.prepare(q.sql).run(...(q.parameters as unknown[])).changes),
  )
  return {
    db,
    sqlite,
    async atomic(statements) {
      if (statements.length === 0) return []
      return runAll(statements)
    },
    async close() {
      await db.destroy()
    },
  }
}
