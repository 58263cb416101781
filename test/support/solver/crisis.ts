// Crisis weeks and shuffled weeks for the seat and order properties. A crisis week is a small
// random week (arbitrary.ts) in which 30-45 % of the staff are off all day on two of its days
// and those days ask for cover at twice the number of people off in each lesson slot: demand
// well above supply, where a solver that stops early leaves seats someone could still take.
import fc from 'fast-check'
import { Rng } from '../../../bench/generate.js'
import { WEEKDAYS, datesOfWeek } from '../../../solver/scenario.js'
import type { CoverRequest, Scenario, Weekday } from '../../../solver/scenario.js'
import { weekArb } from './arbitrary.js'

const DAYS: Weekday[] = ['mon', 'tue', 'wed']
const LESSONS = ['p1', 'p4']

export function crisisWeekArb(opts: { maxStaff?: number; replan?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      base: weekArb({ maxStaff: opts.maxStaff ?? 8 }),
      days: fc.shuffledSubarray(DAYS, { minLength: 2, maxLength: 2 }),
      share: fc.constantFrom(0.3, 0.4, 0.45),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ base, days, share, seed }) => {
      const rng = new Rng(seed)
      const dates = datesOfWeek(base.week)
      const cover: CoverRequest[] = [...(base.cover ?? [])]
      const absences = [...(base.absences ?? [])]
      for (const day of days) {
        const date = dates[WEEKDAYS.indexOf(day)] as string
        const off = rng.shuffle(base.staff).slice(0, Math.max(1, Math.round(base.staff.length * share)))
        for (const p of off) absences.push({ staff: p.id, date, reason: 'sickness' })
        for (const slot of LESSONS) {
          for (let i = 0; i < 2 * off.length; i++) {
            const c: CoverRequest = { id: `k${cover.length}`, date, slot, label: `Crisis cover ${cover.length}`, skills: {} }
            if (rng.chance(0.15)) c.skills = { 'first-aid': 1 }
            if (rng.chance(0.2)) c.priority = 2
            cover.push(c)
          }
        }
      }
      const sc: Scenario = { ...base, absences, cover }
      if (!opts.replan) delete sc.previous
      return sc
    })
}

/** The same week with every list, every list inside an entry and every skill object reordered. */
export function shuffled(sc: Scenario, seed: number): Scenario {
  const rng = new Rng(seed)
  const mix = <T>(list: readonly T[]): T[] => rng.shuffle(list)
  const skills = (s: Record<string, number> | undefined) => (s === undefined ? undefined : Object.fromEntries(mix(Object.entries(s))))
  const out: Scenario = {
    ...sc,
    slots: mix(sc.slots).map((s) => (s.days ? { ...s, days: mix(s.days) } : { ...s })),
    grades: mix(sc.grades).map((g) => ({ ...g, dutyKinds: mix(g.dutyKinds) })),
    staff: mix(sc.staff).map((s) => ({
      ...s,
      ...(s.skills ? { skills: mix(s.skills) } : {}),
      ...(s.commitments ? { commitments: mix(s.commitments) } : {}),
      ...(s.avoid ? { avoid: mix(s.avoid) } : {}),
      ...(s.prefer ? { prefer: mix(s.prefer) } : {}),
    })),
    duties: mix(sc.duties).map((d) => ({ ...d, slots: mix(d.slots), days: mix(d.days), ...(d.skills ? { skills: skills(d.skills) } : {}) })),
  }
  if (sc.closed) out.closed = mix(sc.closed)
  if (sc.absences) out.absences = mix(sc.absences)
  if (sc.cover) out.cover = mix(sc.cover).map((c) => (c.skills ? { ...c, skills: skills(c.skills) ?? {} } : c))
  if (sc.events) out.events = mix(sc.events)
  if (sc.previous) out.previous = mix(sc.previous)
  if (sc.pins) out.pins = mix(sc.pins)
  return out
}
