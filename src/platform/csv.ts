// CSV in and out (RFC 4180): comma-separated, fields quoted with double quotes where needed,
// a quote inside a quoted field doubled, CRLF or LF line ends, an optional byte-order mark
// (spreadsheets add one). Small enough to own rather than depend on.

export interface CsvLine {
  /** 1-based line number in the file where the record starts, for error messages */
  line: number
  fields: string[]
}

export type CsvParsed = { ok: true; lines: CsvLine[] } | { ok: false; line: number; message: string }

export function parseCsv(text: string): CsvParsed {
  const src = text.startsWith('\uFEFF') ? text.slice(1) : text
  const out: CsvLine[] = []
  let fields: string[] = []
  let field = ''
  let quoted = false
  let line = 1
  let start = 1
  let i = 0
  const endRecord = () => {
    fields.push(field)
    // A blank line is no record at all (files often end with one or two).
    if (!(fields.length === 1 && fields[0] === '')) out.push({ line: start, fields })
    fields = []
    field = ''
  }
  while (i < src.length) {
    const ch = src[i] as string
    if (quoted) {
      if (ch === '"') {
        if (src[i + 1] === '"') {
          field += '"'
          i += 2
          continue
        }
        quoted = false
      } else {
        if (ch === '\n') line++
        field += ch
      }
      i++
      continue
    }
    if (ch === '"') {
      if (field !== '') return { ok: false, line, message: 'a quote may only open a field; double it ("") inside a quoted field' }
      quoted = true
    } else if (ch === ',') {
      fields.push(field)
      field = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRecord()
      line++
      start = line
    } else {
      field += ch
    }
    i++
  }
  if (quoted) return { ok: false, line: start, message: 'a quoted field is never closed' }
  if (field !== '' || fields.length > 0) endRecord()
  return { ok: true, lines: out }
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @, or a tab or carriage return first)
 * is written with a leading apostrophe, so a staff name typed as "=HYPERLINK(...)" stays text
 * when a manager opens the report (OWASP "CSV injection"). Numbers never start that way here.
 */
function defuse(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

function quote(raw: string): string {
  const value = defuse(raw)
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replaceAll('"', '""')}"` : value
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 and spreadsheets expect. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return `${rows.map((r) => r.map(quote).join(',')).join('\r\n')}\r\n`
}
