// The embedded default: a SQLite file through better-sqlite3.
import SQLite from 'better-sqlite3'
import { setImmediate as nextTurn } from 'node:timers/promises'
import { Kysely, SqliteDialect, type CompiledQuery, type KyselyPlugin } from 'kysely'
import type { Database } from './schema.js'
import type { Store } from './store.js'

export interface SqliteStore extends Store {
  readonly sqlite: SQLite.Database
  close(): Promise<void>
}

/** Statements kept prepared, by SQL text; texts vary with list lengths, so the oldest go first. */
const KEPT_STATEMENTS = 500

/**
 * `prepare` through a cache: Kysely's driver prepares every query anew, which was an eighth of
 * the server's busy time answering /me and feeds from their stored copies. better-sqlite3 runs
 * a statement to its end before anything else runs, so sharing one is safe.
 */
function preparedBy(sqlite: SQLite.Database): (sql: string) => SQLite.Statement {
  const kept = new Map<string, SQLite.Statement>()
  return (sql) => {
    const found = kept.get(sql)
    if (found) return found
    const made = sqlite.prepare(sql)
    kept.set(sql, made)
    if (kept.size > KEPT_STATEMENTS) kept.delete(kept.keys().next().value ?? sql)
    return made
  }
}

/**
 * Lets the event loop take its I/O after every query. better-sqlite3 answers at once, so a use
 * case's chain of awaited queries (a 500-staff week's scenario, a draft's rows read back) ran as
 * one block of microtasks in which no request could be read: hundreds of milliseconds of /me
 * answered late while a generate was being set up or stored. D1 answers every query later on
 * its own, so the code already holds where other requests come between two of its queries.
 */
const yieldAfterEachQuery: KyselyPlugin = {
  transformQuery: (args) => args.node,
  transformResult: async (args) => {
    await nextTurn()
    return args.result
  },
}

export function openSqliteStore(filename: string): SqliteStore {
  const sqlite = new SQLite(filename)
  // D1 enforces foreign keys by default; plain SQLite does not unless asked.
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('busy_timeout = 5000')
  const prepare = preparedBy(sqlite)
  const database = { prepare, close: () => void sqlite.close() }
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }), plugins: [yieldAfterEachQuery] })
  const runAll = sqlite.transaction((statements: readonly CompiledQuery[]) => statements.map((q) => prepare(q.sql).run(...(q.parameters as unknown[])).changes))
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
