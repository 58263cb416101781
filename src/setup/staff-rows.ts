// The staff tables' one row mapper and one insert each (staff, staff_skills, commitments):
// the staff pages, the staff CSV and the scenario import all write people through these, so
// a column added to staff is added here once. Callers normalise first (a scenario file sorts
// the pattern's days); the mapper only turns fields into columns.
import type { CompiledQuery, Insertable, Kysely } from 'kysely'
import type { CommitmentsTable, Database, NewStaffRow, StaffSkillsTable } from '../../db/schema.js'
import type { Weekday } from '../../solver/scenario.js'
import { insertRows, type Column } from '../platform/insert-rows.js'

export interface StaffFields {
  code: string
  name: string
  gradeId: string
  hoursPerWeek: number
  pattern: Partial<Record<Weekday, { start: string; end: string }>>
  unpaidBreakMinutes: number
  additionalHoursAllowance: number
  maxDutiesPerWeek: number | null
  /** duty post codes */
  avoid: readonly string[]
  prefer: readonly string[]
  /** left out, the column is not written (a scenario file carries no email) */
  email?: string | null
}

export type StaffColumns = Omit<NewStaffRow, 'id' | 'school_id'>

export function staffColumns(f: StaffFields): StaffColumns {
  return {
    code: f.code,
    name: f.name,
    grade_id: f.gradeId,
    hours_per_week: f.hoursPerWeek,
    pattern: JSON.stringify(f.pattern),
    unpaid_break_minutes: f.unpaidBreakMinutes,
    additional_hours_allowance: f.additionalHoursAllowance,
    max_duties_per_week: f.maxDutiesPerWeek,
    avoid: JSON.stringify(f.avoid),
    prefer: JSON.stringify(f.prefer),
    ...(f.email === undefined ? {} : { email: f.email }),
  }
}

export const staffRow = (schoolId: string, id: string, f: StaffFields): NewStaffRow => ({ id, school_id: schoolId, ...staffColumns(f) })

/** New people; with `update`, a code the school already has updates those columns instead. */
export function insertStaff(db: Kysely<Database>, rows: readonly NewStaffRow[], update?: readonly Column<'staff'>[]): CompiledQuery[] {
  return insertRows(db, 'staff', rows, update && { key: ['school_id', 'code'], set: update, bumpVersion: true })
}

export const skillRow = (staffId: string, s: { skill: string; expiresOn: string | null }): Insertable<StaffSkillsTable> => ({
  staff_id: staffId,
  skill: s.skill,
  expires_on: s.expiresOn,
})

/** With `renew`, a skill the person already holds takes the new expiry instead. */
export function insertSkills(db: Kysely<Database>, rows: readonly Insertable<StaffSkillsTable>[], renew = false): CompiledQuery[] {
  return insertRows(db, 'staff_skills', rows, renew ? { key: ['staff_id', 'skill'], set: ['expires_on'], bumpVersion: false } : undefined)
}

export const commitmentRow = (
  staffId: string,
  c: { id: string; day: Weekday; start: string; end: string; label: string | null; needsCover?: boolean },
): Insertable<CommitmentsTable> => ({
  id: c.id,
  staff_id: staffId,
  day: c.day,
  start_time: c.start,
  end_time: c.end,
  label: c.label,
  needs_cover: c.needsCover === true ? 1 : 0,
})

export function insertCommitments(db: Kysely<Database>, rows: readonly Insertable<CommitmentsTable>[]): CompiledQuery[] {
  return insertRows(db, 'commitments', rows)
}
