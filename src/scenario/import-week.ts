// The file's week data as row syncs: cover requests and events by their code, closures by
// date, pins by what they place. Each is the week's complete list, so rows of the week the
// file does not list are removed. `previous`, when given, replaces the published rota.
import type { CompiledQuery } from 'kysely'
import { byKey } from '../platform/sync-rows.js'
import { closureRow, insertClosures } from '../setup/calendar.js'
import { assignmentRow, coverRow, eventRow, insertAssignments, insertCover, insertEvents, insertOverrides, overrideRow } from '../week/week-rows.js'
import { sortSkillSeats } from './columns.js'
import { idsFor, json, must, syncByCode, syncByKey, type PlanContext } from './import-context.js'

/** Cover then events; each list's removals go before its writes. */
export function syncCoverAndEvents(p: PlanContext): CompiledQuery[] {
  const { db, state, sc, newId } = p
  const school = state.school.id
  const coverIds = idsFor(
    state.cover.map((c) => ({ key: c.code, id: c.id })),
    (sc.cover ?? []).map((c) => c.id),
    () => newId('cov'),
  )
  const cover = syncByCode(p, 'cover', {
    table: 'cover_requests',
    have: state.cover.map((c) => coverRow(school, c.id, { ...c, skillSeats: sortSkillSeats(c.skillSeats) })),
    want: (sc.cover ?? []).map((c) =>
      coverRow(school, must(coverIds, c.id), {
        code: c.id,
        date: c.date,
        slotId: must(p.ids.slots, c.slot),
        label: c.label ?? null,
        peopleNeeded: c.staff ?? 1,
        skillSeats: sortSkillSeats(c.skills),
        priority: c.priority ?? 3,
      }),
    ),
    compare: ['date', 'slot_id', 'label', 'people_needed', 'skill_seats', 'priority'],
    write: (rows, update) => insertCover(db, rows, update),
  })

  const eventIds = idsFor(
    state.events.map((e) => ({ key: e.code, id: e.id })),
    (sc.events ?? []).map((e) => e.id),
    () => newId('evt'),
  )
  const events = syncByCode(p, 'events', {
    table: 'events',
    have: state.events.map((e) => eventRow(school, e.id, { ...e, skillSeats: sortSkillSeats(e.skillSeats) })),
    want: (sc.events ?? []).map((e) =>
      eventRow(school, must(eventIds, e.id), {
        code: e.id,
        name: e.name,
        date: e.date,
        start: e.start,
        end: e.end,
        peopleNeeded: e.staff ?? 1,
        skillSeats: sortSkillSeats(e.skills),
        priority: e.priority ?? 3,
      }),
    ),
    compare: ['name', 'date', 'start_time', 'end_time', 'people_needed', 'skill_seats', 'priority'],
    write: (rows, update) => insertEvents(db, rows, update),
  })
  return [...cover.removals, ...cover.writes, ...events.removals, ...events.writes]
}

/** A date the file calls closed keeps whatever kind and name the school gave it. */
export function syncClosures(p: PlanContext): CompiledQuery[] {
  const { db, state, sc, newId } = p
  const have = state.closures.map((c) => ({ key: c.date, id: c.id }))
  const dates = [...new Set(sc.closed ?? [])].sort()
  const closureIds = idsFor(have, dates, () => newId('cls'))
  const closures = syncByKey(p, 'closures', {
    table: 'closures',
    have: byKey(have, (c) => c.key),
    want: byKey(
      dates.map((date) => closureRow(state.school.id, must(closureIds, date), { date, kind: 'other', name: 'Closed (imported)' })),
      (r) => r.date,
    ),
    compare: [],
    write: (rows) => insertClosures(db, rows),
  })
  return [...closures.writes, ...closures.removals]
}

type Placed = { staffId: string; work: string; date: string; slot: string | null }
const placedKey = (p: Placed) => `${p.staffId}|${p.work}|${p.date}|${p.slot ?? ''}`
const placedOf = ({ ids }: PlanContext, a: { staff: string; duty: string; date: string; slot?: string | undefined }): Placed => ({
  staffId: must(ids.staff, a.staff),
  work: a.duty,
  date: a.date,
  slot: a.slot ?? null,
})

/** The week's pins become exactly the file's. */
export function syncPins(p: PlanContext): CompiledQuery[] {
  const { db, state, sc, newId, now } = p
  const have = state.pins.map((pin) => ({ key: placedKey({ staffId: pin.staffId, work: pin.workCode, date: pin.date, slot: pin.slotCode }), id: pin.id }))
  const wanted = byKey(
    (sc.pins ?? []).map((pin) => placedOf(p, pin)),
    placedKey,
  )
  const pinIds = idsFor(have, [...wanted.keys()], () => newId('ovr'))
  const pins = syncByKey(p, 'pins', {
    table: 'week_overrides',
    // Of two equal pins in the database the last is the one compared; the other is left alone.
    have: new Map(have.map((h) => [h.key, h])),
    want: new Map(
      [...wanted].map(([key, w]) => [key, overrideRow(state.school.id, must(pinIds, key), { ...w, week: state.range.monday, kind: 'pin', createdAt: now })]),
    ),
    compare: [],
    write: (rows) => insertOverrides(db, rows),
  })
  return [...pins.writes, ...pins.removals]
}

/** `previous`, when given and different, becomes the week's published rota; the old one is superseded, kept. */
export function planPrevious(p: PlanContext): CompiledQuery[] {
  const { db, state, sc, newId, now, counts } = p
  if (sc.previous === undefined) return []
  const wanted = byKey(
    sc.previous.map((a) => placedOf(p, a)),
    placedKey,
  )
  const have = new Set((state.published?.assignments ?? []).map((a) => placedKey({ staffId: a.staffId, work: a.workCode, date: a.date, slot: a.slotCode })))
  if (state.published !== undefined && have.size === wanted.size && [...wanted.keys()].every((k) => have.has(k))) return []

  const out: CompiledQuery[] = []
  if (state.published) out.push(db.updateTable('rotas').set({ status: 'superseded' }).where('id', '=', state.published.id).compile())
  const rotaId = newId('rot')
  out.push(
    db
      .insertInto('rotas')
      .values({
        id: rotaId,
        school_id: state.school.id,
        week: state.range.monday,
        version: state.latestRotaVersion + 1,
        status: 'published',
        stats: json({ source: 'import' }),
        created_at: now,
        published_at: now,
      })
      .compile(),
  )
  out.push(
    ...insertAssignments(
      db,
      [...wanted.values()].map((a) => assignmentRow(rotaId, newId('ras'), a)),
    ),
  )
  ;(state.published ? counts.updated : counts.created).previous += 1
  return out
}
