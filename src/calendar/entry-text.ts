// What an assignment is called, on the phone page and in every feed. One place, so that the
// page and the calendar never disagree, and so that nothing here can reach an absence: the
// inputs are published entries only.
import type { CalendarEntryKind } from '../../db/schema.js'

const KIND_LABEL: Record<CalendarEntryKind, string> = {
  break: 'Break duty',
  lunch: 'Lunch duty',
  oncall: 'On call',
  other: 'Duty',
  cover: 'Cover',
  event: 'Event',
}

export function kindLabel(kind: CalendarEntryKind): string {
  return KIND_LABEL[kind]
}

/** "Break duty: Yard", "Cover: 9X Maths, room M4"; an event is called by its own name. */
export function whatLabel(entry: { kind: CalendarEntryKind; title: string }): string {
  return entry.kind === 'event' ? entry.title : `${kindLabel(entry.kind)}: ${entry.title}`
}

/** "Ben Ortiz", "Ben Ortiz and Cara Li", "Ben Ortiz, Cara Li and Dev Shah". */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? ''
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

export function withWhom(colleagues: readonly string[]): string {
  return colleagues.length === 0 ? 'On your own' : `With ${namesList(colleagues)}`
}
