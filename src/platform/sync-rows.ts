// "Make the table's rows say what this list says, and write nothing more": the diff behind a
// bulk import. Both sides are keyed the same way (usually the school's code for the row) and
// built with the table's own row mapper, so a row is unchanged exactly when the mapped columns
// are equal; an unchanged row is not written and keeps its version.
import type { CompiledQuery, Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import { deleteWhereIn, type Column, type NewRow, type Table } from './insert-rows.js'

export interface SyncSpec<T extends Table, C extends Column<T>> {
  db: Kysely<Database>
  table: T
  /** the rows in the database now, mapped like `want`, by key */
  have: ReadonlyMap<string, { id: string } & Partial<Record<C, unknown>>>
  /** the rows wanted, by the same key (new ones already carry their new id) */
  want: ReadonlyMap<string, NewRow<T>>
  /** the columns that make a row changed, and that an update rewrites; [] for rows only ever created or removed */
  compare: readonly C[]
  /** the table's insert; given columns, an upsert on the table's key that updates those (and bumps the version) */
  write: (rows: NewRow<T>[], update: readonly C[]) => CompiledQuery[]
}

export interface Synced {
  /** keys of rows that are new */
  created: string[]
  /** keys of rows whose compared columns differ */
  changed: string[]
  /** rows the list no longer has */
  missing: { key: string; id: string }[]
  /** inserts and updates, in the order of `want` */
  writes: CompiledQuery[]
  /** deletes of the missing rows, by id: the caller decides where they go in the batch (children first) */
  removals: CompiledQuery[]
}

export function syncRows<T extends Table, C extends Column<T>>(spec: SyncSpec<T, C>): Synced {
  const created: string[] = []
  const changed: string[] = []
  const rows: NewRow<T>[] = []
  for (const [key, row] of spec.want) {
    const before = spec.have.get(key)
    const columns = row as Partial<Record<C, unknown>>
    if (!before) created.push(key)
    else if (spec.compare.some((c) => before[c] !== columns[c])) changed.push(key)
    else continue
    rows.push(row)
  }
  const missing = [...spec.have].filter(([key]) => !spec.want.has(key)).map(([key, row]) => ({ key, id: row.id }))
  return {
    created,
    changed,
    missing,
    writes: spec.write(rows, spec.compare),
    removals: deleteWhereIn(
      spec.db,
      spec.table,
      'id' as Column<T>,
      missing.map((m) => m.id),
    ),
  }
}

/** Rows by key, the first of equal keys kept where it stood. */
export function byKey<R>(rows: readonly R[], key: (row: R) => string): Map<string, R> {
  const out = new Map<string, R>()
  for (const row of rows) if (!out.has(key(row))) out.set(key(row), row)
  return out
}
