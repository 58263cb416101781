// The audit trail is written in the same atomic batch as the change it records, so there is
// never a change without its entry, nor an entry for a change that did not happen.
import { Instant } from '@js-joda/core'
import { isoInstant } from './tokens.js'
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { WriteContext } from './deps.js'

/** create / update / delete for setup rows; the week's own actions (publish, swap-approve...) name themselves. */
export type AuditAction = 'create' | 'update' | 'delete' | (string & {})

/** Tables whose rows carry a version that every update bumps. */
export type VersionedTable = {
  [T in keyof Database]: Database[T] extends { id: string; version: unknown } ? T : never
}[keyof Database]

export interface Change {
  schoolId: string | null
  entity: string
  entityId: string
  action: AuditAction
  before?: unknown
  after?: unknown
  /**
   * For updates and deletes: the version the change was computed from. The entry can only be
   * written while the row is still at that version, and because it is the first statement
   * of the batch, a concurrent edit aborts the whole write (see STALE_WRITE_MARKER).
   */
  expect?: { table: VersionedTable; version: number }
}

/** The database error a stale write raises: the guarded audit timestamp came out NULL. */
export const STALE_WRITE_MARKER = 'NOT NULL constraint failed: audit_log.at'

/** Fixed-width UTC timestamps, so that sorting the text sorts the instants. */
export function nowIso(ctx: Pick<WriteContext, 'clock'>): string {
  return isoInstant(Instant.now(ctx.clock))
}

/**
 * The audit entry of a change. With a `guard` (an SQL boolean), or an `expect`ed version, the
 * entry only gets its timestamp while the guard holds; audit_log.at is NOT NULL, so otherwise
 * the entry, and the whole batch it leads, fails (see week-guard.ts).
 */
export function auditStatement(ctx: WriteContext, change: Change, guard?: RawBuilder<unknown>): CompiledQuery {
  const at = nowIso(ctx)
  const snapshot = (v: unknown) => (v === undefined ? null : JSON.stringify(v))
  const condition =
    guard ??
    (change.expect
      ? sql`EXISTS (SELECT 1 FROM ${sql.table(change.expect.table)} WHERE id = ${change.entityId} AND version = ${change.expect.version})`
      : undefined)
  return ctx.store.db
    .insertInto('audit_log')
    .values({
      id: ctx.newId('aud'),
      school_id: change.schoolId,
      actor: ctx.actor,
      action: change.action,
      entity: change.entity,
      entity_id: change.entityId,
      before: snapshot(change.before),
      after: snapshot(change.after),
      at: condition ? sql<string>`(SELECT ${at} WHERE ${condition})` : at,
    })
    .compile()
}

/** Runs a change and its audit entry as one all-or-nothing write. */
export async function commit(ctx: WriteContext, change: Change, statements: readonly CompiledQuery[]): Promise<void> {
  await ctx.store.atomic([auditStatement(ctx, change), ...statements])
}
