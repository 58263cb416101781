// The week tables' one row mapper and one insert each (cover requests, events, absences, pins
// and bars, rota assignments): the week's pages, its CSVs and the scenario import all write
// these rows through here. Callers normalise first (a scenario file sorts skill seats); the
// mappers only turn fields into columns.
import type { CompiledQuery, Insertable, Kysely } from 'kysely'
import type { AbsenceReason, AbsencesTable, CoverRequestsTable, Database, EventsTable, RotaAssignmentsTable, WeekOverridesTable } from '../../db/schema.js'
import { insertRows, type Column } from '../platform/insert-rows.js'

export interface CoverFields {
  code: string
  date: string
  slotId: string
  label: string | null
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
  /** left out, the column is not written (a scenario file carries no absence link) */
  absenceId?: string | null
}

export const coverColumns = (f: CoverFields) => ({
  code: f.code,
  date: f.date,
  slot_id: f.slotId,
  label: f.label,
  people_needed: f.peopleNeeded,
  skill_seats: JSON.stringify(f.skillSeats),
  priority: f.priority,
  ...(f.absenceId === undefined ? {} : { absence_id: f.absenceId }),
})

export const coverRow = (schoolId: string, id: string, f: CoverFields): Insertable<CoverRequestsTable> => ({ id, school_id: schoolId, ...coverColumns(f) })

/** New cover requests; with `update`, a code the week already has updates those columns instead. */
export function insertCover(
  db: Kysely<Database>,
  rows: readonly Insertable<CoverRequestsTable>[],
  update?: readonly Column<'cover_requests'>[],
): CompiledQuery[] {
  return insertRows(db, 'cover_requests', rows, update && { key: ['school_id', 'week', 'code'], set: update, bumpVersion: true })
}

export interface EventFields {
  code: string
  name: string
  date: string
  start: string
  end: string
  peopleNeeded: number
  skillSeats: Record<string, number>
  priority: number
}

export const eventColumns = (f: EventFields) => ({
  code: f.code,
  name: f.name,
  date: f.date,
  start_time: f.start,
  end_time: f.end,
  people_needed: f.peopleNeeded,
  skill_seats: JSON.stringify(f.skillSeats),
  priority: f.priority,
})

export const eventRow = (schoolId: string, id: string, f: EventFields): Insertable<EventsTable> => ({ id, school_id: schoolId, ...eventColumns(f) })

/** New events; with `update`, a code the week already has updates those columns instead. */
export function insertEvents(db: Kysely<Database>, rows: readonly Insertable<EventsTable>[], update?: readonly Column<'events'>[]): CompiledQuery[] {
  return insertRows(db, 'events', rows, update && { key: ['school_id', 'week', 'code'], set: update, bumpVersion: true })
}

export interface AbsenceFields {
  staffId: string
  startDate: string
  endDate: string | null
  startTime: string | null
  endTime: string | null
  reason: AbsenceReason | null
}

export const absenceColumns = (f: AbsenceFields) => ({
  staff_id: f.staffId,
  start_date: f.startDate,
  end_date: f.endDate,
  start_time: f.startTime,
  end_time: f.endTime,
  reason: f.reason,
})

export const absenceRow = (schoolId: string, id: string, createdAt: string, f: AbsenceFields): Insertable<AbsencesTable> => ({
  id,
  school_id: schoolId,
  ...absenceColumns(f),
  created_at: createdAt,
})

export const insertAbsences = (db: Kysely<Database>, rows: readonly Insertable<AbsencesTable>[]): CompiledQuery[] => insertRows(db, 'absences', rows)

export interface OverrideFields {
  week: string
  kind: WeekOverridesTable['kind']
  staffId: string
  work: string
  date: string
  slot: string | null
  createdAt: string
}

export const overrideRow = (schoolId: string, id: string, f: OverrideFields): Insertable<WeekOverridesTable> => ({
  id,
  school_id: schoolId,
  week: f.week,
  kind: f.kind,
  staff_id: f.staffId,
  work_code: f.work,
  date: f.date,
  slot_code: f.slot,
  created_at: f.createdAt,
})

export const insertOverrides = (db: Kysely<Database>, rows: readonly Insertable<WeekOverridesTable>[]): CompiledQuery[] =>
  insertRows(db, 'week_overrides', rows)

export const assignmentRow = (
  rotaId: string,
  id: string,
  a: { staffId: string; work: string; date: string; slot: string | null },
): Insertable<RotaAssignmentsTable> => ({
  id,
  rota_id: rotaId,
  staff_id: a.staffId,
  work_code: a.work,
  date: a.date,
  slot_code: a.slot,
})

export const insertAssignments = (db: Kysely<Database>, rows: readonly Insertable<RotaAssignmentsTable>[]): CompiledQuery[] =>
  insertRows(db, 'rota_assignments', rows)
