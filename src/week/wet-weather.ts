// The week as the weather has it. A wet-weather alternative (the Sports hall) runs only on the
// days the school switched to wet weather, in place of the post it is the alternative of (the
// Yard), which is off those days; on every other day the dry post runs and the alternative does
// not. The scenario format has no weather, and needs none: within one week a weekday is one date,
// so each post simply runs on fewer days, and a post left with none is not in the week at all.
//
// The published rota (`previous`) and the pins are moved with the posts: an assignment on the dry
// post of a day now wet is read as the same person on the alternative that day, and back again,
// so the solver, which keeps as many of `previous` as it can, keeps the same people on duty and
// only fills or frees the seats the two posts differ by.
import { datesOfWeek, WEEKDAYS, type Assignment, type Duty, type Scenario, type Weekday } from '../../solver/scenario.js'

/** A wet-weather alternative, by code: `wet` runs in place of `dry` on wet days. */
export interface WetAlternative {
  dry: string
  wet: string
}

export interface WetWeek {
  alternatives: readonly WetAlternative[]
  /** the week's dates switched to wet weather */
  wetDates: readonly string[]
}

/** The scenario with each alternative in its dry post's place on the wet days, and `previous` and the pins moved with them. */
export function withWetWeather(scenario: Scenario, wet: WetWeek): Scenario {
  if (wet.alternatives.length === 0) return scenario
  const dates = datesOfWeek(scenario.week)
  const wetDays = new Set(WEEKDAYS.filter((_, i) => wet.wetDates.includes(dates[i] as string)))
  const dryOf = new Map(wet.alternatives.map((a) => [a.wet, a.dry]))
  const wetOf = new Map(wet.alternatives.map((a) => [a.dry, a.wet]))
  const runs = (d: Duty, day: Weekday) => (dryOf.has(d.id) ? wetDays.has(day) : !(wetOf.has(d.id) && wetDays.has(day)))
  const duties = scenario.duties.flatMap((d) => {
    const days = d.days.filter((day) => runs(d, day))
    return days.length === 0 ? [] : [{ ...d, days }]
  })
  const byId = new Map(duties.map((d) => [d.id, d]))
  const move = (list: readonly Assignment[] | undefined) =>
    list === undefined ? undefined : rewriteForWeather(list, scenario.duties, wet).filter((a) => byId.has(a.duty) || !isDuty(scenario, a.duty))
  const known = (ids: readonly string[] | undefined) => ids?.filter((id) => byId.has(id) || !isDuty(scenario, id))
  const out: Scenario = {
    ...scenario,
    duties,
    staff: scenario.staff.map((p) => ({ ...p, ...optional('avoid', known(p.avoid)), ...optional('prefer', known(p.prefer)) })),
  }
  const previous = move(scenario.previous)
  const pins = move(scenario.pins)
  if (previous) out.previous = previous
  if (pins) out.pins = pins
  return out
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> => (value === undefined ? {} : ({ [key]: value } as Record<K, V>))

const isDuty = (scenario: Scenario, id: string) => scenario.duties.some((d) => d.id === id)

/**
 * Each assignment on a dry post of a wet date moved onto its alternative, and each on an
 * alternative of a dry date back onto its dry post; everything else as it was. The slot is kept
 * where the other post runs in it too, else it is the slot in the same place of the other post's
 * list (a post at break and lunch maps break to break), else that post's first.
 */
export function rewriteForWeather(assignments: readonly Assignment[], duties: readonly Duty[], wet: WetWeek): Assignment[] {
  const wetDates = new Set(wet.wetDates)
  const post = new Map(duties.map((d) => [d.id, d]))
  const target = (a: Assignment): string | undefined => {
    for (const alt of wet.alternatives) {
      if (a.duty === alt.dry && wetDates.has(a.date)) return alt.wet
      if (a.duty === alt.wet && !wetDates.has(a.date)) return alt.dry
    }
    return undefined
  }
  return assignments.map((a) => {
    const to = target(a)
    const from = post.get(a.duty)
    const onto = to === undefined ? undefined : post.get(to)
    if (to === undefined || from === undefined || onto === undefined) return a
    const slot = a.slot === undefined ? undefined : onto.slots.includes(a.slot) ? a.slot : (onto.slots[from.slots.indexOf(a.slot)] ?? onto.slots[0])
    return slot === undefined ? { staff: a.staff, duty: to, date: a.date } : { staff: a.staff, duty: to, date: a.date, slot }
  })
}
