// Turns "the database now" (WeekState) and "the file" (a valid scenario) into the statements
// that make the first look like the second, and nothing more: a row that already matches is
// not written, so importing the same file twice writes only the audit entry.
//
// What "update" means (the rule, also pinned down by test/api/scenario-roundtrip.test.ts):
// - Setup lists (slots, grades, staff, duties) in the file are the school's complete setup.
//   Each entry is created or updated by its code; a row the file no longer lists is removed.
//   A removal never takes history with it: scenario-import-guard.ts refuses the whole import
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
//   the week is trimmed (or split) around it, never lost outside it. Bars are not part of the
//   format and are left alone. `previous`, when given, becomes the week's published rota
//   (the old one is superseded, kept); without `previous` publication is not touched.
// - x- extension fields are accepted and ignored: the database has nowhere to keep them.
import { sql, type CompiledQuery, type Kysely } from 'kysely'
import type { AbsenceReason, Database } from '../../db/schema.js'
import { chunkRows } from '../../db/store.js'
import { WORK_KINDS, type Scenario, type Staff, type Weekday } from '../../solver/scenario.js'
import { roundHours } from './week-dates.js'
import { sortWeekdays, writePattern, writeSkillSeats } from './columns.js'
import { byCommitment, compare, type StaffState, type WeekState } from './load.js'

export const IMPORT_ENTITIES = ['school', 'slots', 'grades', 'staff', 'duties', 'absences', 'cover', 'events', 'closures', 'pins', 'previous'] as const
export type ImportEntity = (typeof IMPORT_ENTITIES)[number]
export type Tally = Record<ImportEntity, number>

export interface ImportCounts {
  created: Tally
  updated: Tally
  removed: Tally
}

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

const tally = (): Tally => Object.fromEntries(IMPORT_ENTITIES.map((e) => [e, 0])) as Tally
const unique = <T>(list: readonly T[]): T[] => [...new Set(list)]
const json = (value: unknown): string => JSON.stringify(value)

export function planImport({ db, state, scenario: sc, newId, now }: PlanInput): Plan {
  const counts: ImportCounts = { created: tally(), updated: tally(), removed: tally() }
  const out: CompiledQuery[] = []
  const schoolId = state.school.id
  const { monday, sunday } = state.range

  const idFor = <T extends { code: string; id: string }>(existing: readonly T[], prefix: string, codes: readonly string[]) => {
    const byCode = new Map(existing.map((row) => [row.code, row.id]))
    return new Map(codes.map((code) => [code, byCode.get(code) ?? newId(prefix)]))
  }
  const slotIds = idFor(state.slots, 'slt', sc.slots.map((s) => s.id))
  const gradeIds = idFor(state.grades, 'grd', sc.grades.map((g) => g.id))
  const staffIds = idFor(state.staff, 'stf', sc.staff.map((s) => s.id))
  const dutyIds = idFor(state.duties, 'dty', sc.duties.map((d) => d.id))
  const must = (ids: Map<string, string>, code: string): string => {
    const id = ids.get(code)
    if (id === undefined) throw new Error(`import plan: no id for "${code}"`) // parseScenario checked every reference
    return id
  }

  // Grades first: staff rows point at them.
  const gradeRows = sc.grades.map((g) => ({
    id: must(gradeIds, g.id),
    school_id: schoolId,
    code: g.id,
    name: g.name,
    duty_kinds: json(WORK_KINDS.filter((k) => g.dutyKinds.includes(k))),
  }))
  const oldGrades = new Map(state.grades.map((g) => [g.code, g]))
  const gradeChanges = gradeRows.filter((r) => {
    const old = oldGrades.get(r.code)
    if (!old) return count(counts.created, 'grades')
    return differs(counts, 'grades', old.name !== r.name || json(old.dutyKinds) !== r.duty_kinds)
  })
  for (const chunk of chunkRows(gradeChanges, 5)) {
    out.push(
      db
        .insertInto('grades')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['school_id', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            duty_kinds: eb.ref('excluded.duty_kinds'),
            version: sql<number>`grades.version + 1`,
          })),
        )
        .compile(),
    )
  }

  const slotRows = sc.slots.map((s, position) => ({
    id: must(slotIds, s.id),
    school_id: schoolId,
    code: s.id,
    kind: s.kind,
    start_time: s.start,
    end_time: s.end,
    days: s.days === undefined ? null : json(sortWeekdays(s.days)),
    position,
  }))
  const oldSlots = new Map(state.slots.map((s) => [s.code, s]))
  const slotChanges = slotRows.filter((r) => {
    const old = oldSlots.get(r.code)
    if (!old) return count(counts.created, 'slots')
    const oldDays = old.days === null ? null : json(old.days)
    return differs(counts, 'slots', old.kind !== r.kind || old.start !== r.start_time || old.end !== r.end_time || oldDays !== r.days || old.position !== r.position)
  })
  for (const chunk of chunkRows(slotChanges, 8)) {
    out.push(
      db
        .insertInto('slots')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['school_id', 'code']).doUpdateSet((eb) => ({
            kind: eb.ref('excluded.kind'),
            start_time: eb.ref('excluded.start_time'),
            end_time: eb.ref('excluded.end_time'),
            days: eb.ref('excluded.days'),
            position: eb.ref('excluded.position'),
            version: sql<number>`slots.version + 1`,
          })),
        )
        .compile(),
    )
  }

  out.push(...planStaff(db, state, sc, staffIds, gradeIds, counts, newId))
  out.push(...planDuties(db, state, sc, dutyIds, slotIds, counts))
  out.push(...planCoverAndEvents(db, state, sc, slotIds, counts, newId))
  out.push(...planAbsences(db, state, sc, staffIds, counts, newId, now))

  // Closures: a date the file calls closed keeps whatever kind and name the school gave it.
  const closedDates = new Set(sc.closed ?? [])
  const knownClosures = new Set(state.closures.map((c) => c.date))
  const newClosures = [...closedDates].filter((d) => !knownClosures.has(d)).sort()
  for (const chunk of chunkRows(newClosures, 5)) {
    out.push(
      db
        .insertInto('closures')
        .values(chunk.map((date) => ({ id: newId('cls'), school_id: schoolId, date, kind: 'other' as const, name: 'Closed (imported)' })))
        .compile(),
    )
  }
  counts.created.closures += newClosures.length
  const droppedClosures = state.closures.filter((c) => !closedDates.has(c.date)).map((c) => c.id)
  out.push(...deleteIds(droppedClosures, (ids) => db.deleteFrom('closures').where('id', 'in', ids).compile()))
  counts.removed.closures += droppedClosures.length

  // Pins: the week's pins become exactly the file's.
  const placedKey = (staffId: string, work: string, date: string, slot: string | null | undefined) => `${staffId}|${work}|${date}|${slot ?? ''}`
  const wantedPins = new Map(
    (sc.pins ?? []).map((p) => {
      const staffId = must(staffIds, p.staff)
      return [placedKey(staffId, p.duty, p.date, p.slot), { staffId, work: p.duty, date: p.date, slot: p.slot ?? null }] as const
    }),
  )
  const havePins = new Map(state.pins.map((p) => [placedKey(p.staffId, p.workCode, p.date, p.slotCode), p]))
  const newPins = [...wantedPins].filter(([key]) => !havePins.has(key)).map(([, p]) => p)
  for (const chunk of chunkRows(newPins, 9)) {
    out.push(
      db
        .insertInto('week_overrides')
        .values(
          chunk.map((p) => ({
            id: newId('ovr'),
            school_id: schoolId,
            week: monday,
            kind: 'pin' as const,
            staff_id: p.staffId,
            work_code: p.work,
            date: p.date,
            slot_code: p.slot,
            created_at: now,
          })),
        )
        .compile(),
    )
  }
  counts.created.pins += newPins.length
  const droppedPins = [...havePins].filter(([key]) => !wantedPins.has(key)).map(([, p]) => p.id)
  out.push(...deleteIds(droppedPins, (ids) => db.deleteFrom('week_overrides').where('id', 'in', ids).compile()))
  counts.removed.pins += droppedPins.length

  if (sc.previous !== undefined) {
    const wanted = new Map(
      sc.previous.map((a) => {
        const staffId = must(staffIds, a.staff)
        return [placedKey(staffId, a.duty, a.date, a.slot), { staffId, work: a.duty, date: a.date, slot: a.slot ?? null }] as const
      }),
    )
    const have = new Set((state.published?.assignments ?? []).map((a) => placedKey(a.staffId, a.workCode, a.date, a.slotCode)))
    const same = state.published !== undefined && have.size === wanted.size && [...wanted.keys()].every((k) => have.has(k))
    if (!same) {
      if (state.published) {
        out.push(db.updateTable('rotas').set({ status: 'superseded' }).where('id', '=', state.published.id).compile())
      }
      const rotaId = newId('rot')
      out.push(
        db
          .insertInto('rotas')
          .values({
            id: rotaId,
            school_id: schoolId,
            week: monday,
            version: state.latestRotaVersion + 1,
            status: 'published',
            stats: json({ source: 'import' }),
            created_at: now,
            published_at: now,
          })
          .compile(),
      )
      for (const chunk of chunkRows([...wanted.values()], 6)) {
        out.push(
          db
            .insertInto('rota_assignments')
            .values(chunk.map((a) => ({ id: newId('ras'), rota_id: rotaId, staff_id: a.staffId, work_code: a.work, date: a.date, slot_code: a.slot })))
            .compile(),
        )
      }
      count(state.published ? counts.updated : counts.created, 'previous')
    }
  }

  // Removals last, children before parents: posts (and their slot rows), then slots no post
  // or cover request uses any more, then people, then the grades nobody holds.
  const gone = removalsOf(state, sc)
  out.push(...deleteIds(gone.duties.map((d) => d.id), (ids) => db.deleteFrom('duty_posts').where('id', 'in', ids).compile()))
  out.push(...deleteIds(gone.slots.map((s) => s.id), (ids) => db.deleteFrom('slots').where('id', 'in', ids).compile()))
  out.push(...deleteIds(gone.staff.map((s) => s.id), (ids) => db.deleteFrom('staff').where('id', 'in', ids).compile()))
  out.push(...deleteIds(gone.grades.map((g) => g.id), (ids) => db.deleteFrom('grades').where('id', 'in', ids).compile()))
  counts.removed.duties += gone.duties.length
  counts.removed.slots += gone.slots.length
  counts.removed.staff += gone.staff.length
  counts.removed.grades += gone.grades.length

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
        .where('id', '=', schoolId)
        .compile(),
    )
  }
  return { statements: out, counts }
}

function count(t: Tally, entity: ImportEntity): true {
  t[entity] += 1
  return true
}

function differs(counts: ImportCounts, entity: ImportEntity, changed: boolean): boolean {
  if (changed) counts.updated[entity] += 1
  return changed
}

/** DELETE ... WHERE id IN (...) in chunks that D1 can bind. */
function deleteIds(ids: readonly string[], build: (chunk: string[]) => CompiledQuery): CompiledQuery[] {
  return chunkRows(ids, 1).map(build)
}

function planStaff(
  db: Kysely<Database>,
  state: WeekState,
  sc: Scenario,
  staffIds: Map<string, string>,
  gradeIds: Map<string, string>,
  counts: ImportCounts,
  newId: (prefix: string) => string,
): CompiledQuery[] {
  const out: CompiledQuery[] = []
  const { monday, sunday } = state.range
  const old = new Map(state.staff.map((s) => [s.code, s]))
  const touched = new Set<string>()
  const rows: Parameters<typeof insertStaff>[1] = []
  const skillUpserts: { staff_id: string; skill: string; expires_on: null }[] = []
  const skillDeletes: { staffId: string; skills: string[] }[] = []
  const commitmentOwners: string[] = []
  const commitmentRows: { id: string; staff_id: string; day: Weekday; start_time: string; end_time: string; label: string | null }[] = []
  const balances: { staff_id: string; as_of: string; duties: number }[] = []

  for (const person of sc.staff) {
    const id = staffIds.get(person.id) ?? ''
    const before = old.get(person.id)
    const row = {
      id,
      school_id: state.school.id,
      code: person.id,
      name: person.name,
      grade_id: gradeIds.get(person.grade) ?? '',
      hours_per_week: person.hoursPerWeek,
      pattern: writePattern(person.pattern),
      unpaid_break_minutes: person.unpaidBreakMinutes ?? 0,
      additional_hours_allowance: allowanceFor(person, before),
      max_duties_per_week: person.maxDutiesPerWeek ?? null,
      avoid: json(unique(person.avoid ?? [])),
      prefer: json(unique(person.prefer ?? [])),
    }
    if (!before) {
      count(counts.created, 'staff')
      rows.push(row)
    } else if (
      before.name !== row.name ||
      before.gradeId !== row.grade_id ||
      before.hoursPerWeek !== row.hours_per_week ||
      writePattern(before.pattern) !== row.pattern ||
      before.unpaidBreakMinutes !== row.unpaid_break_minutes ||
      before.additionalHoursAllowance !== row.additional_hours_allowance ||
      before.maxDutiesPerWeek !== row.max_duties_per_week ||
      json(before.avoid) !== row.avoid ||
      json(before.prefer) !== row.prefer
    ) {
      touched.add(id)
      rows.push(row)
    }

    // Skills valid this week follow the file; an expired certificate stays as history.
    const wanted = new Set(person.skills ?? [])
    const held = new Map((before?.skills ?? []).map((k) => [k.skill, k.expiresOn]))
    const validAllWeek = (expiresOn: string | null | undefined) => expiresOn === null || (expiresOn !== undefined && expiresOn >= sunday)
    for (const skill of [...wanted].sort()) {
      if (!held.has(skill) || !validAllWeek(held.get(skill))) {
        skillUpserts.push({ staff_id: id, skill, expires_on: null })
        if (before) touched.add(id)
      }
    }
    const dropped = [...held].filter(([skill, expiresOn]) => !wanted.has(skill) && validAllWeek(expiresOn)).map(([skill]) => skill)
    if (dropped.length > 0) {
      skillDeletes.push({ staffId: id, skills: dropped })
      touched.add(id)
    }

    const wantedCommitments = (person.commitments ?? [])
      .map((c) => ({ day: c.day, start: c.start, end: c.end, label: c.label ?? null }))
      .sort(byCommitment)
    const heldCommitments = (before?.commitments ?? []).map((c) => ({ day: c.day, start: c.start, end: c.end, label: c.label }))
    if (json(wantedCommitments) !== json(heldCommitments)) {
      if (before) {
        commitmentOwners.push(id)
        touched.add(id)
      }
      for (const c of wantedCommitments) {
        commitmentRows.push({ id: newId('cmt'), staff_id: id, day: c.day, start_time: c.start, end_time: c.end, label: c.label })
      }
    }

    const duties = person.dutiesThisTerm ?? 0
    if (duties !== (before?.dutiesThisTerm ?? 0)) {
      balances.push({ staff_id: id, as_of: monday, duties })
      if (before) touched.add(id)
    }
  }
  counts.updated.staff += touched.size

  for (const chunk of chunkRows(rows, 12)) out.push(insertStaff(db, chunk))
  for (const chunk of chunkRows(skillUpserts, 3)) {
    out.push(
      db
        .insertInto('staff_skills')
        .values(chunk)
        .onConflict((oc) => oc.columns(['staff_id', 'skill']).doUpdateSet((eb) => ({ expires_on: eb.ref('excluded.expires_on') })))
        .compile(),
    )
  }
  for (const d of skillDeletes) {
    // Two columns' worth per chunk leaves room for the staff_id parameter.
    for (const chunk of chunkRows(d.skills, 2)) {
      out.push(db.deleteFrom('staff_skills').where('staff_id', '=', d.staffId).where('skill', 'in', chunk).compile())
    }
  }
  out.push(...deleteIds(commitmentOwners, (ids) => db.deleteFrom('commitments').where('staff_id', 'in', ids).compile()))
  for (const chunk of chunkRows(commitmentRows, 6)) out.push(db.insertInto('commitments').values(chunk).compile())
  for (const chunk of chunkRows(balances, 3)) {
    out.push(
      db
        .insertInto('duty_balances')
        .values(chunk)
        .onConflict((oc) => oc.columns(['staff_id', 'as_of']).doUpdateSet((eb) => ({ duties: eb.ref('excluded.duties') })))
        .compile(),
    )
  }
  return out
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

function insertStaff(
  db: Kysely<Database>,
  rows: {
    id: string
    school_id: string
    code: string
    name: string
    grade_id: string
    hours_per_week: number
    pattern: string
    unpaid_break_minutes: number
    additional_hours_allowance: number
    max_duties_per_week: number | null
    avoid: string
    prefer: string
  }[],
): CompiledQuery {
  return db
    .insertInto('staff')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['school_id', 'code']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        grade_id: eb.ref('excluded.grade_id'),
        hours_per_week: eb.ref('excluded.hours_per_week'),
        pattern: eb.ref('excluded.pattern'),
        unpaid_break_minutes: eb.ref('excluded.unpaid_break_minutes'),
        additional_hours_allowance: eb.ref('excluded.additional_hours_allowance'),
        max_duties_per_week: eb.ref('excluded.max_duties_per_week'),
        avoid: eb.ref('excluded.avoid'),
        prefer: eb.ref('excluded.prefer'),
        version: sql<number>`staff.version + 1`,
      })),
    )
    .compile()
}

function planDuties(
  db: Kysely<Database>,
  state: WeekState,
  sc: Scenario,
  dutyIds: Map<string, string>,
  slotIds: Map<string, string>,
  counts: ImportCounts,
): CompiledQuery[] {
  const out: CompiledQuery[] = []
  const old = new Map(state.duties.map((d) => [d.code, d]))
  const rows = []
  const reslotted: string[] = []
  const slotRows: { duty_post_id: string; slot_id: string; position: number }[] = []
  for (const duty of sc.duties) {
    const id = dutyIds.get(duty.id) ?? ''
    const row = {
      id,
      school_id: state.school.id,
      code: duty.id,
      name: duty.name,
      kind: duty.kind,
      days: json(sortWeekdays(duty.days)),
      people_needed: duty.staff,
      skill_seats: writeSkillSeats(duty.skills),
      priority: duty.priority ?? 3,
    }
    const slots = unique(duty.slots)
    const before = old.get(duty.id)
    if (!before) {
      count(counts.created, 'duties')
      rows.push(row)
    } else {
      const rowChanged =
        before.name !== row.name ||
        before.kind !== row.kind ||
        json(before.days) !== row.days ||
        before.peopleNeeded !== row.people_needed ||
        writeSkillSeats(before.skillSeats) !== row.skill_seats ||
        before.priority !== row.priority
      const slotsChanged = json(before.slotCodes) !== json(slots)
      if (rowChanged) rows.push(row)
      if (slotsChanged) reslotted.push(id)
      differs(counts, 'duties', rowChanged || slotsChanged)
      if (!slotsChanged) continue
    }
    slots.forEach((code, position) => slotRows.push({ duty_post_id: id, slot_id: slotIds.get(code) ?? '', position }))
  }
  for (const chunk of chunkRows(rows, 9)) {
    out.push(
      db
        .insertInto('duty_posts')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['school_id', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            kind: eb.ref('excluded.kind'),
            days: eb.ref('excluded.days'),
            people_needed: eb.ref('excluded.people_needed'),
            skill_seats: eb.ref('excluded.skill_seats'),
            priority: eb.ref('excluded.priority'),
            version: sql<number>`duty_posts.version + 1`,
          })),
        )
        .compile(),
    )
  }
  out.push(...deleteIds(reslotted, (ids) => db.deleteFrom('duty_post_slots').where('duty_post_id', 'in', ids).compile()))
  for (const chunk of chunkRows(slotRows, 3)) out.push(db.insertInto('duty_post_slots').values(chunk).compile())
  return out
}

function planCoverAndEvents(
  db: Kysely<Database>,
  state: WeekState,
  sc: Scenario,
  slotIds: Map<string, string>,
  counts: ImportCounts,
  newId: (prefix: string) => string,
): CompiledQuery[] {
  const out: CompiledQuery[] = []
  const schoolId = state.school.id

  const oldCover = new Map(state.cover.map((c) => [c.code, c]))
  const coverRows = []
  for (const c of sc.cover ?? []) {
    const before = oldCover.get(c.id)
    const row = {
      id: before?.id ?? newId('cov'),
      school_id: schoolId,
      code: c.id,
      date: c.date,
      slot_id: slotIds.get(c.slot) ?? '',
      label: c.label ?? null,
      people_needed: c.staff ?? 1,
      skill_seats: writeSkillSeats(c.skills),
      priority: c.priority ?? 3,
    }
    if (!before) {
      count(counts.created, 'cover')
      coverRows.push(row)
      continue
    }
    const changed =
      before.date !== row.date ||
      before.slotCode !== c.slot ||
      before.label !== row.label ||
      before.peopleNeeded !== row.people_needed ||
      writeSkillSeats(before.skillSeats) !== row.skill_seats ||
      before.priority !== row.priority
    if (differs(counts, 'cover', changed)) coverRows.push(row)
  }
  const coverCodes = new Set((sc.cover ?? []).map((c) => c.id))
  const droppedCover = state.cover.filter((c) => !coverCodes.has(c.code)).map((c) => c.id)
  out.push(...deleteIds(droppedCover, (ids) => db.deleteFrom('cover_requests').where('id', 'in', ids).compile()))
  counts.removed.cover += droppedCover.length
  for (const chunk of chunkRows(coverRows, 9)) {
    out.push(
      db
        .insertInto('cover_requests')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['school_id', 'week', 'code']).doUpdateSet((eb) => ({
            date: eb.ref('excluded.date'),
            slot_id: eb.ref('excluded.slot_id'),
            label: eb.ref('excluded.label'),
            people_needed: eb.ref('excluded.people_needed'),
            skill_seats: eb.ref('excluded.skill_seats'),
            priority: eb.ref('excluded.priority'),
            version: sql<number>`cover_requests.version + 1`,
          })),
        )
        .compile(),
    )
  }

  const oldEvents = new Map(state.events.map((e) => [e.code, e]))
  const eventRows = []
  for (const e of sc.events ?? []) {
    const before = oldEvents.get(e.id)
    const row = {
      id: before?.id ?? newId('evt'),
      school_id: schoolId,
      code: e.id,
      name: e.name,
      date: e.date,
      start_time: e.start,
      end_time: e.end,
      people_needed: e.staff ?? 1,
      skill_seats: writeSkillSeats(e.skills),
      priority: e.priority ?? 3,
    }
    if (!before) {
      count(counts.created, 'events')
      eventRows.push(row)
      continue
    }
    const changed =
      before.name !== row.name ||
      before.date !== row.date ||
      before.start !== row.start_time ||
      before.end !== row.end_time ||
      before.peopleNeeded !== row.people_needed ||
      writeSkillSeats(before.skillSeats) !== row.skill_seats ||
      before.priority !== row.priority
    if (differs(counts, 'events', changed)) eventRows.push(row)
  }
  const eventCodes = new Set((sc.events ?? []).map((e) => e.id))
  const droppedEvents = state.events.filter((e) => !eventCodes.has(e.code)).map((e) => e.id)
  out.push(...deleteIds(droppedEvents, (ids) => db.deleteFrom('events').where('id', 'in', ids).compile()))
  counts.removed.events += droppedEvents.length
  for (const chunk of chunkRows(eventRows, 10)) {
    out.push(
      db
        .insertInto('events')
        .values(chunk)
        .onConflict((oc) =>
          oc.columns(['school_id', 'week', 'code']).doUpdateSet((eb) => ({
            name: eb.ref('excluded.name'),
            date: eb.ref('excluded.date'),
            start_time: eb.ref('excluded.start_time'),
            end_time: eb.ref('excluded.end_time'),
            people_needed: eb.ref('excluded.people_needed'),
            skill_seats: eb.ref('excluded.skill_seats'),
            priority: eb.ref('excluded.priority'),
            version: sql<number>`events.version + 1`,
          })),
        )
        .compile(),
    )
  }
  return out
}

interface DayEntry {
  date: string
  start: string | null
  end: string | null
  reason: AbsenceReason | null
}

const entryKey = (e: DayEntry) => `${e.date}|${e.start ?? ''}|${e.end ?? ''}|${e.reason ?? ''}`

/**
 * Absences are compared per person as the days they produce in this week. A person whose days
 * already match keeps their rows untouched (an open-ended absence stays open-ended); otherwise
 * their rows are cut out of the week (whatever lies before or after it is kept, with its
 * detail) and the file's days are written, consecutive equal days merged into one row.
 */
function planAbsences(
  db: Kysely<Database>,
  state: WeekState,
  sc: Scenario,
  staffIds: Map<string, string>,
  counts: ImportCounts,
  newId: (prefix: string) => string,
  now: string,
): CompiledQuery[] {
  const out: CompiledQuery[] = []
  const { monday, sunday, nextMonday, previousSunday, dates } = state.range
  const wanted = new Map<string, DayEntry[]>()
  for (const a of sc.absences ?? []) {
    const staffId = staffIds.get(a.staff) ?? ''
    const list = wanted.get(staffId) ?? []
    list.push({ date: a.date, start: a.start ?? null, end: a.end ?? null, reason: (a.reason ?? null) as AbsenceReason | null })
    wanted.set(staffId, list)
  }
  const held = new Map<string, typeof state.absences>()
  for (const a of state.absences) held.set(a.staffId, [...(held.get(a.staffId) ?? []), a])

  const inserts: { id: string; school_id: string; staff_id: string; start_date: string; end_date: string | null; start_time: string | null; end_time: string | null; reason: AbsenceReason | null; created_at: string }[] = []
  const deletes: string[] = []
  // People the file removes lose their absences with them (guarded by scenario-import-guard.ts).
  const listed = new Set(staffIds.values())
  const people = new Set([...wanted.keys(), ...[...held.keys()].filter((id) => listed.has(id))])
  for (const staffId of [...people].sort()) {
    const rows = held.get(staffId) ?? []
    const heldDays = rows.flatMap((a) =>
      dates
        .filter((d) => d >= a.startDate && (a.endDate === null || d <= a.endDate))
        .map((date) => entryKey({ date, start: a.startTime, end: a.endTime, reason: a.reason })),
    )
    const wantedDays = unique((wanted.get(staffId) ?? []).map(entryKey))
    if (json(unique(heldDays).sort()) === json(wantedDays.sort())) continue

    for (const a of rows) {
      const startsBefore = a.startDate < monday
      const endsAfter = a.endDate === null || a.endDate > sunday
      if (!startsBefore && !endsAfter) {
        deletes.push(a.id)
        counts.removed.absences += 1
        continue
      }
      counts.updated.absences += 1
      if (startsBefore) {
        out.push(db.updateTable('absences').set({ end_date: previousSunday, version: sql<number>`version + 1` }).where('id', '=', a.id).compile())
        if (endsAfter) {
          const restId = newId('abs')
          out.push(
            db
              .insertInto('absences')
              .values({ id: restId, school_id: state.school.id, staff_id: staffId, start_date: nextMonday, end_date: a.endDate, start_time: a.startTime, end_time: a.endTime, reason: a.reason, created_at: now })
              .compile(),
          )
          out.push(
            db
              .insertInto('absence_details')
              .columns(['absence_id', 'detail'])
              .expression((eb) => eb.selectFrom('absence_details').select([eb.val(restId).as('absence_id'), 'detail']).where('absence_id', '=', a.id))
              .compile(),
          )
        }
      } else {
        out.push(db.updateTable('absences').set({ start_date: nextMonday, version: sql<number>`version + 1` }).where('id', '=', a.id).compile())
      }
    }
    for (const run of runsOf(wanted.get(staffId) ?? [], dates)) {
      inserts.push({ id: newId('abs'), school_id: state.school.id, staff_id: staffId, start_date: run.from, end_date: run.to, start_time: run.start, end_time: run.end, reason: run.reason, created_at: now })
      counts.created.absences += 1
    }
  }
  out.unshift(...deleteIds(deletes, (ids) => db.deleteFrom('absences').where('id', 'in', ids).compile()))
  for (const chunk of chunkRows(inserts, 9)) out.push(db.insertInto('absences').values(chunk).compile())
  return out
}

/** Consecutive dates with the same times and reason become one row. */
function runsOf(entries: DayEntry[], dates: string[]): { from: string; to: string; start: string | null; end: string | null; reason: AbsenceReason | null }[] {
  const dayIndex = new Map(dates.map((d, i) => [d, i]))
  const sameKind = (a: DayEntry, b: DayEntry) => a.start === b.start && a.end === b.end && a.reason === b.reason
  const sorted = [...new Map(entries.map((e) => [entryKey(e), e])).values()].sort(
    (a, b) => compare(a.start ?? '', b.start ?? '') || compare(a.end ?? '', b.end ?? '') || compare(a.reason ?? '', b.reason ?? '') || compare(a.date, b.date),
  )
  const runs: { from: string; to: string; start: string | null; end: string | null; reason: AbsenceReason | null; last: number; kind: DayEntry }[] = []
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
