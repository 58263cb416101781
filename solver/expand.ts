// Turns a scenario into the things the solver reasons about: one occurrence per (duty, date,
// slot), per cover request and per event, and for every (person, occurrence) either "eligible"
// or the single rule that rules the person out. The reasons feed the explanations of unfilled
// seats, so they are kept as codes rather than booleans.
import { WEEKDAYS, datesOfWeek, minutesOf } from './scenario.js'
import type { Scenario, Staff, Weekday, WorkKind } from './scenario.js'

export interface Occurrence {
  index: number
  /** "work|date|slot" (slot empty for events): the same key the rota's assignments produce. */
  key: string
  /** Duty, cover request or event id: what an assignment's `duty` field holds. */
  work: string
  name: string
  kind: WorkKind
  date: string
  weekday: Weekday
  slot?: string
  start: number
  end: number
  seats: number
  /** Skill seats asked for, in a fixed order; zero counts are dropped. */
  skills: [string, number][]
  plainSeats: number
  priority: number
}

export type Interval = readonly [number, number]

export const INELIGIBLE = {
  grade: 1,
  notWorking: 2,
  outsideHours: 3,
  absent: 4,
  commitment: 5,
  additionalHours: 6,
  noRestBreak: 7,
  weeklyCap: 8,
} as const
export type Ineligibility = (typeof INELIGIBLE)[keyof typeof INELIGIBLE]

export interface Week {
  scenario: Scenario
  dates: string[]
  occurrences: Occurrence[]
  occurrenceByKey: Map<string, Occurrence>
  staff: Staff[]
  staffIndex: Map<string, number>
  /** FTE of each person, in staff order. */
  fte: number[]
  skills: Set<string>[]
  /** 0 = eligible, else an INELIGIBLE code; indexed [person * occurrences + occurrence]. */
  eligibility: Uint8Array
  lunchWindows: (weekday: Weekday) => Interval[]
  breakNeed: (person: number, weekday: Weekday) => number
  commitmentsOn: (person: number, weekday: Weekday) => Interval[]
  absencesOn: (person: number, date: string) => Interval[]
  /** Start and end of the person's working day in minutes, or undefined where they do not work. */
  hoursOn: (person: number, weekday: Weekday) => Interval | undefined
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a[0] < b[1] && b[0] < a[1]
}

export function occurrenceKey(work: string, date: string, slot: string | undefined): string {
  return `${work}|${date}|${slot ?? ''}`
}

/** Merges touching or overlapping intervals; the lunch sittings of one lunch period become one window. */
export function mergeTouching(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0] || a[1] - b[1])
  const out: [number, number][] = []
  for (const [s, e] of sorted) {
    const last = out[out.length - 1]
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else out.push([s, e])
  }
  return out
}

/** True when some window keeps a free unbroken stretch of `need` minutes around the busy intervals. */
export function keepsRestBreak(windows: Interval[], busy: Interval[], need: number): boolean {
  if (need <= 0 || windows.length === 0) return true
  const sorted = [...busy].sort((a, b) => a[0] - b[0])
  for (const [w0, w1] of windows) {
    let cursor = w0
    let best = 0
    for (const [b0, b1] of sorted) {
      if (b1 <= w0 || b0 >= w1) continue
      best = Math.max(best, b0 - cursor)
      cursor = Math.max(cursor, b1)
    }
    best = Math.max(best, w1 - cursor)
    if (best >= need) return true
  }
  return false
}

function skillList(skills: Record<string, number> | undefined): [string, number][] {
  return Object.entries(skills ?? {})
    .filter(([, n]) => n > 0)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
}

function occurrencesOf(sc: Scenario, dates: string[]): Omit<Occurrence, 'index'>[] {
  const weekdayOf = new Map(dates.map((d, i) => [d, WEEKDAYS[i] as Weekday]))
  const closed = new Set(sc.closed ?? [])
  const slotById = new Map(sc.slots.map((s) => [s.id, s]))
  const runsOn = (slotId: string, wd: Weekday) => {
    const slot = slotById.get(slotId)
    return slot !== undefined && (slot.days === undefined || slot.days.includes(wd))
  }
  const out: Omit<Occurrence, 'index'>[] = []
  const push = (o: Omit<Occurrence, 'index' | 'key' | 'plainSeats'>) => {
    const skillSeats = o.skills.reduce((a, [, n]) => a + n, 0)
    out.push({ ...o, key: occurrenceKey(o.work, o.date, o.slot), plainSeats: Math.max(0, o.seats - skillSeats) })
  }
  for (const duty of sc.duties) {
    for (const wd of WEEKDAYS) {
      if (!duty.days.includes(wd)) continue
      const date = dates[WEEKDAYS.indexOf(wd)] as string
      if (closed.has(date)) continue
      for (const slotId of duty.slots) {
        const slot = slotById.get(slotId)
        if (!slot || !runsOn(slotId, wd)) continue
        push({
          work: duty.id,
          name: duty.name,
          kind: duty.kind,
          date,
          weekday: wd,
          slot: slotId,
          start: minutesOf(slot.start),
          end: minutesOf(slot.end),
          seats: duty.staff,
          skills: skillList(duty.skills),
          priority: duty.priority ?? 3,
        })
      }
    }
  }
  for (const c of sc.cover ?? []) {
    const slot = slotById.get(c.slot)
    const wd = weekdayOf.get(c.date)
    if (!slot || !wd || closed.has(c.date)) continue
    push({
      work: c.id,
      name: c.label ?? `Cover ${c.id}`,
      kind: 'cover',
      date: c.date,
      weekday: wd,
      slot: c.slot,
      start: minutesOf(slot.start),
      end: minutesOf(slot.end),
      seats: c.staff ?? 1,
      skills: skillList(c.skills),
      priority: c.priority ?? 3,
    })
  }
  for (const e of sc.events ?? []) {
    const wd = weekdayOf.get(e.date)
    if (!wd) continue
    push({
      work: e.id,
      name: e.name,
      kind: 'event',
      date: e.date,
      weekday: wd,
      start: minutesOf(e.start),
      end: minutesOf(e.end),
      seats: e.staff ?? 1,
      skills: skillList(e.skills),
      priority: e.priority ?? 3,
    })
  }
  return out
}

/** A person's fixed commitments in minutes, by weekday. */
function commitmentsByDay(s: Staff): Map<Weekday, Interval[]> {
  const byDay = new Map<Weekday, Interval[]>()
  for (const c of s.commitments ?? []) {
    const list = byDay.get(c.day) ?? []
    list.push([minutesOf(c.start), minutesOf(c.end)])
    byDay.set(c.day, list)
  }
  return byDay
}

/** Absences in minutes, keyed `staff|date`; a whole-day absence covers the whole day. */
function absencesByPersonDay(sc: Scenario): Map<string, Interval[]> {
  const absences = new Map<string, Interval[]>()
  for (const a of sc.absences ?? []) {
    const k = `${a.staff}|${a.date}`
    const list = absences.get(k) ?? []
    list.push([a.start ? minutesOf(a.start) : 0, a.end ? minutesOf(a.end) : 24 * 60])
    absences.set(k, list)
  }
  return absences
}

export function expandWeek(sc: Scenario): Week {
  const dates = datesOfWeek(sc.week)
  const occurrences: Occurrence[] = occurrencesOf(sc, dates).map((o, index) => ({ ...o, index }))
  const occurrenceByKey = new Map(occurrences.map((o) => [o.key, o]))
  const staff = sc.staff
  const staffIndex = new Map(staff.map((s, i) => [s.id, i]))
  const fullTime = sc.school.fullTimeHours ?? 37
  const fte = staff.map((s) => s.hoursPerWeek / fullTime)
  const skills = staff.map((s) => new Set(s.skills ?? []))
  const gradeKinds = new Map(sc.grades.map((g) => [g.id, new Set<string>(g.dutyKinds)]))

  const lunchByDay = new Map<Weekday, Interval[]>()
  const lunchWindows = (wd: Weekday): Interval[] => {
    let windows = lunchByDay.get(wd)
    if (!windows) {
      const lunch = sc.slots.filter((s) => s.kind === 'lunch' && (s.days === undefined || s.days.includes(wd)))
      windows = mergeTouching(lunch.map((s) => [minutesOf(s.start), minutesOf(s.end)] as const))
      lunchByDay.set(wd, windows)
    }
    return windows
  }
  // Each person's working hours in minutes by weekday, parsed once: the rule gate asks for them
  // for every (person, occurrence) pair it looks at.
  const hours = staff.map((s) => {
    const byDay = new Map<Weekday, Interval>()
    for (const wd of WEEKDAYS) {
      const day = s.pattern[wd]
      if (day) byDay.set(wd, [minutesOf(day.start), minutesOf(day.end)])
    }
    return byDay
  })
  const breakNeed = (person: number, wd: Weekday): number => {
    const p = staff[person]
    const day = hours[person]?.get(wd)
    if (!p || !day) return 0
    const long = day[1] - day[0] > 360
    return Math.max(p.unpaidBreakMinutes ?? 0, long ? 20 : 0)
  }
  const commitments = staff.map(commitmentsByDay)
  const commitmentsOn = (person: number, wd: Weekday) => commitments[person]?.get(wd) ?? []
  const absences = absencesByPersonDay(sc)
  const absencesOn = (person: number, date: string) => absences.get(`${staff[person]?.id}|${date}`) ?? []

  const week: Week = {
    scenario: sc,
    dates,
    occurrences,
    occurrenceByKey,
    staff,
    staffIndex,
    fte,
    skills,
    eligibility: new Uint8Array(staff.length * occurrences.length),
    lunchWindows,
    breakNeed,
    commitmentsOn,
    absencesOn,
    hoursOn: (person, wd) => hours[person]?.get(wd),
  }
  fillEligibility(week, gradeKinds)
  return week
}

/**
 * Eligibility depends on the occurrence only through its kind, date and times, which the many
 * cover requests of one lesson share: each person is asked once per distinct profile, so
 * building the table costs a lookup per (person, occurrence), not a rule check.
 */
function fillEligibility(week: Week, gradeKinds: ReadonlyMap<string, Set<string>>): void {
  const { occurrences, staff } = week
  const profiles = new Map<string, number>()
  const first: Occurrence[] = []
  const profileOf = occurrences.map((o) => {
    const k = `${o.kind}|${o.date}|${o.start}|${o.end}`
    let id = profiles.get(k)
    if (id === undefined) {
      id = first.length
      profiles.set(k, id)
      first.push(o)
    }
    return id
  })
  const codes = new Uint8Array(first.length)
  staff.forEach((person, p) => {
    const kinds = gradeKinds.get(person.grade)
    first.forEach((o, i) => {
      codes[i] = whyNot(week, p, o, kinds)
    })
    const row = p * occurrences.length
    for (let o = 0; o < occurrences.length; o++) week.eligibility[row + o] = codes[profileOf[o] as number] as number
  })
}

function whyNot(week: Week, p: number, o: Occurrence, kinds: Set<string> | undefined): Ineligibility | 0 {
  const person = week.staff[p] as Staff
  if (!kinds?.has(o.kind)) return INELIGIBLE.grade
  const block: Interval = [o.start, o.end]
  if (o.kind !== 'event') {
    const day = week.hoursOn(p, o.weekday)
    if (!day) return INELIGIBLE.notWorking
    if (o.start < day[0] || o.end > day[1]) return INELIGIBLE.outsideHours
  }
  if (week.absencesOn(p, o.date).some((a) => overlaps(a, block))) return INELIGIBLE.absent
  const committed = week.commitmentsOn(p, o.weekday)
  if (committed.some((c) => overlaps(c, block))) return INELIGIBLE.commitment
  if (o.kind === 'event') {
    if ((o.end - o.start) / 60 > (person.additionalHoursRemaining ?? 0) + 1e-9) return INELIGIBLE.additionalHours
  } else if (person.maxDutiesPerWeek === 0) {
    return INELIGIBLE.weeklyCap
  }
  if (!keepsRestBreak(week.lunchWindows(o.weekday), [...committed, block], week.breakNeed(p, o.weekday))) return INELIGIBLE.noRestBreak
  return 0
}

export function isEligible(week: Week, person: number, occurrence: number): boolean {
  return week.eligibility[person * week.occurrences.length + occurrence] === 0
}

export function ineligibility(week: Week, person: number, occurrence: number): Ineligibility | 0 {
  return (week.eligibility[person * week.occurrences.length + occurrence] ?? 0) as Ineligibility | 0
}

/** Duty and cover count towards the weekly cap and fairness; events are paid from additional hours. */
export function countsAsDuty(o: Occurrence): boolean {
  return o.kind !== 'event'
}

export function eventHours(o: Occurrence): number {
  return (o.end - o.start) / 60
}
