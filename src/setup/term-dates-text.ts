// Term dates as a manager pastes them from the school website or the local authority's list,
// one per line:
//
//   Autumn term 2026-09-03 2026-12-18
//   Half term: Monday 26 October 2026 to Friday 30 October 2026
//   INSET 02/09/2026
//   Bank holiday 2026-05-04
//   Closed (polling station) 2027-05-06
//
// A line is a name and one or two dates (ISO, UK day/month/year, or "3 September 2026" with an
// optional weekday). The name says what the line is: "half term", "INSET" (or "training day"),
// "bank holiday", "closed"/"closure", otherwise anything with "term" in it is a term. Blank lines
// and lines starting with # are skipped. The whole text is checked before anything is kept, and
// every bad line is named.
import { LocalDate } from '@js-joda/core'
import { z } from 'zod'
import { isoDate, oneLine } from '../platform/fields.js'
import type { CalendarPeriodInput, ClosureInput } from './calendar.js'
import { checkText, type LineProblem, type Parsed } from './paste-problems.js'

export interface TermDates {
  periods: (CalendarPeriodInput & { line: number })[]
  closures: (ClosureInput & { line: number })[]
}

export interface TermDateOptions {
  /** closure days the school already has (date -> name): a second one on a date is refused */
  existingClosures?: ReadonlyMap<string, string>
}

type LineKind = { period: CalendarPeriodInput['kind'] } | { closure: ClosureInput['kind'] }

/** What a line is, from its name; the first rule that matches wins ("INSET half term" is odd but a half term). */
const KINDS: readonly [RegExp, LineKind][] = [
  [/\bhalf[\s-]*term\b/i, { period: 'half_term' }],
  [/\binset\b|\btraining day\b|\bstaff day\b/i, { closure: 'inset' }],
  [/\bbank holiday\b/i, { closure: 'bank_holiday' }],
  [/\bclosed\b|\bclosure\b/i, { closure: 'other' }],
  [/\bterm\b/i, { period: 'term' }],
]

const DEFAULT_NAMES: Record<ClosureInput['kind'], string> = { inset: 'INSET day', bank_holiday: 'Bank holiday', other: 'School closed' }

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// One of: 2026-09-03 | 03/09/2026 | [Thursday[,]] 3[rd] September[,] 2026
const DATE = new RegExp(
  [
    String.raw`\b(\d{4})-(\d{1,2})-(\d{1,2})\b`,
    String.raw`\b(\d{1,2})/(\d{1,2})/(\d{4})\b`,
    String.raw`\b(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]{3,9})\.?,?\s+(\d{4})\b`,
  ].join('|'),
  'gi',
)

/** Between two dates only a joining word may stand; after the last, nothing. */
const JOIN = /^\s*(?:,|-|–|—|to|until|till|and)?\s*$/i

const pad = (n: string) => n.padStart(2, '0')

/** The ISO text of a date match, or a message when it is not a date at all. */
function isoOf(m: RegExpExecArray): string | { message: string } {
  if (m[1] !== undefined) return `${m[1]}-${pad(m[2] as string)}-${pad(m[3] as string)}`
  if (m[4] !== undefined) return `${m[6]}-${pad(m[5] as string)}-${pad(m[4])}`
  const word = (m[8] as string).toLowerCase()
  const month = MONTHS.indexOf(word.slice(0, 3)) + 1
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'][month - 1]
  if (month === 0 || !(full?.startsWith(word) || (word === 'sept' && month === 9))) return { message: `"${m[8]}" is not a month` }
  return `${m[9]}-${pad(String(month))}-${pad(m[7] as string)}`
}

const entrySchema = z
  .object({
    name: oneLine(z.string().trim().min(1, 'give the line a name, e.g. "Autumn term" or "INSET"').max(200, 'is over 200 characters')),
    'start date': isoDate,
    'end date': isoDate,
  })
  .superRefine((e, ctx) => {
    if (isoDate.safeParse(e['start date']).success && isoDate.safeParse(e['end date']).success && e['end date'] < e['start date']) {
      ctx.addIssue({ code: 'custom', path: ['end date'], message: `is before the start date (${e['start date']})` })
    }
  })

/** Most school days one closure line may stand for; longer ones are holidays, between terms. */
const MAX_CLOSURE_DAYS = 31

interface LineRead {
  line: number
  kind: LineKind
  name: string
  start: string
  end: string
}

function readLine(raw: string, line: number, problems: LineProblem[]): LineRead | undefined {
  const matches = [...raw.matchAll(DATE)]
  if (matches.length === 0) {
    problems.push({ line, message: 'has no date; write e.g. "Autumn term 2026-09-03 2026-12-18" or "INSET 02/09/2026"' })
    return undefined
  }
  if (matches.length > 2) {
    problems.push({ line, message: `has ${matches.length} dates; a line is one day or one range (two dates)` })
    return undefined
  }
  const first = matches[0] as RegExpExecArray
  const last = matches[matches.length - 1] as RegExpExecArray
  const between = matches.length === 2 ? raw.slice(first.index + first[0].length, last.index) : ''
  const after = raw.slice(last.index + last[0].length)
  if (!JOIN.test(between)) {
    problems.push({ line, message: `"${between.trim()}" between the dates is not understood; write "to" or nothing` })
    return undefined
  }
  if (after.trim().replace(/^[.;,]+$/, '') !== '') {
    problems.push({ line, message: `"${after.trim()}" after the dates is not understood; put the name first` })
    return undefined
  }
  const name = raw
    .slice(0, first.index)
    .replace(/[\s:,;\-–—]+$/, '')
    .trim()
  const kind = KINDS.find(([re]) => re.test(name))?.[1]
  if (!kind) {
    problems.push({
      line,
      column: 'name',
      message: `say what "${name || 'this'}" is: a term ("Autumn term"), "Half term", "INSET", "Bank holiday" or "Closed"`,
    })
    return undefined
  }
  const dates = matches.map(isoOf)
  let bad = false
  // A one-day line has one date, so its problems are about "date", not a start and an end.
  const column = (path: string) => (matches.length === 1 ? 'date' : path)
  dates.forEach((d, i) => {
    if (typeof d !== 'string') {
      problems.push({ line, column: column(i === 0 ? 'start date' : 'end date'), message: d.message })
      bad = true
    }
  })
  if (bad) return undefined
  const start = dates[0] as string
  const end = dates[dates.length - 1] as string
  const checked = entrySchema.safeParse({ name: name || ('closure' in kind ? DEFAULT_NAMES[kind.closure] : ''), 'start date': start, 'end date': end })
  if (!checked.success) {
    const seen = new Set<string>()
    for (const issue of checked.error.issues) {
      const at = column(String(issue.path[0] ?? ''))
      if (!seen.has(`${at}|${issue.message}`)) problems.push({ line, column: at, message: issue.message })
      seen.add(`${at}|${issue.message}`)
    }
    return undefined
  }
  return { line, kind, name: checked.data.name, start, end }
}

/** Weekdays from start to end: a closure on a weekend changes nothing. */
function schoolDays(start: string, end: string): string[] {
  const out: string[] = []
  for (let d = LocalDate.parse(start); !d.isAfter(LocalDate.parse(end)); d = d.plusDays(1)) if (d.dayOfWeek().value() <= 5) out.push(d.toString())
  return out
}

const overlaps = (a: { startDate: string; endDate: string }, b: { startDate: string; endDate: string }) => a.startDate <= b.endDate && b.startDate <= a.endDate

export function parseTermDates(text: string, options: TermDateOptions = {}): Parsed<TermDates> {
  const checked = checkText(text)
  if (!checked.ok) return checked
  const problems: LineProblem[] = []
  const out: TermDates = { periods: [], closures: [] }
  const closureLine = new Map<string, number>()
  checked.value.split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = i + 1
    if (raw.trim() === '' || raw.trim().startsWith('#')) return
    const read = readLine(raw, line, problems)
    if (!read) return
    if ('period' in read.kind) {
      const period = { kind: read.kind.period, name: read.name, startDate: read.start, endDate: read.end, line }
      const clash = out.periods.find((p) => p.kind === period.kind && overlaps(p, period))
      if (clash) problems.push({ line, message: `overlaps "${clash.name}" on line ${clash.line}` })
      else out.periods.push(period)
      return
    }
    const days = schoolDays(read.start, read.end)
    if (days.length > MAX_CLOSURE_DAYS) {
      problems.push({ line, message: `closes more than ${MAX_CLOSURE_DAYS} school days; holidays need no line (the gap between terms is the holiday)` })
      return
    }
    if (days.length === 0) {
      problems.push({ line, message: 'falls on a weekend only; there is nothing to close' })
      return
    }
    for (const date of days) {
      const earlier = closureLine.get(date)
      const existing = options.existingClosures?.get(date)
      if (earlier !== undefined) problems.push({ line, message: `${date} is already a closure day on line ${earlier}` })
      else if (existing !== undefined) problems.push({ line, message: `${date} is already a closure day (${existing})` })
      else {
        closureLine.set(date, line)
        out.closures.push({ date, kind: read.kind.closure, name: read.name, line })
      }
    }
  })
  if (problems.length > 0) return { ok: false, problems }
  if (out.periods.length === 0 && out.closures.length === 0) return { ok: false, problems: [{ line: 0, message: 'has only blank or # lines' }] }
  return { ok: true, value: out }
}
