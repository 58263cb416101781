// Work that has already started is history: a generate or re-plan of the current week must not
// hand it to anyone. A re-plan at 14:01 that moved an 08:40 duty to someone else would tell
// them to be somewhere an hour ago and tell the manager the duty was not done as published.
//
// The solver has no clock and must not get one, so the past reaches it as scenario rules it
// already keeps: every occurrence that started before "now" (school time) is pinned to the
// people the published rota had on it (pins are hard, and still count for overlaps, rest
// breaks and the weekly cap), and everyone else is barred from it by an absence over the part
// of it that is already past, which ends before any later work starts and so hides no one from
// what is still to come. Absences are cut to what is still to come as well: one recorded at
// 14:01 for the whole day must not break the pin of a duty its person did at 08:40.
//
// A past seat that was empty stays empty and is not reported as a gap to fill: the time to fill
// it is gone. The draft's stats count those seats (see PastLock) so nothing is lost silently.
import { Instant, type Clock } from '@js-joda/core'
import { expandWeek, occurrenceKey, type Occurrence } from '../../solver/expand.js'
import { minutesOf, type Absence, type Assignment, type Rota, type Scenario } from '../../solver/scenario.js'
import { schoolZone } from '../platform/zone.js'

/** A moment in the school's own time: its date and the minutes since its midnight. */
export interface SchoolNow {
  date: string
  minutes: number
}

export function schoolNow(clock: Clock, timezone: string): SchoolNow {
  const at = Instant.now(clock).atZone(schoolZone(timezone))
  return { date: at.toLocalDate().toString(), minutes: at.hour() * 60 + at.minute() }
}

/** What the lock did, for the draft's stats; null where nothing of the week has started. */
export interface PastLock {
  /** school time before which work counts as started, "YYYY-MM-DDTHH:MM" */
  before: string
  occurrences: number
  kept: number
  emptySeats: number
}

export interface LockedWeek {
  scenario: Scenario
  /** occurrence keys (occurrenceKey) of work already started */
  locked: ReadonlySet<string>
  lock: PastLock | null
}

const hhmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`

function hasStarted(o: Occurrence, now: SchoolNow): boolean {
  return o.date < now.date || (o.date === now.date && o.start <= now.minutes)
}

const keyOf = (a: Assignment) => occurrenceKey(a.duty, a.date, a.slot)

/**
 * An absence cut to the time still to come. Before now nothing is handed out any more, and up
 * to the end of its person's started work today it would only clash with that work's pin.
 */
function clipped(a: Absence, now: SchoolNow, busyUntil: ReadonlyMap<string, number>): Absence[] {
  if (a.date > now.date) return [a]
  if (a.date < now.date) return []
  const end = a.end === undefined ? 24 * 60 : minutesOf(a.end)
  const from = Math.max(a.start === undefined ? 0 : minutesOf(a.start), now.minutes, busyUntil.get(a.staff) ?? 0)
  if (from >= end) return []
  return [{ ...a, start: hhmm(from) }]
}

/** Bars for everyone not kept on a started occurrence, over its past part only. */
function pastBars(scenario: Scenario, byKey: ReadonlyMap<string, Occurrence>, started: Occurrence[], now: SchoolNow): Absence[] {
  const pinnedSpans = new Map<string, [number, number][]>()
  for (const p of scenario.pins ?? []) {
    const o = byKey.get(keyOf(p))
    if (!o) continue
    const k = `${p.staff}|${o.date}`
    pinnedSpans.set(k, [...(pinnedSpans.get(k) ?? []), [o.start, o.end]])
  }
  return started.flatMap((o) => {
    const end = o.date === now.date ? Math.min(o.end, now.minutes + 1) : o.end
    // Someone pinned to anything overlapping the occurrence cannot take it anyway (no two pieces
    // of work overlap), and an absence there would break that pin.
    const free = scenario.staff.filter((s) => !(pinnedSpans.get(`${s.id}|${o.date}`) ?? []).some(([a, b]) => a < o.end && o.start < b))
    return free.map((s) => ({ staff: s.id, date: o.date, start: hhmm(o.start), end: hhmm(end) }))
  })
}

/** The week's scenario with everything started before `now` kept as the published rota had it. */
export function lockPast(scenario: Scenario, now: SchoolNow): LockedWeek {
  // A week still to come has nothing started, and expanding a 500-staff week to find that out
  // was a fifth of a second on the request thread, in front of the solve.
  if (now.date < scenario.week) return { scenario, locked: new Set(), lock: null }
  const occurrences = expandWeek(scenario).occurrences
  const started = occurrences.filter((o) => hasStarted(o, now))
  if (started.length === 0) return { scenario, locked: new Set(), lock: null }
  const locked = new Set(started.map((o) => o.key))
  const staff = new Set(scenario.staff.map((s) => s.id))
  const kept = (scenario.previous ?? []).filter((a) => locked.has(keyOf(a)) && staff.has(a.staff))
  // A manager's pin on started work is overtaken by what happened; the ones still to come stand.
  const pins = [...(scenario.pins ?? []).filter((p) => !locked.has(keyOf(p))), ...kept]
  const byKey = new Map(occurrences.map((o) => [o.key, o]))
  const busyUntil = new Map<string, number>()
  for (const a of kept) {
    const o = byKey.get(keyOf(a))
    if (o && o.date === now.date) busyUntil.set(a.staff, Math.max(busyUntil.get(a.staff) ?? 0, o.end))
  }
  const absences = (scenario.absences ?? []).flatMap((a) => clipped(a, now, busyUntil))
  const base: Scenario = { ...scenario, pins }
  const bars = pastBars(base, byKey, started, now)
  const keptSeats = new Map<string, number>()
  for (const a of kept) keptSeats.set(keyOf(a), (keptSeats.get(keyOf(a)) ?? 0) + 1)
  const emptySeats = started.reduce((n, o) => n + Math.max(0, o.seats - (keptSeats.get(o.key) ?? 0)), 0)
  return {
    scenario: { ...base, absences: [...absences, ...bars] },
    locked,
    lock: { before: `${now.date}T${hhmm(now.minutes)}`, occurrences: started.length, kept: kept.length, emptySeats },
  }
}

/** The rota without the empty seats of started work: there is nothing left to do about them. */
export function withoutPastGaps(rota: Rota, locked: ReadonlySet<string>): Rota {
  if (locked.size === 0) return rota
  return { ...rota, unfilled: rota.unfilled.filter((u) => !locked.has(occurrenceKey(u.duty, u.date, u.slot))) }
}
