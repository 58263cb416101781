// Pins are the manager's word, so a pin that cannot stand is an error to show them before any
// solving: each one is placed in turn through the same rule gate the solver uses, and every
// failure names the pin's path and the rule in plain words.
import { occurrenceKey } from './expand.js'
import type { Week } from './expand.js'
import type { RotaState } from './state.js'

export interface PinProblem {
  path: string
  message: string
}

export class PinError extends Error {
  constructor(readonly problems: PinProblem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
    this.name = 'PinError'
  }
}

/** Places every pin in `state`; returns the [person, occurrence] pairs, or throws PinError. */
export function placePins(week: Week, state: RotaState): [number, number][] {
  const problems: PinProblem[] = []
  const placed: [number, number][] = []
  const sc = week.scenario
  ;(sc.pins ?? []).forEach((pin, i) => {
    const path = `pins[${i}]`
    const person = week.staffIndex.get(pin.staff)
    if (person === undefined) {
      problems.push({ path, message: `rule 1: there is no staff member "${pin.staff}"` })
      return
    }
    const o = week.occurrenceByKey.get(occurrenceKey(pin.duty, pin.date, pin.slot))
    if (!o) {
      problems.push({ path, message: `rule 1: ${describeMissing(week, pin.duty, pin.date, pin.slot)}` })
      return
    }
    if (state.has(person, o.index)) return
    const refusal = state.refuse(person, o.index)
    if (refusal) {
      problems.push({ path, message: `rule ${refusal.rule}: ${refusal.message}` })
      return
    }
    state.add(person, o.index)
    placed.push([person, o.index])
  })
  if (problems.length > 0) throw new PinError(problems)
  return placed
}

function describeMissing(week: Week, work: string, date: string, slot: string | undefined): string {
  const sc = week.scenario
  if ((sc.closed ?? []).includes(date)) return `${date} is closed, so ${work} does not run then`
  const duty = sc.duties.find((d) => d.id === work)
  if (duty) {
    if (slot === undefined) return `${duty.name} needs a slot`
    if (!duty.slots.includes(slot)) return `${duty.name} does not run in slot ${slot}`
    return `${duty.name} does not run in slot ${slot} on ${date}`
  }
  const cover = sc.cover?.find((c) => c.id === work)
  if (cover) return `cover ${work} is for ${cover.date} slot ${cover.slot}`
  const event = sc.events?.find((e) => e.id === work)
  if (event) return `${event.name} is on ${event.date} and has no slot`
  return `there is no duty, cover request or event "${work}"`
}
