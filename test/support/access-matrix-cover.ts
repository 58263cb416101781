// The access matrix's rows for open cover and leave over JSON (src/offers/offers.routes.ts,
// src/leave/leave.routes.ts), with the rows they need: an offer of a seat that is empty in a
// published week (a cover request added after the swap world's week was published), and a leave
// request asked for from a staff phone of the school. Over HTTP, so SQLite and wrangler dev alike.
//
// The manager's routes follow the defaults (staff 403, another school 404). The staff routes
// under /api/me take the person from the session: signed out 401, signed in but not staff 403,
// another school's offer or request 404.
import type { Client, Endpoint, Principals } from './access-matrix.js'
import { staffPhoneOf, SWAP_WEEK } from './access-matrix-swaps.js'

export const COVER_KINDS = ['coverOffer', 'leaveRequest'] as const
export type CoverKind = (typeof COVER_KINDS)[number]
export const isCoverKind = (kind: string): kind is CoverKind => (COVER_KINDS as readonly string[]).includes(kind)

/** Far from every week the matrix plans, so a decision re-plans nothing. */
const leaveBody = () => ({ kind: 'training', startDate: '2028-03-01', note: 'First aid course' })

export const COVER_ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/api/schools/{school}/offers', ok: 200 },
  // Nothing is ever published for the matrix's own week: a manager gets as far as being told so.
  { method: 'POST', path: '/api/schools/{school}/offers', body: () => ({ date: '2026-11-24' }), ok: 409 },
  { method: 'GET', path: '/api/schools/{school}/offers/{id}', resource: 'coverOffer', ok: 200 },
  { method: 'DELETE', path: '/api/schools/{school}/offers/{id}', resource: 'coverOffer', ok: 200 },
  { method: 'GET', path: '/api/me/offers', staffApi: true, ok: 403, roles: { staff: 200 } },
  { method: 'POST', path: '/api/me/offers/{id}/accept', staffApi: true, resource: 'coverOffer', ok: 403, roles: { staff: 200 } },

  { method: 'GET', path: '/api/schools/{school}/leave-requests', ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/leave-requests/{id}', resource: 'leaveRequest', ok: 200 },
  { method: 'POST', path: '/api/schools/{school}/leave-requests/{id}/decision', resource: 'leaveRequest', body: () => ({ decision: 'decline' }), ok: 200 },
  { method: 'GET', path: '/api/me/leave-requests', staffApi: true, ok: 403, roles: { staff: 200 } },
  { method: 'POST', path: '/api/me/leave-requests', staffApi: true, body: leaveBody, ok: 403, roles: { staff: 201 } },
  { method: 'GET', path: '/api/me/leave-requests/{id}', staffApi: true, resource: 'leaveRequest', ok: 403, roles: { staff: 200 } },
  { method: 'DELETE', path: '/api/me/leave-requests/{id}', staffApi: true, resource: 'leaveRequest', ok: 403, roles: { staff: 200 } },
]

let serial = 0

async function posted(client: Client, path: string, headers: Record<string, string>, body: unknown): Promise<{ id?: string; items?: { id: string }[] }> {
  const res = await client.fetch(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) })
  if (res.status >= 300) throw new Error(`cover rows, ${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id?: string; items?: { id: string }[] }
}

/**
 * A fresh row for one cell. An offer is of its own new seat (a cover request on the published
 * week's Monday), so a cell that takes or withdraws one leaves the next cell an open one.
 */
export async function freshCover(client: Client, principals: Principals, schoolId: string, school: 'A' | 'B', kind: CoverKind): Promise<string> {
  const phone = await staffPhoneOf(client, principals, schoolId, school)
  const token = principals.setup[school].token
  if (kind === 'leaveRequest') {
    const asked = await posted(client, '/api/me/leave-requests', phone, leaveBody())
    if (!asked.id) throw new Error('cover rows: the leave request has no id')
    return asked.id
  }
  const code = `mx${++serial}`
  await posted(client, `/api/schools/${schoolId}/cover-requests`, token, { code, date: SWAP_WEEK, slot: 'p1' })
  const offered = await posted(client, `/api/schools/${schoolId}/offers`, token, { date: SWAP_WEEK, work: code, slot: 'p1' })
  const id = offered.items?.[0]?.id
  if (!id) throw new Error('cover rows: the offer has no id')
  return id
}
