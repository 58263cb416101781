// Why a seat stayed empty, in words a business manager can act on: who could have taken it and
// which rule stopped each of them. A few candidates are named one by one; many are summarised
// by cause. An absence is only ever "absent": its reason is personal data.
import type { Occurrence, Week } from './expand.js'
import type { Unfilled } from './scenario.js'
import type { Cause, Refusal, RotaState } from './state.js'
import { seatsMatch } from './state.js'

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' }
const NAME_AT_MOST = 4

export function explainUnfilled(week: Week, state: RotaState): Unfilled[] {
  const out: Unfilled[] = []
  for (const o of week.occurrences) {
    const missing = o.seats - state.filled(o.index)
    if (missing <= 0) continue
    const entry: Unfilled = { duty: o.work, date: o.date, missing, reason: reasonFor(week, state, o) }
    if (o.slot !== undefined) entry.slot = o.slot
    out.push(entry)
  }
  return out
}

/** The skills every remaining seat asks for (empty when someone without skills could still sit). */
function skillsStillNeeded(week: Week, state: RotaState, o: Occurrence): string[] {
  const people = [...(state.byOccurrence[o.index] ?? [])]
  const nobody = week.staff.length
  const probe = { ...week, skills: [...week.skills, new Set<string>()] }
  if (seatsMatch(probe, [...people, nobody], o)) return []
  return o.skills
    .map(([k]) => k)
    .filter((k) => {
      const holder = { ...week, skills: [...week.skills, new Set([k])] }
      return seatsMatch(holder, [...people, nobody], o)
    })
}

export interface Candidates {
  /** the skills every remaining seat asks for (empty when anyone could sit) */
  skills: string[]
  /** the people who could sit but for one rule, with that rule */
  stopped: { person: number; why: Refusal }[]
  /** the people the rules let sit as the rota stands */
  free: number[]
}

/**
 * Who could take an empty seat of `o` and what stops each: the list the reason names, and the
 * one the price of a gap (gap-fixes.ts) picks its candidates from, so both name the same people.
 */
export function candidatesFor(week: Week, state: RotaState, o: Occurrence): Candidates {
  const skills = skillsStillNeeded(week, state, o)
  const stopped: { person: number; why: Refusal }[] = []
  const free: number[] = []
  for (let p = 0; p < week.staff.length; p++) {
    if (state.has(p, o.index)) continue
    if (skills.length > 0 && !skills.some((k) => week.skills[p]?.has(k))) continue
    const why = state.refuse(p, o.index)
    if (why) stopped.push({ person: p, why })
    else free.push(p)
  }
  return { skills, stopped, free }
}

function reasonFor(week: Week, state: RotaState, o: Occurrence): string {
  const { skills, stopped, free } = candidatesFor(week, state, o)
  const prefix = skills.length > 0 ? `needs ${skills.join(' or ')}: ` : ''
  if (skills.length > 0 && stopped.length === 0 && free.length === 0) return `${prefix}nobody on the staff holds ${skills.join(' or ')}`
  if (stopped.length === 0 && free.length === 0) return 'there are no staff to ask'
  // Someone the rules let sit is the first thing a manager needs to hear: the seat is theirs to
  // give, and no limit on anyone else needs easing for it.
  const freeText = free.length > 0 ? freeToSit(week, free) : ''
  if (stopped.length === 0) return `${prefix}${freeText}`
  const tail = freeText === '' ? '' : `; ${freeText}`
  const relevant = stopped.filter((s) => s.why.cause !== 'grade')
  const graded = stopped.length - relevant.length
  const noun = skills.length > 0 ? `${skills.join('/')} holders` : 'staff'
  if (stopped.length <= NAME_AT_MOST) {
    const each = stopped.map(({ person, why }) => `${label(week, person)} ${phrase(why, o)}`)
    return `${prefix}${lead(stopped.length, noun)}${each.join(', ')}${tail}`
  }
  const byCause = new Map<string, { count: number; details: Set<string> }>()
  for (const { why } of relevant) {
    const text = summary(why.cause, o)
    const entry = byCause.get(text) ?? { count: 0, details: new Set<string>() }
    entry.count++
    if (why.detail) entry.details.add(why.detail)
    byCause.set(text, entry)
  }
  const parts = [...byCause.entries()]
    .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
    .map(([text, { count, details }]) => `${count} ${text}${details.size > 0 ? ` (${[...details].sort().slice(0, 4).join(', ')})` : ''}`)
  if (graded > 0) parts.push(`${graded} whose grade does not include ${o.kind}`)
  return `${prefix}of ${stopped.length} ${noun}: ${parts.join(', ')}${tail}`
}

/** The people the rules let take the seat as the rota stands, by name where they are few. */
function freeToSit(week: Week, free: number[]): string {
  if (free.length === 1) return `${label(week, free[0] as number)} is free then and could be given it`
  if (free.length <= NAME_AT_MOST) return `${free.map((p) => label(week, p)).join(', ')} are free then and could be given it`
  return `${free.length} staff are free then and could be given it, among them ${free
    .slice(0, NAME_AT_MOST)
    .map((p) => label(week, p))
    .join(', ')}`
}

function lead(count: number, noun: string): string {
  return count === 1 ? `the only one of the ${noun} is ` : `the ${count} ${noun} are: `
}

function label(week: Week, person: number): string {
  const p = week.staff[person]
  return p ? `${p.name} (${p.id})` : 'someone'
}

function phrase(why: Refusal, o: Occurrence): string {
  switch (why.cause) {
    case 'busy':
      return `on ${why.detail ?? 'other work'} then`
    case 'not-working':
      return `not working ${DAY_NAMES[o.weekday] ?? o.weekday}`
    default:
      return summary(why.cause, o)
  }
}

function summary(cause: Cause, o: Occurrence): string {
  switch (cause) {
    case 'grade':
      return `whose grade does not include ${o.kind}`
    case 'not-working':
      return `not working ${DAY_NAMES[o.weekday] ?? o.weekday}`
    case 'outside-hours':
      return 'outside their working hours then'
    case 'absent':
      return 'absent'
    case 'commitment':
      return 'with a fixed commitment then'
    case 'additional-hours':
      return 'without enough additional hours left'
    case 'no-rest-break':
      return 'who would lose their rest break'
    case 'rest-break':
      return 'who would lose their rest break'
    case 'weekly-cap':
      return 'at their weekly duty limit'
    case 'busy':
      return 'on other duties then'
    case 'skill':
      return 'without the skill the remaining seats need'
    case 'already-there':
      return 'already on it'
    case 'full':
      return 'not needed'
    case 'unknown':
      return 'unknown'
  }
}
