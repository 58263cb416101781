// What a member of staff sees on their phone between lessons: today's and this week's duties
// as published (what, where, when, with whom), what the latest publish changed for them, and
// their figures. Read from calendar_entries, the same published snapshot the feeds serve, so
// the page and the calendar never disagree. Of absences only one thing is read: the note an
// absent colleague left for whoever took over their duty, never their reason.
import { DayOfWeek, Instant, LocalDate, TemporalAdjusters, ZoneId } from '@js-joda/core'
import type { CalendarChange, CalendarEntryKind } from '../../db/schema.js'
import { kindLabel } from '../calendar/entry-text.js'
import { schoolToday } from '../platform/zone.js'
import type { Deps } from '../platform/deps.js'
import { parseJsonColumn } from '../platform/json.js'
import { loadMeFigures, type MeFigures } from './figures.js'
import { coverNotesFor } from '../leave/absence-reports.js'
import { unseenChanges, type ToSee } from '../notifications/receipts.js'

/** A published assignment as the phone page says it. */
export interface DutyText {
  /** the assignment in a form field: work code, date and slot (see workRef) */
  ref: string
  date: string
  start: string
  end: string
  kind: CalendarEntryKind
  /** "Break duty", "Cover", or an event's own name */
  what: string
  /** the post ("Yard") or the class and room of a cover; null for an event */
  where: string | null
}

/** "yard|2026-11-24|break": one assignment of a person, as a form sends it back (codes have no "|"). */
export const workRef = (work: string, date: string, slot: string | null): string => `${work}|${date}|${slot ?? ''}`

/** The columns of calendar_entries that DutyText is made of. */
export const DUTY_TEXT_COLUMNS = ['work_code', 'slot_code', 'date', 'start_time', 'end_time', 'kind', 'title', 'location'] as const

export function dutyText(r: {
  work_code: string
  slot_code: string
  date: string
  start_time: string
  end_time: string
  kind: CalendarEntryKind
  title: string
  location: string | null
}): DutyText {
  return {
    // calendar_entries keeps '' for an event's slot, where an assignment has none
    ref: workRef(r.work_code, r.date, r.slot_code === '' ? null : r.slot_code),
    date: r.date,
    start: r.start_time,
    end: r.end_time,
    kind: r.kind,
    what: r.kind === 'event' ? r.title : kindLabel(r.kind),
    where: r.location,
  }
}

export interface MeDuty extends DutyText {
  uid: string
  colleagues: string[]
  /** what the latest publish did to it, when that publish was a re-plan */
  change: Exclude<CalendarChange, 'removed'> | null
  /** the note of the absent colleague this duty was taken over from */
  coverNote: { from: string; note: string } | null
  /** set while a re-plan's change of it waits for the person to mark it seen */
  toSee: ToSee | null
}

export interface MeDay {
  date: string
  duties: MeDuty[]
}

export interface MeChanges {
  /** school-local date and time of the latest publish */
  date: string
  time: string
  added: number
  updated: number
  /** duties the latest publish took away from this person */
  removed: MeDuty[]
}

export interface MeView {
  staffName: string
  schoolName: string
  today: string
  todays: MeDuty[]
  /** the week shown: this one, or the coming one at the weekend */
  week: { monday: string; next: boolean; days: MeDay[] }
  /** every later week with published duties of this person, soonest first (a week published for next Monday shows on Friday) */
  later: { monday: string; days: MeDay[] }[]
  /** false until a rota of the shown week is published */
  published: boolean
  /** null on a week's first publish (all of it is new) or before any */
  changes: MeChanges | null
  figures: MeFigures
}

/** Undefined when the staff member is not in the school. */
export async function loadMe(deps: Deps, schoolId: string, staffId: string): Promise<MeView | undefined> {
  const { db } = deps.store
  const who = await db
    .selectFrom('staff')
    .innerJoin('schools', 'schools.id', 'staff.school_id')
    .select(['staff.name as staff_name', 'schools.name as school_name', 'schools.timezone'])
    .where('staff.id', '=', staffId)
    .where('staff.school_id', '=', schoolId)
    .executeTakeFirst()
  if (!who) return undefined

  const today = schoolToday(deps.clock, who.timezone)
  const { monday, sunday, weekend } = weekShown(today)
  const [rows, publishes, notes, unseen] = await Promise.all([
    entriesOf(db, schoolId, staffId, today, monday),
    latestTwoPublishes(db, schoolId, monday),
    coverNotesFor(deps.store, schoolId, staffId, today.toString()),
    // The page's earliest day: today, or this week's Monday (at the weekend the week shown is the next).
    unseenChanges(deps.store, schoolId, staffId, [today.toString(), monday.toString()].sort()[0] ?? today.toString()),
  ])
  const noteOf = new Map(notes.map((n) => [n.ref, { from: n.from, note: n.note }]))

  const latest = publishes[0]
  const replan = latest !== undefined && publishes.length > 1
  const changedNow = (r: { changed_in: string; week: string }) => replan && r.week === monday.toString() && r.changed_in === latest.id
  const duty = (r: Entry): MeDuty => ({
    ...dutyText(r),
    uid: r.uid,
    colleagues: parseJsonColumn<string[]>(r.colleagues, []),
    change: changedNow(r) && r.change !== 'removed' ? r.change : null,
    coverNote: r.removed_at === null ? (noteOf.get(workRef(r.work_code, r.date, r.slot_code === '' ? null : r.slot_code)) ?? null) : null,
    toSee: r.removed_at === null ? (unseen.get(r.uid) ?? null) : null,
  })
  const live = rows.filter((r) => r.removed_at === null).map(duty)
  const inWeek = live.filter((d) => d.date >= monday.toString() && d.date <= sunday.toString())
  const removed = rows.filter((r) => r.removed_at !== null && changedNow(r)).map(duty)

  return {
    staffName: who.staff_name,
    schoolName: who.school_name,
    today: today.toString(),
    todays: live.filter((d) => d.date === today.toString()),
    week: { monday: monday.toString(), next: weekend, days: daysOf(monday, inWeek) },
    later: laterWeeks(live.filter((d) => d.date > sunday.toString())),
    published: latest !== undefined,
    changes: replan && latest ? changesOf(latest.published_at, who.timezone, inWeek, removed) : null,
    figures: await loadMeFigures(deps, schoolId, staffId, monday),
  }
}

type Db = Deps['store']['db']
type Entry = Awaited<ReturnType<typeof entriesOf>>[number]

/** At the weekend the coming week is what people plan for; today's own duties still show. */
function weekShown(today: LocalDate): { monday: LocalDate; sunday: LocalDate; weekend: boolean } {
  const weekend = today.dayOfWeek() === DayOfWeek.SATURDAY || today.dayOfWeek() === DayOfWeek.SUNDAY
  const monday = weekend ? today.with(TemporalAdjusters.next(DayOfWeek.MONDAY)) : today.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
  return { monday, sunday: monday.plusDays(6), weekend }
}

/** The person's published entries of today, of the week shown and of every later week, removed ones included. */
function entriesOf(db: Db, schoolId: string, staffId: string, today: LocalDate, monday: LocalDate) {
  return db
    .selectFrom('calendar_entries')
    .select(['uid', ...DUTY_TEXT_COLUMNS, 'colleagues', 'change', 'changed_in', 'week', 'removed_at'])
    .where('school_id', '=', schoolId)
    .where('staff_id', '=', staffId)
    .where((eb) => eb.or([eb('date', '=', today.toString()), eb('date', '>=', monday.toString())]))
    .orderBy('date')
    .orderBy('start_time')
    .orderBy('uid')
    .execute()
}

/** The week's latest publish first; a second one means the latest was a re-plan. */
function latestTwoPublishes(db: Db, schoolId: string, monday: LocalDate) {
  return db
    .selectFrom('calendar_publishes')
    .select(['id', 'published_at'])
    .where('school_id', '=', schoolId)
    .where('week', '=', monday.toString())
    .orderBy('ordinal', 'desc')
    .limit(2)
    .execute()
}

/** Later weeks as the week shown is drawn, but only the days that have work. */
function laterWeeks(after: MeDuty[]): { monday: string; days: MeDay[] }[] {
  const weeks = new Map<string, MeDuty[]>()
  for (const d of after) {
    const monday = LocalDate.parse(d.date).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()
    weeks.set(monday, [...(weeks.get(monday) ?? []), d])
  }
  return [...weeks.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([monday, duties]) => ({ monday, days: daysOf(LocalDate.parse(monday), duties).filter((day) => day.duties.length > 0) }))
}

function daysOf(monday: LocalDate, inWeek: MeDuty[]): MeDay[] {
  const days: MeDay[] = []
  for (let i = 0; i < 7; i++) {
    const date = monday.plusDays(i).toString()
    const duties = inWeek.filter((d) => d.date === date)
    // Weekdays always show (an empty day is news too); a weekend day only when it has work.
    if (i < 5 || duties.length > 0) days.push({ date, duties })
  }
  return days
}

/** What the latest publish, a re-plan, did to the person's week, stamped in the school's time. */
function changesOf(publishedAt: string, timezone: string, inWeek: MeDuty[], removed: MeDuty[]): MeChanges {
  const at = Instant.parse(publishedAt).atZone(ZoneId.of(timezone))
  return {
    date: at.toLocalDate().toString(),
    time: at.toLocalTime().toString().slice(0, 5),
    added: inWeek.filter((d) => d.change === 'added').length,
    updated: inWeek.filter((d) => d.change === 'updated').length,
    removed,
  }
}
