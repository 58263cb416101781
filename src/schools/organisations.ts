// Organisations (a trust or a single school's governing body) own schools.
import { sql, type CompiledQuery, type Selectable } from 'kysely'
import type { OrganisationsTable } from '../../db/schema.js'
import type { Store } from '../../db/store.js'
import { visibleOrganisationsWhere } from '../auth/principal.js'
import type { Principal } from '../platform/principal.js'
import type { WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { commit, nowIso } from '../platform/audit.js'

export interface Organisation {
  id: string
  name: string
  version: number
  createdAt: string
}

export interface OrganisationInput {
  name: string
}

const toOrganisation = (row: Selectable<OrganisationsTable>): Organisation => ({ id: row.id, name: row.name, version: row.version, createdAt: row.created_at })

/** Only the organisations `viewer` may see (src/auth/principal.ts says which). */
export async function listOrganisations(store: Store, page: PageQuery, viewer: Principal): Promise<Page<Organisation>> {
  const rows = await store.db
    .selectFrom('organisations')
    .selectAll()
    .where(visibleOrganisationsWhere(viewer))
    .where(afterCursor('name', 'id', page.cursor))
    .orderBy('name')
    .orderBy('id')
    .limit(page.limit + 1)
    .execute()
  return toPage(rows, page.limit, (r) => ({ key: r.name, id: r.id }), toOrganisation)
}

export async function getOrganisation(store: Store, id: string): Promise<Organisation> {
  const row = await store.db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no organisation with id ${id}`)
  return toOrganisation(row)
}

/**
 * Creates an organisation; `founderUserId` becomes its trust admin in the same write, so the
 * person who made it can reach it and no organisation is left without anyone who can.
 */
export async function createOrganisation(ctx: WriteContext, input: OrganisationInput, founderUserId?: string): Promise<Organisation> {
  const org: Organisation = { id: ctx.newId('org'), name: input.name, version: 1, createdAt: nowIso(ctx) }
  const statements: CompiledQuery[] = [ctx.store.db.insertInto('organisations').values({ id: org.id, name: org.name, created_at: org.createdAt }).compile()]
  if (founderUserId !== undefined) {
    statements.push(
      ctx.store.db
        .insertInto('memberships')
        .values({
          id: ctx.newId('mbr'),
          user_id: founderUserId,
          role: 'trust_admin',
          organisation_id: org.id,
          school_id: null,
          staff_id: null,
          created_at: org.createdAt,
        })
        .compile(),
    )
  }
  await commit(ctx, { schoolId: null, entity: 'organisation', entityId: org.id, action: 'create', after: org }, statements)
  return org
}

export async function updateOrganisation(ctx: WriteContext, id: string, input: OrganisationInput, ifMatch?: string): Promise<Organisation> {
  const before = await getOrganisation(ctx.store, id)
  checkIfMatch(ifMatch, before.version, `organisation ${before.name}`)
  const after = { ...before, name: input.name, version: before.version + 1 }
  const expect = { table: 'organisations' as const, version: before.version }
  await commit(ctx, { schoolId: null, entity: 'organisation', entityId: id, action: 'update', before, after, expect }, [
    ctx.store.db.updateTable('organisations').set({ name: input.name, version: sql<number>`version + 1` }).where('id', '=', id).compile(),
  ])
  return after
}

export async function deleteOrganisation(ctx: WriteContext, id: string, ifMatch?: string): Promise<void> {
  const before = await getOrganisation(ctx.store, id)
  checkIfMatch(ifMatch, before.version, `organisation ${before.name}`)
  const schools = await ctx.store.db.selectFrom('schools').select('name').where('organisation_id', '=', id).orderBy('name').execute()
  if (schools.length > 0) {
    throw conflict(
      `${schools.length} school${schools.length === 1 ? '' : 's'} still belong${schools.length === 1 ? 's' : ''} to organisation ${before.name} (${schools.map((s) => s.name).join(', ')}); delete or move them first`,
    )
  }
  await commit(
    ctx,
    { schoolId: null, entity: 'organisation', entityId: id, action: 'delete', before, expect: { table: 'organisations', version: before.version } },
    [ctx.store.db.deleteFrom('organisations').where('id', '=', id).compile()],
  )
}
