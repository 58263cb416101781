// The file's absences of the reason "unavailable" are the week's approved unavailability
// (leave/unavailable-days.ts). A person whose approved marks already give exactly those times
// this week is left alone, so exporting and importing writes nothing. Otherwise the file is
// the truth for the week: a weekly mark stays while every time it gives this week is in the
// file, the rest of their marks touching the week go, and what the file still lists becomes
// approved one-off marks. A mark waiting for a manager is no part of any file and stays.
import type { CompiledQuery } from 'kysely'
import { deleteWhereIn } from '../platform/insert-rows.js'
import { datesOf, UNAVAILABLE_REASON, type ApprovedMark } from '../leave/unavailable-days.js'
import { unique, type PlanContext } from './import-context.js'

const keyOf = (date: string, start: string | null, end: string | null) => `${date}|${start ?? ''}|${end ?? ''}`

export function planUnavailability(p: PlanContext): CompiledQuery[] {
  const { state, sc, ids, newId, now, counts, db } = p
  const wanted = new Map<string, string[]>()
  for (const a of (sc.absences ?? []).filter((x) => x.reason === UNAVAILABLE_REASON)) {
    const staffId = ids.staff.get(a.staff) ?? ''
    wanted.set(staffId, [...(wanted.get(staffId) ?? []), keyOf(a.date, a.start ?? null, a.end ?? null)])
  }
  const held = new Map<string, ApprovedMark[]>()
  for (const m of state.unavailable) held.set(m.staffId, [...(held.get(m.staffId) ?? []), m])
  const keysOf = (m: ApprovedMark) => datesOf(m, state.range.dates).map((d) => keyOf(d, m.start, m.end))

  const listed = new Set(ids.staff.values())
  const deletes: string[] = []
  const inserts: CompiledQuery[] = []
  for (const staffId of unique([...wanted.keys(), ...held.keys()])
    .filter((id) => listed.has(id))
    .sort()) {
    const want = new Set(wanted.get(staffId) ?? [])
    const marks = held.get(staffId) ?? []
    if (sameSet(want, new Set(marks.flatMap(keysOf)))) continue
    const kept = marks.filter((m) => m.repeat === 'weekly' && keysOf(m).every((k) => want.has(k)))
    for (const m of marks.filter((x) => !kept.includes(x))) deletes.push(m.id)
    counts.removed.absences += marks.length - kept.length
    const covered = new Set(kept.flatMap(keysOf))
    for (const key of [...want].filter((k) => !covered.has(k)).sort()) {
      const [date = '', start = '', end = ''] = key.split('|')
      inserts.push(
        db
          .insertInto('staff_unavailability')
          .values({
            id: newId('una'),
            school_id: state.school.id,
            staff_id: staffId,
            repeat: 'once',
            day: null,
            date,
            start_time: start === '' ? null : start,
            end_time: end === '' ? null : end,
            note: null,
            status: 'approved',
            requested_at: now,
            decided_by: null,
            decided_at: now,
          })
          .compile(),
      )
      counts.created.absences += 1
    }
  }
  return [...deleteWhereIn(db, 'staff_unavailability', 'id', deletes), ...inserts]
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k))
}
