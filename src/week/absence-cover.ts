// Cover that an absence makes by itself: a commitment marked "needs cover" (a 1:1 session, an
// intervention, timetabled support) that the absence overlaps becomes a cover request for each
// slot the overlap touches, on each absent date. The requests carry made_by_absence, so every
// write of the absence brings them in step in the same atomic write: what the absence still
// covers stays (same id, so a published assignment to it survives), what it no longer covers
// goes, and deleting the absence takes them all (ON DELETE CASCADE). A request a manager made
// by hand never has made_by_absence and is never touched here.
import { LocalDate } from '@js-joda/core'
import type { CompiledQuery } from 'kysely'
import { chunkRows, type Store } from '../../db/store.js'
import { WEEKDAYS } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import type { AbsenceState } from '../scenario/week-state.js'
import { mondayOf } from '../ledgers/periods.js'
import { coverRow, insertCover } from './week-rows.js'

/** The absence as this needs it: who, and the dates and times they are away. */
export type AbsenceSpan = Omit<AbsenceState, 'reason'>

/** An open-ended absence makes cover this far ahead; a longer one is re-made when edited. */
const OPEN_ENDED_DAYS = 42
/** No absence makes cover for more dates than a school year has. */
const MOST_DAYS = 366

interface Wanted {
  date: string
  slotId: string
  slotCode: string
  staffCode: string
  label: string
}

export async function absenceCoverStatements(ctx: WriteContext, schoolId: string, absence: AbsenceSpan): Promise<CompiledQuery[]> {
  const db = ctx.store.db
  const [wanted, held] = await Promise.all([
    wantedCover(ctx.store, schoolId, absence),
    db.selectFrom('cover_requests').select(['id', 'date', 'slot_id']).where('school_id', '=', schoolId).where('made_by_absence', '=', absence.id).execute(),
  ])
  const keyOf = (date: string, slotId: string) => `${date}|${slotId}`
  const wantedKeys = new Set(wanted.map((w) => keyOf(w.date, w.slotId)))
  const heldKeys = new Set(held.map((h) => keyOf(h.date, h.slot_id)))
  const gone = held.filter((h) => !wantedKeys.has(keyOf(h.date, h.slot_id))).map((h) => h.id)
  const fresh = wanted.filter((w) => !heldKeys.has(keyOf(w.date, w.slotId)))
  const statements: CompiledQuery[] = []
  if (gone.length > 0) statements.push(db.deleteFrom('cover_requests').where('school_id', '=', schoolId).where('id', 'in', gone).compile())
  if (fresh.length === 0) return statements
  const codes = await freeCodes(ctx.store, schoolId, fresh)
  const rows = fresh.map((w, i) => ({
    ...coverRow(schoolId, ctx.newId('cov'), {
      code: codes[i] as string,
      date: w.date,
      slotId: w.slotId,
      label: w.label,
      peopleNeeded: 1,
      skillSeats: {},
      priority: 3,
      absenceId: absence.id,
    }),
    made_by_absence: absence.id,
  }))
  return [...statements, ...insertCover(db, rows)]
}

async function wantedCover(store: Store, schoolId: string, absence: AbsenceSpan): Promise<Wanted[]> {
  const [person, commitments, slots] = await Promise.all([
    store.db.selectFrom('staff').select(['name', 'code']).where('school_id', '=', schoolId).where('id', '=', absence.staffId).executeTakeFirst(),
    store.db.selectFrom('commitments').selectAll().where('staff_id', '=', absence.staffId).where('needs_cover', '=', 1).execute(),
    store.db.selectFrom('slots').selectAll().where('school_id', '=', schoolId).orderBy('start_time').execute(),
  ])
  if (!person || commitments.length === 0) return []
  const out: Wanted[] = []
  const first = LocalDate.parse(absence.startDate)
  const last = absence.endDate === null ? first.plusDays(OPEN_ENDED_DAYS) : LocalDate.parse(absence.endDate)
  const from = absence.startTime ?? '00:00'
  const to = absence.endTime ?? '24:00'
  for (let d = first, n = 0; !d.isAfter(last) && n < MOST_DAYS; d = d.plusDays(1), n++) {
    const weekday = WEEKDAYS[d.dayOfWeek().value() - 1]
    const date = d.toString()
    for (const c of commitments) {
      if (c.day !== weekday) continue
      // Only the part of the commitment the person is away for needs someone else.
      const start = c.start_time > from ? c.start_time : from
      const end = c.end_time < to ? c.end_time : to
      if (start >= end) continue
      for (const s of slots) {
        const days = s.days === null ? null : (JSON.parse(s.days) as string[])
        if (days !== null && weekday !== undefined && !days.includes(weekday)) continue
        if (s.start_time >= end || start >= s.end_time) continue
        out.push({ date, slotId: s.id, slotCode: s.code, staffCode: person.code, label: `${c.label ?? 'Commitment'}: cover for ${person.name}` })
      }
    }
  }
  // Two commitments in one slot still need one person: the first one's label names it.
  const seen = new Set<string>()
  return out.filter((w) => !seen.has(`${w.date}|${w.slotId}`) && seen.add(`${w.date}|${w.slotId}`) !== undefined)
}

/** Codes that say what they are ("AWAY-T101-P1-1124") and are free in their week. */
async function freeCodes(store: Store, schoolId: string, fresh: readonly Wanted[]): Promise<string[]> {
  const weeks = [...new Set(fresh.map((w) => mondayOf(w.date)))]
  const taken = new Set<string>()
  for (const chunk of chunkRows(weeks, 1)) {
    const [cover, events] = await Promise.all([
      store.db.selectFrom('cover_requests').select(['code', 'week']).where('school_id', '=', schoolId).where('week', 'in', chunk).execute(),
      store.db.selectFrom('events').select(['code', 'week']).where('school_id', '=', schoolId).where('week', 'in', chunk).execute(),
    ])
    for (const r of [...cover, ...events]) taken.add(`${r.week}|${r.code}`)
  }
  const posts = await store.db.selectFrom('duty_posts').select('code').where('school_id', '=', schoolId).execute()
  const postCodes = new Set(posts.map((p) => p.code))
  return fresh.map((w) => {
    const week = mondayOf(w.date)
    const base = `AWAY-${w.staffCode}-${w.slotCode}-${w.date.slice(5).replace('-', '')}`
    let code = base
    for (let i = 2; taken.has(`${week}|${code}`) || postCodes.has(code); i++) code = `${base}-${i}`
    taken.add(`${week}|${code}`)
    return code
  })
}
