// POST /api/schools/:id/import: a scenario file creates or updates the school's setup and the
// file's week, all or nothing. Every statement is built first and run as one Store.atomic()
// call (one SQLite transaction, one D1 batch) together with one audit entry; a file that is
// invalid, or that clashes with data it cannot see, writes nothing. What "update" means for
// rows the file does not list is written down in import-plan.ts.
import type { Clock } from '@js-joda/core'
import type { Store } from '../../db/store.js'
import { parseScenario, type Scenario } from '../../solver/scenario.js'
import { invalid, notFound, ProblemError } from '../platform/http/problem.js'
import { auditStatement, nowIso } from '../platform/audit.js'
import { conflictsOf, fieldProblems } from './import-guard.js'
import { planImport, type ImportCounts } from './import-plan.js'
import { loadWeek } from './load.js'

export interface ImportContext {
  actor: string
  clock: Clock
  newId: (prefix: string) => string
}

export interface ImportSummary extends ImportCounts {
  schoolId: string
  week: string
  /** False when the database already said everything the file says (only the audit entry was written). */
  changed: boolean
  /** Statements in the atomic write, the audit entry included. */
  statements: number
}

/** Validates an untyped body (one error per bad path) and imports it. */
export async function importScenarioInput(store: Store, schoolId: string, input: unknown, ctx: ImportContext): Promise<ImportSummary> {
  return importScenario(store, schoolId, validFile(input), ctx)
}

export async function importScenario(store: Store, schoolId: string, scenario: Scenario, ctx: ImportContext): Promise<ImportSummary> {
  // A typed value can still break the format's cross-field rules; check again, it is cheap.
  const sc = validFile(scenario)

  const state = await loadWeek(store, schoolId, sc.week)
  if (!state) throw notFound(`no school with id ${schoolId}`)
  const conflicts = await conflictsOf(store, state, sc)
  if (conflicts.length > 0) {
    throw new ProblemError('conflict', conflicts.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; '), conflicts)
  }

  const now = nowIso(ctx)
  const plan = planImport({ db: store.db, state, scenario: sc, newId: ctx.newId, now })
  const summary: ImportSummary = {
    schoolId,
    week: sc.week,
    changed: plan.statements.length > 0,
    statements: plan.statements.length + 1,
    ...plan.counts,
  }
  // The audit entry goes first and is guarded by the school's version as read: if another
  // import changed the school in between, the whole batch fails instead of mixing the two.
  const audit = auditStatement(
    { ...ctx, store },
    {
      schoolId,
      entity: 'school',
      entityId: schoolId,
      action: 'update',
      after: { import: summary },
      expect: { table: 'schools', version: state.school.version },
    },
  )
  await store.atomic([audit, ...plan.statements])
  return summary
}

/** The file as a scenario, or a 400 naming every bad path: the format's and the data model's. */
function validFile(input: unknown): Scenario {
  const parsed = parseScenario(input)
  const problems = [...(parsed.ok ? [] : parsed.problems.map((p) => ({ ...p, in: 'body' as const }))), ...fieldProblems(input)]
  if (!parsed.ok || problems.length > 0) throw invalid(problems)
  return parsed.value
}
