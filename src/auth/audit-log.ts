// Reading the audit log back: a manager's page of who changed what, newest first. Entries name
// their actor by id ('user:<id>', 'staff:<id>', 'token:<id>'); a reader wants a person's name,
// and a script's token is named after the person who made it.
import type { Deps } from '../platform/deps.js'
import { encodeCursor, type Cursor, type Page } from '../platform/http/pagination.js'

export interface AuditEntry {
  id: string
  at: string
  actor: string
  /** the actor as a person reads it; the bare actor when its row has gone */
  actorName: string
  action: string
  entity: string
  entityId: string | null
  before: unknown
  after: unknown
}

export interface AuditPage {
  limit: number
  cursor?: Cursor | undefined
}

/** One page of the school's audit log in (at, id) descending order. */
export async function auditLogPage(deps: Pick<Deps, 'store'>, schoolId: string, page: AuditPage): Promise<Page<AuditEntry>> {
  const { limit, cursor } = page
  let q = deps.store.db
    .selectFrom('audit_log')
    .select(['id', 'actor', 'action', 'entity', 'entity_id', 'before', 'after', 'at'])
    .where('school_id', '=', schoolId)
  if (cursor) q = q.where((eb) => eb.or([eb('at', '<', String(cursor.key)), eb.and([eb('at', '=', String(cursor.key)), eb('id', '<', cursor.id)])]))
  const rows = await q
    .orderBy('at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute()
  const items = rows.slice(0, limit)
  const names = await actorNames(
    deps,
    items.map((r) => r.actor),
  )
  const last = items.at(-1)
  return {
    items: items.map((r) => ({
      id: r.id,
      at: r.at,
      actor: r.actor,
      actorName: names.get(r.actor) ?? r.actor,
      action: r.action,
      entity: r.entity,
      entityId: r.entity_id,
      before: r.before === null ? null : (JSON.parse(r.before) as unknown),
      after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ key: last.at, id: last.id }) : null,
  }
}

/** Human names for audit actors; a token or staff member whose row is gone is left out (the entry shows the id). */
async function actorNames(deps: Pick<Deps, 'store'>, actors: readonly string[]): Promise<Map<string, string>> {
  const { db } = deps.store
  const ids = (prefix: string) => [...new Set(actors.filter((a) => a.startsWith(prefix)).map((a) => a.slice(prefix.length)))]
  const names = new Map<string, string>()
  const userIds = ids('user:')
  const tokenIds = ids('token:')
  const staffIds = ids('staff:')
  const tokens = tokenIds.length ? await db.selectFrom('api_tokens').select(['id', 'name', 'created_by']).where('id', 'in', tokenIds).execute() : []
  const makers = tokens
    .map((t) => t.created_by)
    .filter((a) => a.startsWith('user:'))
    .map((a) => a.slice(5))
  const allUsers = [...new Set([...userIds, ...makers])]
  const users = allUsers.length ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', allUsers).execute() : []
  const userName = new Map(users.map((u) => [u.id, u.name]))
  for (const u of userIds) names.set(`user:${u}`, userName.get(u) ?? u)
  for (const t of tokens) names.set(`token:${t.id}`, `API token "${t.name}" of ${userName.get(t.created_by.slice(5)) ?? t.created_by}`)
  const staff = staffIds.length ? await db.selectFrom('staff').select(['id', 'name']).where('id', 'in', staffIds).execute() : []
  for (const s of staff) names.set(`staff:${s.id}`, s.name)
  return names
}
