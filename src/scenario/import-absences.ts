// Absences are compared per person as the days they produce in this week, not as rows: a
// person whose days already match keeps their rows untouched (an open-ended absence stays
// open-ended); otherwise their rows are cut out of the week (whatever lies before or after it
// is kept, with its detail) and the file's days are written, consecutive equal days merged
// into one row. This is no row sync: one absence row can span many weeks. Entries of the
// reason "unavailable" are approved unavailability, planned by import-unavailability.ts.
import { sql, type CompiledQuery, type Insertable } from 'kysely'
import type { AbsenceReason, AbsencesTable } from '../../db/schema.js'
import { deleteWhereIn } from '../platform/insert-rows.js'
import { absenceRow, insertAbsences } from '../week/week-rows.js'
import { json, unique, type PlanContext } from './import-context.js'
import { compare } from './load.js'
import { UNAVAILABLE_REASON } from '../leave/unavailable-days.js'
import { CHECKS_MISSING_REASON } from '../supply/supply.js'
import type { AbsenceState } from './week-state.js'

interface DayEntry {
  date: string
  start: string | null
  end: string | null
  reason: AbsenceReason | null
}

const entryKey = (e: DayEntry) => `${e.date}|${e.start ?? ''}|${e.end ?? ''}|${e.reason ?? ''}`

export function planAbsences(p: PlanContext): CompiledQuery[] {
  const { state, sc, ids, newId, now, counts } = p
  const wanted = new Map<string, DayEntry[]>()
  // A supply person's blocked days follow from their checks, so a file's copy of them is not stored.
  for (const a of (sc.absences ?? []).filter((x) => x.reason !== UNAVAILABLE_REASON && x.reason !== CHECKS_MISSING_REASON)) {
    const staffId = ids.staff.get(a.staff) ?? ''
    wanted.set(staffId, [
      ...(wanted.get(staffId) ?? []),
      { date: a.date, start: a.start ?? null, end: a.end ?? null, reason: (a.reason ?? null) as AbsenceReason | null },
    ])
  }
  const held = new Map<string, AbsenceState[]>()
  for (const a of state.absences) held.set(a.staffId, [...(held.get(a.staffId) ?? []), a])

  const out: CompiledQuery[] = []
  const inserts: Insertable<AbsencesTable>[] = []
  const deletes: string[] = []
  // People the file removes lose their absences with them (guarded by import-guard.ts).
  const listed = new Set(ids.staff.values())
  const people = new Set([...wanted.keys(), ...[...held.keys()].filter((id) => listed.has(id))])
  for (const staffId of [...people].sort()) {
    const rows = held.get(staffId) ?? []
    const heldDays = rows.flatMap((a) =>
      state.range.dates
        .filter((d) => d >= a.startDate && (a.endDate === null || d <= a.endDate))
        .map((date) => entryKey({ date, start: a.startTime, end: a.endTime, reason: a.reason })),
    )
    const wantedDays = unique((wanted.get(staffId) ?? []).map(entryKey))
    if (json(unique(heldDays).sort()) === json(wantedDays.sort())) continue

    for (const a of rows) out.push(...cutOutOfWeek(p, a, deletes))
    for (const run of runsOf(wanted.get(staffId) ?? [], state.range.dates)) {
      inserts.push(
        absenceRow(state.school.id, newId('abs'), now, {
          staffId,
          startDate: run.from,
          endDate: run.to,
          startTime: run.start,
          endTime: run.end,
          reason: run.reason,
        }),
      )
      counts.created.absences += 1
    }
  }
  return [...deleteWhereIn(p.db, 'absences', 'id', deletes), ...out, ...insertAbsences(p.db, inserts)]
}

/** An absence inside the week goes; one reaching beyond it is trimmed to what lies outside, or split in two. */
function cutOutOfWeek({ db, state, newId, now, counts }: PlanContext, a: AbsenceState, deletes: string[]): CompiledQuery[] {
  const { monday, sunday, nextMonday, previousSunday } = state.range
  const startsBefore = a.startDate < monday
  const endsAfter = a.endDate === null || a.endDate > sunday
  if (!startsBefore && !endsAfter) {
    deletes.push(a.id)
    counts.removed.absences += 1
    return []
  }
  counts.updated.absences += 1
  if (!startsBefore) return [db.updateTable('absences').set({ start_date: nextMonday, version: sql<number>`version + 1` }).where('id', '=', a.id).compile()]
  const out = [db.updateTable('absences').set({ end_date: previousSunday, version: sql<number>`version + 1` }).where('id', '=', a.id).compile()]
  if (endsAfter) {
    const restId = newId('abs')
    out.push(
      ...insertAbsences(db, [
        absenceRow(state.school.id, restId, now, {
          staffId: a.staffId,
          startDate: nextMonday,
          endDate: a.endDate,
          startTime: a.startTime,
          endTime: a.endTime,
          reason: a.reason,
        }),
      ]),
      db
        .insertInto('absence_details')
        .columns(['absence_id', 'detail'])
        .expression((eb) =>
          eb
            .selectFrom('absence_details')
            .select([eb.val(restId).as('absence_id'), 'detail'])
            .where('absence_id', '=', a.id),
        )
        .compile(),
    )
  }
  return out
}

interface Run {
  from: string
  to: string
  start: string | null
  end: string | null
  reason: AbsenceReason | null
}

/** Consecutive dates with the same times and reason become one row. */
function runsOf(entries: DayEntry[], dates: string[]): Run[] {
  const dayIndex = new Map(dates.map((d, i) => [d, i]))
  const sameKind = (a: DayEntry, b: DayEntry) => a.start === b.start && a.end === b.end && a.reason === b.reason
  const sorted = [...new Map(entries.map((e) => [entryKey(e), e])).values()].sort(
    (a, b) => compare(a.start ?? '', b.start ?? '') || compare(a.end ?? '', b.end ?? '') || compare(a.reason ?? '', b.reason ?? '') || compare(a.date, b.date),
  )
  const runs: (Run & { last: number; kind: DayEntry })[] = []
  for (const e of sorted) {
    const at = dayIndex.get(e.date) ?? -1
    const prev = runs[runs.length - 1]
    if (prev && sameKind(prev.kind, e) && prev.last + 1 === at) {
      prev.to = e.date
      prev.last = at
    } else {
      runs.push({ from: e.date, to: e.date, start: e.start, end: e.end, reason: e.reason, last: at, kind: e })
    }
  }
  return runs.map(({ from, to, start, end, reason }) => ({ from, to, start, end, reason }))
}
