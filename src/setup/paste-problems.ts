// What a paste or an upload gets wrong, named so the manager can find it: the line of the text
// (or file) and, where one cell is at fault, its column. The pages list these next to the text
// they typed, which is shown again unchanged.
import type { FieldError } from '../platform/http/problem.js'

export interface LineProblem {
  /** 1-based line in the pasted text or file; 0 for the text as a whole */
  line: number
  /** the column (a header of the file, or a part of the line such as "start date") */
  column?: string
  message: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: LineProblem[] }

/** As the API's problem entries, "line 4.hours", so a route can answer them as a 400. */
export function asFieldErrors(problems: readonly LineProblem[]): FieldError[] {
  return problems.map((p) => ({
    path: p.line === 0 ? '' : p.column === undefined ? `line ${p.line}` : `line ${p.line}.${p.column}`,
    message: p.message,
    in: 'body',
  }))
}

/** "Line 4, hours: must be more than 0": one sentence a page can list. */
export function describeProblem(p: LineProblem): string {
  const where = p.line === 0 ? '' : p.column === undefined ? `Line ${p.line}: ` : `Line ${p.line}, ${p.column}: `
  return `${where}${p.message}`
}

/** Largest upload or paste the setup pages read: a whole-school staff export is a few dozen KB. */
export const MAX_TEXT_BYTES = 512 * 1024

/** Text as typed or uploaded: a byte-order mark dropped, and a plain refusal when it is too big. */
export function checkText(text: string): Parsed<string> {
  const clean = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (new TextEncoder().encode(clean).length > MAX_TEXT_BYTES) {
    return { ok: false, problems: [{ line: 0, message: `is over ${MAX_TEXT_BYTES / 1024} KB; split it into smaller files` }] }
  }
  if (clean.trim() === '') return { ok: false, problems: [{ line: 0, message: 'is empty' }] }
  return { ok: true, value: clean }
}
