// A school that imports each week from another tool names its cover and events afresh every
// week ("c1", "parents-eve"): the same ids, other lessons and evenings.
import { LocalDate } from '@js-joda/core'
import type { Scenario } from '../../solver/scenario.js'

/** The same school's next week: its cover and events a week later under the same ids, with other labels and times; no absences. */
export function theWeekAfter(sc: Scenario): Scenario {
  const later = (date: string) => LocalDate.parse(date).plusDays(7).toString()
  return {
    ...sc,
    week: later(sc.week),
    absences: [],
    cover: (sc.cover ?? []).map((c) => ({ ...c, date: later(c.date), label: `Week 2: ${c.label ?? ''}` })),
    events: (sc.events ?? []).map((e) => ({ ...e, date: later(e.date), name: `${e.name} (second week)`, start: '17:00', end: '20:00' })),
  }
}
