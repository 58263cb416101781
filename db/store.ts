// The database as the service sees it: a Kysely instance for reads and for building
// statements, and one way to write several statements atomically on either runtime.
// D1 has no interactive transactions, so a write is a list of compiled statements run as one
// D1 batch, or inside one better-sqlite3 transaction on Node: all of it happens or none.
import type { CompiledQuery, Kysely } from 'kysely'
import type { Database } from './schema.js'

export interface Store {
  readonly db: Kysely<Database>
  /** Runs every statement or none. Returns the number of rows each statement changed. */
  atomic(statements: readonly CompiledQuery[]): Promise<number[]>
}

/** D1 binds at most 100 parameters per statement; bulk inserts are chunked below that. */
export const MAX_BOUND_PARAMETERS = 100

/** Splits rows for multi-row inserts so that no statement binds more than D1 allows. */
export function chunkRows<T>(rows: readonly T[], columnsPerRow: number): T[][] {
  const perChunk = Math.max(1, Math.floor(MAX_BOUND_PARAMETERS / Math.max(1, columnsPerRow)))
  const chunks: T[][] = []
  for (let i = 0; i < rows.length; i += perChunk) chunks.push(rows.slice(i, i + perChunk))
  return chunks
}
