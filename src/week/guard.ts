// Guards for writes that must not happen over a change someone else made in between. A write
// is a list of statements run as one SQLite transaction or one D1 batch; D1 cannot run a
// SELECT, look at the answer and then decide. So the check is itself a statement of the batch:
// the audit entry, written first, takes its timestamp from a sub-select that finds nothing
// when the data moved on. audit_log.at is NOT NULL, so the entry fails, and with it the whole
// batch, on both runtimes. The error carries STALE_WRITE_MARKER, which the app answers with 412.
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { ProblemError, type Problem } from '../platform/http/problem.js'
import { auditStatement, type Change } from '../platform/audit.js'

export type GuardedEntry = Omit<Change, 'expect'> & { schoolId: string }

/** The audit entry that only goes in while `condition` (an SQL boolean) holds. */
export function guardedAudit(ctx: WriteContext, entry: GuardedEntry, condition: RawBuilder<unknown>): CompiledQuery {
  return auditStatement(ctx, entry, condition)
}

/** The week's version (its highest rota version) is still `version`. */
export function weekStillAt(schoolId: string, week: string, version: number): RawBuilder<unknown> {
  return sql`(SELECT COALESCE(MAX(version), 0) FROM rotas WHERE school_id = ${schoolId} AND week = ${week}) = ${version}`
}

/** A rota row still has this status and version. */
export function rotaStillAt(rotaId: string, status: string, version: number): RawBuilder<unknown> {
  return sql`EXISTS (SELECT 1 FROM rotas WHERE id = ${rotaId} AND status = ${status} AND version = ${version})`
}

export function allOf(...conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return sql`(${sql.join(conditions, sql` AND `)})`
}

const BASE = 'https://duty-rota.dev/problems/'

/**
 * 428: a write that replaces what others may also be editing must say which version it read.
 * Kept here rather than in http/problem.ts's table because only the week's writes need it.
 */
export class PreconditionRequired extends ProblemError {
  override readonly problem: Problem
  constructor(detail: string) {
    super('preconditionFailed', detail)
    this.problem = { type: `${BASE}precondition-required`, title: 'Send If-Match with the version you read', status: 428, detail }
  }
}
