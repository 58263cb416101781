// Calendar feeds, read back with ical.js (an independent parser): what a calendar app will see
// after each publish.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findFeedToken, issueFeedToken } from '../../src/calendar/feed-tokens.js'
import { loadFeed, notModified, httpDate, FEED_PAST_DAYS } from '../../src/calendar/feed-calendar.js'
import type { FeedTarget } from '../../src/calendar/feed-tokens.js'
import { addCover, addEvent, addSickness, makeSchool, parseFeed, publish, type School } from '../support/calendar.js'

const PAGE = 'https://rota.example.org/me'

let school: School
beforeEach(async () => {
  school = await makeSchool('2026-10-19T06:00:00Z')
})
afterEach(() => school.close())

async function feedText(target: FeedTarget): Promise<string> {
  const issued = await issueFeedToken(school.ctx, target)
  const token = await findFeedToken(school.ctx, issued.token)
  if (!token) throw new Error('a fresh token must be found')
  return (await loadFeed(school.ctx, token, PAGE)).body
}

const amiraFeed = () => feedText({ scope: 'person', schoolId: school.schoolId, staffId: school.staff.amira })

describe("a person's feed", () => {
  it('has one event per published assignment of theirs, at the instants the school means', async () => {
    await addEvent(school, 'parents', '2026-11-25', "Parents' evening", '16:00', '19:00')
    await publish(school, '2026-11-23', [
      ['stf_amira', 'gate', '2026-11-23', 'gate'],
      ['stf_amira', 'yard', '2026-11-24', 'break'],
      ['stf_ben', 'yard', '2026-11-24', 'break'],
      ['stf_amira', 'parents', '2026-11-25', null],
      ['stf_ben', 'gate', '2026-11-26', 'gate'],
    ])
    const { name, events } = parseFeed(await amiraFeed())
    expect(name).toBe('Duty Rota: Amira Patel')
    // November is GMT: wall-clock time and UTC agree.
    expect(events.map((e) => [e.start, e.end, e.summary])).toEqual([
      ['2026-11-23T08:30:00Z', '2026-11-23T08:45:00Z', 'Duty: Front gate'],
      ['2026-11-24T10:50:00Z', '2026-11-24T11:10:00Z', 'Break duty: Yard, by the climbing frame'],
      ['2026-11-25T16:00:00Z', '2026-11-25T19:00:00Z', "Parents' evening"],
    ])
    expect(events[1]?.location).toBe('Yard, by the climbing frame')
    expect(events[1]?.description).toContain('With Ben Ortiz')
    expect(events[0]?.description).toContain('On your own')
    expect(events[0]?.description).toContain(PAGE)
  })

  it('gets the instants right in a week that crosses the October clock change', async () => {
    // Clocks go back at 01:00 UTC on Sunday 25 October 2026: 08:30 in London is 07:30Z before, 08:30Z after.
    await publish(school, '2026-10-19', [
      ['stf_amira', 'gate', '2026-10-19', 'gate'],
      ['stf_amira', 'gate', '2026-10-24', 'gate'],
      ['stf_amira', 'gate', '2026-10-25', 'gate'],
    ])
    await publish(school, '2026-10-26', [['stf_amira', 'gate', '2026-10-26', 'gate']])
    const { events } = parseFeed(await amiraFeed())
    expect(events.map((e) => [e.start, e.end])).toEqual([
      ['2026-10-19T07:30:00Z', '2026-10-19T07:45:00Z'],
      ['2026-10-24T07:30:00Z', '2026-10-24T07:45:00Z'],
      ['2026-10-25T08:30:00Z', '2026-10-25T08:45:00Z'],
      ['2026-10-26T08:30:00Z', '2026-10-26T08:45:00Z'],
    ])
  })

  it('keeps each UID across publishes and raises SEQUENCE only when the event changes', async () => {
    const week = '2026-10-19'
    await publish(school, week, [
      ['stf_amira', 'yard', '2026-10-20', 'break'],
      ['stf_ben', 'yard', '2026-10-20', 'break'],
      ['stf_amira', 'gate', '2026-10-21', 'gate'],
    ])
    const first = parseFeed(await amiraFeed()).events
    expect(first.map((e) => e.sequence)).toEqual([0, 0])

    // Re-plan: Cara replaces Ben on the yard; the gate duty is untouched.
    school.clock.advanceSeconds(3600)
    await publish(school, week, [
      ['stf_amira', 'yard', '2026-10-20', 'break'],
      ['stf_cara', 'yard', '2026-10-20', 'break'],
      ['stf_amira', 'gate', '2026-10-21', 'gate'],
    ])
    const second = parseFeed(await amiraFeed()).events
    expect(second.map((e) => e.uid)).toEqual(first.map((e) => e.uid))
    expect(second.map((e) => e.sequence)).toEqual([1, 0])
    expect(second[0]?.description).toContain('With Cara Li')
    expect((second[0]?.dtstamp ?? '') > (first[0]?.dtstamp ?? '')).toBe(true)
    expect(second[1]?.dtstamp).toBe(first[1]?.dtstamp)

    // The break moves: the time changes, so the yard duty's SEQUENCE rises again.
    await school.store.db.updateTable('slots').set({ start_time: '10:40', end_time: '11:00' }).where('id', '=', 'slt_break').execute()
    await publish(school, week, [
      ['stf_amira', 'yard', '2026-10-20', 'break'],
      ['stf_cara', 'yard', '2026-10-20', 'break'],
      ['stf_amira', 'gate', '2026-10-21', 'gate'],
    ])
    const third = parseFeed(await amiraFeed()).events
    expect(third.map((e) => e.sequence)).toEqual([2, 0])
    expect(third[0]?.start).toBe('2026-10-20T09:40:00Z')
  })

  it('drops an assignment that a later publish removed, and brings it back with a higher SEQUENCE', async () => {
    const week = '2026-10-19'
    await publish(school, week, [
      ['stf_amira', 'gate', '2026-10-20', 'gate'],
      ['stf_amira', 'gate', '2026-10-21', 'gate'],
    ])
    const before = parseFeed(await amiraFeed()).events
    await publish(school, week, [['stf_amira', 'gate', '2026-10-21', 'gate']])
    const after = parseFeed(await amiraFeed()).events
    expect(after.map((e) => e.uid)).toEqual([before[1]?.uid])
    await publish(school, week, [
      ['stf_amira', 'gate', '2026-10-20', 'gate'],
      ['stf_amira', 'gate', '2026-10-21', 'gate'],
    ])
    const back = parseFeed(await amiraFeed()).events
    expect(back.map((e) => e.uid)).toEqual(before.map((e) => e.uid))
    expect(back[0]?.sequence).toBeGreaterThan(before[0]?.sequence ?? 0)
  })

  it('never carries an absence reason or detail, even for cover of an absent colleague', async () => {
    await addSickness(school, 'stf_ben', '2026-10-20')
    await addCover(school, 'c1', '2026-10-20', '3B Maths, room M4', 'stf_ben')
    await publish(school, '2026-10-19', [
      ['stf_amira', 'c1', '2026-10-20', 'p1'],
      ['stf_amira', 'yard', '2026-10-20', 'break'],
    ])
    for (const text of [await amiraFeed(), await feedText({ scope: 'school', schoolId: school.schoolId, userId: 'usr_manager' })]) {
      expect(text).not.toMatch(/sick|flu|doctor|medical|absen/i)
    }
    const { events } = parseFeed(await amiraFeed())
    expect(events.map((e) => e.summary)).toEqual(['Cover: 3B Maths, room M4', 'Break duty: Yard, by the climbing frame'])
  })

  it('only shows duties from six weeks back onwards', async () => {
    await publish(school, '2026-08-31', [['stf_amira', 'gate', '2026-08-31', 'gate']])
    await publish(school, '2026-10-19', [['stf_amira', 'gate', '2026-10-19', 'gate']])
    expect(FEED_PAST_DAYS).toBe(42)
    expect(parseFeed(await amiraFeed()).events.map((e) => e.start)).toEqual(['2026-10-19T07:30:00Z'])
  })
})

describe('every feed', () => {
  beforeEach(async () => {
    await addEvent(school, 'inset', '2026-10-23', 'INSET; safeguarding, part 2', '09:00', '15:30')
    await publish(school, '2026-10-19', [
      ['stf_amira', 'yard', '2026-10-19', 'break'],
      ['stf_ben', 'yard', '2026-10-19', 'break'],
      ['stf_cara', 'gate', '2026-10-20', 'gate'],
      ['stf_amira', 'inset', '2026-10-23', null],
      ['stf_cara', 'inset', '2026-10-23', null],
    ])
  })

  const targets = (): [string, FeedTarget, number][] => [
    ['person', { scope: 'person', schoolId: school.schoolId, staffId: school.staff.amira }, 2],
    ['duty post', { scope: 'duty_post', schoolId: school.schoolId, dutyPostId: school.posts.yard, userId: 'usr_manager' }, 2],
    ['school', { scope: 'school', schoolId: school.schoolId, userId: 'usr_manager' }, 5],
  ]

  it('parses with ical.js and has exactly the published assignments in its scope', async () => {
    for (const [label, target, count] of targets()) {
      const { events } = parseFeed(await feedText(target))
      expect(events, label).toHaveLength(count)
      expect(new Set(events.map((e) => e.uid)).size, label).toBe(count)
    }
  })

  it('is CRLF text with lines of at most 75 octets, calendar properties first, and UID and DTSTAMP (UTC) on every event', async () => {
    for (const [label, target] of targets()) {
      const text = await feedText(target)
      expect(text.replace(/\r\n/g, ''), label).not.toMatch(/[\r\n]/)
      for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length, line).toBeLessThanOrEqual(75)
      const firstEvent = text.indexOf('BEGIN:VEVENT')
      for (const prop of ['X-WR-CALNAME:', 'REFRESH-INTERVAL;VALUE=DURATION:PT1H', 'X-PUBLISHED-TTL:PT1H']) {
        expect(text.indexOf(prop), `${label} ${prop}`).toBeGreaterThan(0)
        expect(text.indexOf(prop), `${label} ${prop}`).toBeLessThan(firstEvent)
      }
      const blocks = text.split('BEGIN:VEVENT').slice(1)
      for (const block of blocks) {
        expect(block).toMatch(/\r\nUID:\S+@duty-rota\r\n/)
        expect(block).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/)
        expect(block).toMatch(/\r\nDTSTART:\d{8}T\d{6}Z\r\n/)
        expect(block).not.toMatch(/TZID=/)
      }
    }
  })

  it('gives the same assignment different UIDs in different kinds of feed', async () => {
    const [person, post] = targets()
    const mine = parseFeed(await feedText(person![1])).events
    const yard = parseFeed(await feedText(post![1])).events
    expect(mine[0]?.start).toBe(yard[0]?.start)
    expect(yard.map((e) => e.uid)).not.toContain(mine[0]?.uid)
    expect(yard.map((e) => e.summary).sort()).toEqual([
      'Break duty: Yard, by the climbing frame (Amira Patel)',
      'Break duty: Yard, by the climbing frame (Ben Ortiz)',
    ])
  })
})

describe('validators', () => {
  it('the ETag and Last-Modified stay put until a publish changes the feed', async () => {
    await publish(school, '2026-10-19', [['stf_amira', 'gate', '2026-10-19', 'gate']])
    const issued = await issueFeedToken(school.ctx, { scope: 'person', schoolId: school.schoolId, staffId: school.staff.amira })
    const token = (await findFeedToken(school.ctx, issued.token))!
    const first = await loadFeed(school.ctx, token, PAGE)
    school.clock.advanceSeconds(600)
    const again = await loadFeed(school.ctx, token, PAGE)
    expect(again.etag).toBe(first.etag)
    expect(again.lastModified.equals(first.lastModified)).toBe(true)
    expect(notModified(again, first.etag, undefined)).toBe(true)
    expect(notModified(again, undefined, httpDate(first.lastModified))).toBe(true)

    await publish(school, '2026-10-19', [['stf_amira', 'gate', '2026-10-20', 'gate']])
    const changed = await loadFeed(school.ctx, token, PAGE)
    expect(changed.etag).not.toBe(first.etag)
    expect(changed.lastModified.isAfter(first.lastModified)).toBe(true)
    expect(notModified(changed, first.etag, httpDate(first.lastModified))).toBe(false)
    expect(notModified(changed, undefined, httpDate(first.lastModified))).toBe(false)
  })
})
