// The iCalendar (RFC 5545) text format, written by hand: a feed is a handful of properties,
// and owning the few rules that matter (escaping, 75-octet folding, CRLF, UTC instants) is
// cheaper than trusting a library to get Google's strict parser right. One invalid line can
// make Google drop a whole feed, so every value goes through the functions below.
// docs/architecture.md ("Why the feed writer is our own") has what ical-generator cost when tried.
import { type Instant, ZoneOffset } from '@js-joda/core'

export const CRLF = '\r\n'

/** RFC 5545 3.1: content lines are at most 75 octets, excluding the line break. */
export const MAX_LINE_OCTETS = 75

const encoder = new TextEncoder()

/** Octets of one code point in UTF-8. */
function utf8Length(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/**
 * Splits a content line into lines of at most 75 octets, each continuation starting with one
 * space (which counts towards its 75). Never splits inside a UTF-8 sequence, so a name with
 * accents or an emoji survives a fold.
 */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= MAX_LINE_OCTETS) return line
  const parts: string[] = []
  let current = ''
  let octets = 0
  let limit = MAX_LINE_OCTETS
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0)
    if (octets + size > limit) {
      parts.push(current)
      current = ''
      octets = 0
      limit = MAX_LINE_OCTETS - 1
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

/**
 * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, line breaks as \n.
 * Other control characters are not allowed in TEXT and are dropped.
 */
export function escapeText(value: string): string {
  return (
    value
      .replace(/\r\n?/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 5545 TEXT forbids control characters, so they are what this removes
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
      .replace(/\\/g, '\\\\')
      .replace(/;/g, '\\;')
      .replace(/,/g, '\\,')
      .replace(/\n/g, '\\n')
  )
}

/** A UTC DATE-TIME (form 2, "Z"): the same instant whatever zone the reader or server is in. */
export function utcDateTime(instant: Instant): string {
  const t = instant.atZone(ZoneOffset.UTC)
  const pad = (n: number, width = 2) => String(n).padStart(width, '0')
  return `${pad(t.year(), 4)}${pad(t.monthValue())}${pad(t.dayOfMonth())}T${pad(t.hour())}${pad(t.minute())}${pad(t.second())}Z`
}

/** Property names and parameters are fixed by our code; only values come from data. */
export interface Property {
  name: string
  /** e.g. ['VALUE=DURATION']; never built from user data */
  params?: readonly string[]
  /** already in its value type's form (use escapeText for TEXT) */
  value: string
}

export function contentLine(p: Property): string {
  const head = p.params && p.params.length > 0 ? `${p.name};${p.params.join(';')}` : p.name
  // A stray line break in a value would start a new (forged) property: refuse to write it.
  if (/[\r\n]/.test(p.value)) throw new Error(`unescaped line break in ${p.name}`)
  return foldLine(`${head}:${p.value}`)
}

export interface Component {
  name: 'VEVENT'
  properties: readonly Property[]
}

/**
 * A whole VCALENDAR. Calendar properties come before any component: some clients read the name
 * and refresh interval only from there.
 */
export function writeCalendar(properties: readonly Property[], components: readonly Component[]): string {
  const lines = ['BEGIN:VCALENDAR', ...properties.map(contentLine)]
  for (const c of components) lines.push(`BEGIN:${c.name}`, ...c.properties.map(contentLine), `END:${c.name}`)
  lines.push('END:VCALENDAR')
  return lines.join(CRLF) + CRLF
}
