// Staff from a CSV file, typically an export from the school's management information system.
// The first line names the columns. Which column holds what is guessed from the header (the
// names SIMS, Arbor and spreadsheets use) and can be set by hand; columns nobody asked for are
// ignored, since an export carries far more than a rota needs.
//
// Every row is checked before anything is kept: one problem per bad cell, named by line and
// column header, and a file with any problem yields no staff at all.
import { z } from 'zod'
import { WEEKDAYS, type Weekday } from '../../solver/scenario.js'
import { fieldErrorsOf } from '../platform/http/validate.js'
import { code as codeSchema, oneLine } from '../platform/fields.js'
import { parseCsv, type CsvLine } from '../platform/csv.js'
import type { StaffInput, WorkingHours } from './staff.js'
import { decimalHours, hoursOfDay, hoursPerWeek, pattern, skills, weekdayOf, wholeNumber } from './staff-csv-cells.js'
import { checkText, type LineProblem, type Parsed } from './paste-problems.js'

/** What a column can hold. Either name or forename + surname; either pattern or day columns. */
export const STAFF_FIELDS = ['code', 'name', 'forename', 'surname', 'grade', 'hours', 'pattern', 'skills', 'email', 'break', 'additional', 'maxDuties'] as const
export type StaffField = (typeof STAFF_FIELDS)[number]

/** How the pages name each field. */
export const FIELD_LABELS: Record<StaffField, string> = {
  code: 'Staff code',
  name: 'Name',
  forename: 'First name',
  surname: 'Last name',
  grade: 'Grade',
  hours: 'Hours per week',
  pattern: 'Working pattern',
  skills: 'Skills',
  email: 'Email',
  break: 'Unpaid break (minutes)',
  additional: 'Additional hours',
  maxDuties: 'Most duties a week',
}

const SYNONYMS: Record<StaffField, readonly string[]> = {
  code: ['code', 'staff code', 'staff id', 'id', 'employee number', 'employee no', 'payroll number', 'payroll no', 'initials', 'reference'],
  name: ['name', 'full name', 'staff name', 'display name', 'preferred name'],
  forename: ['forename', 'first name', 'preferred forename', 'preferred first name', 'given name'],
  surname: ['surname', 'last name', 'legal surname', 'preferred surname', 'family name'],
  grade: ['grade', 'pay grade', 'post grade', 'contract grade', 'role grade', 'scale'],
  hours: ['hours', 'hours per week', 'weekly hours', 'contracted hours', 'contract hours', 'hours a week'],
  pattern: ['pattern', 'working pattern', 'work pattern', 'working hours', 'working days'],
  skills: ['skills', 'qualifications', 'certificates', 'training'],
  email: ['email', 'email address', 'work email', 'e mail'],
  break: ['unpaid break', 'unpaid break minutes', 'break minutes', 'lunch break', 'unpaid lunch'],
  additional: ['additional hours', 'additional hours allowance', 'extra hours', 'additional time'],
  maxDuties: ['max duties', 'max duties per week', 'maximum duties', 'most duties a week', 'duty limit'],
}

/** Header text -> the field it holds; undefined entries are fields the file lacks. */
export type ColumnMapping = Partial<Record<StaffField, string>>

const normal = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()

/** The column a header names for each field, from the usual names. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const out: ColumnMapping = {}
  for (const field of STAFF_FIELDS) {
    const header = headers.find((h) => SYNONYMS[field].includes(normal(h)))
    if (header !== undefined) out[field] = header
  }
  return out
}

/** Columns headed Mon, Tuesday...: one day's hours each, instead of a pattern column. */
function dayColumns(headers: readonly string[]): Map<Weekday, number> {
  const out = new Map<Weekday, number>()
  headers.forEach((h, i) => {
    const day = /^[a-z]+$/i.test(h.trim()) ? weekdayOf(h) : undefined
    if (day && !out.has(day)) out.set(day, i)
  })
  return out
}

export interface GradeChoice {
  code: string
  name: string
}

export interface StaffCsvOptions {
  /** the school's grades: a cell may give a grade's code or its name */
  grades?: readonly GradeChoice[]
  /** set by hand on the import page; fields left out are guessed */
  mapping?: ColumnMapping
}

export interface StaffRow extends StaffInput {
  /** the line of the file the row starts on */
  line: number
}

/** What a new person needs that a file may leave out when it only updates people already there. */
export type NeededField = 'name' | 'grade' | 'hoursPerWeek' | 'pattern'
export const NEEDED_LABELS: Record<NeededField, string> = { name: 'Name', grade: 'Grade', hoursPerWeek: 'Hours per week', pattern: 'Working pattern' }

export interface StaffImport {
  /**
   * The rows; a field in `absent` is not read (the file has no column for it) and is left empty,
   * for the import to keep each known person's own value and to refuse anyone new.
   */
  staff: StaffRow[]
  /** the fields a new person needs that no column gives: an update-only file such as "code,hours" */
  absent: NeededField[]
  mapping: ColumnMapping
  /** headers of columns read as Mon, Tue...: the pattern came from them */
  days: string[]
  /** headers of the columns that were not read */
  ignored: string[]
}

/** An empty cell is a missing value, so defaults apply and optional columns may be blank. */
const cell = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema)
const required = z.string({ error: (issue) => (issue.input === undefined ? 'is empty' : 'must be text') })

const rowSchema = z.object({
  code: cell(required.pipe(codeSchema)),
  name: cell(required.pipe(oneLine(z.string().max(200, 'is over 200 characters')))),
  grade: cell(required.max(200)),
  hours: cell(required.pipe(hoursPerWeek)),
  pattern: cell(required.pipe(pattern)),
  skills: cell(skills.default([])),
  email: cell(z.email('is not an email address').max(320).nullable().default(null)),
  break: cell(wholeNumber(0, 600).default(0)),
  additional: cell(decimalHours(10000).default(0)),
  maxDuties: cell(wholeNumber(0, 1000).nullable().default(null)),
})

type RowCells = z.infer<typeof rowSchema>

const MAX_ROWS = 2000

function headerProblems(headers: readonly string[], mapping: ColumnMapping, days: Map<Weekday, number>, line: number): LineProblem[] {
  const problems: LineProblem[] = []
  const seen = new Map<string, number>()
  headers.forEach((h, i) => {
    const key = h.trim().toLowerCase()
    if (key !== '' && seen.has(key))
      problems.push({ line, column: h, message: `is the header of columns ${(seen.get(key) as number) + 1} and ${i + 1}; headers must differ` })
    seen.set(key, i)
  })
  for (const [field, header] of Object.entries(mapping)) {
    if (header !== undefined && !headers.includes(header))
      problems.push({ line, column: FIELD_LABELS[field as StaffField], message: `no column is headed "${header}"` })
  }
  // Only the code is always needed: a file of codes and the columns to change updates those
  // people; the columns a new person needs are asked for by the rows that would add one.
  if (mapping.code === undefined)
    problems.push({ line, column: FIELD_LABELS.code, message: `no column found; head one "${FIELD_LABELS.code}" or choose it by hand` })
  else if (Object.keys(mapping).length === 1 && days.size === 0)
    problems.push({ line, column: FIELD_LABELS.code, message: 'is the only column found; add the columns to change, e.g. "code,hours"' })
  return problems
}

/** The fields a new person needs that none of the file's columns gives. */
function absentFields(mapping: ColumnMapping, days: ReadonlyMap<Weekday, number>): NeededField[] {
  const out: NeededField[] = []
  if (mapping.name === undefined && (mapping.forename === undefined || mapping.surname === undefined)) out.push('name')
  if (mapping.grade === undefined) out.push('grade')
  if (mapping.hours === undefined) out.push('hoursPerWeek')
  if (mapping.pattern === undefined && days.size === 0) out.push('pattern')
  return out
}

/** How the columns a new person needs are named to the manager: "Name, Grade and Hours per week". */
export function neededColumns(absent: readonly NeededField[]): string {
  const names = absent.map((f) => NEEDED_LABELS[f])
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

/** The file's header as read: which column holds what. */
interface Sheet {
  headers: string[]
  mapping: ColumnMapping
  /** the day columns, where the working pattern comes one column per day */
  days: Map<Weekday, number>
  /** the column of a field, -1 where none holds it */
  index: (field: StaffField) => number
  /** how a problem names the column of a field */
  labelOf: (key: string) => string
  absent: NeededField[]
  /** the row schema, with the absent fields not read */
  schema: z.ZodType<{ [K in keyof RowCells]?: RowCells[K] | undefined }>
}

/** What each row is checked against, and what earlier rows have taken. */
interface RowChecks {
  options: StaffCsvOptions
  gradeOf: (text: string) => string | { message: string }
  /** code -> the first line that gives it */
  firstLine: Map<string, number>
}

export function parseStaffCsv(text: string, options: StaffCsvOptions = {}): Parsed<StaffImport> {
  const read = readSheet(text, options)
  if (!read.ok) return read
  const { sheet, records } = read.value
  const checks: RowChecks = { options, gradeOf: gradeResolver(options.grades), firstLine: new Map() }
  const problems: LineProblem[] = []
  const staff: StaffRow[] = []
  for (const record of records) {
    if (record.fields.every((f) => f.trim() === '')) continue
    const row = readStaffRow(record, sheet, checks)
    if (row.ok) staff.push(row.value)
    else problems.push(...row.problems)
  }
  if (problems.length > 0) return { ok: false, problems }
  const { headers, mapping, days } = sheet
  const used = new Set<string>([...Object.values(mapping).filter((h): h is string => h !== undefined), ...[...days.values()].map((i) => headers[i] as string)])
  return {
    ok: true,
    value: {
      staff,
      mapping,
      days: [...days.values()].map((i) => headers[i] as string),
      ignored: headers.filter((h) => h !== '' && !used.has(h)),
      absent: sheet.absent,
    },
  }
}

/** The header and the rows under it; a header that cannot be used stops the file here. */
function readSheet(text: string, options: StaffCsvOptions): Parsed<{ sheet: Sheet; records: CsvLine[] }> {
  const checked = checkText(text)
  if (!checked.ok) return checked
  const parsed = parseCsv(checked.value)
  if (!parsed.ok) return { ok: false, problems: [{ line: parsed.line, message: parsed.message }] }
  const [header, ...records] = parsed.lines
  if (!header) return { ok: false, problems: [{ line: 0, message: 'is empty' }] }
  const headers = header.fields.map((h) => h.trim())
  const mapping: ColumnMapping = {
    ...guessMapping(headers),
    ...Object.fromEntries(Object.entries(options.mapping ?? {}).filter(([, v]) => v !== undefined && v !== '')),
  }
  // A whole name column wins over the parts; a pattern column wins over day columns.
  if (mapping.name !== undefined) {
    delete mapping.forename
    delete mapping.surname
  }
  const days = mapping.pattern === undefined ? dayColumns(headers) : new Map<Weekday, number>()
  const problems = headerProblems(headers, mapping, days, header.line)
  if (problems.length > 0) return { ok: false, problems }
  if (records.length === 0) return { ok: false, problems: [{ line: 0, message: 'has a header line but no staff' }] }
  if (records.length > MAX_ROWS) return { ok: false, problems: [{ line: 0, message: `has ${records.length} rows; at most ${MAX_ROWS} at once` }] }
  const index = (field: StaffField) => (mapping[field] === undefined ? -1 : headers.indexOf(mapping[field] as string))
  const labelOf = (key: string): string =>
    key === 'pattern' && days.size > 0 ? 'working days' : (mapping[key as StaffField] ?? FIELD_LABELS[key as StaffField] ?? key)
  const absent = absentFields(mapping, days)
  const fieldOf = { name: 'name', grade: 'grade', hoursPerWeek: 'hours', pattern: 'pattern' } as const
  const schema = rowSchema.partial(Object.fromEntries(absent.map((f) => [fieldOf[f], true])) as Partial<Record<keyof RowCells, true>>)
  return { ok: true, value: { sheet: { headers, mapping, days, index, labelOf, absent, schema }, records } }
}

/** One row as a staff member, or every problem of the row in the order of its columns. */
function readStaffRow(record: CsvLine, sheet: Sheet, checks: RowChecks): Parsed<StaffRow> {
  const { headers, mapping, days, index, labelOf, absent, schema } = sheet
  const line = record.line
  if (record.fields.length !== headers.length) {
    return { ok: false, problems: [{ line, message: `has ${record.fields.length} cells; the header has ${headers.length}` }] }
  }
  const at = (field: StaffField) => (index(field) < 0 ? undefined : record.fields[index(field)])
  const dayProblems: LineProblem[] = []
  const raw = {
    code: at('code'),
    name: absent.includes('name')
      ? undefined
      : mapping.name !== undefined
        ? at('name')
        : [at('forename'), at('surname')]
            .map((p) => p?.trim() ?? '')
            .filter((p) => p !== '')
            .join(' '),
    grade: at('grade'),
    hours: at('hours'),
    // Day columns are read below; the pattern cell is then a stand-in that always parses.
    pattern: mapping.pattern !== undefined ? at('pattern') : days.size > 0 ? 'Mon 00:00-00:01' : undefined,
    skills: at('skills'),
    email: at('email'),
    break: at('break'),
    additional: at('additional'),
    maxDuties: at('maxDuties'),
  }
  const result = schema.safeParse(raw)
  let fromDays: Partial<Record<Weekday, WorkingHours>> = {}
  if (days.size > 0) fromDays = readDays(record.fields, headers, days, line, dayProblems)
  const rowProblems: LineProblem[] = result.success
    ? []
    : fieldErrorsOf(result.error.issues).map((e) => ({ line, column: labelOf(e.path.split(/[.[]/)[0] ?? ''), message: e.message }))
  rowProblems.push(...dayProblems)
  // Codes and grades are checked on the raw cells too, so a row with other mistakes still
  // hears about these, and a duplicate of a bad row is still a duplicate.
  const codeText = raw.code?.trim() ?? ''
  const first = checks.firstLine.get(codeText)
  if (codeText !== '' && first !== undefined) rowProblems.push({ line, column: labelOf('code'), message: `"${codeText}" is also on line ${first}` })
  else if (codeText !== '') checks.firstLine.set(codeText, line)
  const grade = raw.grade === undefined || raw.grade.trim() === '' ? undefined : checks.gradeOf(raw.grade)
  if (grade !== undefined && typeof grade !== 'string') rowProblems.push({ line, column: labelOf('grade'), message: grade.message })
  const gradeRead = typeof grade === 'string' || (grade === undefined && absent.includes('grade'))
  if (!result.success || rowProblems.length > 0 || !gradeRead) return { ok: false, problems: sortByColumn(rowProblems, headers) }
  const row = result.data
  return {
    ok: true,
    value: {
      line,
      code: row.code ?? '',
      // Empty where the file has no column (StaffImport.absent): never written as such.
      name: row.name ?? '',
      grade: typeof grade === 'string' ? grade : '',
      hoursPerWeek: row.hours ?? 0,
      pattern: days.size > 0 ? fromDays : (row.pattern ?? {}),
      unpaidBreakMinutes: row.break ?? 0,
      additionalHoursAllowance: row.additional ?? 0,
      maxDutiesPerWeek: row.maxDuties ?? null,
      skills: row.skills ?? [],
      commitments: [],
      avoid: [],
      prefer: [],
      email: row.email ?? null,
    },
  }
}

/** A row's problems in the order of its columns, so the list reads like the row. */
function sortByColumn(problems: LineProblem[], headers: readonly string[]): LineProblem[] {
  const order = (p: LineProblem) => {
    const i = headers.indexOf(p.column ?? '')
    return i < 0 ? headers.length : i
  }
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => order(a.p) - order(b.p) || a.i - b.i)
    .map(({ p }) => p)
}

/** Day columns: "08:00-15:50" is a working day; empty, "-" or "off" is not. */
function readDays(
  fields: readonly string[],
  headers: readonly string[],
  days: Map<Weekday, number>,
  line: number,
  problems: LineProblem[],
): Partial<Record<Weekday, WorkingHours>> {
  const out: Partial<Record<Weekday, WorkingHours>> = {}
  for (const day of WEEKDAYS) {
    const i = days.get(day)
    if (i === undefined) continue
    const text = (fields[i] ?? '').trim()
    if (text === '' || /^(?:-|–|off|no|n\/a|none)$/i.test(text)) continue
    const hours = hoursOfDay.safeParse(text)
    if (hours.success) out[day] = hours.data
    else problems.push({ line, column: headers[i] as string, message: hours.error.issues[0]?.message ?? 'is not start-end' })
  }
  if (problems.length === 0 && Object.keys(out).length === 0)
    problems.push({ line, column: 'working days', message: 'works no day; give hours such as 08:00-15:50 under at least one day' })
  return out
}

/** A grade cell -> the grade's code: its code or its name, either in any case. */
function gradeResolver(grades: readonly GradeChoice[] | undefined): (text: string) => string | { message: string } {
  if (grades === undefined) return (text) => text
  return (text) => {
    const t = text.trim().toLowerCase()
    const found = grades.find((g) => g.code.toLowerCase() === t) ?? grades.find((g) => g.name.trim().toLowerCase() === t)
    if (found) return found.code
    if (grades.length === 0) return { message: `"${text}" is not a grade of this school, which has none yet; add grades first` }
    return { message: `"${text}" is not a grade of this school (${grades.map((g) => g.code).join(', ')}); add it under Grades or correct the cell` }
  }
}
