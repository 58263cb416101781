// Cover requests from a CSV file, e.g. the cover list an exams or cover officer keeps for the
// lessons of absent teachers. Columns, by header name in any order (only date and slot are
// required):
//   code      the request's code; left empty, one is made from date and slot
//   date      YYYY-MM-DD
//   slot      the slot's code, e.g. p3
//   label     what needs covering, e.g. "9X Maths, room M4"
//   staff     people needed (default 1)
//   skills    skill seats, e.g. "first-aid:1; team-teach:1"
//   priority  1 (highest) to 5 (default 3)
//   absence   the id of the absence it is for
// Every row is validated first with zod; any problem (one per bad field, named by line and
// column) rejects the whole file and nothing is written. A good file is one atomic write: each
// request with its own audit entry, as if entered by hand.
import { z } from 'zod'
import type { WriteContext } from '../platform/deps.js'
import { invalid, type FieldError } from '../platform/http/problem.js'
import { fieldErrorsOf } from '../platform/http/validate.js'
import { code as codeSchema, isoDate, oneLine } from '../platform/fields.js'
import { auditStatement } from '../platform/audit.js'
import type { CoverRequest } from './cover-requests.js'
import { parseCsv } from '../platform/csv.js'
import { mondayOf } from '../ledgers/periods.js'
import { weekRange } from '../scenario/week-dates.js'
import { coverRow, insertCover } from './week-rows.js'

export const COVER_CSV_COLUMNS = ['code', 'date', 'slot', 'label', 'staff', 'skills', 'priority', 'absence'] as const
type Column = (typeof COVER_CSV_COLUMNS)[number]

/** An empty cell is a missing value, so defaults apply and optional columns may be blank. */
const cell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema)

/** A cell that must not be empty. */
const present = z.string({ error: (issue) => (issue.input === undefined ? 'required' : 'must be text') })

const skillList = z.string().transform((text, ctx) => {
  const seats: Record<string, number> = {}
  for (const part of text
    .split(/[;|]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^([^:\s][^:]*?)\s*:\s*(\d{1,4})$/.exec(part)
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not skill:count (e.g. first-aid:1)` })
      return z.NEVER
    }
    seats[m[1] as string] = Number(m[2])
  }
  return seats
})

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

const rowSchema = z
  .object({
    code: cell(codeSchema.optional()),
    date: cell(present.pipe(isoDate)),
    slot: cell(present.max(100)),
    label: cell(oneLine(z.string().max(500)).optional()),
    staff: cell(wholeNumber(1, 1000).default(1)),
    skills: cell(skillList.default({})),
    priority: cell(wholeNumber(1, 5).default(3)),
    absence: cell(z.string().max(200).optional()),
  })
  .superRefine((row, ctx) => {
    const seats = Object.values(row.skills).reduce((a, b) => a + b, 0)
    if (seats > row.staff) ctx.addIssue({ code: 'custom', path: ['skills'], message: `asks for ${seats} skill seats but only ${row.staff} people` })
  })

type Row = z.infer<typeof rowSchema> & { line: number }

export interface CoverCsvResult {
  created: CoverRequest[]
}

/** Problems in file order: by line, then by column as the header lists them. */
function byLine(a: FieldError, b: FieldError): number {
  const lineOf = (e: FieldError) => Number(/^line (\d+)/.exec(e.path)?.[1] ?? 0)
  const columnOf = (e: FieldError) => COVER_CSV_COLUMNS.indexOf((e.path.split('.')[1] ?? '') as Column)
  return lineOf(a) - lineOf(b) || columnOf(a) - columnOf(b)
}

/** A cover or event code, as the one thing it names: the code within its week. */
const weekly = (week: string, code: string) => `${week}|${code}`

const at = (line: number, column?: string) => (column === undefined ? `line ${line}` : `line ${line}.${column}`)

/**
 * Reads the file and checks each row on its own. A broken header stops here (no row can be
 * read without it); otherwise the rows that are well formed come back with the problems of
 * the others, so the references of the good rows can still be checked and one answer names
 * every problem of the file.
 */
function readRows(text: string, week: string | undefined): { rows: Row[]; errors: FieldError[] } {
  const parsed = parseCsv(text)
  if (!parsed.ok) throw invalid([{ path: at(parsed.line), message: parsed.message, in: 'body' }])
  const [header, ...records] = parsed.lines
  if (!header) throw invalid([{ path: '', message: `the file is empty; the first line names the columns (${COVER_CSV_COLUMNS.join(', ')})`, in: 'body' }])
  const errors: FieldError[] = []
  const names = header.fields.map((h) => h.trim().toLowerCase())
  names.forEach((n, i) => {
    if (!(COVER_CSV_COLUMNS as readonly string[]).includes(n))
      errors.push({ path: at(header.line, n || `column ${i + 1}`), message: `unknown column; expected some of ${COVER_CSV_COLUMNS.join(', ')}`, in: 'body' })
    else if (names.indexOf(n) !== i) errors.push({ path: at(header.line, n), message: 'column given twice', in: 'body' })
  })
  for (const required of ['date', 'slot'] as const) {
    if (!names.includes(required)) errors.push({ path: at(header.line, required), message: 'this column is required', in: 'body' })
  }
  if (errors.length > 0) throw invalid(errors)
  if (records.length === 0) throw invalid([{ path: '', message: 'the file has a header but no cover requests', in: 'body' }])

  const dates = week === undefined ? undefined : new Set(weekRange(week).dates)
  const rows: Row[] = []
  for (const record of records) {
    if (record.fields.length !== names.length) {
      errors.push({ path: at(record.line), message: `has ${record.fields.length} fields; the header has ${names.length}`, in: 'body' })
      continue
    }
    const raw = Object.fromEntries(names.map((n, i) => [n as Column, record.fields[i]]))
    const result = rowSchema.safeParse(raw)
    if (!result.success) {
      for (const e of fieldErrorsOf(result.error.issues)) errors.push({ ...e, path: at(record.line, e.path) })
      continue
    }
    if (dates && !dates.has(result.data.date)) {
      errors.push({ path: at(record.line, 'date'), message: `${result.data.date} is not in the week starting ${week}`, in: 'body' })
      continue
    }
    rows.push({ ...result.data, line: record.line })
  }
  return { rows, errors }
}

/** `preview`: every check, and the requests it would add, but nothing written (the page's preview before Apply). */
export async function importCoverCsv(
  ctx: WriteContext,
  schoolId: string,
  text: string,
  options: { week?: string; preview?: boolean } = {},
): Promise<CoverCsvResult> {
  const { rows, errors } = readRows(text, options.week)
  const refs = await schoolRefs(ctx, schoolId, rows)
  const given = checkRefs(rows, refs, errors)
  if (errors.length > 0) throw invalid(errors.sort(byLine))
  const created = coverRequestsOf(ctx, rows, refs, given)
  if (options.preview !== true) await ctx.store.atomic(created.flatMap((c) => insertStatements(ctx, schoolId, c)))
  return { created }
}

/** What the rows may refer to, and the codes they may not take. */
interface SchoolRefs {
  /** slot code -> id */
  slotId: Map<string, string>
  absenceIds: Set<string>
  dutyCodes: Set<string>
  /** cover and event codes in the file's weeks, as `weekly` keys */
  taken: Set<string>
}

async function schoolRefs(ctx: WriteContext, schoolId: string, rows: Row[]): Promise<SchoolRefs> {
  const db = ctx.store.db
  // Duty posts, cover requests and events share one namespace of codes in scenario files:
  // duty post codes are the school's, cover and event codes only their week's.
  // A range rather than an IN list: a file may span many weeks, and D1 binds at most 100 parameters.
  const weeks = rows.map((r) => mondayOf(r.date)).sort()
  const [slots, absences, dutyCodes, taken] = await Promise.all([
    db.selectFrom('slots').select(['id', 'code']).where('school_id', '=', schoolId).execute(),
    db.selectFrom('absences').select('id').where('school_id', '=', schoolId).execute(),
    db
      .selectFrom('duty_posts')
      .select('code')
      .where('school_id', '=', schoolId)
      .execute()
      .then((posts) => new Set(posts.map((p) => p.code))),
    Promise.all(
      (['cover_requests', 'events'] as const).map((table) =>
        db
          .selectFrom(table)
          .select(['week', 'code'])
          .where('school_id', '=', schoolId)
          .where('week', '>=', weeks[0] ?? '')
          .where('week', '<=', weeks.at(-1) ?? '')
          .execute(),
      ),
    ).then((lists) => new Set(lists.flat().map((r) => weekly(r.week, r.code)))),
  ])
  return { slotId: new Map(slots.map((s) => [s.code, s.id])), absenceIds: new Set(absences.map((a) => a.id)), dutyCodes, taken }
}

/** Adds a problem for each unknown reference or code already used; returns the codes given (`weekly` key -> line). */
function checkRefs(rows: Row[], refs: SchoolRefs, errors: FieldError[]): Map<string, number> {
  const given = new Map<string, number>()
  for (const row of rows) {
    if (!refs.slotId.has(row.slot)) errors.push({ path: at(row.line, 'slot'), message: `no slot with code "${row.slot}" in this school`, in: 'body' })
    if (row.absence !== undefined && !refs.absenceIds.has(row.absence))
      errors.push({ path: at(row.line, 'absence'), message: `no absence with id ${row.absence} in this school`, in: 'body' })
    if (row.code !== undefined) {
      const key = weekly(mondayOf(row.date), row.code)
      if (refs.dutyCodes.has(row.code)) errors.push({ path: at(row.line, 'code'), message: `"${row.code}" is already used by a duty post`, in: 'body' })
      else if (refs.taken.has(key))
        errors.push({
          path: at(row.line, 'code'),
          message: `"${row.code}" is already used by a cover request or event in the week of ${mondayOf(row.date)}`,
          in: 'body',
        })
      const first = given.get(key)
      if (first !== undefined) errors.push({ path: at(row.line, 'code'), message: `"${row.code}" is also on line ${first}, in the same week`, in: 'body' })
      else given.set(key, row.line)
    }
  }
  return given
}

function coverRequestsOf(ctx: WriteContext, rows: Row[], refs: SchoolRefs, given: Map<string, number>): CoverRequest[] {
  const used = new Set([...refs.taken, ...given.keys()])
  return rows.map((row) => {
    let code = row.code
    if (code === undefined) {
      // date-slot, then date-slot-2, ...: readable in the rota and stable for the same file.
      const base = `${row.date}-${row.slot}`
      const week = mondayOf(row.date)
      code = base
      for (let n = 2; refs.dutyCodes.has(code) || used.has(weekly(week, code)); n++) code = `${base}-${n}`
      used.add(weekly(week, code))
    }
    return {
      id: ctx.newId('cov'),
      code,
      date: row.date,
      slot: row.slot,
      slotId: refs.slotId.get(row.slot) ?? '',
      label: row.label ?? null,
      peopleNeeded: row.staff,
      skillSeats: row.skills,
      priority: row.priority,
      absenceId: row.absence ?? null,
      version: 1,
    }
  })
}

/** A request's row and its audit entry, as if entered by hand. */
function insertStatements(ctx: WriteContext, schoolId: string, c: CoverRequest) {
  return [
    auditStatement(ctx, { schoolId, entity: 'cover_request', entityId: c.id, action: 'create', after: { ...c, source: 'csv' } }),
    ...insertCover(ctx.store.db, [coverRow(schoolId, c.id, c)]),
  ]
}
