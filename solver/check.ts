// The ten hard rules, checked straight from the scenario text and written apart from the model
// and its expansion (it uses only scenario.ts), so a mistake in one is unlikely to hide the
// same mistake in the other. Also checks that `unfilled` accounts for every empty seat.
import { WEEKDAYS, datesOfWeek, minutesOf } from './scenario.js'
import type { Rota, Scenario, Staff, Weekday } from './scenario.js'

export interface RuleProblem {
  /** 1-10 for the hard rules; 0 for the `unfilled` bookkeeping. */
  rule: number
  message: string
}

interface Work {
  id: string
  kind: string
  date: string
  weekday: Weekday
  slot: string | undefined
  from: number
  to: number
  people: number
  skills: Record<string, number>
}

type Say = (rule: number, message: string) => void

type Busy = [number, number, string]

/** What the assignments add up to, for the rules that look at more than one of them. */
interface Tally {
  /** who is in each piece of work, keyed like `works` */
  crew: Map<string, Staff[]>
  /** each person's busy times on each day they have work, keyed "staff date" */
  days: Map<string, { person: Staff; weekday: Weekday; busy: Busy[] }>
  dutyCount: Map<string, number>
  eventMinutes: Map<string, number>
  /** "staff workKey" of every assignment seen */
  given: Set<string>
}

const keyOf = (id: string, date: string, slot: string | undefined) => `${id}@${date}@${slot ?? '-'}`

export function checkRota(sc: Scenario, rota: Rota): RuleProblem[] {
  const problems: RuleProblem[] = []
  const say: Say = (rule, message) => {
    problems.push({ rule, message })
  }
  const people = new Map(sc.staff.map((s) => [s.id, s]))
  const works = worksOfWeek(sc)
  const tally = checkAssignments(sc, rota, works, people, say)
  checkDays(sc, tally, say)
  checkCrews(works, tally, say)
  checkWeeklyLimits(people, tally, say)
  ;(sc.pins ?? []).forEach((pin, i) => {
    if (!tally.given.has(`${pin.staff} ${keyOf(pin.duty, pin.date, pin.slot)}`)) say(10, `pins[${i}] is not in the rota`)
  })
  checkUnfilled(rota, works, tally, say)
  return problems
}

/** Every piece of work that may run this week, keyed like an assignment. */
function worksOfWeek(sc: Scenario): Map<string, Work> {
  const dates = datesOfWeek(sc.week)
  const dayOf = (date: string): Weekday | undefined => WEEKDAYS[dates.indexOf(date)]
  const closed = new Set(sc.closed ?? [])
  const slots = new Map(sc.slots.map((s) => [s.id, s]))
  const works = new Map<string, Work>()
  for (const d of sc.duties) {
    for (const wd of d.days) {
      const date = dates[WEEKDAYS.indexOf(wd)] as string
      if (closed.has(date)) continue
      for (const sid of d.slots) {
        const s = slots.get(sid)
        if (!s || (s.days && !s.days.includes(wd))) continue
        works.set(keyOf(d.id, date, sid), {
          id: d.id,
          kind: d.kind,
          date,
          weekday: wd,
          slot: sid,
          from: minutesOf(s.start),
          to: minutesOf(s.end),
          people: d.staff,
          skills: d.skills ?? {},
        })
      }
    }
  }
  for (const c of sc.cover ?? []) {
    const s = slots.get(c.slot)
    const wd = dayOf(c.date)
    if (!s || !wd || closed.has(c.date)) continue
    works.set(keyOf(c.id, c.date, c.slot), {
      id: c.id,
      kind: 'cover',
      date: c.date,
      weekday: wd,
      slot: c.slot,
      from: minutesOf(s.start),
      to: minutesOf(s.end),
      people: c.staff ?? 1,
      skills: c.skills ?? {},
    })
  }
  for (const e of sc.events ?? []) {
    const wd = dayOf(e.date)
    if (!wd) continue
    works.set(keyOf(e.id, e.date, undefined), {
      id: e.id,
      kind: 'event',
      date: e.date,
      weekday: wd,
      slot: undefined,
      from: minutesOf(e.start),
      to: minutesOf(e.end),
      people: e.staff ?? 1,
      skills: e.skills ?? {},
    })
  }
  return works
}

/** Rules 1-4 and double seats (7), one assignment at a time, adding each to the tally. */
function checkAssignments(sc: Scenario, rota: Rota, works: Map<string, Work>, people: Map<string, Staff>, say: Say): Tally {
  const tally: Tally = { crew: new Map(), days: new Map(), dutyCount: new Map(), eventMinutes: new Map(), given: new Set() }
  const grades = new Map(sc.grades.map((g) => [g.id, g]))
  // biome-ignore lint/suspicious/useIterableCallbackReturn: each rule's early exit reads as `return say(...)`; forEach ignores the value
  rota.assignments.forEach((a, i) => {
    const where = `assignments[${i}]`
    const k = keyOf(a.duty, a.date, a.slot)
    const w = works.get(k)
    const person = people.get(a.staff)
    if (!person) return say(1, `${where}: no staff member "${a.staff}"`)
    if (!w) return say(1, `${where}: ${a.duty} does not run on ${a.date}${a.slot ? ` in ${a.slot}` : ''}`)
    if (tally.given.has(`${a.staff} ${k}`)) return say(7, `${where}: ${a.staff} is in ${a.duty} on ${a.date} twice`)
    tally.given.add(`${a.staff} ${k}`)
    if (w.kind !== 'event') {
      const hours = person.pattern[w.weekday]
      if (!hours) say(2, `${where}: ${a.staff} does not work on ${w.weekday}`)
      else if (w.from < minutesOf(hours.start) || w.to > minutesOf(hours.end)) say(2, `${where}: ${a.duty} is outside ${a.staff}'s hours`)
    }
    for (const off of sc.absences ?? []) {
      if (off.staff !== a.staff || off.date !== a.date) continue
      const from = off.start ? minutesOf(off.start) : 0
      const to = off.end ? minutesOf(off.end) : 1440
      if (from < w.to && w.from < to) say(3, `${where}: ${a.staff} is absent then`)
    }
    if (!grades.get(person.grade)?.dutyKinds.includes(w.kind as never)) say(4, `${where}: ${a.staff}'s grade does not include ${w.kind}`)
    tally.crew.set(k, [...(tally.crew.get(k) ?? []), person])
    const dayKey = `${a.staff} ${a.date}`
    const day = tally.days.get(dayKey) ?? { person, weekday: w.weekday, busy: [] }
    day.busy.push([w.from, w.to, `${a.duty}${a.slot ? ` ${a.slot}` : ''}`])
    tally.days.set(dayKey, day)
    if (w.kind === 'event') tally.eventMinutes.set(a.staff, (tally.eventMinutes.get(a.staff) ?? 0) + (w.to - w.from))
    else tally.dutyCount.set(a.staff, (tally.dutyCount.get(a.staff) ?? 0) + 1)
  })
  return tally
}

/** Rules 5 (no overlaps, commitments included) and 6 (a rest break in the lunch period). */
function checkDays(sc: Scenario, tally: Tally, say: Say): void {
  for (const [dayKey, { person, weekday, busy }] of tally.days) {
    const fixed = (person.commitments ?? [])
      .filter((c) => c.day === weekday)
      .map((c) => [minutesOf(c.start), minutesOf(c.end), c.label ?? 'a commitment'] as Busy)
    const all = [...busy, ...fixed]
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] as Busy
        const b = all[j] as Busy
        if (i < busy.length && a[0] < b[1] && b[0] < a[1]) say(5, `${dayKey}: ${a[2]} overlaps ${b[2]}`)
      }
    }
    if (!restBreakKept(sc, person, weekday, all)) say(6, `${dayKey}: no rest break left in the lunch period`)
  }
}

/** Rule 7: no more people than places, and the skill seats filled by people who hold them. */
function checkCrews(works: Map<string, Work>, tally: Tally, say: Say): void {
  for (const [k, crewOf] of tally.crew) {
    const w = works.get(k) as Work
    if (crewOf.length > w.people) say(7, `${k}: ${crewOf.length} people for ${w.people} places`)
    else if (!skillSeatsHonoured(crewOf, w)) say(7, `${k}: the skill seats cannot be matched to ${crewOf.map((p) => p.id).join(', ')}`)
  }
}

/** Rules 8 (duties per week) and 9 (event hours within the allowance). */
function checkWeeklyLimits(people: Map<string, Staff>, tally: Tally, say: Say): void {
  for (const [id, n] of tally.dutyCount) {
    const cap = people.get(id)?.maxDutiesPerWeek
    if (cap !== undefined && n > cap) say(8, `${id}: ${n} duties, more than ${cap}`)
  }
  for (const [id, minutes] of tally.eventMinutes) {
    const allowance = people.get(id)?.additionalHoursRemaining ?? 0
    if (minutes / 60 > allowance + 1e-9) say(9, `${id}: ${minutes / 60} event hours, more than ${allowance}`)
  }
}

/** The `unfilled` bookkeeping (0): every empty seat listed once, and nothing else. */
function checkUnfilled(rota: Rota, works: Map<string, Work>, tally: Tally, say: Say): void {
  const reported = new Map<string, number>()
  for (const u of rota.unfilled) {
    const k = keyOf(u.duty, u.date, u.slot)
    if (reported.has(k)) say(0, `${k} is listed twice in unfilled`)
    reported.set(k, (reported.get(k) ?? 0) + u.missing)
  }
  for (const [k, w] of works) {
    const empty = Math.max(0, w.people - (tally.crew.get(k)?.length ?? 0))
    const listed = reported.get(k) ?? 0
    if (empty !== listed) say(0, `${k}: ${empty} empty seats but unfilled lists ${listed}`)
    reported.delete(k)
  }
  for (const k of reported.keys()) say(0, `${k}: listed in unfilled but no such occurrence`)
}

function restBreakKept(sc: Scenario, person: Staff, weekday: Weekday, busy: Busy[]): boolean {
  const hours = person.pattern[weekday]
  if (!hours) return true
  const over6h = minutesOf(hours.end) - minutesOf(hours.start) > 6 * 60
  const need = Math.max(person.unpaidBreakMinutes ?? 0, over6h ? 20 : 0)
  if (need === 0) return true
  const lunch = sc.slots
    .filter((s) => s.kind === 'lunch' && (!s.days || s.days.includes(weekday)))
    .map((s) => [minutesOf(s.start), minutesOf(s.end)] as [number, number])
    .sort((a, b) => a[0] - b[0])
  if (lunch.length === 0) return true
  const windows: [number, number][] = []
  for (const [s, e] of lunch) {
    const last = windows.at(-1)
    if (last && s <= last[1]) last[1] = Math.max(last[1], e)
    else windows.push([s, e])
  }
  // Free minutes of each window, one minute at a time: slow but obviously right.
  return windows.some(([from, to]) => {
    let run = 0
    for (let m = from; m < to; m++) {
      const taken = busy.some(([b0, b1]) => b0 <= m && m < b1)
      run = taken ? 0 : run + 1
      if (run >= need) return true
    }
    return false
  })
}

/** Tries every way of seating the crew (crews are small), skill seats first. */
function skillSeatsHonoured(crewOf: Staff[], w: Work): boolean {
  const seats: (string | null)[] = []
  for (const [skill, n] of Object.entries(w.skills)) for (let i = 0; i < n; i++) seats.push(skill)
  while (seats.length < w.people) seats.push(null)
  const taken = seats.map(() => false)
  const seat = (i: number): boolean => {
    if (i === crewOf.length) return true
    const holds = new Set(crewOf[i]?.skills ?? [])
    const tried = new Set<string | null>()
    for (let j = 0; j < seats.length; j++) {
      const s = seats[j] as string | null
      if (taken[j] || tried.has(s) || (s !== null && !holds.has(s))) continue
      tried.add(s)
      taken[j] = true
      if (seat(i + 1)) return true
      taken[j] = false
    }
    return false
  }
  return seat(0)
}
