// The demo school a fresh install starts with sits in the current term and the current school
// week by the clock it is given, so a new manager finds its cover requests, event and absence
// on the week the pages open on, and its holidays are holidays.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { coverNow, coverPage } from '../../src/manager/cover-pages.js'
import { eventsPage } from '../../src/manager/event-pages.js'
import { managerPaths } from '../../src/manager/views/paths.js'
import { ensureDemoSchool } from '../../src/scenario/demo.js'
import { loadSchoolWeek } from '../../src/setup/school-days.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

const primary = () => JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'scenarios', 'primary.json'), 'utf8')) as unknown

const open: TestStore[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

async function demoOn(now: string) {
  const store = freshStore()
  open.push(store)
  const demo = await ensureDemoSchool(writeContext(store, 'system', now), primary())
  if (!demo) throw new Error('no demo school')
  const all = <T>(sql: string) => store.sqlite.prepare(sql).all(demo.schoolId) as T[]
  return {
    store,
    schoolId: demo.schoolId,
    terms: all<{ start_date: string; end_date: string }>("SELECT start_date, end_date FROM calendar_periods WHERE school_id = ? AND kind = 'term'"),
    cover: all<{ date: string }>('SELECT date FROM cover_requests WHERE school_id = ?').map((r) => r.date),
    events: all<{ date: string }>('SELECT date FROM events WHERE school_id = ?').map((r) => r.date),
    absences: all<{ start_date: string }>('SELECT start_date FROM absences WHERE school_id = ?').map((r) => r.start_date),
  }
}

const within = (dates: string[], from: string, to: string) => dates.every((d) => d >= from && d <= to)

describe('the demo school on first start', () => {
  it('has a term containing the day it was seeded, and its cover, event and absence in that week', async () => {
    // Wednesday 3 February 2027, in term.
    const demo = await demoOn('2027-02-03T09:00:00Z')
    expect(demo.terms.some((t) => t.start_date <= '2027-02-03' && '2027-02-03' <= t.end_date)).toBe(true)
    expect(within(demo.cover, '2027-02-01', '2027-02-07')).toBe(true)
    expect(within(demo.events, '2027-02-01', '2027-02-07')).toBe(true)
    expect(within(demo.absences, '2027-02-01', '2027-02-07')).toBe(true)
    expect((await loadSchoolWeek(demo.store, demo.schoolId, '2027-02-01')).noSchoolDay).toBeUndefined()
  })

  it('seeded in the Christmas holiday, plans the first week of the spring term and calls Christmas a holiday', async () => {
    const demo = await demoOn('2026-12-23T09:00:00Z')
    expect(within(demo.cover, '2027-01-04', '2027-01-10')).toBe(true)
    expect((await loadSchoolWeek(demo.store, demo.schoolId, '2026-12-21')).noSchoolDay).toContain('outside every term (Christmas holiday)')
    expect((await loadSchoolWeek(demo.store, demo.schoolId, '2027-01-04')).noSchoolDay).toBeUndefined()
  })

  it('seeded on a Saturday in term, plans the coming week', async () => {
    const demo = await demoOn('2026-11-28T12:00:00Z')
    expect(within(demo.cover, '2026-11-30', '2026-12-06')).toBe(true)
  })
})

describe('the demo school on the pages a new manager opens', () => {
  it('on a Wednesday in term, the Cover page the navigation opens lists the demo’s cover requests and its events page the events', async () => {
    // Wednesday 10 March 2027, in the spring term.
    const demo = await demoOn('2027-03-10T09:00:00Z')
    const pc = { ctx: writeContext(demo.store, 'user:test', '2027-03-10T09:00:00Z'), schoolId: demo.schoolId, origin: 'https://rota.example.org' }
    const opened = await coverNow(pc)
    expect(opened).toEqual({ kind: 'redirect', to: managerPaths(demo.schoolId).cover('2027-03-08') })
    const cover = await coverPage(pc, '2027-03-08')
    const html = cover.kind === 'html' ? cover.html : ''
    expect(html).toContain('Monday 8 March')
    expect(html).toContain('10C Maths')
    const events = await eventsPage(pc)
    expect(events.kind === 'html' ? events.html : '').toContain('Parents&#39; evening')
  })
})
