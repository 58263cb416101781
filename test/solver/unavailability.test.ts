// Approved unavailability ("not Tuesday lunch", "not Thursday morning") reaches the solver as
// the week's scenario carries it (src/leave/unavailable-days.ts: absences of the category
// "unavailable"), and then no rota the solver makes puts anyone inside it, as solver/check.ts
// and a plain overlap test both read it; and check.ts flags a rota that does.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkRota, solve } from '../../solver/index.js'
import type { Assignment, Rota, Scenario } from '../../solver/index.js'
import { datesOfWeek } from '../../solver/scenario.js'
import { UNAVAILABLE_REASON, unavailableTimes } from '../../src/leave/unavailable-days.js'
import { marksArb, weekArb, type ArbMark } from '../support/solver/arbitrary.js'

const RUNS = { numRuns: 60 }

/** The week's scenario once these marks are approved, as the export writes it. */
function withMarks(sc: Scenario, marks: readonly ArbMark[]): Scenario {
  const approved = marks.map((m, i) => ({ ...m, id: `una${i}`, staffId: m.staff }))
  const absences = unavailableTimes(approved, datesOfWeek(sc.week)).map((t) => ({
    staff: t.staffId,
    date: t.date,
    ...(t.start === null || t.end === null ? {} : { start: t.start, end: t.end }),
    reason: UNAVAILABLE_REASON,
  }))
  return { ...sc, absences: [...(sc.absences ?? []), ...absences] }
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))

/** When a piece of work runs, from the scenario itself: a slot's times, or an event's. */
function timeOf(sc: Scenario, a: Assignment): { from: number; to: number } {
  const event = sc.events?.find((e) => e.id === a.duty)
  const span = event ?? sc.slots.find((s) => s.id === a.slot)
  if (!span) throw new Error(`no times for ${a.duty} ${a.slot}`)
  return { from: minutes(span.start), to: minutes(span.end) }
}

/** Whether the assignment falls inside one of the person's marks on its date. */
function insideMark(sc: Scenario, marks: readonly ArbMark[], a: Assignment): boolean {
  const weekday = datesOfWeek(sc.week).indexOf(a.date)
  const w = timeOf(sc, a)
  return marks.some((m) => {
    const onDate = m.repeat === 'once' ? m.date === a.date : ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'][weekday] === m.day
    if (m.staff !== a.staff || !onDate) return false
    if (m.start === null || m.end === null) return true
    return minutes(m.start) < w.to && w.from < minutes(m.end)
  })
}

const weekWithMarks = weekArb().chain((sc) => marksArb(sc).map((marks) => ({ sc, marks })))

describe('approved unavailability', () => {
  it('is never broken by the solver: check.ts finds nothing, and no assignment lies inside a mark', () => {
    fc.assert(
      fc.property(weekWithMarks, ({ sc, marks }) => {
        const planned = withMarks(sc, marks)
        const rota: Rota = solve(planned)
        expect(checkRota(planned, rota)).toEqual([])
        expect(rota.assignments.filter((a) => insideMark(planned, marks, a))).toEqual([])
      }),
      RUNS,
    )
  })

  it('makes check.ts flag a rota that gives someone work inside it (rule 3)', () => {
    fc.assert(
      fc.property(
        weekArb().filter((sc) => solve(sc).assignments.length > 0),
        fc.nat(),
        (sc, pick) => {
          const rota = solve(sc)
          const a = rota.assignments[pick % rota.assignments.length] as Assignment
          const w = timeOf(sc, a)
          const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`
          const mark: ArbMark = { staff: a.staff, repeat: 'once', day: null, date: a.date, start: hhmm(w.from), end: hhmm(w.to) }
          const problems = checkRota(withMarks(sc, [mark]), rota)
          expect(problems.some((p) => p.rule === 3 && p.message.includes(a.staff))).toBe(true)
        },
      ),
      { numRuns: 30 },
    )
  })
})
