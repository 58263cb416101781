// What the manager's week page shows, worked out from the week's scenario (the same file the
// solver read), one of its rotas and the manager's pins and bars. Pure, so the grids can be
// tested without a database and the page only lays the figures out.
import { LocalDate } from '@js-joda/core'
import { WEEKDAYS, type Assignment, type Scenario, type Unfilled, type Weekday } from '../../solver/scenario.js'
import { z } from 'zod'
import { groupUnfilled, type ReasonGroup } from './unfilled-groups.js'
import { bySurname } from '../ui/names.js'

export interface Override {
  id: string
  kind: 'pin' | 'bar'
  /** staff code */
  staff: string
  duty: string
  date: string
  slot?: string | undefined
}

export interface WeekDay {
  date: string
  weekday: Weekday
  /** a closure day: no duty or cover runs */
  closed: boolean
}

export interface SeatPerson {
  staff: string
  name: string
  /** the pin that keeps them here, if one does */
  pinId?: string
}

export interface Cell {
  date: string
  /** false where the duty does not run that day (or the school is closed) */
  runs: boolean
  people: SeatPerson[]
  /** people the manager has kept out of this seat */
  barred: (SeatPerson & { barId: string })[]
  needed: number
  /** seats left empty, with the solver's reason */
  missing: number
  reason?: string
  /** seats the rota never planned: their post or its extra seat came after the rota was made */
  unplanned: number
  /** empty seats of work that had already started when the rota was made: too late to fill, not a gap */
  over: number
}

export type RowSection = 'duty' | 'cover' | 'event'

export interface PostRow {
  section: RowSection
  /** duty post, cover request or event code */
  work: string
  /** what people read: "Yard", "Cover: 9X Maths, room M4", "Parents' evening" */
  what: string
  /** slot code (none for events) */
  slot?: string
  /** "10:50-11:10" */
  time: string
  cells: Cell[]
}

export interface PersonDuty {
  work: string
  what: string
  slot?: string
  time: string
  pinned: boolean
}

export interface PersonRow {
  staff: string
  name: string
  hoursPerWeek: number
  days: { date: string; absent: boolean; worksToday: boolean; duties: PersonDuty[] }[]
  /** duty and cover assignments this week (events are hours, not duties) */
  load: number
  /** the week's duties and cover shared in proportion to contracted hours, one decimal */
  fairShare: number
}

export interface UnfilledSeat {
  work: string
  what: string
  date: string
  slot?: string
  missing: number
  reason: string
}

export interface WeekModel {
  monday: string
  days: WeekDay[]
  posts: PostRow[]
  people: PersonRow[]
  unfilled: UnfilledSeat[]
  /** the unfilled seats grouped by cause, in the manager's words */
  reasonGroups: ReasonGroup[]
  /** filled counts only seats someone sits in: never one the rota left out (see `unplanned`) */
  seats: { needed: number; filled: number }
  /** seats that run now but that the shown rota never planned */
  unplanned: number
  /** empty seats of work already under way or over when the shown rota was made */
  over: number
  /** assignments of the shown rota that fall in an absence recorded since it was made */
  absentOnDuty: AbsentOnDuty[]
  /** what the solver proved about the rota's seats; null where it is not known or no longer fits the week */
  proof: SeatsProof | null
}

export interface AbsentOnDuty {
  staff: string
  name: string
  date: string
  what: string
  time: string
}

export interface SeatsProof {
  /** no rota with these staff and rules fills more seats (priority by priority) */
  best: boolean
  /** seats a better rota might still fill: the gap between the rota and the solver's bound */
  more: number
}

export interface ShownRota {
  assignments: readonly Assignment[]
  unfilled: readonly Unfilled[]
  stats?: Readonly<Record<string, unknown>>
}

// A draft of the current week keeps what had already started as it was (week/past-work.ts) and
// records when that was in its stats; a seat of that work left empty was too late to fill, so it
// is neither a gap to explain nor a seat the rota forgot.
const pastSchema = z.object({ past: z.object({ before: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/) }) })

function startedBefore(stats: Readonly<Record<string, unknown>> | undefined): ((date: string, start: string) => boolean) | null {
  const parsed = pastSchema.safeParse(stats)
  if (!parsed.success) return null
  const [date, time] = parsed.data.past.before.split('T') as [string, string]
  return (d, start) => d < date || (d === date && start !== '' && minutes(start) <= minutes(time))
}

// The rota's stats are stored JSON (solver/bound.ts writes `proof`); a rota made before proofs,
// or a proof of another shape, is read as unknown rather than trusted.
const proofSchema = z.object({ byPriority: z.array(z.object({ filled: z.number(), bound: z.number(), proved: z.boolean() })) })

export function seatsProof(stats: Readonly<Record<string, unknown>> | undefined): SeatsProof | null {
  const parsed = proofSchema.safeParse(stats?.proof)
  if (!parsed.success) return null
  const { byPriority } = parsed.data
  return { best: byPriority.every((p) => p.proved), more: byPriority.reduce((n, p) => n + Math.max(0, p.bound - p.filled), 0) }
}

const key = (work: string, date: string, slot: string | undefined) => `${work}|${date}|${slot ?? ''}`

/** Days to show: Monday to Friday, and a weekend day only when something happens on it. */
function daysOf(scenario: Scenario): WeekDay[] {
  const monday = LocalDate.parse(scenario.week)
  const closed = new Set(scenario.closed ?? [])
  const all = WEEKDAYS.map((weekday, i) => ({ date: monday.plusDays(i).toString(), weekday, closed: closed.has(monday.plusDays(i).toString()) }))
  const used = new Set<Weekday>([
    ...scenario.duties.flatMap((d) => d.days),
    ...(scenario.events ?? []).map((e) => all.find((d) => d.date === e.date)?.weekday ?? 'mon'),
  ])
  return all.filter((d, i) => i < 5 || used.has(d.weekday))
}

export function buildWeekModel(scenario: Scenario, rota: ShownRota | null, overrides: readonly Override[]): WeekModel {
  const days = daysOf(scenario)
  const seats = seatLookup(scenario, rota, overrides)
  const posts = postRows(scenario, days, seats)
  const rowOf = new Map(posts.map((p) => [`${p.work}|${p.slot ?? ''}`, p]))
  const people = personRows(scenario, days, rota?.assignments ?? [], rowOf, seats.pinAt)
  const unfilled = (rota?.unfilled ?? []).map((u) => ({
    work: u.duty,
    what: rowOf.get(`${u.duty}|${u.slot ?? ''}`)?.what ?? u.duty,
    date: u.date,
    ...(u.slot === undefined ? {} : { slot: u.slot }),
    missing: u.missing,
    reason: u.reason,
  }))
  const cells = posts.flatMap((p) => p.cells)
  const needed = cells.reduce((n, c) => n + c.needed, 0)
  const missing = unfilled.reduce((sum, u) => sum + u.missing, 0)
  const unplanned = rota ? cells.reduce((n, c) => n + c.unplanned, 0) : 0
  const over = rota ? cells.reduce((n, c) => n + c.over, 0) : 0
  const reasonGroups = groupUnfilled(scenario, unfilled)
  // Seats the rota never planned were never part of what was proved.
  const proof = rota && unplanned === 0 ? seatsProof(rota.stats) : null
  return {
    monday: scenario.week,
    days,
    posts,
    people,
    unfilled,
    reasonGroups,
    // Seats already over when the rota was made are not counted as needed: nothing could fill them.
    seats: { needed: needed - over, filled: rota ? needed - over - missing - unplanned : 0 },
    unplanned,
    over,
    absentOnDuty: absentOnDuty(scenario, rota?.assignments ?? [], rowOf),
    proof,
  }
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))

/**
 * A solved rota never puts anyone in work they are absent for, so any such assignment is one
 * an absence recorded after the rota was made (a publish in flight, a call at 07:30) overtook:
 * the person is still on duty in what staff see until a re-plan is published.
 */
function absentOnDuty(scenario: Scenario, assignments: readonly Assignment[], rowOf: ReadonlyMap<string, PostRow>): AbsentOnDuty[] {
  const nameOf = new Map(scenario.staff.map((s) => [s.id, s.name]))
  const out: AbsentOnDuty[] = []
  for (const a of assignments) {
    const row = rowOf.get(`${a.duty}|${a.slot ?? ''}`)
    const [start, end] = (row?.time ?? '').split('-')
    if (!row || start === undefined || end === undefined) continue
    const overlaps = (scenario.absences ?? []).some(
      (off) =>
        off.staff === a.staff &&
        off.date === a.date &&
        (off.start === undefined ? 0 : minutes(off.start)) < minutes(end) &&
        minutes(start) < (off.end === undefined ? 1440 : minutes(off.end)),
    )
    if (overlaps) out.push({ staff: a.staff, name: nameOf.get(a.staff) ?? a.staff, date: a.date, what: row.what, time: row.time })
  }
  return out
}

/** The rota, its gaps and the manager's pins and bars, each found by seat (work, date, slot). */
interface SeatLookup {
  slotOf: ReadonlyMap<string, Scenario['slots'][number]>
  /** `staff|seat` -> pin id */
  pinAt: ReadonlyMap<string, string>
  cellOf(work: string, date: string, slot: string | undefined, runs: boolean, needed: number, start: string): Cell
  timeOf(slot: string | undefined): string
}

function seatLookup(scenario: Scenario, rota: ShownRota | null, overrides: readonly Override[]): SeatLookup {
  const nameOf = new Map(scenario.staff.map((s) => [s.id, s.name]))
  const slotOf = new Map(scenario.slots.map((s) => [s.id, s]))
  const byOccurrence = new Map<string, Assignment[]>()
  for (const a of rota?.assignments ?? []) {
    const k = key(a.duty, a.date, a.slot)
    byOccurrence.set(k, [...(byOccurrence.get(k) ?? []), a])
  }
  const unfilledAt = new Map((rota?.unfilled ?? []).map((u) => [key(u.duty, u.date, u.slot), u]))
  const isPast = startedBefore(rota?.stats)
  const pinAt = new Map(overrides.filter((o) => o.kind === 'pin').map((o) => [`${o.staff}|${key(o.duty, o.date, o.slot)}`, o.id]))
  const barsAt = new Map<string, Override[]>()
  for (const o of overrides.filter((o) => o.kind === 'bar')) barsAt.set(key(o.duty, o.date, o.slot), [...(barsAt.get(key(o.duty, o.date, o.slot)) ?? []), o])

  const person = (staff: string, k: string): SeatPerson => {
    const pinId = pinAt.get(`${staff}|${k}`)
    return { staff, name: nameOf.get(staff) ?? staff, ...(pinId === undefined ? {} : { pinId }) }
  }
  return {
    slotOf,
    pinAt,
    cellOf(work, date, slot, runs, needed, start) {
      const k = key(work, date, slot)
      const u = unfilledAt.get(k)
      const people = (byOccurrence.get(k) ?? []).map((a) => person(a.staff, k)).sort((a, b) => a.name.localeCompare(b.name))
      const seatsNow = runs ? needed : 0
      const empty = rota === null || u ? 0 : Math.max(0, seatsNow - people.length)
      const over = isPast?.(date, start) === true ? empty : 0
      return {
        date,
        runs,
        people,
        barred: (barsAt.get(k) ?? []).map((o) => ({ ...person(o.staff, k), barId: o.id })),
        needed: seatsNow,
        missing: u?.missing ?? 0,
        ...(u ? { reason: u.reason } : {}),
        // The solver answers for every seat it saw (someone in it, or a reason it is empty), so
        // a seat with neither, or more seats than were answered for, was never planned.
        unplanned: empty - over,
        over,
      }
    },
    timeOf(slot) {
      const s = slot === undefined ? undefined : slotOf.get(slot)
      return s ? `${s.start}-${s.end}` : ''
    },
  }
}

/** One row per duty post and slot, then the cover requests, then the events. */
function postRows(scenario: Scenario, days: readonly WeekDay[], seats: SeatLookup): PostRow[] {
  const { cellOf, timeOf } = seats
  const posts: PostRow[] = []
  for (const duty of scenario.duties) {
    for (const slot of duty.slots) {
      const s = seats.slotOf.get(slot)
      posts.push({
        section: 'duty',
        work: duty.id,
        what: duty.name,
        slot,
        time: timeOf(slot),
        cells: days.map((d) =>
          cellOf(
            duty.id,
            d.date,
            slot,
            !d.closed && duty.days.includes(d.weekday) && (s?.days === undefined || s.days.includes(d.weekday)),
            duty.staff,
            s?.start ?? '',
          ),
        ),
      })
    }
  }
  for (const c of scenario.cover ?? []) {
    posts.push({
      section: 'cover',
      work: c.id,
      what: `Cover: ${c.label ?? c.id}`,
      slot: c.slot,
      time: timeOf(c.slot),
      cells: days.map((d) => cellOf(c.id, d.date, c.slot, d.date === c.date, c.staff ?? 1, seats.slotOf.get(c.slot)?.start ?? '')),
    })
  }
  for (const e of scenario.events ?? []) {
    posts.push({
      section: 'event',
      work: e.id,
      what: e.name,
      time: `${e.start}-${e.end}`,
      cells: days.map((d) => cellOf(e.id, d.date, undefined, d.date === e.date, e.staff ?? 1, e.start)),
    })
  }
  return posts
}

/** Each person's week, by name: their duties day by day, their load and their fair share of it. */
function personRows(
  scenario: Scenario,
  days: readonly WeekDay[],
  assignments: readonly Assignment[],
  rowOf: ReadonlyMap<string, PostRow>,
  pinAt: ReadonlyMap<string, string>,
): PersonRow[] {
  const isDuty = (a: Assignment) => a.slot !== undefined && rowOf.get(`${a.duty}|${a.slot}`)?.section !== 'event'
  const loads = new Map<string, number>()
  for (const a of assignments) if (isDuty(a)) loads.set(a.staff, (loads.get(a.staff) ?? 0) + 1)
  const total = [...loads.values()].reduce((a, b) => a + b, 0)
  const hours = scenario.staff.reduce((sum, s) => sum + s.hoursPerWeek, 0)
  const absentOn = new Set((scenario.absences ?? []).filter((a) => a.start === undefined).map((a) => `${a.staff}|${a.date}`))
  const dutyOf = (a: Assignment): PersonDuty => {
    const row = rowOf.get(`${a.duty}|${a.slot ?? ''}`)
    return {
      work: a.duty,
      what: row?.what ?? a.duty,
      ...(a.slot === undefined ? {} : { slot: a.slot }),
      time: row?.time ?? '',
      pinned: pinAt.has(`${a.staff}|${key(a.duty, a.date, a.slot)}`),
    }
  }

  return scenario.staff
    .map((s) => ({
      staff: s.id,
      name: s.name,
      hoursPerWeek: s.hoursPerWeek,
      days: days.map((d) => ({
        date: d.date,
        absent: absentOn.has(`${s.id}|${d.date}`),
        worksToday: s.pattern[d.weekday] !== undefined,
        duties: assignments
          .filter((a) => a.staff === s.id && a.date === d.date)
          .map(dutyOf)
          .sort((x, y) => x.time.localeCompare(y.time)),
      })),
      load: loads.get(s.id) ?? 0,
      fairShare: hours > 0 ? Math.round(((total * s.hoursPerWeek) / hours) * 10) / 10 : 0,
    }))
    .sort((a, b) => bySurname({ name: a.name, code: a.staff }, { name: b.name, code: b.staff }))
}
