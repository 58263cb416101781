// Small random school weeks for property tests: a handful of staff, slots and duties, with
// every feature the rules touch (grades, patterns, commitments, absences, skills, caps, events,
// closed days, previous rotas) so a property holds across their interactions, not one at a time.
import fc from 'fast-check'
import { WEEKDAYS } from '../../../solver/scenario.js'
import type { Assignment, Scenario, Staff, Weekday } from '../../../solver/scenario.js'
import { datesOfWeek } from '../../../solver/scenario.js'

const SLOTS = [
  { id: 'gate', kind: 'other', start: '08:30', end: '08:45' },
  { id: 'p1', kind: 'lesson', start: '08:45', end: '09:45' },
  { id: 'break', kind: 'break', start: '10:30', end: '10:50' },
  { id: 'lunch1', kind: 'lunch', start: '12:00', end: '12:30' },
  { id: 'lunch2', kind: 'lunch', start: '12:30', end: '13:00' },
  { id: 'p4', kind: 'lesson', start: '13:00', end: '14:00' },
  { id: 'late', kind: 'other', start: '15:00', end: '16:30' },
] as const
const SKILLS = ['first-aid', 'team-teach']
const DAYS: Weekday[] = ['mon', 'tue', 'wed']
const WEEK = '2026-11-23'
const DATES = datesOfWeek(WEEK).slice(0, DAYS.length)
const KINDS = ['break', 'lunch', 'oncall', 'other'] as const

const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`

const staffArb = (i: number) =>
  fc
    .record({
      grade: fc.constantFrom('ALL', 'LIMITED'),
      days: fc.subarray(DAYS, { minLength: 1 }),
      start: fc.constantFrom(8 * 60, 8 * 60 + 30, 11 * 60),
      length: fc.constantFrom(5 * 60, 7 * 60, 8 * 60),
      breakMinutes: fc.constantFrom(0, 20, 30),
      skills: fc.subarray(SKILLS),
      cap: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      extra: fc.option(fc.constantFrom(0, 1, 2.5, 6), { nil: undefined }),
      term: fc.integer({ min: 0, max: 20 }),
      hours: fc.constantFrom(18.5, 30, 37),
      commitment: fc.option(fc.record({ day: fc.constantFrom(...DAYS), slot: fc.constantFrom(...SLOTS) }), { nil: undefined }),
    })
    .map((r): Staff => {
      const person: Staff = {
        id: `s${i}`,
        name: `Person ${i}`,
        grade: r.grade,
        hoursPerWeek: r.hours,
        pattern: Object.fromEntries(r.days.map((d) => [d, { start: time(r.start), end: time(r.start + r.length) }])),
        unpaidBreakMinutes: r.breakMinutes,
        skills: r.skills,
        dutiesThisTerm: r.term,
      }
      if (r.cap !== undefined) person.maxDutiesPerWeek = r.cap
      if (r.extra !== undefined) person.additionalHoursRemaining = r.extra
      if (r.commitment) person.commitments = [{ day: r.commitment.day, start: r.commitment.slot.start, end: r.commitment.slot.end, label: 'key work' }]
      return person
    })

const dutyArb = (i: number) =>
  fc
    .record({
      kind: fc.constantFrom(...KINDS),
      slots: fc.subarray(
        SLOTS.map((s) => s.id),
        { minLength: 1, maxLength: 2 },
      ),
      days: fc.subarray(DAYS, { minLength: 1 }),
      staff: fc.integer({ min: 1, max: 3 }),
      skill: fc.option(fc.constantFrom(...SKILLS), { nil: undefined }),
      priority: fc.integer({ min: 1, max: 5 }),
    })
    .map((r) => ({
      id: `d${i}`,
      name: `Duty ${i}`,
      kind: r.kind,
      slots: r.slots,
      days: r.days,
      staff: r.staff,
      skills: r.skill ? { [r.skill]: 1 } : {},
      priority: r.priority,
    }))

export interface WeekOptions {
  maxStaff?: number
  pins?: boolean
}

/** A valid scenario@1 week (the test asserts it parses). */
export function weekArb(opts: WeekOptions = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      staffCount: fc.integer({ min: 1, max: opts.maxStaff ?? 7 }),
      dutyCount: fc.integer({ min: 1, max: 4 }),
      lateOnWed: fc.boolean(),
      closed: fc.option(fc.constantFrom(...DATES), { nil: undefined }),
    })
    .chain((shape) =>
      fc.record({
        shape: fc.constant(shape),
        staff: fc.tuple(...Array.from({ length: shape.staffCount }, (_, i) => staffArb(i))),
        duties: fc.tuple(...Array.from({ length: shape.dutyCount }, (_, i) => dutyArb(i))),
        absences: fc.array(fc.record({ who: fc.nat(shape.staffCount - 1), date: fc.constantFrom(...DATES), half: fc.boolean() }), { maxLength: 3 }),
        cover: fc.array(
          fc.record({ date: fc.constantFrom(...DATES), slot: fc.constantFrom('p1', 'p4'), skill: fc.option(fc.constantFrom(...SKILLS), { nil: undefined }) }),
          { maxLength: 3 },
        ),
        events: fc.array(
          fc.record({
            date: fc.constantFrom(...DATES),
            start: fc.constantFrom(15 * 60 + 30, 16 * 60, 18 * 60),
            hours: fc.constantFrom(1, 2),
            staff: fc.integer({ min: 1, max: 3 }),
          }),
          { maxLength: 2 },
        ),
        picks: fc.array(fc.record({ who: fc.nat(shape.staffCount - 1), what: fc.nat(50) }), { maxLength: 6 }),
        pinPicks: fc.array(fc.record({ who: fc.nat(shape.staffCount - 1), what: fc.nat(50) }), { maxLength: opts.pins ? 2 : 0 }),
      }),
    )
    .map(({ shape, staff, duties, absences, cover, events, picks, pinPicks }) => {
      const slots = SLOTS.map((s) => (s.id === 'late' && shape.lateOnWed ? { ...s, days: ['wed' as Weekday] } : { ...s }))
      const sc: Scenario = {
        format: 'duty-rota/scenario@1',
        school: { name: 'Property School', timezone: 'Europe/London' },
        week: WEEK,
        slots,
        grades: [
          { id: 'ALL', name: 'All work', dutyKinds: ['break', 'lunch', 'oncall', 'other', 'cover', 'event'] },
          { id: 'LIMITED', name: 'Break and lunch', dutyKinds: ['break', 'lunch'] },
        ],
        staff,
        duties,
        absences: absences.map((a) => ({ staff: `s${a.who}`, date: a.date, ...(a.half ? { start: '08:00', end: '12:15' } : {}), reason: 'sickness' })),
        cover: cover.map((c, i) => ({ id: `c${i}`, date: c.date, slot: c.slot, label: `Lesson ${i}`, skills: c.skill ? { [c.skill]: 1 } : {} })),
        events: events.map((e, i) => ({
          id: `e${i}`,
          name: `Event ${i}`,
          date: e.date,
          start: time(e.start),
          end: time(e.start + e.hours * 60),
          staff: e.staff,
        })),
      }
      if (shape.closed) sc.closed = [shape.closed]
      const everything = candidateAssignments(sc)
      const pick = (list: { who: number; what: number }[]): Assignment[] =>
        everything.length === 0 ? [] : list.map(({ who, what }) => ({ ...(everything[what % everything.length] as Assignment), staff: `s${who}` }))
      sc.previous = pick(picks)
      if (opts.pins) sc.pins = pick(pinPicks)
      return sc
    })
}

/** Every (work, date, slot) of the week, with no regard to who could do it. */
function candidateAssignments(sc: Scenario): Assignment[] {
  const out: Assignment[] = []
  for (const d of sc.duties)
    for (const day of d.days) for (const slot of d.slots) out.push({ staff: '', duty: d.id, date: datesOfWeek(sc.week)[WEEKDAYS.indexOf(day)] as string, slot })
  for (const c of sc.cover ?? []) out.push({ staff: '', duty: c.id, date: c.date, slot: c.slot })
  for (const e of sc.events ?? []) out.push({ staff: '', duty: e.id, date: e.date })
  return out
}

/** A time someone cannot do, as a manager approved it on the marks page: every week, or one date. */
export interface ArbMark {
  staff: string
  repeat: 'weekly' | 'once'
  day: Weekday | null
  date: string | null
  start: string | null
  end: string | null
}

/**
 * Approved unavailability for a week of `weekArb`: weekly marks by a slot's times or typed
 * times, one-off marks of a whole day or part of one, for anyone on the staff.
 */
export function marksArb(sc: Scenario): fc.Arbitrary<ArbMark[]> {
  const staff = sc.staff.map((s) => s.id)
  const times = fc.oneof(
    fc.constantFrom(...SLOTS).map((s) => ({ start: s.start as string, end: s.end as string })),
    fc.record({ from: fc.integer({ min: 8 * 60, max: 16 * 60 }), length: fc.integer({ min: 5, max: 180 }) }).map(({ from, length }) => ({
      start: time(from),
      end: time(Math.min(from + length, 23 * 60 + 59)),
    })),
  )
  const weekly = fc
    .record({ staff: fc.constantFrom(...staff), day: fc.constantFrom(...DAYS), times })
    .map((m): ArbMark => ({ staff: m.staff, repeat: 'weekly', day: m.day, date: null, ...m.times }))
  const once = fc
    .record({ staff: fc.constantFrom(...staff), date: fc.constantFrom(...DATES), times: fc.option(times, { nil: null }) })
    .map((m): ArbMark => ({ staff: m.staff, repeat: 'once', day: null, date: m.date, start: m.times?.start ?? null, end: m.times?.end ?? null }))
  return fc.array(fc.oneof(weekly, once), { minLength: 1, maxLength: 4 })
}
