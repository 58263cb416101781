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

  /** Why `person` may not take `occurrence` on top of what the rota holds now; null if they may. */
  refuse(person: number, occurrence: number): Refusal | null {
    this.questions++
    const week = this.week
    const o = week.occurrences[occurrence] as Occurrence
    const p = week.staff[person]
    if (!p) return refusal(1, 'unknown', () => 'no such person')
    const code = ineligibility(week, person, occurrence)
    if (code !== 0) return refusalFor(code, week, person, o)
    if (this.has(person, occurrence)) return refusal(7, 'already-there', () => `${p.name} is already on ${o.name} then`)
    const crew = this.byOccurrence[occurrence]
    if ((crew?.size ?? 0) >= o.seats)
      return refusal(7, 'full', () => `${o.name} on ${o.date}${o.slot ? ` (${o.slot})` : ''} already has the ${o.seats} people it needs`)
    const block = [o.start, o.end] as const
    let sameDay: Interval[] | undefined
    for (const other of this.byPerson[person] ?? []) {
      const q = week.occurrences[other] as Occurrence
      if (q.date !== o.date) continue
      if (overlaps([q.start, q.end], block))
        return refusal(5, 'busy', () => `${p.name} is on ${q.name}${q.slot ? ` (${q.slot})` : ''} at the same time`, q.name)
      sameDay ??= []
      sameDay.push([q.start, q.end])
    }
    // Work outside every lunch window cannot eat the rest break, and the rota holds only what
    // this gate let in, so its breaks were kept before: only lunch-time work is checked.
    const windows = week.lunchWindows(o.weekday)
    if (windows.some((w) => overlaps(w, block))) {
      const busy = [...week.commitmentsOn(person, o.weekday), block, ...(sameDay ?? [])]
      if (!keepsRestBreak(windows, busy, week.breakNeed(person, o.weekday))) {
        return refusal(6, 'rest-break', () => `${p.name} would be left without a rest break in the lunch period on ${o.date}`)
      }
    }
    if (countsAsDuty(o)) {
      const cap = p.maxDutiesPerWeek
      if (cap !== undefined && (this.duties[person] ?? 0) + 1 > cap) return refusal(8, 'weekly-cap', () => `${p.name} would go over their ${cap} duties a week`)
    } else if ((this.eventHours[person] ?? 0) + eventHours(o) > (p.additionalHoursRemaining ?? 0) + 1e-9) {
      return refusal(9, 'additional-hours', () => `${p.name} has only ${p.additionalHoursRemaining ?? 0} additional hours left for events`)
    }
    if (o.skills.length > 0 && !seatsMatch(week, [...(crew ?? []), person], o)) {
      return refusal(
        7,
        'skill',
        () => `${o.name} on ${o.date}${o.slot ? ` (${o.slot})` : ''} keeps its remaining seats for ${o.skills.map(([k]) => k).join(', ')} holders`,
      )
    }
    return null
  }
}

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
