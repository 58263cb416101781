// A small school in the kit's fresh database (kit.ts), on a clock the test moves by hand, and a
// stand-in for the week's publish that writes a published rota exactly as the publish service
// must: its assignments and the calendar statements from recordPublishedAssignments in one
// atomic batch.
import { Instant } from '@js-joda/core'
import ICAL from 'ical.js'
import { recordPublishedAssignments, type PublishedAssignment } from '../../src/calendar/publish-record.js'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import type { WriteContext } from '../../src/platform/deps.js'
import { freshStore, handClock, insertOrganisation, insertSchool, SETUP_AT, testApp, writeContext, type TestClock, type TestStore } from './kit.js'

export interface School {
  store: TestStore
  clock: TestClock
  ctx: WriteContext
  schoolId: string
  staff: { amira: string; ben: string; cara: string }
  posts: { gate: string; yard: string }
  close(): Promise<void>
}

const AT = SETUP_AT

export async function makeSchool(now = '2026-11-23T09:00:00Z'): Promise<School> {
  const store = freshStore()
  const clock = handClock(now)
  const ctx = writeContext(store, 'user:usr_manager', clock)
  const { db } = store
  await insertOrganisation(store, 'org_1', 'Elm Tree Trust')
  await insertSchool(store, { id: 'sch_1', organisationId: 'org_1', name: 'Elm Tree Primary' })
  await db.insertInto('users').values({ id: 'usr_manager', email: 'manager@elm.example', name: 'Max Manager', created_at: AT }).execute()
  await db.insertInto('memberships').values({ id: 'mem_manager', user_id: 'usr_manager', role: 'manager', school_id: 'sch_1', created_at: AT }).execute()
  await db
    .insertInto('grades')
    .values({ id: 'grd_1', school_id: 'sch_1', code: 'G4', name: 'Grade 4', duty_kinds: '["break","lunch","cover","event","other"]' })
    .execute()
  const everyDay =
    '{"mon":{"start":"08:00","end":"16:00"},"tue":{"start":"08:00","end":"16:00"},"wed":{"start":"08:00","end":"16:00"},"thu":{"start":"08:00","end":"16:00"},"fri":{"start":"08:00","end":"16:00"},"sat":{"start":"08:00","end":"16:00"},"sun":{"start":"08:00","end":"16:00"}}'
  const person = (id: string, code: string, name: string, hours: number, allowance = 0) => ({
    id,
    school_id: 'sch_1',
    code,
    name,
    grade_id: 'grd_1',
    hours_per_week: hours,
    pattern: everyDay,
    additional_hours_allowance: allowance,
  })
  await db
    .insertInto('staff')
    .values([person('stf_amira', 'S1', 'Amira Patel', 37, 30), person('stf_ben', 'S2', 'Ben Ortiz', 18.5), person('stf_cara', 'S3', 'Cara Li', 37)])
    .execute()
  await db
    .insertInto('slots')
    .values([
      { id: 'slt_gate', school_id: 'sch_1', code: 'gate', kind: 'other', start_time: '08:30', end_time: '08:45', position: 0 },
      { id: 'slt_p1', school_id: 'sch_1', code: 'p1', kind: 'lesson', start_time: '09:00', end_time: '10:00', position: 1 },
      { id: 'slt_break', school_id: 'sch_1', code: 'break', kind: 'break', start_time: '10:50', end_time: '11:10', position: 2 },
    ])
    .execute()
  const week = '["mon","tue","wed","thu","fri","sat","sun"]'
  await db
    .insertInto('duty_posts')
    .values([
      { id: 'dpt_gate', school_id: 'sch_1', code: 'gate', name: 'Front gate', kind: 'other', days: week, people_needed: 1 },
      { id: 'dpt_yard', school_id: 'sch_1', code: 'yard', name: 'Yard, by the climbing frame', kind: 'break', days: week, people_needed: 2 },
    ])
    .execute()
  await db
    .insertInto('duty_post_slots')
    .values([
      { duty_post_id: 'dpt_gate', slot_id: 'slt_gate' },
      { duty_post_id: 'dpt_yard', slot_id: 'slt_break' },
    ])
    .execute()
  return {
    store,
    clock,
    ctx,
    schoolId: 'sch_1',
    staff: { amira: 'stf_amira', ben: 'stf_ben', cara: 'stf_cara' },
    posts: { gate: 'dpt_gate', yard: 'dpt_yard' },
    close: () => store.close(),
  }
}

/** An absence whose reason and detail must never reach a page or a feed. */
export async function addSickness(school: School, staffId: string, date: string): Promise<void> {
  const { db } = school.store
  await db
    .insertInto('absences')
    .values({
      id: `abs_${staffId}_${date}`,
      school_id: school.schoolId,
      staff_id: staffId,
      start_date: date,
      end_date: date,
      reason: 'sickness',
      created_at: AT,
    })
    .execute()
  await db
    .insertInto('absence_details')
    .values({ absence_id: `abs_${staffId}_${date}`, detail: 'Flu, doctor says a week' })
    .execute()
}

export async function addCover(school: School, code: string, date: string, label: string, absentStaffId?: string): Promise<void> {
  await school.store.db
    .insertInto('cover_requests')
    .values({
      id: `cvr_${code}`,
      school_id: school.schoolId,
      code,
      date,
      slot_id: 'slt_p1',
      label,
      absence_id: absentStaffId ? `abs_${absentStaffId}_${date}` : null,
    })
    .execute()
}

export async function addEvent(school: School, code: string, date: string, name: string, start: string, end: string): Promise<void> {
  await school.store.db
    .insertInto('events')
    .values({ id: `evt_${code}`, school_id: school.schoolId, code, name, date, start_time: start, end_time: end })
    .execute()
}

/** [staffId, workCode, date, slotCode | null] */
export type Row = readonly [string, string, string, string | null]

let rotaCounter = 0

/**
 * Publishes a rota for the week: supersedes the one before, writes the new one with its
 * assignments, and records the calendar in the same atomic batch. Returns the rota id.
 */
export async function publish(school: School, week: string, rows: readonly Row[]): Promise<string> {
  const { db } = school.store
  const rotaId = `rot_${++rotaCounter}_${week}`
  const now = school.clock.instant().toString()
  const assignments: PublishedAssignment[] = rows.map(([staffId, workCode, date, slotCode]) => ({ staffId, workCode, date, slotCode }))
  const calendar = await recordPublishedAssignments(school.ctx, { schoolId: school.schoolId, week, rotaId, assignments })
  await school.store.atomic([
    db
      .updateTable('rotas')
      .set({ status: 'superseded' })
      .where('school_id', '=', school.schoolId)
      .where('week', '=', week)
      .where('status', '=', 'published')
      .compile(),
    db
      .insertInto('rotas')
      .values({ id: rotaId, school_id: school.schoolId, week, version: rotaCounter, status: 'published', created_at: now, published_at: now })
      .compile(),
    ...assignments.map((a, i) =>
      db
        .insertInto('rota_assignments')
        .values({ id: `ras_${rotaId}_${i}`, rota_id: rotaId, staff_id: a.staffId, work_code: a.workCode, date: a.date, slot_code: a.slotCode })
        .compile(),
    ),
    ...calendar,
  ])
  return rotaId
}

export interface ParsedEvent {
  uid: string
  summary: string
  location: string | null
  description: string
  sequence: number
  start: string
  end: string
  dtstamp: string
}

/** Parses a feed with ical.js, an independent parser, and returns its events by start time. */
export function parseFeed(text: string): { name: string | null; events: ParsedEvent[] } {
  const calendar = new ICAL.Component(ICAL.parse(text))
  const iso = (t: ICAL.Time) => Instant.ofEpochSecond(t.toUnixTime()).toString()
  const events = calendar.getAllSubcomponents('vevent').map((c) => {
    const e = new ICAL.Event(c)
    const stamp = c.getFirstPropertyValue('dtstamp')
    return {
      uid: e.uid,
      summary: e.summary,
      location: e.location || null,
      description: e.description,
      sequence: e.sequence,
      start: iso(e.startDate),
      end: iso(e.endDate),
      dtstamp: stamp instanceof ICAL.Time ? iso(stamp) : '',
    }
  })
  const name = calendar.getFirstPropertyValue('x-wr-calname')
  return { name: typeof name === 'string' ? name : null, events: events.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0)) }
}

/** Anything that answers requests like the app: app.request, or a test's fetch. */
export type Requester = (path: string, init?: RequestInit) => Response | Promise<Response>

/**
 * What a member of staff does: opens the personal link their manager issued (which signs the
 * phone in), and returns the session cookie it set.
 */
export async function openPersonalLink(request: Requester, school: School, managerCookie: string, staffId: string): Promise<string> {
  const issued = await request(`/api/schools/${school.schoolId}/staff/${staffId}/link`, {
    method: 'POST',
    headers: { cookie: managerCookie, origin: 'http://localhost' },
  })
  if (issued.status !== 201) throw new Error(`the manager could not issue a personal link: ${issued.status}`)
  const { url } = (await issued.json()) as { url: string }
  const opened = await request(new URL(url).pathname)
  const cookie = /__Host-session=[^;,]*/.exec(opened.headers.get('set-cookie') ?? '')?.[0]
  if (opened.status !== 303 || opened.headers.get('location') !== '/me' || !cookie)
    throw new Error(`the personal link did not sign the phone in: ${opened.status}`)
  return cookie
}

/** makeSchool behind the real app, a week published, the manager signed in, and phones to open. */
export interface PhoneWorld {
  school: School
  app: App
  /** the manager's session cookie */
  manager: string
  /** signs a phone in through the person's personal link; returns its cookie */
  open(staffId: string): Promise<string>
}

export async function phoneWorld(now: string, week: string, rows: readonly Row[]): Promise<PhoneWorld> {
  const school = await makeSchool(now)
  const app = testApp({ store: school.store, clock: school.clock })
  const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  await publish(school, week, rows)
  return { school, app, manager, open: (staffId) => openPersonalLink((path, init) => app.request(path, init), school, manager, staffId) }
}
