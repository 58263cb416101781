// The canonical form of a scenario: every list, and every list inside an entry, in one fixed
// order decided by content alone. The solver reads the week in list order (staff and
// occurrences get their indices from it, ties are broken by index, the greedy and the LPs visit
// people in that order), so without this the same week listed c1, c10, c2 or c2, c1, c10 gave
// different rotas. Solving the canonical form makes the rota a function of what the week says.
//
// The order, a total order on every list (strings compared by UTF-16 code units, never by
// locale, so every machine agrees; a missing optional field sorts before any value):
// - slots by start, end, id; grades, staff, duties, cover requests and events by id;
// - absences by staff, date, start, end, reason; previous and pins by staff, duty, date, slot;
// - closed dates, skills, avoid, prefer, a duty's slots and a grade's kinds as strings;
//   weekdays (slot and duty days) Monday first; commitments by day, start, end, label;
// - skill-count objects rebuilt with their keys in string order.
// Entries that tie on every field are equal in content, so their order cannot matter.
import { PinError } from './pins.js'
import { WEEKDAYS } from './scenario.js'
import type { Assignment, Rota, Scenario, Weekday } from './scenario.js'

type Key = string | number | undefined

/** Compares tuples field by field; undefined first, strings by code unit. */
export function compareKeys(a: readonly Key[], b: readonly Key[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i]
    const y = b[i]
    if (x === y) continue
    if (x === undefined) return -1
    if (y === undefined) return 1
    if (x < y) return -1
    if (x > y) return 1
  }
  return 0
}

function sortBy<T>(list: readonly T[], key: (item: T) => Key[]): T[] {
  return list
    .map((item) => ({ item, k: key(item) }))
    .sort((a, b) => compareKeys(a.k, b.k))
    .map(({ item }) => item)
}

const strings = (list: readonly string[]): string[] => sortBy(list, (s) => [s])
const weekdays = <T extends Weekday>(list: readonly T[]): T[] => sortBy(list, (d) => [WEEKDAYS.indexOf(d)])

function skillCounts(skills: Record<string, number> | undefined): Record<string, number> | undefined {
  if (skills === undefined) return undefined
  const out: Record<string, number> = {}
  for (const k of strings(Object.keys(skills))) out[k] = skills[k] as number
  return out
}

/** Sets `key` only when the source had it, so the copy has exactly the source's fields. */
function withOptional<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): T {
  if (value !== undefined) target[key] = value
  return target
}

const assignmentKey = (a: Assignment): Key[] => [a.staff, a.duty, a.date, a.slot]

export interface Canonical {
  scenario: Scenario
  /** For each pin of the canonical scenario, its index in the scenario as given. */
  pinOrigin: number[]
}

/** The scenario with every list in canonical order; the input is not changed. */
export function canonicalScenario(sc: Scenario): Canonical {
  const pins = sortBy(
    (sc.pins ?? []).map((pin, i) => ({ pin, i })),
    ({ pin, i }) => [...assignmentKey(pin), i],
  )
  const out: Scenario = {
    ...sc,
    slots: sortBy(sc.slots, (s) => [s.start, s.end, s.id]).map((s) => withOptional({ ...s }, 'days', s.days && weekdays(s.days))),
    grades: sortBy(sc.grades, (g) => [g.id]).map((g) => ({ ...g, dutyKinds: sortBy(g.dutyKinds, (k) => [k]) })),
    staff: sortBy(sc.staff, (s) => [s.id]).map((s) => {
      const person = { ...s }
      withOptional(person, 'skills', s.skills && strings(s.skills))
      withOptional(person, 'avoid', s.avoid && strings(s.avoid))
      withOptional(person, 'prefer', s.prefer && strings(s.prefer))
      withOptional(person, 'commitments', s.commitments && sortBy(s.commitments, (c) => [WEEKDAYS.indexOf(c.day), c.start, c.end, c.label]))
      return person
    }),
    duties: sortBy(sc.duties, (d) => [d.id]).map((d) =>
      withOptional({ ...d, slots: strings(d.slots), days: weekdays(d.days) }, 'skills', skillCounts(d.skills)),
    ),
  }
  if (sc.closed) out.closed = strings(sc.closed)
  if (sc.absences) out.absences = sortBy(sc.absences, (a) => [a.staff, a.date, a.start, a.end, a.reason])
  if (sc.cover) out.cover = sortBy(sc.cover, (c) => [c.id]).map((c) => withOptional({ ...c }, 'skills', skillCounts(c.skills)))
  if (sc.events) out.events = sortBy(sc.events, (e) => [e.id]).map((e) => withOptional({ ...e }, 'skills', skillCounts(e.skills)))
  if (sc.previous) out.previous = sortBy(sc.previous, assignmentKey)
  if (sc.pins) out.pins = pins.map(({ pin }) => pin)
  return { scenario: out, pinOrigin: pins.map(({ i }) => i) }
}

/**
 * The rota's assignments in canonical order: by date, start time (in minutes, from `startOf`:
 * the solver knows it from its occurrences, and events have no slot), work, slot and person.
 * The unfilled list needs no sort: it follows the occurrences, which the canonical scenario
 * already orders (duties by id, weekday and slot id, then cover requests, then events, by id).
 */
export function canonicalRota(rota: Rota, startOf: (a: Assignment) => number): Rota {
  return { ...rota, assignments: sortBy(rota.assignments, (a) => [a.date, startOf(a), a.duty, a.slot, a.staff]) }
}

/**
 * Runs `place` (pin placement on the canonical scenario) and reports any pin problem at the
 * pin's index in the scenario as given, where the manager will look for it.
 */
export function withGivenPinPaths<T>(pinOrigin: number[], place: () => T): T {
  try {
    return place()
  } catch (e) {
    if (!(e instanceof PinError)) throw e
    const problems = e.problems.map((p) => {
      const m = /^pins\[(\d+)\]/.exec(p.path)
      const given = m ? pinOrigin[Number(m[1])] : undefined
      return { at: given ?? -1, problem: given === undefined ? p : { ...p, path: p.path.replace(/^pins\[\d+\]/, `pins[${given}]`) } }
    })
    throw new PinError(problems.sort((a, b) => a.at - b.at).map(({ problem }) => problem))
  }
}
