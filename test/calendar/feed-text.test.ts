// The feed's text as calendar apps receive it: the iCalendar rules they are strict about
// (folding, escaping, CRLF, UTC) checked on buildFeed's output and read back with ical.js, so
// these hold whoever writes the text.
import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import { buildFeed, type FeedEntry, type FeedSpec } from '../../src/calendar/feed.js'

const octets = (s: string) => new TextEncoder().encode(s).length
const lines = (text: string) => text.split('\r\n').slice(0, -1)
/** Content lines with folding undone (RFC 5545 3.1). */
const unfolded = (text: string) => text.replace(/\r\n /g, '').split('\r\n')

function entry(over: Partial<FeedEntry> = {}): FeedEntry {
  return {
    uid: 'cal_1',
    sequence: 0,
    kind: 'event',
    title: 'Gate',
    location: null,
    startsAt: '2026-10-26T08:30:00Z',
    endsAt: '2026-10-26T08:45:00Z',
    createdAt: '2026-10-19T06:00:00Z',
    changedAt: '2026-10-20T07:15:30.250Z',
    colleagues: [],
    staffName: 'Amira Patel',
    ...over,
  }
}

function feed(entries: FeedEntry[], over: Partial<FeedSpec> = {}): string {
  return buildFeed({ perspective: 'person', name: 'Duty Rota: Amira Patel', pageUrl: 'https://rota.example.org/me', entries, ...over })
}

function parsed(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
  return { name: calendar.getFirstPropertyValue('x-wr-calname'), events }
}

describe('line folding in a feed', () => {
  it('leaves a line of 75 octets alone and folds a longer one with CRLF and one space', () => {
    const exact = feed([entry({ title: 'x'.repeat(67) })])
    expect(lines(exact)).toContain(`SUMMARY:${'x'.repeat(67)}`)

    const long = 'x'.repeat(200)
    const text = feed([entry({ title: long })])
    for (const line of lines(text)) expect(octets(line), line).toBeLessThanOrEqual(75)
    const start = lines(text).findIndex((l) => l.startsWith('SUMMARY:'))
    expect(lines(text)[start + 1]?.startsWith(' ')).toBe(true)
    expect(unfolded(text)).toContain(`SUMMARY:${long}`)
    expect(parsed(text).events[0]?.summary).toBe(long)
  })

  it('counts octets, not characters, and never splits a UTF-8 sequence', () => {
    const title = 'Zoë Ó Briain 🎒 '.repeat(12)
    const text = feed([entry({ title })])
    for (const line of lines(text)) {
      expect(octets(line), line).toBeLessThanOrEqual(75)
      expect(line).not.toContain('\uFFFD')
      // Each piece is valid UTF-16 on its own: no surrogate half was cut off.
      expect(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(new TextEncoder().encode(line))).toBe(line)
    }
    expect(parsed(text).events[0]?.summary).toBe(title)
  })
})

describe('TEXT values in a feed', () => {
  const awkward = 'Yard; by the gate, north\\south\nline two\r\nline three'

  it('escape backslash, semicolon, comma and line breaks in the calendar name, titles and places', () => {
    const text = feed([entry({ title: awkward, location: awkward })], { name: awkward })
    const escaped = 'Yard\\; by the gate\\, north\\\\south\\nline two\\nline three'
    const props = unfolded(text)
    for (const name of ['NAME', 'X-WR-CALNAME', 'SUMMARY', 'LOCATION']) expect(props, name).toContain(`${name}:${escaped}`)
    const { name, events } = parsed(text)
    // ical.js does not unescape X-WR-CALNAME (not a TEXT property to it): it must come back as
    // one value, still escaped, with nothing spilt into another property.
    expect(name).toBe(escaped)
    const readBack = awkward.replace(/\r\n/g, '\n')
    expect(events[0]?.summary).toBe(readBack)
    expect(events[0]?.location).toBe(readBack)
  })

  it('drop control characters, which TEXT does not allow', () => {
    const text = feed([entry({ title: 'bell\u0007 and\u0000 null' })], { name: 'Duty\u001b Rota' })
    expect(unfolded(text)).toContain('SUMMARY:bell and null')
    expect(unfolded(text)).toContain('X-WR-CALNAME:Duty Rota')
  })

  it('cannot forge a property or an event through a line break in a name', () => {
    const forged = 'Amira\r\nATTENDEE:mailto:x@example.org\r\nEND:VEVENT\r\nBEGIN:VEVENT'
    const text = feed([entry({ title: forged, staffName: forged })], { name: forged, perspective: 'school' })
    expect(unfolded(text).filter((l) => l.startsWith('BEGIN:VEVENT'))).toHaveLength(1)
    expect(unfolded(text).some((l) => l.startsWith('ATTENDEE'))).toBe(false)
    expect(parsed(text).events).toHaveLength(1)
  })
})

describe('a whole feed', () => {
  const entries = [
    entry({ uid: 'cal_b', startsAt: '2026-10-27T08:30:00Z', endsAt: '2026-10-27T08:45:00Z', sequence: 2 }),
    entry({ uid: 'cal_a', kind: 'break', title: 'Yard', location: 'By the climbing frame', colleagues: ['Ben Ortiz'] }),
  ]

  it('ends every line, the last one too, with CRLF and puts calendar properties before any component', () => {
    const text = feed(entries)
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true)
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    const first = text.indexOf('BEGIN:VEVENT')
    for (const prop of ['\r\nVERSION:2.0\r\n', '\r\nX-WR-CALNAME:', '\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n', '\r\nX-PUBLISHED-TTL:PT1H\r\n']) {
      expect(text.indexOf(prop), prop).toBeGreaterThan(0)
      expect(text.indexOf(prop), prop).toBeLessThan(first)
    }
  })

  it('writes every time in UTC with a Z, DTSTAMP from the entry, and a stable UID and SEQUENCE', () => {
    const text = feed(entries)
    expect(text).not.toMatch(/TZID=|VTIMEZONE/)
    const blocks = text.split('BEGIN:VEVENT').slice(1)
    expect(blocks[0]).toMatch(/\r\nUID:cal_a@duty-rota\r\n/)
    expect(blocks[0]).toMatch(/\r\nSEQUENCE:0\r\n/)
    expect(blocks[0]).toMatch(/\r\nDTSTAMP:20261020T071530Z\r\n/)
    expect(blocks[0]).toMatch(/\r\nDTSTART:20261026T083000Z\r\n/)
    expect(blocks[0]).toMatch(/\r\nDTEND:20261026T084500Z\r\n/)
    expect(blocks[0]).toMatch(/\r\nCREATED:20261019T060000Z\r\n/)
    expect(blocks[0]).toMatch(/\r\nLAST-MODIFIED:20261020T071530Z\r\n/)
    expect(blocks[1]).toMatch(/\r\nUID:cal_b@duty-rota\r\n/)
    expect(blocks[1]).toMatch(/\r\nSEQUENCE:2\r\n/)
    const events = parsed(text).events
    expect(events.map((e) => [e.uid, e.sequence, e.startDate.toString(), e.endDate.toString()])).toEqual([
      ['cal_a@duty-rota', 0, '2026-10-26T08:30:00Z', '2026-10-26T08:45:00Z'],
      ['cal_b@duty-rota', 2, '2026-10-27T08:30:00Z', '2026-10-27T08:45:00Z'],
    ])
  })

  it('gives the same bytes for the same entries, in whatever order they come', () => {
    expect(feed([...entries].reverse())).toBe(feed(entries))
  })
})
