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

export function checkRota(sc: Scenario, rota: Rota): RuleProblem[] {
  const problems: RuleProblem[] = []
  const say = (rule: number, message: string) => problems.push({ rule, message })
  const dates = datesOfWeek(sc.week)
  const dayOf = (date: string): Weekday | undefined => WEEKDAYS[dates.indexOf(date)]
  const closed = new Set(sc.closed ?? [])
  const slots = new Map(sc.slots.map((s) => [s.id, s]))
  const people = new Map(sc.staff.map((s) => [s.id, s]))
  const grades = new Map(sc.grades.map((g) => [g.id, g]))

  // Every piece of work that may run this week, keyed like an assignment.
  const works = new Map<string, Work>()
  const keyOf = (id: string, date: string, slot: string | undefined) => `${id}@${date}@${slot ?? '-'}`
  for (const d of sc.duties) {
    for (const wd of d.days) {
      const date = dates[WEEKDAYS.indexOf(wd)] as string
      if (closed.has(date)) continue
      for (const sid of d.slots) {
        const s = slots.get(sid)
        if (!s || (s.days && !s.days.includes(wd))) continue
        works.set(keyOf(d.id, date, sid), { id: d.id, kind: d.kind, date, weekday: wd, slot: sid, from: minutesOf(s.start), to: minutesOf(s.end), people: d.staff, skills: d.skills ?? {} })
      }
    }
  }
  for (const c of sc.cover ?? []) {
    const s = slots.get(c.slot)
    const wd = dayOf(c.date)
    if (!s || !wd || closed.has(c.date)) continue
    works.set(keyOf(c.id, c.date, c.slot), { id: c.id, kind: 'cover', date: c.date, weekday: wd, slot: c.slot, from: minutesOf(s.start), to: minutesOf(s.end), people: c.staff ?? 1, skills: c.skills ?? {} })
  }
  for (const e of sc.events ?? []) {
    const wd = dayOf(e.date)
    if (!wd) continue
    works.set(keyOf(e.id, e.date, undefined), { id: e.id, kind: 'event', date: e.date, weekday: wd, slot: undefined, from: minutesOf(e.start), to: minutesOf(e.end), people: e.staff ?? 1, skills: e.skills ?? {} })
  }

  const crew = new Map<string, Staff[]>()
  const days = new Map<string, { person: Staff; weekday: Weekday; busy: [number, number, string][] }>()
  const dutyCount = new Map<string, number>()
  const eventMinutes = new Map<string, number>()
  const given = new Set<string>()
  rota.assignments.forEach((a, i) => {
    const where = `assignments[${i}]`
    const w = works.get(keyOf(a.duty, a.date, a.slot))
    const person = people.get(a.staff)
    if (!person) return say(1, `${where}: no staff member "${a.staff}"`)
    if (!w) return say(1, `${where}: ${a.duty} does not run on ${a.date}${a.slot ? ` in ${a.slot}` : ''}`)
    const k = keyOf(a.duty, a.date, a.slot)
    if (given.has(`${a.staff} ${k}`)) return say(7, `${where}: ${a.staff} is in ${a.duty} on ${a.date} twice`)
    given.add(`${a.staff} ${k}`)
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
    crew.set(k, [...(crew.get(k) ?? []), person])
    const dayKey = `${a.staff} ${a.date}`
    const day = days.get(dayKey) ?? { person, weekday: w.weekday, busy: [] }
    day.busy.push([w.from, w.to, `${a.duty}${a.slot ? ` ${a.slot}` : ''}`])
    days.set(dayKey, day)
    if (w.kind === 'event') eventMinutes.set(a.staff, (eventMinutes.get(a.staff) ?? 0) + (w.to - w.from))
    else dutyCount.set(a.staff, (dutyCount.get(a.staff) ?? 0) + 1)
  })

  for (const [dayKey, { person, weekday, busy }] of days) {
    const fixed = (person.commitments ?? []).filter((c) => c.day === weekday).map((c) => [minutesOf(c.start), minutesOf(c.end), c.label ?? 'a commitment'] as [number, number, string])
    const all = [...busy, ...fixed]
    for (let i = 0; i < all.length; i++) {
      for (let j = i + 1; j < all.length; j++) {
        const a = all[i] as [number, number, string]
        const b = all[j] as [number, number, string]
        if (i < busy.length && a[0] < b[1] && b[0] < a[1]) say(5, `${dayKey}: ${a[2]} overlaps ${b[2]}`)
      }
    }
    if (!restBreakKept(sc, person, weekday, all)) say(6, `${dayKey}: no rest break left in the lunch period`)
  }

  for (const [k, crewOf] of crew) {
    const w = works.get(k) as Work
    if (crewOf.length > w.people) say(7, `${k}: ${crewOf.length} people for ${w.people} places`)
    else if (!skillSeatsHonoured(crewOf, w)) say(7, `${k}: the skill seats cannot be matched to ${crewOf.map((p) => p.id).join(', ')}`)
  }
  for (const [id, n] of dutyCount) {
    const cap = people.get(id)?.maxDutiesPerWeek
    if (cap !== undefined && n > cap) say(8, `${id}: ${n} duties, more than ${cap}`)
  }
  for (const [id, minutes] of eventMinutes) {
    const allowance = people.get(id)?.additionalHoursRemaining ?? 0
    if (minutes / 60 > allowance + 1e-9) say(9, `${id}: ${minutes / 60} event hours, more than ${allowance}`)
  }
  ;(sc.pins ?? []).forEach((pin, i) => {
    if (!given.has(`${pin.staff} ${keyOf(pin.duty, pin.date, pin.slot)}`)) say(10, `pins[${i}] is not in the rota`)
  })

  const reported = new Map<string, number>()
  for (const u of rota.unfilled) {
    const k = keyOf(u.duty, u.date, u.slot)
    if (reported.has(k)) say(0, `${k} is listed twice in unfilled`)
    reported.set(k, (reported.get(k) ?? 0) + u.missing)
  }
  for (const [k, w] of works) {
    const empty = Math.max(0, w.people - (crew.get(k)?.length ?? 0))
    const listed = reported.get(k) ?? 0
    if (empty !== listed) say(0, `${k}: ${empty} empty seats but unfilled lists ${listed}`)
    reported.delete(k)
  }
  for (const k of reported.keys()) say(0, `${k}: listed in unfilled but no such occurrence`)
  return problems
}

function restBreakKept(sc: Scenario, person: Staff, weekday: Weekday, busy: [number, number, string][]): boolean {
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
