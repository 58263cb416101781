// Cloudflare D1 through kysely-d1; atomic writes are one D1 batch.
import type { D1Database } from '@cloudflare/workers-types'
import { Kysely } from 'kysely'
import { D1Dialect } from 'kysely-d1'
import type { Database } from './schema.js'
import type { Store } from './store.js'

export function openD1Store(d1: D1Database): Store {
  const db = new Kysely<Database>({ dialect: new D1Dialect({ database: d1 }) })
  return {
    db,
    async atomic(statements) {
      if (statements.length === 0) return []
      const results = await d1.batch(statements.map((q) => d1.prepare(q.sql).bind(...(q.parameters as unknown[]))))
      return results.map((r) => r.meta.changes ?? 0)
    },
  }
}
