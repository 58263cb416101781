// Turns "the database now" (WeekState) and "the file" (a valid scenario) into the statements
// that make the first look like the second, and nothing more: a row that already matches is
// not written, so importing the same file twice writes only the audit entry.
//
// What "update" means (the rule, also pinned down by test/scenario/roundtrip.test.ts):
// - Setup lists (slots, grades, staff, duties) in the file are the school's complete setup.
//   Each entry is created or updated by its code; a row the file no longer lists is removed.
//   A removal never takes history with it: import-guard.ts refuses the whole import
//   when a removed row is still referred to by something the file does not also replace
//   (a person with rota assignments or absences outside the week, a slot used by another
//   week's cover, a duty pinned in another week). A grade is removable exactly when every
//   person holding it is either moved to another grade by the file or removed with it.
// - Per-person data under a listed person follows the file: commitments and avoid/prefer are
//   replaced; skills valid this week are made to match the file, while an expired certificate
//   the file does not mention is kept as history (the export never shows it). The ledgers are
//   not overwritten: a duty_balances row as_of the Monday and the additional-hours allowance are
//   written only when the ledger does not already give the file's figures.
// - Week data (absences, cover, events, closures, pins) in the file are the week's complete
//   list: rows of that week the file does not list are removed. An absence that runs beyond
//   the week is trimmed (or split) around it, never lost outside it. Absences of the reason
//   "unavailable" are the week's approved unavailability (import-unavailability.ts). Bars are not part of the
//   format and are left alone. `previous`, when given, becomes the week's published rota
//   (the old one is superseded, kept); without `previous` publication is not touched.
// - x- extension fields are accepted and ignored: the database has nowhere to keep them.
//
// Each list is one declaration on the row sync of src/platform/sync-rows.ts (import-setup.ts,
// import-staff.ts, import-week.ts); absences follow their own rule (import-absences.ts).
import { sql, type CompiledQuery, type Kysely } from 'kysely'
import type { Database } from '../../db/schema.js'
import type { Scenario } from '../../solver/scenario.js'
import { planAbsences } from './import-absences.js'
import { planUnavailability } from './import-unavailability.js'
import { idsFor, tally, type ImportCounts, type PlanContext, type SetupIds } from './import-context.js'
import { syncDuties, syncGrades, syncSlots } from './import-setup.js'
import { syncStaff } from './import-staff.js'
import { planPrevious, syncClosures, syncCoverAndEvents, syncPins } from './import-week.js'
import type { WeekState } from './week-state.js'

export { IMPORT_ENTITIES, type ImportCounts, type ImportEntity, type Tally } from './import-context.js'

export interface PlanInput {
  db: Kysely<Database>
  state: WeekState
  scenario: Scenario
  newId: (prefix: string) => string
  now: string
}

export interface Plan {
  statements: CompiledQuery[]
  counts: ImportCounts
}

/** Codes the file drops from each setup list: what the guard must check before removing. */
export function removalsOf(state: WeekState, sc: Scenario) {
  const keep = (codes: { id: string }[]) => new Set(codes.map((c) => c.id))
  const slots = keep(sc.slots)
  const grades = keep(sc.grades)
  const staff = keep(sc.staff)
  const duties = keep(sc.duties)
  return {
    slots: state.slots.filter((s) => !slots.has(s.code)),
    grades: state.grades.filter((g) => !grades.has(g.code)),
    staff: state.staff.filter((s) => !staff.has(s.code)),
    duties: state.duties.filter((d) => !duties.has(d.code)),
  }
}

/** Existing rows keep their ids; the file's new codes get theirs up front, since rows point at each other. */
function setupIds(state: WeekState, sc: Scenario, newId: (prefix: string) => string): SetupIds {
  const ids = (existing: readonly { code: string; id: string }[], prefix: string, wanted: readonly { id: string }[]) =>
    idsFor(
      existing.map((r) => ({ key: r.code, id: r.id })),
      wanted.map((w) => w.id),
      () => newId(prefix),
    )
  return {
    slots: ids(state.slots, 'slt', sc.slots),
    grades: ids(state.grades, 'grd', sc.grades),
    staff: ids(state.staff, 'stf', sc.staff),
    duties: ids(state.duties, 'dty', sc.duties),
  }
}

export function planImport({ db, state, scenario: sc, newId, now }: PlanInput): Plan {
  const counts: ImportCounts = { created: tally(), updated: tally(), removed: tally() }
  const p: PlanContext = { db, state, sc, newId, now, counts, ids: setupIds(state, sc, newId) }

  // Grades first: staff rows point at them; slots before the posts and cover that use them.
  const grades = syncGrades(p)
  const slots = syncSlots(p)
  const staff = syncStaff(p)
  const duties = syncDuties(p)
  const out: CompiledQuery[] = [
    ...grades.writes,
    ...slots.writes,
    ...staff.statements,
    ...duties.statements,
    ...syncCoverAndEvents(p),
    ...planAbsences(p),
    ...planUnavailability(p),
    ...syncClosures(p),
    ...syncPins(p),
    ...planPrevious(p),
    // Removals last, children before parents: posts (and their slot rows), then slots no post
    // or cover request uses any more, then people, then the grades nobody holds.
    ...duties.synced.removals,
    ...slots.removals,
    ...staff.synced.removals,
    ...grades.removals,
  ]

  const school = sc.school
  const fullTimeHours = school.fullTimeHours ?? 37
  const schoolChanged = school.name !== state.school.name || school.timezone !== state.school.timezone || fullTimeHours !== state.school.fullTimeHours
  if (schoolChanged) counts.updated.school = 1
  // Any change bumps the school's version, so a concurrent import computed from the old
  // state fails its guard instead of undoing this one.
  if (schoolChanged || out.length > 0) {
    out.unshift(
      db
        .updateTable('schools')
        .set({ name: school.name, timezone: school.timezone, full_time_hours: fullTimeHours, updated_at: now, version: sql<number>`version + 1` })
        .where('id', '=', state.school.id)
        .compile(),
    )
  }
  return { statements: out, counts }
}
