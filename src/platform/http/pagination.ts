// Keyset pagination: `?limit=&cursor=` → `{ items, nextCursor }`. The cursor is the sort key
// and id of the last item, so pages stay correct while rows are added or removed, and a
// page costs the same however deep it is.
import { sql, type Expression, type SqlBool } from 'kysely'
import { z } from 'zod'
import { fromBase64url, toBase64url } from '../base64url.js'

export const DEFAULT_PAGE_SIZE = 50
export const MAX_PAGE_SIZE = 200

export interface Cursor {
  key: string | number
  id: string
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export function encodeCursor(cursor: Cursor): string {
  return toBase64url(new TextEncoder().encode(JSON.stringify([cursor.key, cursor.id])))
}

export function decodeCursor(text: string): Cursor | undefined {
  try {
    const json: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(fromBase64url(text)))
    if (Array.isArray(json) && json.length === 2 && (typeof json[0] === 'string' || typeof json[0] === 'number') && typeof json[1] === 'string') {
      return { key: json[0], id: json[1] }
    }
  } catch {
    // fall through: any undecodable cursor is the client's mistake, reported as a bad field
  }
  return undefined
}

const cursorParam = z.string().transform((text, ctx) => {
  const cursor = decodeCursor(text)
  if (!cursor) {
    ctx.addIssue({ code: 'custom', message: 'not a cursor this API gave out; use nextCursor from the previous page' })
    return z.NEVER
  }
  return cursor
})

/** Query parameters of every list; extend it for a list's own filters. */
export const pageQuery = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),
  cursor: cursorParam.optional(),
})

export type PageQuery = z.infer<typeof pageQuery>

/** Rows strictly after the cursor in (sortColumn, idColumn) order; everything without one. */
export function afterCursor(sortColumn: string, idColumn: string, cursor: Cursor | undefined): Expression<SqlBool> {
  if (!cursor) return sql<SqlBool>`1 = 1`
  return sql<SqlBool>`(${sql.ref(sortColumn)}, ${sql.ref(idColumn)}) > (${cursor.key}, ${cursor.id})`
}

/** Turns `limit + 1` fetched rows into a page; the extra row only says there is more. */
export function toPage<Row, Item>(rows: readonly Row[], limit: number, keyOf: (row: Row) => Cursor, toItem: (row: Row) => Item): Page<Item> {
  const items = rows.slice(0, limit)
  const last = items[items.length - 1]
  return {
    items: items.map(toItem),
    nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null,
  }
}
