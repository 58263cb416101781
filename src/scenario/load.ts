// Reads everything one school week is built from, as typed rows with JSON columns parsed.
// Export turns this into a scenario; import compares a file against it to write only changes.
// Ledgers (duties this term, additional hours used) come from ledger-fairness.ts and
// ledger-hours.ts, so both directions and the reports agree on exactly one definition of each.
import type { Store } from '../../db/store.js'
import type { Weekday } from '../../solver/scenario.js'
import { weekRange, type WeekRange } from './week-dates.js'
import { readApprovedMarks } from '../leave/unavailable-days.js'
import { readSupplyWeek } from '../supply/supply.js'
import { dutiesThisTermBefore } from '../ledgers/fairness.js'
import { additionalHoursUsedBefore } from '../ledgers/hours.js'
import { readCodes, readPattern, readSkillSeats, readWeekdays, readWorkKinds } from './columns.js'
import type { SlotState, StaffState, DutyState, AbsenceState, CoverState, EventState, PublishedRota, WeekState } from './week-state.js'

type Db = Store['db']

/** Undefined when the school does not exist. */
export async function loadWeek(store: Store, schoolId: string, monday: string): Promise<WeekState | undefined> {
  const db = store.db
  const school = await db.selectFrom('schools').select(['id', 'name', 'timezone', 'full_time_hours', 'version']).where('id', '=', schoolId).executeTakeFirst()
  if (!school) return undefined
  const range = weekRange(monday)
  const setup = await readSetupRows(db, schoolId)
  const week = await readWeekRows(db, schoolId, range)
  const unavailable = await readApprovedMarks(db, schoolId, range.dates)
  const supply = await readSupplyWeek(db, schoolId, range.dates)
  const published = await readPublished(db, week.rotas)
  // One definition of each ledger figure, shared with the fairness and hours reports.
  const [dutiesThisTerm, hoursUsed] = await Promise.all([dutiesThisTermBefore(store, schoolId, monday), additionalHoursUsedBefore(store, schoolId, monday)])

  return {
    school: { id: school.id, name: school.name, timezone: school.timezone, fullTimeHours: school.full_time_hours, version: school.version },
    range,
    slots: setup.slots.map(slotState),
    grades: setup.grades.map((g) => ({ id: g.id, code: g.code, name: g.name, dutyKinds: readWorkKinds(g.duty_kinds) })),
    staff: staffStates(setup, { dutiesThisTerm, hoursUsed }),
    duties: dutyStates(setup),
    absences: week.absences.map(absenceState),
    unavailable,
    supply,
    cover: week.cover.map(coverState),
    events: week.events.map(eventState),
    closures: week.closures,
    pins: week.pins.map((p) => ({ id: p.id, staffId: p.staff_id, workCode: p.work_code, date: p.date, slotCode: p.slot_code })),
    published,
    latestRotaVersion: Math.max(0, ...week.rotas.map((r) => r.version)),
  }
}

/** The school's setup, whatever the week: slots, grades, staff with their skills and commitments, duty posts. */
async function readSetupRows(db: Db, schoolId: string) {
  const [slots, grades, staff, skills, commitments, duties, dutySlots] = await Promise.all([
    db.selectFrom('slots').selectAll().where('school_id', '=', schoolId).orderBy('position').orderBy('code').execute(),
    db.selectFrom('grades').selectAll().where('school_id', '=', schoolId).orderBy('code').execute(),
    db
      .selectFrom('staff')
      .innerJoin('grades', 'grades.id', 'staff.grade_id')
      .selectAll('staff')
      .select('grades.code as grade_code')
      .where('staff.school_id', '=', schoolId)
      .orderBy('staff.code')
      .execute(),
    db
      .selectFrom('staff_skills')
      .innerJoin('staff', 'staff.id', 'staff_skills.staff_id')
      .select(['staff_skills.staff_id', 'staff_skills.skill', 'staff_skills.expires_on'])
      .where('staff.school_id', '=', schoolId)
      .orderBy('staff_skills.skill')
      .execute(),
    db
      .selectFrom('commitments')
      .innerJoin('staff', 'staff.id', 'commitments.staff_id')
      .selectAll('commitments')
      .where('staff.school_id', '=', schoolId)
      .execute(),
    db.selectFrom('duty_posts').selectAll().where('school_id', '=', schoolId).orderBy('code').execute(),
    db
      .selectFrom('duty_post_slots')
      .innerJoin('duty_posts', 'duty_posts.id', 'duty_post_slots.duty_post_id')
      .innerJoin('slots', 'slots.id', 'duty_post_slots.slot_id')
      .select(['duty_post_slots.duty_post_id', 'slots.code', 'duty_post_slots.position', 'slots.position as slot_position'])
      .where('duty_posts.school_id', '=', schoolId)
      .execute(),
  ])
  return { slots, grades, staff, skills, commitments, duties, dutySlots }
}

type SetupRows = Awaited<ReturnType<typeof readSetupRows>>

/** What belongs to this one week: absences touching it, its cover, events, closures, pins and rotas. */
async function readWeekRows(db: Db, schoolId: string, range: WeekRange) {
  const { monday, sunday } = range
  const [absences, cover, events, closures, pins, rotas] = await Promise.all([
    db
      .selectFrom('absences')
      .select(['id', 'staff_id', 'start_date', 'end_date', 'start_time', 'end_time', 'reason'])
      .where('school_id', '=', schoolId)
      .where('start_date', '<=', sunday)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', monday)]))
      .orderBy('start_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('cover_requests')
      .innerJoin('slots', 'slots.id', 'cover_requests.slot_id')
      .selectAll('cover_requests')
      .select('slots.code as slot_code')
      .where('cover_requests.school_id', '=', schoolId)
      .where('cover_requests.date', '>=', monday)
      .where('cover_requests.date', '<=', sunday)
      .orderBy('cover_requests.code')
      .execute(),
    db.selectFrom('events').selectAll().where('school_id', '=', schoolId).where('date', '>=', monday).where('date', '<=', sunday).orderBy('code').execute(),
    db
      .selectFrom('closures')
      .select(['id', 'date', 'kind', 'name'])
      .where('school_id', '=', schoolId)
      .where('date', '>=', monday)
      .where('date', '<=', sunday)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('week_overrides')
      .select(['id', 'staff_id', 'work_code', 'date', 'slot_code'])
      .where('school_id', '=', schoolId)
      .where('week', '=', monday)
      .where('kind', '=', 'pin')
      .execute(),
    db.selectFrom('rotas').select(['id', 'version', 'status']).where('school_id', '=', schoolId).where('week', '=', monday).execute(),
  ])
  return { absences, cover, events, closures, pins, rotas }
}

type WeekRows = Awaited<ReturnType<typeof readWeekRows>>

/** The week's published rota with its assignments, if one of its rotas is published. */
async function readPublished(db: Db, rotas: WeekRows['rotas']): Promise<PublishedRota | undefined> {
  const row = rotas.find((r) => r.status === 'published')
  if (!row) return undefined
  const assignments = await db.selectFrom('rota_assignments').select(['staff_id', 'work_code', 'date', 'slot_code']).where('rota_id', '=', row.id).execute()
  return {
    id: row.id,
    version: row.version,
    assignments: assignments.map((a) => ({ staffId: a.staff_id, workCode: a.work_code, date: a.date, slotCode: a.slot_code })),
  }
}

function slotState(s: SetupRows['slots'][number]): SlotState {
  return {
    id: s.id,
    code: s.code,
    kind: s.kind,
    start: s.start_time,
    end: s.end_time,
    days: s.days === null ? null : readWeekdays(s.days),
    position: s.position,
  }
}

interface Ledgers {
  dutiesThisTerm: ReadonlyMap<string, number>
  hoursUsed: ReadonlyMap<string, number>
}

function staffStates(rows: SetupRows, ledgers: Ledgers): StaffState[] {
  const skillsByStaff = groupBy(rows.skills, (r) => r.staff_id)
  const commitmentsByStaff = groupBy(rows.commitments, (r) => r.staff_id)
  return rows.staff.map((s) => ({
    id: s.id,
    code: s.code,
    name: s.name,
    gradeId: s.grade_id,
    gradeCode: s.grade_code,
    hoursPerWeek: s.hours_per_week,
    pattern: readPattern(s.pattern),
    unpaidBreakMinutes: s.unpaid_break_minutes,
    additionalHoursAllowance: s.additional_hours_allowance,
    maxDutiesPerWeek: s.max_duties_per_week,
    avoid: readCodes(s.avoid),
    prefer: readCodes(s.prefer),
    skills: (skillsByStaff.get(s.id) ?? []).map((k) => ({ skill: k.skill, expiresOn: k.expires_on })),
    commitments: (commitmentsByStaff.get(s.id) ?? [])
      .map((c) => ({ id: c.id, day: c.day, start: c.start_time, end: c.end_time, label: c.label, needsCover: c.needs_cover === 1 }))
      .sort(byCommitment),
    dutiesThisTerm: ledgers.dutiesThisTerm.get(s.id) ?? 0,
    additionalHoursUsed: ledgers.hoursUsed.get(s.id) ?? 0,
  }))
}

function dutyStates(rows: SetupRows): DutyState[] {
  const slotsByDuty = groupBy(rows.dutySlots, (r) => r.duty_post_id)
  return rows.duties.map((d) => ({
    id: d.id,
    code: d.code,
    name: d.name,
    kind: d.kind,
    days: readWeekdays(d.days),
    peopleNeeded: d.people_needed,
    skillSeats: readSkillSeats(d.skill_seats),
    priority: d.priority,
    slotCodes: (slotsByDuty.get(d.id) ?? [])
      .sort((a, b) => a.position - b.position || a.slot_position - b.slot_position || compare(a.code, b.code))
      .map((r) => r.code),
  }))
}

function absenceState(a: WeekRows['absences'][number]): AbsenceState {
  return { id: a.id, staffId: a.staff_id, startDate: a.start_date, endDate: a.end_date, startTime: a.start_time, endTime: a.end_time, reason: a.reason }
}

function coverState(c: WeekRows['cover'][number]): CoverState {
  return {
    id: c.id,
    code: c.code,
    date: c.date,
    slotId: c.slot_id,
    slotCode: c.slot_code,
    label: c.label,
    peopleNeeded: c.people_needed,
    skillSeats: readSkillSeats(c.skill_seats),
    priority: c.priority,
  }
}

function eventState(e: WeekRows['events'][number]): EventState {
  return {
    id: e.id,
    code: e.code,
    name: e.name,
    date: e.date,
    start: e.start_time,
    end: e.end_time,
    peopleNeeded: e.people_needed,
    skillSeats: readSkillSeats(e.skill_seats),
    priority: e.priority,
  }
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const row of rows) {
    const k = key(row)
    const list = out.get(k)
    if (list) list.push(row)
    else out.set(k, [row])
  }
  return out
}

const DAY_ORDER: Record<Weekday, number> = { mon: 0, tue: 1, wed: 2, thu: 3, fri: 4, sat: 5, sun: 6 }

export function byCommitment(a: { day: Weekday; start: string; end: string; label: string | null }, b: typeof a): number {
  return DAY_ORDER[a.day] - DAY_ORDER[b.day] || compare(a.start, b.start) || compare(a.end, b.end) || compare(a.label ?? '', b.label ?? '')
}

/** Plain code-unit order: the same on every runtime, unlike localeCompare. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}
