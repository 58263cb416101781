// Deterministic school weeks for the benchmark. Each week comes from a fixed seed through a
// small PRNG of our own (Math.random cannot be seeded, and a benchmark whose inputs change from
// run to run cannot be compared across commits). The shapes follow the example weeks in
// db/scenarios: the same slots and grades, skills as scarce as they are in real schools, and
// demand set so that most seats can be filled but a few cannot: a week where everything fits
// would never test whether the solver fills the right seats.
import type { Absence, Assignment, CoverRequest, Duty, Rota, Scenario, SchoolEvent, Slot, Staff, Weekday } from '../solver/scenario.js'
import { SCENARIO_FORMAT, datesOfWeek, parseScenario } from '../solver/scenario.js'

/** sfc32: a small, fast generator with a 128-bit state; good enough for test data. */
export class Rng {
  private a: number
  private b: number
  private c: number
  private d: number
  constructor(seed: number) {
    this.a = 0x9e3779b9
    this.b = 0x243f6a88
    this.c = 0xb7e15162
    this.d = seed >>> 0
    for (let i = 0; i < 15; i++) this.next() // mix the seed through the state
  }
  /** A float in [0, 1). */
  next(): number {
    this.a >>>= 0
    this.b >>>= 0
    this.c >>>= 0
    this.d >>>= 0
    const t = (((this.a + this.b) | 0) + this.d) | 0
    this.d = (this.d + 1) | 0
    this.a = this.b ^ (this.b >>> 9)
    this.b = (this.c + (this.c << 3)) | 0
    this.c = (this.c << 21) | (this.c >>> 11)
    this.c = (this.c + t) | 0
    return (t >>> 0) / 4294967296
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(list: readonly T[]): T {
    const v = list[Math.floor(this.next() * list.length)]
    if (v === undefined) throw new Error('pick from an empty list')
    return v
  }
  /** A pick where each entry carries a weight. */
  weighted<T>(list: readonly (readonly [T, number])[]): T {
    const total = list.reduce((a, [, w]) => a + w, 0)
    let r = this.next() * total
    for (const [v, w] of list) {
      r -= w
      if (r < 0) return v
    }
    return (list[list.length - 1] as readonly [T, number])[0]
  }
  shuffle<T>(list: readonly T[]): T[] {
    const out = [...list]
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1))
      const tmp = out[i] as T
      out[i] = out[j] as T
      out[j] = tmp
    }
    return out
  }
}

const WEEK = '2026-11-23'
const SCHOOL_DAYS: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri']
const DATES = datesOfWeek(WEEK)
const dateOf = (wd: Weekday): string => DATES[SCHOOL_DAYS.indexOf(wd)] as string

const FIRST = [
  'Amira',
  'Ben',
  'Chloe',
  'Dev',
  'Ella',
  'Farah',
  'Gareth',
  'Hana',
  'Imran',
  'Jess',
  'Kofi',
  'Lena',
  'Mo',
  'Nia',
  'Owen',
  'Priya',
  'Rhys',
  'Sana',
  'Tom',
  'Uma',
  'Wren',
  'Yusuf',
  'Zoe',
  'Aled',
  'Bethan',
  'Callum',
  'Dina',
  'Eamon',
]
const LAST = [
  'Patel',
  'Jones',
  'Smith',
  'Khan',
  'Evans',
  'Brown',
  'Ali',
  'Hughes',
  'Clarke',
  'Ahmed',
  'Taylor',
  'Hussain',
  'Williams',
  'Davies',
  'Okafor',
  'Nowak',
  'Begum',
  'Wright',
]

const GRADES: Scenario['grades'] = [
  { id: 'GB', name: 'Grade B pastoral and learning support', dutyKinds: ['break', 'lunch', 'cover', 'other', 'event'] },
  { id: 'G4', name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break', 'lunch', 'oncall', 'cover', 'other', 'event'] },
  { id: 'G7', name: 'Grade 7 pastoral support officer', dutyKinds: ['break', 'lunch', 'oncall', 'cover', 'other', 'event'] },
  { id: 'S5', name: 'NJC Scale 5 pastoral lead', dutyKinds: ['oncall', 'break', 'lunch', 'other'] },
  { id: 'BD', name: 'Band D learning support practitioner', dutyKinds: ['break', 'lunch', 'cover', 'other', 'event'] },
  { id: 'TA2', name: 'Teaching assistant level 2', dutyKinds: ['break', 'lunch', 'other'] },
  { id: 'MS', name: 'Midday supervisor', dutyKinds: ['lunch'] },
  { id: 'CS', name: 'Cover supervisor', dutyKinds: ['cover', 'break', 'lunch', 'oncall'] },
]

/** Grades as a secondary school staffs them (the shares of the large example week). */
const SECONDARY_GRADES: [string, number][] = [
  ['G4', 25],
  ['G7', 17],
  ['CS', 17],
  ['BD', 8],
  ['S5', 8],
  ['GB', 8],
  ['TA2', 8],
  ['MS', 9],
]
const PRIMARY_GRADES: [string, number][] = [
  ['G4', 3],
  ['BD', 3],
  ['TA2', 4],
  ['GB', 2],
  ['S5', 1],
  ['MS', 2],
]
const RESIDENTIAL_GRADES: [string, number][] = [
  ['G4', 8],
  ['G7', 5],
  ['GB', 6],
  ['BD', 3],
  ['S5', 3],
  ['CS', 3],
  ['TA2', 3],
]

const SECONDARY_SLOTS: Slot[] = [
  { id: 'gate-am', kind: 'other', start: '08:25', end: '08:45' },
  { id: 'p1', kind: 'lesson', start: '08:45', end: '09:45' },
  { id: 'p2', kind: 'lesson', start: '09:45', end: '10:45' },
  { id: 'break', kind: 'break', start: '10:45', end: '11:05' },
  { id: 'p3', kind: 'lesson', start: '11:05', end: '12:05' },
  { id: 'lunch1', kind: 'lunch', start: '12:05', end: '12:35' },
  { id: 'lunch2', kind: 'lunch', start: '12:35', end: '13:05' },
  { id: 'p4', kind: 'lesson', start: '13:05', end: '14:05' },
  { id: 'p5', kind: 'lesson', start: '14:05', end: '15:05' },
  { id: 'bus', kind: 'other', start: '15:05', end: '15:25' },
  { id: 'detention', kind: 'other', start: '15:25', end: '16:10', days: ['tue', 'thu'] },
]
const LESSONS = ['p1', 'p2', 'p3', 'p4', 'p5']

const PRIMARY_SLOTS: Slot[] = [
  { id: 'gate-am', kind: 'other', start: '08:40', end: '08:55' },
  { id: 's1', kind: 'lesson', start: '08:55', end: '10:15' },
  { id: 'break', kind: 'break', start: '10:15', end: '10:30' },
  { id: 's2', kind: 'lesson', start: '10:30', end: '12:00' },
  { id: 'lunch-a', kind: 'lunch', start: '12:00', end: '12:30' },
  { id: 'lunch-b', kind: 'lunch', start: '12:30', end: '13:00' },
  { id: 's3', kind: 'lesson', start: '13:00', end: '14:15' },
  { id: 's4', kind: 'lesson', start: '14:15', end: '15:15', days: ['mon', 'tue', 'wed', 'thu'] },
  { id: 'gate-pm', kind: 'other', start: '15:15', end: '15:30' },
]

/** A residential school: the day of a secondary, then tea, prep, activities and bedtime. */
const RESIDENTIAL_SLOTS: Slot[] = [
  ...SECONDARY_SLOTS.filter((s) => s.id !== 'detention'),
  { id: 'tea', kind: 'other', start: '16:30', end: '17:30' },
  { id: 'prep', kind: 'other', start: '17:30', end: '18:30' },
  { id: 'activities', kind: 'other', start: '18:30', end: '19:30' },
  { id: 'dorm', kind: 'other', start: '19:30', end: '21:30' },
]

interface Shift {
  start: string
  end: string
  hours: number
}

/** Working days as contracts write them; hours are per day, before the unpaid break. */
const DAY_SHIFTS: Shift[] = [
  { start: '08:00', end: '15:50', hours: 7.33 },
  { start: '08:15', end: '15:45', hours: 7 },
  { start: '08:30', end: '15:30', hours: 6.5 },
  { start: '08:15', end: '15:30', hours: 6.75 },
  // Some stay on for detention and the late buses.
  { start: '09:00', end: '16:30', hours: 7 },
]
const PRIMARY_SHIFTS: Shift[] = [
  { start: '08:30', end: '15:30', hours: 6.5 },
  { start: '08:15', end: '15:45', hours: 7 },
  { start: '08:40', end: '15:30', hours: 6.33 },
]
const MIDDAY: Shift = { start: '11:45', end: '13:30', hours: 1.75 }
const EVENING_SHIFTS: Shift[] = [
  { start: '13:00', end: '21:30', hours: 8 },
  { start: '11:00', end: '19:30', hours: 8 },
  { start: '15:00', end: '21:45', hours: 6.25 },
]

interface StaffPlan {
  grades: [string, number][]
  shifts: Shift[]
  /** Share of staff on an evening shift (residential only). */
  evening: number
  /** Lesson slots where commitments (1:1 work, groups) are set. */
  commitmentSlots: Slot[]
  /** The first lunch sitting, where a few run a club. */
  firstLunch: Slot
  dutyIds: string[]
  skillOdds: { firstAid: number; teamTeach: number; dsl: number; send: number }
}

function makeStaff(rng: Rng, n: number, plan: StaffPlan): Staff[] {
  const out: Staff[] = []
  for (let i = 1; i <= n; i++) {
    const grade = rng.weighted(plan.grades)
    const id = `s${String(i).padStart(3, '0')}`
    const name = `${rng.pick(FIRST)} ${rng.pick(LAST)}`
    const midday = grade === 'MS'
    const evening = !midday && rng.chance(plan.evening)
    const shift = midday ? MIDDAY : evening ? rng.pick(EVENING_SHIFTS) : rng.pick(plan.shifts)
    // About one in six works part time: two to four days.
    const days = rng.chance(midday ? 0.1 : 0.17)
      ? rng
          .shuffle(SCHOOL_DAYS)
          .slice(0, rng.int(2, 4))
          .sort((a, b) => SCHOOL_DAYS.indexOf(a) - SCHOOL_DAYS.indexOf(b))
      : SCHOOL_DAYS
    const pattern: Staff['pattern'] = {}
    for (const d of days) pattern[d] = { start: shift.start, end: shift.end }
    const hoursPerWeek = Math.round(shift.hours * days.length * 100) / 100
    const skills: string[] = []
    const pastoral = grade === 'G7' || grade === 'S5' || grade === 'CS'
    if (rng.chance(plan.skillOdds.firstAid)) skills.push('first-aid')
    if (!midday && rng.chance(plan.skillOdds.teamTeach * (pastoral ? 1.8 : 0.7))) skills.push('team-teach')
    if (!midday && rng.chance(plan.skillOdds.dsl * (grade === 'S5' || grade === 'G7' ? 3 : 0.3))) skills.push('dsl')
    if (!midday && rng.chance(plan.skillOdds.send)) skills.push('send')
    const person: Staff = {
      id,
      name,
      grade,
      hoursPerWeek,
      pattern,
      // Midday supervisors work under six hours and take no unpaid break.
      unpaidBreakMinutes: midday ? 0 : rng.chance(0.8) ? 30 : 20,
      skills,
      dutiesThisTerm: midday ? rng.int(0, 6) : rng.int(0, 16),
    }
    if (!midday) person.additionalHoursRemaining = rng.chance(0.12) ? 0 : Math.round(rng.next() * 500) / 10
    if (rng.chance(0.28)) person.maxDutiesPerWeek = rng.int(midday ? 3 : 2, 6)
    const commitments: NonNullable<Staff['commitments']> = []
    if (!midday && !evening) {
      for (const d of days) {
        if (!rng.chance(0.45)) continue
        const s = rng.pick(plan.commitmentSlots)
        commitments.push({
          day: d,
          start: s.start,
          end: s.end,
          label: rng.pick(['1:1 key work', 'Reading intervention', 'SEMH group', 'Nurture group', 'Attendance meeting']),
        })
      }
      // A few run a lunch club in the first sitting: their break must come in the second.
      if (rng.chance(0.05)) {
        const d = rng.pick(days)
        const first = plan.firstLunch
        if (!commitments.some((c) => c.day === d && c.start === first.start))
          commitments.push({ day: d, start: first.start, end: first.end, label: 'Lunch club' })
      }
    }
    if (commitments.length) person.commitments = commitments
    if (rng.chance(0.15)) person.avoid = [rng.pick(plan.dutyIds)]
    if (rng.chance(0.15)) {
      const p = rng.pick(plan.dutyIds)
      if (!person.avoid?.includes(p)) person.prefer = [p]
    }
    out.push(person)
  }
  return out
}

function makeAbsences(rng: Rng, staff: Staff[], count: number): Absence[] {
  const out: Absence[] = []
  const reasons = ['sickness', 'medical', 'family', 'training', 'trip']
  const seen = new Set<string>()
  for (let tries = 0; out.length < count && tries < count * 20; tries++) {
    const p = rng.pick(staff)
    const day = rng.pick(Object.keys(p.pattern) as Weekday[])
    const date = dateOf(day)
    if (seen.has(`${p.id}|${date}`)) continue
    seen.add(`${p.id}|${date}`)
    const a: Absence = { staff: p.id, date, reason: rng.pick(reasons) }
    // One in four is part of a day: a morning appointment or an afternoon off.
    if (rng.chance(0.25)) Object.assign(a, rng.chance(0.5) ? { start: '08:00', end: '12:00' } : { start: '12:30', end: '16:00' })
    out.push(a)
  }
  return out
}

function makeCover(rng: Rng, count: number, lessons: string[], slots: Slot[]): CoverRequest[] {
  const subjects = ['Maths', 'English', 'Science', 'History', 'Geography', 'PE', 'Art', 'French', 'RE', 'Computing']
  const out: CoverRequest[] = []
  for (let i = 1; i <= count; i++) {
    // An absence cluster: a Year 10 trip takes many teachers out on Thursday afternoon, so
    // cover piles up in two lessons (where the larger weeks run out of people).
    const trip = rng.chance(0.4)
    let day: Weekday = trip ? 'thu' : rng.pick(SCHOOL_DAYS)
    let slot = trip ? rng.pick(lessons.slice(-2)) : rng.pick(lessons)
    // A slot limited to some days (Friday's early finish) cannot be covered on the others.
    for (let t = 0; t < 10 && !(slots.find((s) => s.id === slot)?.days ?? SCHOOL_DAYS).includes(day); t++) {
      day = rng.pick(SCHOOL_DAYS)
      slot = rng.pick(lessons)
    }
    const c: CoverRequest = {
      id: `c${i}`,
      date: dateOf(day),
      slot,
      label: `${rng.int(7, 11)}${rng.pick(['A', 'B', 'C', 'X', 'Y'])} ${rng.pick(subjects)}`,
      skills: {},
    }
    // Some lessons are with pupils who need a SEND-trained adult; a few are more pressing.
    if (rng.chance(0.12)) c.skills = { send: 1 }
    if (rng.chance(0.1)) c.priority = 2
    out.push(c)
  }
  return out
}

function finish(sc: Scenario): Scenario {
  const parsed = parseScenario(sc)
  if (!parsed.ok)
    throw new Error(
      `generated week is invalid: ${parsed.problems
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.message}`)
        .join('; ')}`,
    )
  return parsed.value
}

const scale = (n: number, f: number, min = 1): number => Math.max(min, Math.round(n * f))

export function primaryWeek(seed = 15): Scenario {
  const rng = new Rng(seed)
  const duties: Duty[] = [
    { id: 'gate', name: 'Gate', kind: 'other', slots: ['gate-am', 'gate-pm'], days: SCHOOL_DAYS, staff: 1, skills: {} },
    { id: 'yard-break', name: 'Yard', kind: 'break', slots: ['break'], days: SCHOOL_DAYS, staff: 2, skills: { 'first-aid': 1 }, priority: 2 },
    { id: 'hall-lunch', name: 'Hall', kind: 'lunch', slots: ['lunch-a', 'lunch-b'], days: SCHOOL_DAYS, staff: 2, skills: { 'first-aid': 1 }, priority: 2 },
    { id: 'field-lunch', name: 'Field', kind: 'lunch', slots: ['lunch-a', 'lunch-b'], days: SCHOOL_DAYS, staff: 2, skills: {} },
    {
      id: 'oncall',
      name: 'On-call behaviour support',
      kind: 'oncall',
      slots: ['s1', 's2', 's3'],
      days: SCHOOL_DAYS,
      staff: 1,
      skills: { 'team-teach': 1 },
      priority: 1,
    },
  ]
  const staff = makeStaff(rng, 15, {
    grades: PRIMARY_GRADES,
    shifts: PRIMARY_SHIFTS,
    evening: 0,
    commitmentSlots: PRIMARY_SLOTS.filter((s) => s.kind === 'lesson'),
    firstLunch: PRIMARY_SLOTS[4] as Slot,
    dutyIds: duties.map((d) => d.id),
    skillOdds: { firstAid: 0.45, teamTeach: 0.5, dsl: 0.1, send: 0.15 },
  })
  return finish({
    format: SCENARIO_FORMAT,
    school: { name: 'Bench Primary (15 staff)', timezone: 'Europe/London' },
    week: WEEK,
    slots: PRIMARY_SLOTS,
    grades: GRADES,
    staff,
    duties,
    absences: makeAbsences(rng, staff, 2),
    cover: makeCover(rng, 9, ['s1', 's2', 's3', 's4'], PRIMARY_SLOTS),
    events: [
      { id: 'parents-eve', name: "Parents' evening", date: dateOf('wed'), start: '16:00', end: '19:00', staff: 3, skills: {} },
      { id: 'twilight', name: 'Twilight INSET: safeguarding update', date: dateOf('thu'), start: '15:45', end: '17:15', staff: 4, skills: {} },
    ],
  })
}

export function secondaryWeek(n: number, seed: number): Scenario {
  const rng = new Rng(seed)
  const f = n / 120
  const duties: Duty[] = [
    { id: 'gate', name: 'Front gate', kind: 'other', slots: ['gate-am'], days: SCHOOL_DAYS, staff: scale(4, f), skills: {} },
    {
      id: 'yard-break',
      name: 'Yard',
      kind: 'break',
      slots: ['break'],
      days: SCHOOL_DAYS,
      staff: scale(6, f, 2),
      skills: { 'first-aid': scale(2, f) },
      priority: 2,
    },
    { id: 'canteen-break', name: 'Canteen', kind: 'break', slots: ['break'], days: SCHOOL_DAYS, staff: scale(4, f), skills: {} },
    { id: 'corridor-break', name: 'Science corridor', kind: 'break', slots: ['break'], days: SCHOOL_DAYS, staff: scale(2, f), skills: {}, priority: 4 },
    {
      id: 'dining',
      name: 'Dining hall',
      kind: 'lunch',
      slots: ['lunch1', 'lunch2'],
      days: SCHOOL_DAYS,
      staff: scale(6, f, 2),
      skills: { 'first-aid': scale(2, f) },
      priority: 2,
    },
    { id: 'field', name: 'Field', kind: 'lunch', slots: ['lunch1', 'lunch2'], days: SCHOOL_DAYS, staff: scale(4, f), skills: {} },
    { id: 'library', name: 'Library', kind: 'lunch', slots: ['lunch1', 'lunch2'], days: SCHOOL_DAYS, staff: scale(2, f), skills: {}, priority: 4 },
    {
      id: 'oncall',
      name: 'On-call behaviour support',
      kind: 'oncall',
      slots: LESSONS,
      days: SCHOOL_DAYS,
      staff: scale(2, f),
      skills: { 'team-teach': 1 },
      priority: 1,
    },
    // A designated safeguarding lead or deputy on call at break and lunch (KCSIE): scarce.
    {
      id: 'dsl-duty',
      name: 'Safeguarding on call',
      kind: 'oncall',
      slots: ['break', 'lunch1', 'lunch2'],
      days: SCHOOL_DAYS,
      staff: 1,
      skills: { dsl: 1 },
      priority: 1,
    },
    { id: 'bus', name: 'Bus bays', kind: 'other', slots: ['bus'], days: SCHOOL_DAYS, staff: scale(6, f, 2), skills: {} },
    { id: 'detention', name: 'Detention', kind: 'other', slots: ['detention'], days: ['tue', 'thu'], staff: scale(2, f), skills: {}, priority: 5 },
  ]
  const staff = makeStaff(rng, n, {
    grades: SECONDARY_GRADES,
    shifts: DAY_SHIFTS,
    evening: 0,
    commitmentSlots: SECONDARY_SLOTS.filter((s) => s.kind === 'lesson'),
    firstLunch: SECONDARY_SLOTS[5] as Slot,
    dutyIds: duties.map((d) => d.id),
    skillOdds: { firstAid: 0.3, teamTeach: 0.3, dsl: 0.05, send: 0.08 },
  })
  return finish({
    format: SCENARIO_FORMAT,
    school: { name: `Bench Secondary (${n} staff)`, timezone: 'Europe/London' },
    week: WEEK,
    slots: SECONDARY_SLOTS,
    grades: GRADES,
    staff,
    duties,
    absences: makeAbsences(rng, staff, scale(n, 0.06)),
    cover: makeCover(rng, scale(n, 1.25), LESSONS, SECONDARY_SLOTS),
    events: [
      { id: 'parents-eve', name: "Parents' evening", date: dateOf('wed'), start: '16:00', end: '19:00', staff: scale(n, 0.1), skills: {} },
      { id: 'twilight', name: 'Twilight INSET: Team Teach refresher', date: dateOf('thu'), start: '15:45', end: '17:15', staff: scale(n, 0.12), skills: {} },
    ],
  })
}

export function residentialWeek(n = 36, seed = 36): Scenario {
  const rng = new Rng(seed)
  const duties: Duty[] = [
    { id: 'gate', name: 'Arrival', kind: 'other', slots: ['gate-am'], days: SCHOOL_DAYS, staff: 2, skills: {} },
    { id: 'yard-break', name: 'Yard', kind: 'break', slots: ['break'], days: SCHOOL_DAYS, staff: 3, skills: { 'first-aid': 1, 'team-teach': 1 }, priority: 2 },
    { id: 'dining', name: 'Dining room', kind: 'lunch', slots: ['lunch1', 'lunch2'], days: SCHOOL_DAYS, staff: 3, skills: { 'first-aid': 1 }, priority: 2 },
    { id: 'oncall', name: 'On-call behaviour support', kind: 'oncall', slots: LESSONS, days: SCHOOL_DAYS, staff: 2, skills: { 'team-teach': 1 }, priority: 1 },
    { id: 'bus', name: 'Day pupils to buses', kind: 'other', slots: ['bus'], days: SCHOOL_DAYS, staff: 2, skills: {} },
    { id: 'tea', name: 'Tea', kind: 'other', slots: ['tea'], days: SCHOOL_DAYS, staff: 3, skills: { 'first-aid': 1 } },
    { id: 'prep', name: 'Prep (homework)', kind: 'other', slots: ['prep'], days: ['mon', 'tue', 'wed', 'thu'], staff: 2, skills: {}, priority: 4 },
    {
      id: 'activities',
      name: 'Evening activities',
      kind: 'other',
      slots: ['activities'],
      days: SCHOOL_DAYS,
      staff: 3,
      skills: { 'team-teach': 1 },
      priority: 2,
    },
    { id: 'dorm', name: 'Dormitory and bedtime', kind: 'other', slots: ['dorm'], days: SCHOOL_DAYS, staff: 3, skills: { 'first-aid': 1 }, priority: 1 },
  ]
  const staff = makeStaff(rng, n, {
    grades: RESIDENTIAL_GRADES,
    shifts: DAY_SHIFTS,
    evening: 0.4,
    commitmentSlots: SECONDARY_SLOTS.filter((s) => s.kind === 'lesson'),
    firstLunch: SECONDARY_SLOTS[5] as Slot,
    dutyIds: duties.map((d) => d.id),
    skillOdds: { firstAid: 0.4, teamTeach: 0.45, dsl: 0.08, send: 0.2 },
  })
  return finish({
    format: SCENARIO_FORMAT,
    school: { name: `Bench Residential (${n} staff)`, timezone: 'Europe/London' },
    week: WEEK,
    slots: RESIDENTIAL_SLOTS,
    grades: GRADES,
    staff,
    duties,
    absences: makeAbsences(rng, staff, 3),
    cover: makeCover(rng, 14, LESSONS, RESIDENTIAL_SLOTS),
    events: [
      // Parents' evening runs into tea and prep: the people on it cannot also do those.
      { id: 'parents-eve', name: "Parents' evening", date: dateOf('wed'), start: '16:00', end: '19:00', staff: 4, skills: {} },
      { id: 'twilight', name: 'Twilight INSET: Team Teach refresher', date: dateOf('thu'), start: '15:45', end: '17:15', staff: 5, skills: {} },
    ] satisfies SchoolEvent[],
  })
}

/**
 * The re-plan: the published rota of a week becomes `previous`, then three people who hold
 * duty or cover on Wednesday ring in sick for the whole day.
 */
export function replanWeek(base: Scenario, published: Rota, seed = 3): Scenario {
  const rng = new Rng(seed)
  const wednesday = dateOf('wed')
  const holders = [...new Set(published.assignments.filter((a) => a.date === wednesday && a.slot !== undefined).map((a) => a.staff))].sort()
  const alreadyOff = new Set((base.absences ?? []).filter((a) => a.date === wednesday).map((a) => a.staff))
  const sick = rng.shuffle(holders.filter((s) => !alreadyOff.has(s))).slice(0, 3)
  const previous: Assignment[] = published.assignments.map((a) =>
    a.slot === undefined ? { staff: a.staff, duty: a.duty, date: a.date } : { staff: a.staff, duty: a.duty, date: a.date, slot: a.slot },
  )
  return finish({
    ...base,
    school: { ...base.school, name: `${base.school.name}, re-plan after three off sick on Wednesday` },
    absences: [...(base.absences ?? []), ...sick.map((s): Absence => ({ staff: s, date: wednesday, reason: 'sickness' }))],
    previous,
  })
}

/**
 * A crisis week: on two days (Tuesday and Thursday) 30-45 % of the staff who work that day
 * are off all day, and every lesson of those days asks for cover at twice what their absence
 * leaves undone, reading each absent person as teaching half the lessons: as many requests
 * per lesson as there are people off. Demand is then well above supply, the week where a
 * solver that stops early leaves seats someone could still take. With `published`, the week
 * is a re-plan of that rota (it becomes `previous`), as when the crisis hits a published week.
 */
export function crisisWeek(base: Scenario, seed: number, published?: Rota): Scenario {
  const rng = new Rng(seed)
  const lessons = base.slots.filter((s) => s.kind === 'lesson')
  const absences: Absence[] = [...(base.absences ?? [])]
  const cover: CoverRequest[] = [...(base.cover ?? [])]
  for (const day of ['tue', 'thu'] as const) {
    const date = dateOf(day)
    const alreadyOff = new Set(absences.filter((a) => a.date === date).map((a) => a.staff))
    const working = base.staff.filter((p) => p.pattern[day] !== undefined && !alreadyOff.has(p.id))
    const off = rng.shuffle(working).slice(0, Math.round(working.length * (0.3 + rng.next() * 0.15)))
    for (const p of off) absences.push({ staff: p.id, date, reason: 'sickness' })
    for (const slot of lessons) {
      if (slot.days && !slot.days.includes(day)) continue
      for (let i = 0; i < off.length; i++) {
        const c: CoverRequest = { id: `x${cover.length + 1}`, date, slot: slot.id, label: `Crisis cover ${cover.length + 1}`, skills: {} }
        if (rng.chance(0.08)) c.skills = { send: 1 }
        if (rng.chance(0.1)) c.priority = 2
        cover.push(c)
      }
    }
  }
  const sc: Scenario = { ...base, school: { ...base.school, name: `${base.school.name}, crisis on Tuesday and Thursday` }, absences, cover }
  if (published)
    sc.previous = published.assignments.map((a) =>
      a.slot === undefined ? { staff: a.staff, duty: a.duty, date: a.date } : { staff: a.staff, duty: a.duty, date: a.date, slot: a.slot },
    )
  return finish(sc)
}

export interface BenchWeek {
  name: string
  scenario: Scenario
}

/** The generated weeks, smallest first, then the crisis weeks. The re-plans are built by the runner from a solved week. */
export function generatedWeeks(): BenchWeek[] {
  return [
    { name: 'gen-primary-15', scenario: primaryWeek(15) },
    { name: 'gen-secondary-50', scenario: secondaryWeek(50, 50) },
    { name: 'gen-residential-36', scenario: residentialWeek(36, 36) },
    { name: 'gen-secondary-120', scenario: secondaryWeek(120, 120) },
    { name: 'gen-secondary-250', scenario: secondaryWeek(250, 250) },
    { name: 'gen-secondary-500', scenario: secondaryWeek(500, 500) },
    // The largest week the service accepts (src/scenario/limits.ts): it must finish in budget.
    { name: 'gen-secondary-2000', scenario: secondaryWeek(2000, 2000) },
    { name: 'gen-crisis-50', scenario: crisisWeek(secondaryWeek(50, 50), 2) },
    { name: 'gen-crisis-120', scenario: crisisWeek(secondaryWeek(120, 120), 3) },
    { name: 'gen-crisis-250', scenario: crisisWeek(secondaryWeek(250, 250), 5) },
  ]
}
