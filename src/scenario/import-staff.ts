// The file's staff list as a row sync, plus what hangs under each person: skills valid this
// week follow the file while an expired certificate stays as history; commitments are
// replaced when they differ; the duty balance is written only when the ledger disagrees. A
// person counts as updated once, whether their row or only these changed.
import type { CompiledQuery, Insertable } from 'kysely'
import type { CommitmentsTable, DutyBalancesTable, StaffSkillsTable } from '../../db/schema.js'
import { chunkRows } from '../../db/store.js'
import type { Staff } from '../../solver/scenario.js'
import type { Synced } from '../platform/sync-rows.js'
import { deleteWhereIn, insertRows } from '../platform/insert-rows.js'
import { commitmentRow, insertCommitments, insertSkills, insertStaff, skillRow, staffRow } from '../setup/staff-rows.js'
import { sortPattern } from './columns.js'
import { countAlsoChanged, json, must, syncByCode, unique, type PlanContext } from './import-context.js'
import { byCommitment } from './load.js'
import { NEEDS_COVER_KEY, type StaffState } from './week-state.js'
import { roundHours } from './week-dates.js'

interface Children {
  skills: Insertable<StaffSkillsTable>[]
  skillDeletes: { staffId: string; skills: string[] }[]
  commitmentOwners: string[]
  commitments: Insertable<CommitmentsTable>[]
  balances: Insertable<DutyBalancesTable>[]
  /** codes of people already in the database whose child rows change */
  touched: Set<string>
}

export function syncStaff(p: PlanContext): { synced: Synced; statements: CompiledQuery[] } {
  const { db, state, sc, ids } = p
  const school = state.school.id
  const old = new Map(state.staff.map((s) => [s.code, s]))
  // A supply person's pattern and hours in a file are the week's bookings (export.ts), not theirs:
  // they keep none of their own, so the file's are not stored over what they have.
  const own = (person: Staff) => {
    const before = old.get(person.id)
    return before && state.supply.people.has(before.id)
      ? { hoursPerWeek: before.hoursPerWeek, pattern: sortPattern(before.pattern) }
      : { hoursPerWeek: person.hoursPerWeek, pattern: sortPattern(person.pattern) }
  }
  const synced = syncByCode(p, 'staff', {
    table: 'staff',
    have: state.staff.map((s) => staffRow(school, s.id, { ...s, pattern: sortPattern(s.pattern) })),
    want: sc.staff.map((person) =>
      staffRow(school, must(ids.staff, person.id), {
        code: person.id,
        name: person.name,
        gradeId: must(ids.grades, person.grade),
        ...own(person),
        unpaidBreakMinutes: person.unpaidBreakMinutes ?? 0,
        additionalHoursAllowance: allowanceFor(person, old.get(person.id)),
        maxDutiesPerWeek: person.maxDutiesPerWeek ?? null,
        avoid: unique(person.avoid ?? []),
        prefer: unique(person.prefer ?? []),
      }),
    ),
    compare: ['name', 'grade_id', 'hours_per_week', 'pattern', 'unpaid_break_minutes', 'additional_hours_allowance', 'max_duties_per_week', 'avoid', 'prefer'],
    write: (rows, update) => insertStaff(db, rows, update),
  })
  const children: Children = { skills: [], skillDeletes: [], commitmentOwners: [], commitments: [], balances: [], touched: new Set() }
  for (const person of sc.staff) childrenOf(p, person, old.get(person.id), children)
  countAlsoChanged(p.counts, 'staff', synced, children.touched)

  const statements = [
    ...synced.writes,
    ...insertSkills(db, children.skills, true),
    // Two columns' worth per chunk leaves room for the staff_id parameter.
    ...children.skillDeletes.flatMap((d) =>
      chunkRows(d.skills, 2).map((chunk) => db.deleteFrom('staff_skills').where('staff_id', '=', d.staffId).where('skill', 'in', chunk).compile()),
    ),
    ...deleteWhereIn(db, 'commitments', 'staff_id', children.commitmentOwners),
    ...insertCommitments(db, children.commitments),
    // The balance as of the Monday: written only where the ledger does not already give the file's figure.
    ...insertRows(db, 'duty_balances', children.balances, { key: ['staff_id', 'as_of'], set: ['duties'], bumpVersion: false }),
  ]
  return { synced, statements }
}

function childrenOf({ state, ids, newId }: PlanContext, person: Staff, before: StaffState | undefined, out: Children): void {
  const { monday, sunday } = state.range
  const id = must(ids.staff, person.id)
  const touch = () => {
    if (before) out.touched.add(person.id)
  }

  const wanted = new Set(person.skills ?? [])
  const held = new Map((before?.skills ?? []).map((k) => [k.skill, k.expiresOn]))
  const validAllWeek = (expiresOn: string | null | undefined) => expiresOn === null || (expiresOn !== undefined && expiresOn >= sunday)
  for (const skill of [...wanted].sort()) {
    if (!held.has(skill) || !validAllWeek(held.get(skill))) {
      out.skills.push(skillRow(id, { skill, expiresOn: null }))
      touch()
    }
  }
  const dropped = [...held].filter(([skill, expiresOn]) => !wanted.has(skill) && validAllWeek(expiresOn)).map(([skill]) => skill)
  if (dropped.length > 0) {
    out.skillDeletes.push({ staffId: id, skills: dropped })
    touch()
  }

  const wantedCommitments = (person.commitments ?? [])
    .map((c) => ({ day: c.day, start: c.start, end: c.end, label: c.label ?? null, needsCover: c[NEEDS_COVER_KEY] === true }))
    .sort(byCommitment)
  const heldCommitments = (before?.commitments ?? []).map((c) => ({ day: c.day, start: c.start, end: c.end, label: c.label, needsCover: c.needsCover }))
  if (json(wantedCommitments) !== json(heldCommitments)) {
    if (before) out.commitmentOwners.push(id)
    touch()
    for (const c of wantedCommitments) out.commitments.push(commitmentRow(id, { id: newId('cmt'), ...c }))
  }

  const duties = person.dutiesThisTerm ?? 0
  if (duties !== (before?.dutiesThisTerm ?? 0)) {
    out.balances.push({ staff_id: id, as_of: monday, duties })
    touch()
  }
}

/**
 * The allowance is per school year and the export shows what is left of it after events
 * already worked; keep the stored allowance when it already gives the file's figure, and
 * otherwise set it to what the file says is left plus what has been used.
 */
function allowanceFor(person: Staff, before: StaffState | undefined): number {
  const remaining = person.additionalHoursRemaining ?? 0
  if (!before) return roundHours(remaining)
  const shown = roundHours(Math.max(0, before.additionalHoursAllowance - before.additionalHoursUsed))
  return shown === roundHours(remaining) ? before.additionalHoursAllowance : roundHours(remaining + before.additionalHoursUsed)
}
