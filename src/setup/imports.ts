// The two bulk setup writes of the manager's pages: term dates and a staff CSV. Each reads the
// whole text against the school as it is (grades, codes and closure days already there), and
// writes every row, each with its own audit entry as if entered by hand, in one atomic write
// (one SQLite transaction, one D1 batch): a text with any problem writes nothing. A staff file
// may also update people it names (staff-import-plan.ts), after a preview.
import type { CompiledQuery } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement, STALE_WRITE_MARKER } from '../platform/audit.js'
import type { LineProblem, Parsed } from './paste-problems.js'
import { FIELD_LABELS, neededColumns, parseStaffCsv, type ColumnMapping, type StaffImport, type StaffRow } from './staff-csv.js'
import { planDigest, planStaffImport, type StaffImportPlan } from './staff-import-plan.js'
import { staffByCode, updateStatements } from './staff.js'
import { parseTermDates, type TermDates } from './term-dates-text.js'
import { closureRow, insertClosures, insertPeriods, periodRow } from './calendar.js'
import { insertSkills, insertStaff, skillRow, staffRow } from './staff-rows.js'

export async function importTermDates(ctx: WriteContext, schoolId: string, text: string): Promise<Parsed<TermDates>> {
  const db = ctx.store.db
  const existing = await db.selectFrom('closures').select(['date', 'name']).where('school_id', '=', schoolId).execute()
  const parsed = parseTermDates(text, { existingClosures: new Map(existing.map((c) => [c.date, c.name])) })
  if (!parsed.ok) return parsed
  const statements: CompiledQuery[] = []
  for (const p of parsed.value.periods) {
    const id = ctx.newId('cal')
    const row = { kind: p.kind, name: p.name, startDate: p.startDate, endDate: p.endDate }
    statements.push(
      auditStatement(ctx, { schoolId, entity: 'calendar_period', entityId: id, action: 'create', after: { id, ...row, version: 1, source: 'paste' } }),
      ...insertPeriods(db, [periodRow(schoolId, id, p)]),
    )
  }
  for (const c of parsed.value.closures) {
    const id = ctx.newId('cls')
    statements.push(
      auditStatement(ctx, {
        schoolId,
        entity: 'closure',
        entityId: id,
        action: 'create',
        after: { id, date: c.date, kind: c.kind, name: c.name, version: 1, source: 'paste' },
      }),
      ...insertClosures(db, [closureRow(schoolId, id, c)]),
    )
  }
  await ctx.store.atomic(statements)
  return parsed
}

/** A staff file's outcome: written, or shown first because it changes people already there. */
export type StaffImportOutcome =
  | { ok: false; problems: LineProblem[] }
  | { ok: true; applied: boolean; plan: StaffImportPlan; digest: string; read: StaffImport; stale: boolean }

/**
 * New people are added, known codes updated, nobody deleted. A file that names anyone already
 * there is only previewed; it is written when `confirm` brings the digest of that preview and
 * nothing has changed since (otherwise it is previewed again, `stale`). A file of only new
 * people is written at once: it changes nobody, and every row has been checked.
 */
export async function importStaffCsv(
  ctx: WriteContext,
  schoolId: string,
  text: string,
  mapping?: ColumnMapping,
  confirm?: string,
): Promise<StaffImportOutcome> {
  const db = ctx.store.db
  const grades = await db.selectFrom('grades').select(['id', 'code', 'name']).where('school_id', '=', schoolId).execute()
  const parsed = parseStaffCsv(text, { grades, ...(mapping ? { mapping } : {}) })
  if (!parsed.ok) return parsed
  const read = parsed.value
  const existing = await staffByCode(
    ctx.store,
    schoolId,
    read.staff.map((s) => s.code),
  )
  const plan = planStaffImport(read.staff, existing, read.mapping, read.absent)
  if (read.absent.length > 0 && plan.adds.length > 0) return { ok: false, problems: plan.adds.map((row) => newWithoutColumns(row, read)) }
  const digest = await planDigest(text, read.mapping, plan)
  const outcome = { ok: true as const, plan, digest, read }
  if (confirm === undefined ? existing.size > 0 : confirm !== digest) return { ...outcome, applied: false, stale: confirm !== undefined }
  const statements = [...addStatements(ctx, schoolId, plan.adds, grades)]
  for (const u of plan.updates) statements.push(...(await updateStatements(ctx, schoolId, u.member, u.input)))
  try {
    await ctx.store.atomic(statements)
  } catch (err) {
    // Someone edited one of these people after they were read above: show the file again.
    if (err instanceof Error && err.message.includes(STALE_WRITE_MARKER)) return importStaffCsv(ctx, schoolId, text, mapping, '')
    throw err
  }
  return { ...outcome, applied: true, stale: false }
}

/** A new code in an update-only file: which row, and which columns adding that person would take. */
function newWithoutColumns(row: StaffRow, read: StaffImport): LineProblem {
  const missing = neededColumns(read.absent)
  return {
    line: row.line,
    column: read.mapping.code ?? FIELD_LABELS.code,
    message: `"${row.code}" is not in Duty Rota yet, and adding someone takes the ${missing} ${read.absent.length === 1 ? 'column' : 'columns'} this file does not have; add ${read.absent.length === 1 ? 'it' : 'them'}, or correct the code`,
  }
}

function addStatements(ctx: WriteContext, schoolId: string, rows: readonly StaffRow[], grades: readonly { id: string; code: string }[]): CompiledQuery[] {
  const db = ctx.store.db
  const gradeId = new Map(grades.map((g) => [g.code, g.id]))
  const statements: CompiledQuery[] = []
  for (const s of rows) {
    const id = ctx.newId('stf')
    const grade = gradeId.get(s.grade)
    // The parser only lets through grades of this school; a miss here is a wiring bug.
    if (grade === undefined) throw new Error(`grade ${s.grade} vanished between reading and writing`)
    const { line: _line, ...input } = s
    statements.push(
      auditStatement(ctx, { schoolId, entity: 'staff', entityId: id, action: 'create', after: { id, ...input, source: 'csv' } }),
      ...insertStaff(db, [staffRow(schoolId, id, { ...s, gradeId: grade, avoid: [], prefer: [] })]),
      ...insertSkills(
        db,
        s.skills.map((k) => skillRow(id, k)),
      ),
    )
  }
  return statements
}
