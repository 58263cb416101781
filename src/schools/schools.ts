// Schools: every setup resource hangs off one, and deleting one removes all of its data.
import { sql, type Selectable } from 'kysely'
import type { SchoolsTable } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import { visibleSchoolsWhere } from '../auth/principal.js'
import type { Principal } from '../platform/principal.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { fieldError, invalid, notFound } from '../platform/http/problem.js'
import { commit, nowIso } from '../platform/audit.js'

export interface School {
  id: string
  organisationId: string
  name: string
  timezone: string
  fullTimeHours: number
  version: number
  createdAt: string
  updatedAt: string
}

export interface SchoolInput {
  organisationId: string
  name: string
  timezone: string
  fullTimeHours: number
}

const toSchool = (r: Selectable<SchoolsTable>): School => ({
  id: r.id,
  organisationId: r.organisation_id,
  name: r.name,
  timezone: r.timezone,
  fullTimeHours: r.full_time_hours,
  version: r.version,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
})

/** Only the schools `viewer` may see (src/auth/principal.ts says which). */
export async function listSchools(store: Store, page: PageQuery & { organisationId?: string | undefined }, viewer: Principal): Promise<Page<School>> {
  let q = store.db
    .selectFrom('schools')
    .selectAll()
    .where(visibleSchoolsWhere(viewer))
    .where(afterCursor('name', 'id', page.cursor))
  if (page.organisationId !== undefined) q = q.where('organisation_id', '=', page.organisationId)
  const rows = await q
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.name, id: r.id }), toSchool)
}

export async function getSchool(store: Store, id: string): Promise<School> {
  const row = await store.db.selectFrom('schools').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no school with id ${id}`)
  return toSchool(row)
}

/** What the manager's pages put in their header. */
export async function schoolName(store: Store, id: string): Promise<string> {
  const row = await store.db.selectFrom('schools').select('name').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no school with id ${id}`)
  return row.name
}

/** The zone the school's calendar runs in, for "this week" and "today" there. */
export async function schoolTimeZone(store: Store, id: string): Promise<string> {
  const row = await store.db.selectFrom('schools').select('timezone').where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no school with id ${id}`)
  return row.timezone
}

async function requireOrganisation(store: Store, id: string): Promise<void> {
  const org = await store.db.selectFrom('organisations').select('id').where('id', '=', id).executeTakeFirst()
  if (!org) throw invalid([fieldError(['organisationId'], `no organisation with id ${id}`)])
}

export async function createSchool(ctx: WriteContext, input: SchoolInput): Promise<School> {
  await requireOrganisation(ctx.store, input.organisationId)
  const now = nowIso(ctx)
  const school: School = { id: ctx.newId('sch'), ...input, version: 1, createdAt: now, updatedAt: now }
  await commit(ctx, { schoolId: null, entity: 'school', entityId: school.id, action: 'create', after: school }, [
    ctx.store.db
      .insertInto('schools')
      .values({
        id: school.id,
        organisation_id: school.organisationId,
        name: school.name,
        timezone: school.timezone,
        full_time_hours: school.fullTimeHours,
        created_at: now,
        updated_at: now,
      })
      .compile(),
  ])
  return school
}

export async function updateSchool(ctx: WriteContext, id: string, input: SchoolInput, ifMatch?: string): Promise<School> {
  const before = await getSchool(ctx.store, id)
  checkIfMatch(ifMatch, before.version, `school ${before.name}`)
  if (input.organisationId !== before.organisationId) await requireOrganisation(ctx.store, input.organisationId)
  const now = nowIso(ctx)
  const after: School = { ...before, ...input, version: before.version + 1, updatedAt: now }
  await commit(ctx, { schoolId: id, entity: 'school', entityId: id, action: 'update', before, after, expect: { table: 'schools', version: before.version } }, [
    ctx.store.db
      .updateTable('schools')
      .set({
        organisation_id: input.organisationId,
        name: input.name,
        timezone: input.timezone,
        full_time_hours: input.fullTimeHours,
        updated_at: now,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}

/** Removes the school and everything in it; the audit entry outlives it (school_id NULL). */
export async function deleteSchool(ctx: WriteContext, id: string, ifMatch?: string): Promise<void> {
  const before = await getSchool(ctx.store, id)
  checkIfMatch(ifMatch, before.version, `school ${before.name}`)
  await commit(ctx, { schoolId: null, entity: 'school', entityId: id, action: 'delete', before, expect: { table: 'schools', version: before.version } }, [
    ctx.store.db.deleteFrom('schools').where('id', '=', id).compile(),
  ])
}
