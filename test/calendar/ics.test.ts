// The iCalendar text rules that calendar apps are strict about.
import { Instant } from '@js-joda/core'
import { describe, expect, it } from 'vitest'
import { contentLine, escapeText, foldLine, utcDateTime, writeCalendar } from '../../src/calendar/ics.js'

const octets = (s: string) => new TextEncoder().encode(s).length

describe('line folding', () => {
  it('leaves a line of 75 octets alone and folds a longer one with CRLF and one space', () => {
    const exact = `SUMMARY:${'x'.repeat(67)}`
    expect(octets(exact)).toBe(75)
    expect(foldLine(exact)).toBe(exact)
    const folded = foldLine(`SUMMARY:${'x'.repeat(200)}`)
    const lines = folded.split('\r\n')
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75)
    for (const line of lines.slice(1)) expect(line.startsWith(' ')).toBe(true)
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(`SUMMARY:${'x'.repeat(200)}`)
  })

  it('counts octets, not characters, and never splits a UTF-8 sequence', () => {
    const value = `SUMMARY:${'Zoë Ó Briain 🎒 '.repeat(12)}`
    const lines = foldLine(value).split('\r\n')
    for (const line of lines) {
      expect(octets(line)).toBeLessThanOrEqual(75)
      expect(line).not.toContain('\uFFFD')
      // Each piece is valid UTF-16 on its own: no surrogate half was cut off.
      expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(new TextEncoder().encode(line))).toBe(line)
    }
    expect(lines.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(value)
  })
})

describe('TEXT values', () => {
  it('escape backslash, semicolon, comma and line breaks', () => {
    expect(escapeText('Yard; by the gate, north\\south\nline two\r\nline three')).toBe('Yard\\; by the gate\\, north\\\\south\\nline two\\nline three')
  })

  it('drop control characters, which TEXT does not allow', () => {
    expect(escapeText('bell\u0007 and\u0000 null')).toBe('bell and null')
  })

  it('refuse to write a raw line break, which would forge a property', () => {
    expect(() => contentLine({ name: 'SUMMARY', value: 'a\r\nATTENDEE:x' })).toThrow()
  })
})

describe('instants', () => {
  it('are written in UTC with a Z', () => {
    expect(utcDateTime(Instant.parse('2026-10-26T08:30:00Z'))).toBe('20261026T083000Z')
    expect(utcDateTime(Instant.parse('2026-01-02T03:04:05.678Z'))).toBe('20260102T030405Z')
  })
})

describe('a calendar', () => {
  it('ends every line with CRLF and puts calendar properties before any component', () => {
    const text = writeCalendar(
      [
        { name: 'VERSION', value: '2.0' },
        { name: 'X-WR-CALNAME', value: 'Mine' },
      ],
      [{ name: 'VEVENT', properties: [{ name: 'UID', value: 'a@b' }] }],
    )
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(text.indexOf('X-WR-CALNAME')).toBeLessThan(text.indexOf('BEGIN:VEVENT'))
  })
})
