// The one way rows go into a table: multi-row INSERTs chunked so that no statement binds more
// than D1 allows, optionally as an upsert on a unique key. Each table's module wraps this once
// (its columns, its key), so a table has one insert however many features write to it.
import { sql, type CompiledQuery, type Insertable, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { chunkRows } from '../../db/store.js'

export type Table = keyof Database & string
export type Column<T extends Table> = keyof Database[T] & string
export type NewRow<T extends Table> = Insertable<Database[T]>

export interface OnKey<T extends Table> {
  /** the unique key a new row may clash on, e.g. school_id + code */
  key: readonly Column<T>[]
  /** the columns a clash takes from the new row */
  set: readonly Column<T>[]
  /** tables with a version column bump it, so a stale If-Match or guard notices the change */
  bumpVersion: boolean
}

// Kysely cannot check a table name that is itself a type parameter; the public signature
// above is what keeps rows and columns honest, this view only builds the SQL.
type Loose = Kysely<Record<string, Record<string, unknown>>>

export function insertRows<T extends Table>(db: Kysely<Database>, table: T, rows: readonly NewRow<T>[], onKey?: OnKey<T>): CompiledQuery[] {
  if (rows.length === 0) return []
  const width = Math.max(...rows.map((r) => Object.values(r).filter((v) => v !== undefined).length))
  const loose = db as unknown as Loose
  return chunkRows(rows as readonly Record<string, unknown>[], width).map((chunk) => {
    const insert = loose.insertInto(table as string).values(chunk)
    if (!onKey) return insert.compile()
    const set: Record<string, unknown> = Object.fromEntries(onKey.set.map((c) => [c, sql.ref(`excluded.${c}`)]))
    // The table name is one of Database's keys, never input: safe to write into the SQL text.
    if (onKey.bumpVersion) set.version = sql.raw(`${table}.version + 1`)
    return insert.onConflict((oc) => oc.columns([...onKey.key]).doUpdateSet(set)).compile()
  })
}

/** DELETE ... WHERE column IN (...), chunked the same way. */
export function deleteWhereIn<T extends Table>(db: Kysely<Database>, table: T, column: Column<T>, values: readonly string[]): CompiledQuery[] {
  const loose = db as unknown as Loose
  return chunkRows(values, 1).map((chunk) =>
    loose
      .deleteFrom(table as string)
      .where(column as string, 'in', chunk)
      .compile(),
  )
}
