// The two bulk setup writes of the manager's pages: term dates and a staff CSV. Each reads the
// whole text against the school as it is (grades, codes and closure days already there), and
// writes every row, each with its own audit entry as if entered by hand, in one atomic write
// (one SQLite transaction, one D1 batch): a text with any problem writes nothing.
import type { CompiledQuery } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { auditStatement } from '../platform/audit.js'
import type { Parsed } from './paste-problems.js'
import { parseStaffCsv, type ColumnMapping, type StaffImport } from './staff-csv.js'
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

export async function importStaffCsv(ctx: WriteContext, schoolId: string, text: string, mapping?: ColumnMapping): Promise<Parsed<StaffImport>> {
  const db = ctx.store.db
  const [grades, codes] = await Promise.all([
    db.selectFrom('grades').select(['id', 'code', 'name']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('staff').select('code').where('school_id', '=', schoolId).execute(),
  ])
  const parsed = parseStaffCsv(text, { grades, existingCodes: new Set(codes.map((c) => c.code)), ...(mapping ? { mapping } : {}) })
  if (!parsed.ok) return parsed
  const gradeId = new Map(grades.map((g) => [g.code, g.id]))
  const statements: CompiledQuery[] = []
  for (const s of parsed.value.staff) {
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
  await ctx.store.atomic(statements)
  return parsed
}
