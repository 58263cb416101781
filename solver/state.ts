// A rota under construction, with the questions the solver asks of it one move at a time:
// may this person take this occurrence, and if not, which rule says no? Pins are validated,
// fractional LP answers repaired and exchange moves tried through the same gate, so every
// path that changes the rota keeps the hard rules.
import { INELIGIBLE, countsAsDuty, eventHours, ineligibility, keepsRestBreak, overlaps } from './expand.js'
import type { Ineligibility, Interval, Occurrence, Week } from './expand.js'

export type Cause =
  | 'unknown'
  | 'grade'
  | 'not-working'
  | 'outside-hours'
  | 'absent'
  | 'commitment'
  | 'additional-hours'
  | 'no-rest-break'
  | 'weekly-cap'
  | 'already-there'
  | 'full'
  | 'skill'
  | 'busy'
  | 'rest-break'

export interface Refusal {
  rule: number
  cause: Cause
  message: string
  /** For 'busy': the name of the work that holds the person then. */
  detail?: string
}

export class RotaState {
  /** Occurrence indices held by each person. */
  readonly byPerson: Set<number>[]
  /** People in each occurrence. */
  readonly byOccurrence: Set<number>[]
  readonly duties: number[]
  readonly eventHours: number[]
  /** Rule-gate questions asked so far: the step the solver's budget counts (budget.ts). */
  questions = 0

  constructor(readonly week: Week) {
    this.byPerson = week.staff.map(() => new Set<number>())
    this.byOccurrence = week.occurrences.map(() => new Set<number>())
    this.duties = week.staff.map(() => 0)
    this.eventHours = week.staff.map(() => 0)
  }

  has(person: number, occurrence: number): boolean {
    return this.byPerson[person]?.has(occurrence) ?? false
  }

  add(person: number, occurrence: number): void {
    const o = this.week.occurrences[occurrence] as Occurrence
    if (this.has(person, occurrence)) return
    this.byPerson[person]?.add(occurrence)
    this.byOccurrence[occurrence]?.add(person)
    if (countsAsDuty(o)) this.duties[person] = (this.duties[person] ?? 0) + 1
    else this.eventHours[person] = (this.eventHours[person] ?? 0) + eventHours(o)
  }

  remove(person: number, occurrence: number): void {
    const o = this.week.occurrences[occurrence] as Occurrence
    if (!this.has(person, occurrence)) return
    this.byPerson[person]?.delete(occurrence)
    this.byOccurrence[occurrence]?.delete(person)
    if (countsAsDuty(o)) this.duties[person] = (this.duties[person] ?? 0) - 1
    else this.eventHours[person] = (this.eventHours[person] ?? 0) - eventHours(o)
  }

  filled(occurrence: number): number {
    return this.byOccurrence[occurrence]?.size ?? 0
  }

  /** May `person` take `occurrence` on top of what the rota holds now? The searches' question. */
  allows(person: number, occurrence: number): boolean {
    return this.verdict(person, occurrence) === ALLOWED
  }

  /**
   * May `person` take `occurrence` from `from` (who leaves it), having first given up `dropping`
   * (-1: nothing)? The same gate as `allows` on the rota those moves would leave, asked without
   * making them: the fairness search asks this far more often than it moves anyone.
   */
  allowsHandOver(person: number, occurrence: number, from: number, dropping: number): boolean {
    return this.verdict(person, occurrence, from, dropping) === ALLOWED
  }

  /** Why `person` may not take `occurrence` on top of what the rota holds now; null if they may. */
  refuse(person: number, occurrence: number): Refusal | null {
    const code = this.verdict(person, occurrence)
    return code === ALLOWED ? null : this.explain(code, person, occurrence)
  }

  /** The work the last 'busy' verdict found in the way. */
  private clash = -1

  /**
   * The rule gate as a number, so that the searches, which ask far more often than anyone reads
   * an answer, allocate nothing: 0 where the person may take it, else a static ineligibility
   * (expand.ts) or one of the rota-dependent codes below.
   */
  private verdict(person: number, occurrence: number, leaving = -1, dropping = -1): number {
    this.questions++
    const week = this.week
    const o = week.occurrences[occurrence] as Occurrence
    const p = week.staff[person]
    if (!p) return NOW.unknown
    const code = ineligibility(week, person, occurrence)
    if (code !== 0) return code
    if (this.has(person, occurrence)) return NOW.alreadyThere
    const crew = this.byOccurrence[occurrence]
    const left = leaving >= 0 && crew?.has(leaving) === true
    const crewSize = (crew?.size ?? 0) - (left ? 1 : 0)
    const dropped = dropping >= 0 && this.has(person, dropping) ? (week.occurrences[dropping] as Occurrence) : undefined
    if (crewSize >= o.seats) return NOW.full
    let lunchTime = false
    const windows = week.lunchWindows(o.weekday)
    const block: Interval = [o.start, o.end]
    for (const w of windows) if (overlaps(w, block)) lunchTime = true
    let sameDay: Interval[] | undefined
    for (const other of this.byPerson[person] ?? []) {
      const q = week.occurrences[other] as Occurrence
      if (q.date !== o.date || other === dropping) continue
      if (overlaps([q.start, q.end], block)) {
        this.clash = other
        return NOW.busy
      }
      if (!lunchTime) continue
      sameDay ??= []
      sameDay.push([q.start, q.end])
    }
    // Work outside every lunch window cannot eat the rest break, and the rota holds only what
    // this gate let in, so its breaks were kept before: only lunch-time work is checked.
    if (lunchTime) {
      const busy = [...week.commitmentsOn(person, o.weekday), block, ...(sameDay ?? [])]
      if (!keepsRestBreak(windows, busy, week.breakNeed(person, o.weekday))) return NOW.restBreak
    }
    if (countsAsDuty(o)) {
      const cap = p.maxDutiesPerWeek
      const held = (this.duties[person] ?? 0) - (dropped && countsAsDuty(dropped) ? 1 : 0)
      if (cap !== undefined && held + 1 > cap) return NOW.weeklyCap
    } else if (
      (this.eventHours[person] ?? 0) - (dropped && !countsAsDuty(dropped) ? eventHours(dropped) : 0) + eventHours(o) >
      (p.additionalHoursRemaining ?? 0) + 1e-9
    ) {
      return NOW.additionalHours
    }
    // Everyone fits a plain seat: no skill seat needs a holder yet, so no matching is needed.
    if (o.skills.length > 0 && crewSize + 1 > o.plainSeats) {
      const people = [person]
      for (const q of crew ?? []) if (!left || q !== leaving) people.push(q)
      if (!seatsMatch(week, people, o)) return NOW.skill
    }
    return ALLOWED
  }

  private explain(code: number, person: number, occurrence: number): Refusal {
    const week = this.week
    const o = week.occurrences[occurrence] as Occurrence
    const p = week.staff[person]
    const name = p?.name ?? 'this person'
    const at = `${o.name} on ${o.date}${o.slot ? ` (${o.slot})` : ''}`
    switch (code) {
      case NOW.unknown:
        return { rule: 1, cause: 'unknown', message: 'no such person' }
      case NOW.alreadyThere:
        return refusal(7, 'already-there', () => `${name} is already on ${o.name} then`)
      case NOW.full:
        return refusal(7, 'full', () => `${at} already has the ${o.seats} people it needs`)
      case NOW.busy: {
        const q = week.occurrences[this.clash] as Occurrence
        return refusal(5, 'busy', () => `${name} is on ${q.name}${q.slot ? ` (${q.slot})` : ''} at the same time`, q.name)
      }
      case NOW.restBreak:
        return refusal(6, 'rest-break', () => `${name} would be left without a rest break in the lunch period on ${o.date}`)
      case NOW.weeklyCap:
        return refusal(8, 'weekly-cap', () => `${name} would go over their ${p?.maxDutiesPerWeek} duties a week`)
      case NOW.additionalHours:
        return refusal(9, 'additional-hours', () => `${name} has only ${p?.additionalHoursRemaining ?? 0} additional hours left for events`)
      case NOW.skill:
        return refusal(7, 'skill', () => `${at} keeps its remaining seats for ${o.skills.map(([k]) => k).join(', ')} holders`)
      default:
        return refusalFor(code as Ineligibility, week, person, o)
    }
  }
}

const ALLOWED = 0
/** Verdicts that depend on what the rota holds now, numbered clear of the static ones. */
const NOW = {
  unknown: 100,
  alreadyThere: 101,
  full: 102,
  busy: 103,
  restBreak: 104,
  weeklyCap: 105,
  additionalHours: 106,
  skill: 107,
} as const

/** A refusal whose message is written only when read: the search asks far more than it explains. */
function refusal(rule: number, cause: Cause, text: () => string, detail?: string): Refusal {
  let message: string | undefined
  const out: Refusal = {
    rule,
    cause,
    get message() {
      message ??= text()
      return message
    },
  }
  if (detail !== undefined) out.detail = detail
  return out
}

function refusalFor(code: Ineligibility, week: Week, person: number, o: Occurrence): Refusal {
  const name = week.staff[person]?.name ?? 'this person'
  const when = `${o.weekday} ${o.date}${o.slot ? ` (${o.slot})` : ''}`
  switch (code) {
    case INELIGIBLE.grade:
      return { cause: 'grade', rule: 4, message: `${name}'s grade does not include ${o.kind} work` }
    case INELIGIBLE.notWorking:
      return { cause: 'not-working', rule: 2, message: `${name} does not work on ${o.weekday}` }
    case INELIGIBLE.outsideHours:
      return { cause: 'outside-hours', rule: 2, message: `${o.name} on ${when} is outside ${name}'s working hours` }
    case INELIGIBLE.absent:
      return { cause: 'absent', rule: 3, message: `${name} is absent at ${when}` }
    case INELIGIBLE.commitment:
      return { cause: 'commitment', rule: 5, message: `${name} has a fixed commitment at ${when}` }
    case INELIGIBLE.additionalHours:
      return { cause: 'additional-hours', rule: 9, message: `${name} has not enough additional hours left for ${o.name}` }
    case INELIGIBLE.noRestBreak:
      return { cause: 'no-rest-break', rule: 6, message: `${o.name} on ${when} leaves ${name} no rest break in the lunch period` }
    case INELIGIBLE.weeklyCap:
      return { cause: 'weekly-cap', rule: 8, message: `${name} may take no duties this week` }
  }
}

/** Can these people be matched to the occurrence's seats so every skill seat they fill has a holder? */
export function seatsMatch(week: Week, people: number[], o: Occurrence): boolean {
  if (people.length > o.seats) return false
  if (o.skills.length === 0) return true
  if (o.skills.length === 1) {
    // One skill: a holder fits any seat, so it fits exactly when the others fit the plain ones.
    const skill = (o.skills[0] as [string, number])[0]
    let without = 0
    for (const q of people) if (!week.skills[q]?.has(skill)) without++
    return without <= o.plainSeats
  }
  const seatSkill: (string | null)[] = []
  for (const [k, n] of o.skills) for (let i = 0; i < n; i++) seatSkill.push(k)
  while (seatSkill.length < o.seats) seatSkill.push(null)
  const owner = new Array<number>(seatSkill.length).fill(-1)
  const place = (i: number, seen: boolean[]): boolean => {
    const holds = week.skills[people[i] as number]
    for (let j = 0; j < seatSkill.length; j++) {
      const k = seatSkill[j] ?? null
      if (seen[j] || (k !== null && !holds?.has(k))) continue
      seen[j] = true
      if (owner[j] === -1 || place(owner[j] as number, seen)) {
        owner[j] = i
        return true
      }
    }
    return false
  }
  return people.every((_, i) => place(i, new Array<boolean>(seatSkill.length).fill(false)))
}
