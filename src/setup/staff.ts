// Staff and their contracts: grade, working pattern, breaks, allowances, skills (with expiry)
// and fixed commitments the rota must work around.
import { sql, type CompiledQuery } from 'kysely'
import { chunkRows, type Store } from '../../db/store.js'
import type { Weekday } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { fieldError, invalid, notFound } from '../platform/http/problem.js'
import { auditStatement, commit } from '../platform/audit.js'
import { parseJsonColumn } from '../platform/json.js'
import { ensureCodeFree, resolveRef, resolveRefs } from './refs.js'
import { commitmentRow, insertCommitments, insertSkills, insertStaff, skillRow, staffColumns } from './staff-rows.js'

export interface WorkingHours {
  start: string
  end: string
}

export interface SkillHeld {
  skill: string
  /** the certificate's expiry; null when it does not expire */
  expiresOn: string | null
}

export interface CommitmentInput {
  day: Weekday
  start: string
  end: string
  label: string | null
  /** an absence over it makes its cover request by itself */
  needsCover: boolean
}

export interface StaffInput {
  code: string
  name: string
  /** id or code of the grade */
  grade: string
  hoursPerWeek: number
  pattern: Partial<Record<Weekday, WorkingHours>>
  unpaidBreakMinutes: number
  additionalHoursAllowance: number
  maxDutiesPerWeek: number | null
  skills: SkillHeld[]
  commitments: CommitmentInput[]
  /** duty post ids or codes */
  avoid: string[]
  prefer: string[]
  email: string | null
}

export interface StaffMember extends Omit<StaffInput, 'commitments'> {
  id: string
  /** the grade's code; `gradeId` is its id */
  grade: string
  gradeId: string
  commitments: (CommitmentInput & { id: string })[]
  version: number
}

function selectStaff(store: Store, schoolId: string) {
  return store.db
    .selectFrom('staff as s')
    .innerJoin('grades as g', 'g.id', 's.grade_id')
    .selectAll('s')
    .select('g.code as grade_code')
    .where('s.school_id', '=', schoolId)
}

type StaffRow = Awaited<ReturnType<ReturnType<typeof selectStaff>['executeTakeFirstOrThrow']>>

async function childrenOf(store: Store, staffIds: readonly string[]) {
  const skills = new Map<string, SkillHeld[]>(staffIds.map((id) => [id, []]))
  const commitments = new Map<string, StaffMember['commitments']>(staffIds.map((id) => [id, []]))
  for (const chunk of chunkRows(staffIds, 1)) {
    const skillRows = await store.db.selectFrom('staff_skills').selectAll().where('staff_id', 'in', chunk).orderBy('staff_id').orderBy('skill').execute()
    for (const r of skillRows) skills.get(r.staff_id)?.push({ skill: r.skill, expiresOn: r.expires_on })
    const commitmentRows = await store.db
      .selectFrom('commitments')
      .selectAll()
      .where('staff_id', 'in', chunk)
      .orderBy('staff_id')
      .orderBy(sql`CASE day WHEN 'mon' THEN 1 WHEN 'tue' THEN 2 WHEN 'wed' THEN 3 WHEN 'thu' THEN 4 WHEN 'fri' THEN 5 WHEN 'sat' THEN 6 ELSE 7 END`)
      .orderBy('start_time')
      .execute()
    for (const r of commitmentRows)
      commitments.get(r.staff_id)?.push({ id: r.id, day: r.day, start: r.start_time, end: r.end_time, label: r.label, needsCover: r.needs_cover === 1 })
  }
  return { skills, commitments }
}

function toStaff(r: StaffRow, children: Awaited<ReturnType<typeof childrenOf>>): StaffMember {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    grade: r.grade_code,
    gradeId: r.grade_id,
    hoursPerWeek: r.hours_per_week,
    pattern: parseJsonColumn<StaffMember['pattern']>(r.pattern, {}),
    unpaidBreakMinutes: r.unpaid_break_minutes,
    additionalHoursAllowance: r.additional_hours_allowance,
    maxDutiesPerWeek: r.max_duties_per_week,
    skills: children.skills.get(r.id) ?? [],
    commitments: children.commitments.get(r.id) ?? [],
    avoid: parseJsonColumn<string[]>(r.avoid, []),
    prefer: parseJsonColumn<string[]>(r.prefer, []),
    email: r.email,
    version: r.version,
  }
}

export interface StaffQuery extends PageQuery {
  grade?: string | undefined
}

export async function listStaff(store: Store, schoolId: string, page: StaffQuery): Promise<Page<StaffMember>> {
  let q = selectStaff(store, schoolId).where(afterCursor('s.code', 's.id', page.cursor))
  if (page.grade !== undefined) {
    const grade = page.grade
    q = q.where((eb) => eb.or([eb('g.id', '=', grade), eb('g.code', '=', grade)]))
  }
  const rows = await q
    .orderBy('s.code')
    .orderBy('s.id')
    .limit(page.limit + 1)
    .execute()
  const children = await childrenOf(
    store,
    rows.slice(0, page.limit).map((r) => r.id),
  )
  return toPage(
    rows,
    page.limit,
    (r) => ({ key: r.code, id: r.id }),
    (r) => toStaff(r, children),
  )
}

export async function getStaff(store: Store, schoolId: string, id: string): Promise<StaffMember> {
  const row = await selectStaff(store, schoolId).where('s.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no staff member with id ${id} in this school`)
  return toStaff(row, await childrenOf(store, [id]))
}

/** Resolves grade and duty-post references; avoid/prefer are stored as codes, as in scenario files. */
async function resolve(store: Store, schoolId: string, input: StaffInput) {
  const grade = await resolveRef(store, 'grades', schoolId, input.grade, ['grade'])
  return { grade, ...(await resolvePreferences(store, schoolId, input)) }
}

/** Duty posts named (by id or code) in avoid and prefer, as codes; one named in both is refused. */
export async function resolvePreferences(
  store: Store,
  schoolId: string,
  input: { avoid: readonly string[]; prefer: readonly string[] },
): Promise<{ avoid: string[]; prefer: string[] }> {
  const posts = (list: 'avoid' | 'prefer') =>
    resolveRefs(
      store,
      'duty_posts',
      schoolId,
      input[list].map((ref, i) => ({ ref, path: [list, i] })),
    )
  const avoid = await posts('avoid')
  const prefer = await posts('prefer')
  const avoided = new Set(avoid.map((p) => p.code))
  const both = prefer.flatMap((p, i) => (avoided.has(p.code) ? [fieldError(['prefer', i], `duty post ${p.code} is also in avoid`)] : []))
  if (both.length > 0) throw invalid(both)
  return { avoid: avoid.map((p) => p.code), prefer: prefer.map((p) => p.code) }
}

function writeStatements(ctx: WriteContext, staffId: string, input: StaffInput) {
  const commitments = input.commitments.map((c) => ({ id: ctx.newId('cmt'), ...c }))
  const db = ctx.store.db
  const statements: CompiledQuery[] = [
    ...insertSkills(
      db,
      input.skills.map((s) => skillRow(staffId, s)),
    ),
    ...insertCommitments(
      db,
      commitments.map((c) => commitmentRow(staffId, c)),
    ),
  ]
  return { commitments, statements }
}

function columns(input: StaffInput, resolved: Awaited<ReturnType<typeof resolve>>) {
  return staffColumns({ ...input, gradeId: resolved.grade.id, avoid: resolved.avoid, prefer: resolved.prefer })
}

function asMember(
  id: string,
  input: StaffInput,
  resolved: Awaited<ReturnType<typeof resolve>>,
  commitments: StaffMember['commitments'],
  version: number,
): StaffMember {
  return {
    ...input,
    id,
    grade: resolved.grade.code,
    gradeId: resolved.grade.id,
    skills: [...input.skills].sort((a, b) => a.skill.localeCompare(b.skill)),
    commitments,
    avoid: resolved.avoid,
    prefer: resolved.prefer,
    version,
  }
}

/** The member of staff's name, in this school only: another school's id is as unknown as none. */
export async function staffName(store: Store, schoolId: string, staffId: string): Promise<string | undefined> {
  const row = await store.db.selectFrom('staff').select('name').where('id', '=', staffId).where('school_id', '=', schoolId).executeTakeFirst()
  return row?.name
}

/** Whether the member of staff is in this school (another school's id is as unknown as none). */
export async function staffExists(store: Store, schoolId: string, staffId: string): Promise<boolean> {
  return (await staffName(store, schoolId, staffId)) !== undefined
}

export async function createStaff(ctx: WriteContext, schoolId: string, input: StaffInput): Promise<StaffMember> {
  await ensureCodeFree(ctx.store, 'staff', schoolId, input.code)
  const resolved = await resolve(ctx.store, schoolId, input)
  const id = ctx.newId('stf')
  const children = writeStatements(ctx, id, input)
  const member = asMember(id, input, resolved, children.commitments, 1)
  await commit(ctx, { schoolId, entity: 'staff', entityId: id, action: 'create', after: member }, [
    ...insertStaff(ctx.store.db, [{ id, school_id: schoolId, ...columns(input, resolved) }]),
    ...children.statements,
  ])
  return getStaff(ctx.store, schoolId, id)
}

export async function updateStaff(ctx: WriteContext, schoolId: string, id: string, input: StaffInput, ifMatch?: string): Promise<StaffMember> {
  const before = await getStaff(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `staff member ${before.code}`)
  await ensureCodeFree(ctx.store, 'staff', schoolId, input.code, id)
  await ctx.store.atomic(await updateStatements(ctx, schoolId, before, input))
  return getStaff(ctx.store, schoolId, id)
}

/**
 * One person's update as statements, its audit entry first and guarded on `before.version`,
 * so a batch of several (the staff CSV) fails whole if any of them was edited meanwhile.
 */
export async function updateStatements(ctx: WriteContext, schoolId: string, before: StaffMember, input: StaffInput): Promise<CompiledQuery[]> {
  const id = before.id
  const resolved = await resolve(ctx.store, schoolId, input)
  const children = writeStatements(ctx, id, input)
  const after = asMember(id, input, resolved, children.commitments, before.version + 1)
  return [
    auditStatement(ctx, { schoolId, entity: 'staff', entityId: id, action: 'update', before, after, expect: { table: 'staff', version: before.version } }),
    ctx.store.db
      .updateTable('staff')
      .set({ ...columns(input, resolved), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
    ctx.store.db.deleteFrom('staff_skills').where('staff_id', '=', id).compile(),
    ctx.store.db.deleteFrom('commitments').where('staff_id', '=', id).compile(),
    ...children.statements,
  ]
}

/** Everyone of the school whose code is among `codes`, by code. */
export async function staffByCode(store: Store, schoolId: string, codes: readonly string[]): Promise<Map<string, StaffMember>> {
  const rows: StaffRow[] = []
  for (const chunk of chunkRows(codes, 1)) rows.push(...(await selectStaff(store, schoolId).where('s.code', 'in', chunk).execute()))
  const children = await childrenOf(
    store,
    rows.map((r) => r.id),
  )
  return new Map(rows.map((r) => [r.code, toStaff(r, children)]))
}

/** Their absences, skills and commitments go with them; published rotas keep no dangling rows. */
export async function deleteStaff(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<void> {
  const before = await getStaff(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, before.version, `staff member ${before.code}`)
  await commit(ctx, { schoolId, entity: 'staff', entityId: id, action: 'delete', before, expect: { table: 'staff', version: before.version } }, [
    ctx.store.db.deleteFrom('staff').where('id', '=', id).compile(),
  ])
}
