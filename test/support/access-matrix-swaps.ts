// The access matrix's rows for swaps staff make on their phones (/me/swaps...) and the manager's
// Approve and Decline buttons, with the world they need: a published week in each school in
// which colleagues hold duties they can offer. Everything is done over HTTP, as a phone and a
// manager would, so the same rows run on SQLite and under wrangler dev.
//
// Who may use an answer: the colleague an offer was made to accepts or declines it; the one who
// made it withdraws it (each 303 back to /me). The other party is refused (403); a third person
// of the same school, or anyone of another school, does not see it (404); whoever has no phone
// session (signed out, a manager, a trust admin, a script) gets the signed-out page (401).
import type { Client, Endpoint, Principals } from './access-matrix.js'

export const SWAP_KINDS = ['offerToStaff', 'offerByStaff', 'offerOfOthers'] as const
/** offers made fresh for a cell: to the matrix's member of staff, by them, and between two others */
export type SwapKind = (typeof SWAP_KINDS)[number]
export const isSwapKind = (kind: string): kind is SwapKind => (SWAP_KINDS as readonly string[]).includes(kind)

const DAY = 86_400_000
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10)

/**
 * The week the offers are in: the Monday of the week after next by the machine's clock, which is
 * later than the SQLite matrix's fixed clock too, so its duties are never in the past.
 */
export const SWAP_WEEK = (() => {
  const soon = Date.now() + 14 * DAY
  const weekday = (new Date(soon).getUTCDay() + 6) % 7
  return isoDay(soon - weekday * DAY)
})()
const dayOf = (i: number) => isoDay(Date.parse(`${SWAP_WEEK}T00:00:00Z`) + i * DAY)
const refOn = (i: number) => `swapyard|${dayOf(i)}|break`

export const SWAP_ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: '/me/swaps/new', staffPage: true, ok: 401, roles: { staff: 200 } },
  // The JSON body reads as an empty form: access is granted, the offer is not valid (400).
  { method: 'POST', path: '/me/swaps', staffPage: true, ok: 401, roles: { staff: 400 } },
  // A member of another school's staff is nobody's colleague here (404).
  {
    method: 'POST',
    path: '/me/swaps',
    staffPage: true,
    form: true,
    resource: 'staff',
    wheres: ['foreignId'],
    body: () => ({ give: refOn(3), to: '{id}' }),
    ok: 401,
  },
  ...(['accept', 'decline'] as const).flatMap((answer): Endpoint[] => [
    { method: 'POST', path: `/me/swaps/{id}/${answer}`, staffPage: true, resource: 'offerToStaff', ok: 401, roles: { staff: 303 } },
    { method: 'POST', path: `/me/swaps/{id}/${answer}`, staffPage: true, resource: 'offerByStaff', wheres: ['own'], ok: 401, roles: { staff: 403 } },
    { method: 'POST', path: `/me/swaps/{id}/${answer}`, staffPage: true, resource: 'offerOfOthers', wheres: ['own'], ok: 401, roles: { staff: 404 } },
  ]),
  { method: 'POST', path: '/me/swaps/{id}/withdraw', staffPage: true, resource: 'offerByStaff', ok: 401, roles: { staff: 303 } },
  { method: 'POST', path: '/me/swaps/{id}/withdraw', staffPage: true, resource: 'offerToStaff', wheres: ['own'], ok: 401, roles: { staff: 403 } },
  { method: 'POST', path: '/me/swaps/{id}/withdraw', staffPage: true, resource: 'offerOfOthers', wheres: ['own'], ok: 401, roles: { staff: 404 } },

  // The manager's week page: Approve and Decline of a swap that is not there (404).
  ...(['approve', 'decline'] as const).map(
    (action): Endpoint => ({ method: 'POST', path: `/manage/{school}/week/2026-11-23/swaps/swp_none/${action}`, ok: 404, skip: ['none'] }),
  ),
]

interface SwapWorld {
  /** phone sessions (Cookie and Origin) by role in the world */
  phones: { a: Record<string, string>; staff: Record<string, string> }
  ids: { staff: string; c: string }
}

const worlds = new WeakMap<Client, Map<string, Promise<SwapWorld>>>()

async function ok(res: Response, what: string): Promise<Response> {
  if (res.status >= 400) throw new Error(`swap world, ${what}: ${res.status} ${await res.text()}`)
  return res
}

/**
 * In one school: two more colleagues (A, who offers, and C), a break duty each weekday given to
 * A on Tuesday to Thursday and to C on Friday (in school A, Thursday's goes to the matrix's own
 * member of staff instead), and A's phone signed in. The duties are pinned for the generate and
 * unpinned once the week is published: a pinned duty cannot be swapped.
 */
async function buildWorld(client: Client, principals: Principals, schoolId: string, school: 'A' | 'B'): Promise<SwapWorld> {
  const { token, cookie } = principals.setup[school]
  const json = (auth: Record<string, string>, body?: unknown, headers: Record<string, string> = {}): RequestInit => ({
    method: 'POST',
    headers: { ...auth, ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const api = async (path: string, body?: unknown, headers?: Record<string, string>) =>
    (await ok(await client.fetch(`/api/schools/${schoolId}${path}`, json(token, body, headers)), path)).json() as Promise<{ id: string; version: number }>
  const day = { start: '08:00', end: '15:50' }
  const pattern = { mon: day, tue: day, wed: day, thu: day, fri: day }
  const a = await api('/staff', { code: 'swap-a', name: 'Ada Offer', grade: 'G4', hoursPerWeek: 30, pattern })
  const c = await api('/staff', { code: 'swap-c', name: 'Cy Third', grade: 'G4', hoursPerWeek: 30, pattern })
  await api('/duty-posts', { code: 'swapyard', name: 'Swap yard', kind: 'break', slots: ['break'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: 1 })
  const holders = school === 'A' ? ['swap-a', 'swap-a', 's03', 'swap-c'] : ['swap-a', 'swap-a', 'swap-a', 'swap-c']
  const pins: string[] = []
  for (const [i, staff] of holders.entries())
    pins.push((await api(`/weeks/${SWAP_WEEK}/overrides`, { kind: 'pin', staff, duty: 'swapyard', date: dayOf(i + 1), slot: 'break' })).id)
  const draft = await api(`/weeks/${SWAP_WEEK}/rota`)
  await api(`/weeks/${SWAP_WEEK}/rota/publish`, undefined, { 'if-match': `"${draft.version}"` })
  for (const pin of pins)
    await ok(await client.fetch(`/api/schools/${schoolId}/weeks/${SWAP_WEEK}/overrides/${pin}`, { method: 'DELETE', headers: token }), 'unpin')

  const link = await ok(await client.fetch(`/api/schools/${schoolId}/staff/${a.id}/link`, json(cookie)), 'personal link')
  const opened = await client.fetch(new URL(((await link.json()) as { url: string }).url).pathname, { redirect: 'manual' })
  const session = /__Host-session=[^;,]*/.exec(opened.headers.get('set-cookie') ?? '')?.[0]
  if (!session) throw new Error(`swap world: the personal link set no cookie (${opened.status})`)
  const phoneA = { cookie: session, origin: client.origin }
  if (school === 'B') return { phones: { a: phoneA, staff: phoneA }, ids: { staff: c.id, c: c.id } }
  const me = (await (await ok(await client.fetch('/api/me', { headers: principals.headers.staff }), 'who am I')).json()) as { staff: { id: string } }
  return { phones: { a: phoneA, staff: principals.headers.staff }, ids: { staff: me.staff.id, c: c.id } }
}

function worldOf(client: Client, principals: Principals, schoolId: string, school: 'A' | 'B'): Promise<SwapWorld> {
  const bySchool = worlds.get(client) ?? new Map<string, Promise<SwapWorld>>()
  worlds.set(client, bySchool)
  const known = bySchool.get(schoolId)
  if (known) return known
  const made = buildWorld(client, principals, schoolId, school)
  bySchool.set(schoolId, made)
  return made
}

/**
 * A phone signed in as a member of staff of the school, in a school whose SWAP_WEEK is published:
 * the matrix's own member of staff in school A, Ada Offer in school B.
 */
export async function staffPhoneOf(client: Client, principals: Principals, schoolId: string, school: 'A' | 'B'): Promise<Record<string, string>> {
  return (await worldOf(client, principals, schoolId, school)).phones.staff
}

interface SwapListed {
  id: string
  stage: string
  proposedBy: string
  a: { date: string }
}

/**
 * A fresh offer for one cell. A duty is on offer once at a time, so whatever offer of it a
 * previous cell left open is withdrawn first, by the person who made it.
 */
export async function freshSwap(client: Client, principals: Principals, schoolId: string, school: 'A' | 'B', kind: SwapKind): Promise<string> {
  const world = await worldOf(client, principals, schoolId, school)
  const plan = {
    offerToStaff: { phone: world.phones.a, day: 1, to: world.ids.staff },
    offerOfOthers: { phone: world.phones.a, day: 2, to: world.ids.c },
    offerByStaff: { phone: world.phones.staff, day: 3, to: world.ids.c },
  }[kind]
  const listed = async () =>
    (
      (await (
        await ok(await client.fetch(`/api/schools/${schoolId}/weeks/${SWAP_WEEK}/swaps`, { headers: principals.setup[school].token }), 'swaps')
      ).json()) as { items: SwapListed[] }
    ).items.filter((s) => s.proposedBy === 'staff' && s.a.date === dayOf(plan.day) && (s.stage === 'offered' || s.stage === 'agreed'))
  const post = (path: string, fields: Record<string, string> = {}) =>
    client.fetch(path, {
      method: 'POST',
      redirect: 'manual',
      headers: { ...plan.phone, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(fields).toString(),
    })
  for (const open of await listed()) await post(`/me/swaps/${open.id}/withdraw`)
  const offered = await post('/me/swaps', { give: refOn(plan.day), to: plan.to })
  if (offered.status !== 303) throw new Error(`swap world: the offer was refused (${offered.status}): ${await offered.text()}`)
  const [made] = await listed()
  if (!made) throw new Error('swap world: the offer is not listed')
  return made.id
}
