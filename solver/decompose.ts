// Splits the week into groups of occurrences that share no person-level rule with any other
// group except the weekly ones (cap, event hours, fairness): occurrences on one date that
// overlap in time, with everything touching a lunch window kept together because the rest
// break is decided across the whole window. Each group becomes one small LP.
import type { Interval, Week } from './expand.js'
import { overlaps } from './expand.js'

export interface Group {
  date: string
  start: number
  end: number
  occurrences: number[]
}

export function groupsOf(week: Week): Group[] {
  const byDate = new Map<string, { span: Interval; index: number }[]>()
  for (const o of week.occurrences) {
    let span: Interval = [o.start, o.end]
    for (const w of week.lunchWindows(o.weekday)) {
      if (overlaps(w, span)) span = [Math.min(span[0], w[0]), Math.max(span[1], w[1])]
    }
    const list = byDate.get(o.date) ?? []
    list.push({ span, index: o.index })
    byDate.set(o.date, list)
  }
  const groups: Group[] = []
  for (const date of week.dates) {
    const list = (byDate.get(date) ?? []).sort((a, b) => a.span[0] - b.span[0] || a.span[1] - b.span[1] || a.index - b.index)
    let current: Group | undefined
    for (const { span, index } of list) {
      if (current && span[0] < current.end) {
        current.end = Math.max(current.end, span[1])
        current.occurrences.push(index)
      } else {
        current = { date, start: span[0], end: span[1], occurrences: [index] }
        groups.push(current)
      }
    }
  }
  return groups
}
