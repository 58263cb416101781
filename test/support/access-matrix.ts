// The access matrix: every endpoint × every role × own school / other school, with the status
// each cell must answer. It speaks plain HTTP through a `fetch`, so the same table runs against
// app.request() over SQLite and against `wrangler dev` over D1.
//
// A new endpoint joins by adding one row to ENDPOINTS. A row says what a manager gets in their
// own school (`ok`) and, where the rule is not the default, what other roles get (`roles`).
// Defaults: no credentials → 401; another school → 404; staff → 403 in their own school.
import type { CompiledQuery } from 'kysely'
import { COVER_ENDPOINTS, freshCover, isCoverKind, type CoverKind } from './access-matrix-cover.js'
import { freshSwap, isSwapKind, SWAP_ENDPOINTS, SWAP_WEEK, type SwapKind } from './access-matrix-swaps.js'
import { compiler, seedUser, signInWith } from './seed.js'

export type Role = 'none' | 'staff' | 'manager' | 'trust_admin' | 'token'
export const ROLES: readonly Role[] = ['none', 'staff', 'manager', 'trust_admin', 'token']

/** own: the caller's school; other: a school of another trust; foreignId: own school's path, another school's row id */
export type Where = 'own' | 'other' | 'foreignId'

export interface Client {
  origin: string
  fetch(path: string, init?: RequestInit): Promise<Response>
}

// ---------------------------------------------------------------------------------------------
// The world: two trusts, one school each, with a trust admin and a manager. Built as SQL so
// that SQLite runs it through the store and D1 through `wrangler d1 execute --file`.

export const IDS = { orgA: 'org_matrix_a', orgB: 'org_matrix_b', schoolA: 'sch_matrix_a', schoolB: 'sch_matrix_b' } as const

export interface Seed {
  statements: CompiledQuery[]
  /** clear sign-in link tokens; the database holds only their digests */
  links: { trustAdminA: string; managerA: string; managerB: string }
}

export async function matrixSeed(): Promise<Seed> {
  const at = '2026-09-01T00:00:00.000Z'
  const ta = await seedUser('usr_matrix_ta', 'admin@matrix-a.example', 'Ada Admin', [{ role: 'trust_admin', organisationId: IDS.orgA }])
  const ma = await seedUser('usr_matrix_ma', 'manager@matrix-a.example', 'Max Manager', [{ role: 'manager', schoolId: IDS.schoolA }])
  const mb = await seedUser('usr_matrix_mb', 'manager@matrix-b.example', 'Bea Manager', [{ role: 'manager', schoolId: IDS.schoolB }])
  const statements: CompiledQuery[] = [
    compiler
      .insertInto('organisations')
      .values([
        { id: IDS.orgA, name: 'Matrix Trust A', created_at: at },
        { id: IDS.orgB, name: 'Matrix Trust B', created_at: at },
      ])
      .compile(),
    compiler
      .insertInto('schools')
      .values([
        { id: IDS.schoolA, organisation_id: IDS.orgA, name: 'A School', created_at: at, updated_at: at },
        { id: IDS.schoolB, organisation_id: IDS.orgB, name: 'B School', created_at: at, updated_at: at },
      ])
      .compile(),
    ...ta.statements,
    ...ma.statements,
    ...mb.statements,
  ]
  return { statements, links: { trustAdminA: ta.link, managerA: ma.link, managerB: mb.link } }
}

// ---------------------------------------------------------------------------------------------
// Signing everyone in over HTTP, exactly as a browser or script would.

export interface Setup {
  /** an API token of the school, to make fresh rows for a cell */
  token: Record<string, string>
  /** its manager's session, for what only a person may make (API tokens) */
  cookie: Record<string, string>
}

export interface Principals {
  headers: Record<Role, Record<string, string>>
  setup: { A: Setup; B: Setup }
  /** the trust admin of A's session, to make fresh schools */
  trustAdminA: Record<string, string>
}

async function check(res: Response, what: string): Promise<Response> {
  if (res.status >= 300 && res.status !== 303) throw new Error(`${what}: ${res.status} ${await res.text()}`)
  return res
}

function signIn(client: Client, token: string): Promise<string> {
  return signInWith((path, init) => client.fetch(path, init), client.origin, token)
}

async function mintToken(client: Client, cookie: string, schoolId: string): Promise<string> {
  const res = await check(
    await client.fetch(`/api/schools/${schoolId}/api-tokens`, {
      method: 'POST',
      headers: { cookie, origin: client.origin, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'matrix' }),
    }),
    'api token',
  )
  return ((await res.json()) as { token: string }).token
}

const WEEKDAYS = { start: '08:00', end: '15:50' }
export const PATTERN = { mon: WEEKDAYS, tue: WEEKDAYS, wed: WEEKDAYS, thu: WEEKDAYS, fri: WEEKDAYS }

/** The rows every school needs before its resources can be made: slots, a grade, a person. */
async function basics(client: Client, auth: Record<string, string>, schoolId: string): Promise<string> {
  const post = async (what: string, body: unknown) => {
    const res = await check(
      await client.fetch(`/api/schools/${schoolId}/${what}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
      what,
    )
    return ((await res.json()) as { id: string }).id
  }
  await post('slots', { code: 'p1', kind: 'lesson', start: '08:50', end: '09:50' })
  await post('slots', { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await post('grades', { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'oncall', 'cover', 'event'] })
  return post('staff', { code: 's03', name: 'Sam Jones', grade: 'G4', hoursPerWeek: 32.5, pattern: PATTERN })
}

export async function signInEveryone(client: Client, seed: Seed): Promise<Principals> {
  const ta = await signIn(client, seed.links.trustAdminA)
  const ma = await signIn(client, seed.links.managerA)
  const mb = await signIn(client, seed.links.managerB)
  const tokenA = await mintToken(client, ma, IDS.schoolA)
  const tokenB = await mintToken(client, mb, IDS.schoolB)
  const setupA = { authorization: `Bearer ${tokenA}` }
  const setupB = { authorization: `Bearer ${await mintToken(client, mb, IDS.schoolB)}` }
  const staffId = await basics(client, setupA, IDS.schoolA)
  await basics(client, { authorization: `Bearer ${tokenB}` }, IDS.schoolB)
  const link = await check(
    await client.fetch(`/api/schools/${IDS.schoolA}/staff/${staffId}/link`, { method: 'POST', headers: { cookie: ma, origin: client.origin } }),
    'staff link',
  )
  const { url } = (await link.json()) as { url: string }
  const opened = await client.fetch(new URL(url).pathname, { redirect: 'manual' })
  const m = /__Host-session=([^;,]*)/.exec(opened.headers.get('set-cookie') ?? '')
  if (!m) throw new Error(`staff link set no cookie (${opened.status})`)
  const cookie = (c: string) => ({ cookie: c, origin: client.origin })
  return {
    headers: {
      none: {},
      staff: cookie(`__Host-session=${m[1]}`),
      manager: cookie(ma),
      trust_admin: cookie(ta),
      token: { authorization: `Bearer ${await mintToken(client, ma, IDS.schoolA)}` },
    },
    setup: { A: { token: setupA, cookie: cookie(ma) }, B: { token: setupB, cookie: cookie(mb) } },
    trustAdminA: cookie(ta),
  }
}

// ---------------------------------------------------------------------------------------------
// The endpoints.

let serial = 0
const next = () => ++serial
const dateAfter = (base: string, days: number) => new Date(Date.parse(`${base}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The swap world's week moves with the real clock (Workers run on it). The terms the matrix makes
 * reach past it, so it stays a school week however late the matrix runs, and the closures and
 * absences it makes fall after it, so none closes one of its days or takes its staff away.
 */
const AFTER_SWAP_WEEK = dateAfter(SWAP_WEEK, 35)

interface Resource {
  collection: string
  body(n: number): unknown
}

const RESOURCES = {
  slot: { collection: 'slots', body: (n) => ({ code: `m${n}`, kind: 'lesson', start: '13:00', end: '14:00' }) },
  grade: { collection: 'grades', body: (n) => ({ code: `g${n}`, name: `Grade ${n}`, dutyKinds: ['break'] }) },
  staff: { collection: 'staff', body: (n) => ({ code: `s${n}`, name: `Person ${n}`, grade: 'G4', hoursPerWeek: 20, pattern: PATTERN }) },
  dutyPost: { collection: 'duty-posts', body: (n) => ({ code: `d${n}`, name: `Yard ${n}`, kind: 'break', slots: ['break'], days: ['mon'], peopleNeeded: 1 }) },
  absence: { collection: 'absences', body: (n) => ({ staff: 's03', startDate: dateAfter(AFTER_SWAP_WEEK, n), reason: 'sickness', detail: 'private' }) },
  coverRequest: { collection: 'cover-requests', body: (n) => ({ code: `c${n}`, date: '2026-11-24', slot: 'p1' }) },
  event: { collection: 'events', body: (n) => ({ code: `e${n}`, name: `Evening ${n}`, date: '2026-11-25', start: '16:00', end: '19:00' }) },
  calendarPeriod: { collection: 'calendar-periods', body: (n) => ({ kind: 'term', name: `Term ${n}`, startDate: '2026-09-02', endDate: AFTER_SWAP_WEEK }) },
  closure: { collection: 'closures', body: (n) => ({ date: dateAfter(AFTER_SWAP_WEEK, n), kind: 'inset', name: `INSET ${n}` }) },
  supply: { collection: 'supply', body: (n) => ({ code: `sp${n}`, name: `Supply ${n}`, grade: 'G4', agency: 'Acme', ratePence: 14500, rateUnit: 'day' }) },
} satisfies Record<string, Resource>

/** Rows a school-scoped API token cannot make: a token and a manager (people only), a school (trust admins). */
export type SpecialKind = 'apiToken' | 'manager' | 'school'
export type ResourceKind = keyof typeof RESOURCES | SpecialKind | SwapKind | CoverKind

export interface Endpoint {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
  /** `{school}` is the target school's id, `{org}` its organisation's, `{id}` a fresh `resource` */
  path: string
  resource?: ResourceKind
  body?: (n: number) => unknown
  /** what a manager of the school gets */
  ok: number
  /** per-role answers in the caller's own school, where they differ from the defaults */
  roles?: Partial<Record<Role, number>>
  /** answer for another trust's school (default 404) */
  other?: number
  /** which placements apply (default: own and other, plus foreignId with a resource; 'own' alone for paths with no school) */
  wheres?: Where[]
  /** roles this row does not cover (another row does) */
  skip?: Role[]
  /** the body is the target school's own week exported as a scenario (a clean re-import) */
  bodyFromExport?: boolean
  /** paths above any school refuse staff before any lookup: 403 whichever trust they name */
  staffRefusedEverywhere?: boolean
  /**
   * A staff phone page (/me...): it takes the person from the phone's session, so whoever has none
   * (signed out, manager, trust admin, token) gets 401, and another school's row id is 404 for
   * staff. `roles.staff` is what staff get in their own school. No {school} in the path.
   */
  staffPage?: boolean
  /**
   * A staff member's own JSON route (/api/me/...): the person comes from the session, so signed
   * out is 401, signed in but not staff (manager, trust admin, token) 403, and another school's
   * row id 404 for staff. `roles.staff` is what staff get; `ok` (403) what a manager gets.
   */
  staffApi?: boolean
  /** send the body as an HTML form would (url-encoded), not JSON */
  form?: boolean
}

/** Every school resource: list, create, read, replace, delete. */
function crud(kind: keyof typeof RESOURCES): Endpoint[] {
  const r: Resource = RESOURCES[kind]
  const base = `/api/schools/{school}/${r.collection}`
  return [
    { method: 'GET', path: base, ok: 200 },
    { method: 'POST', path: base, body: (n) => r.body(n), ok: 201 },
    { method: 'GET', path: `${base}/{id}`, resource: kind, ok: 200 },
    { method: 'PUT', path: `${base}/{id}`, resource: kind, body: (n) => r.body(n), ok: 200 },
    { method: 'DELETE', path: `${base}/{id}`, resource: kind, ok: 204 },
  ]
}

const GLOBAL: Where[] = ['own']

export const ENDPOINTS: Endpoint[] = [
  // Who am I: everyone signed in.
  { method: 'GET', path: '/api/me', ok: 200, roles: { staff: 200 }, wheres: GLOBAL },

  // Organisations: listed as far as the caller sees; changed by their trust admin; anyone signed
  // in as a person may found one (and becomes its trust admin).
  { method: 'GET', path: '/api/organisations', ok: 200, wheres: GLOBAL },
  { method: 'POST', path: '/api/organisations', body: (n) => ({ name: `Trust ${n}` }), ok: 201, roles: { token: 403 }, wheres: GLOBAL },
  { method: 'GET', path: '/api/organisations/{org}', ok: 200, staffRefusedEverywhere: true },
  {
    method: 'PUT',
    path: '/api/organisations/{org}',
    body: () => ({ name: 'Matrix Trust' }),
    ok: 403,
    roles: { trust_admin: 200 },
    staffRefusedEverywhere: true,
  },
  // A trust with schools cannot be deleted (409): the trust admin gets that far, nobody else does.
  { method: 'DELETE', path: '/api/organisations/{org}', ok: 403, roles: { trust_admin: 409 }, staffRefusedEverywhere: true },

  // Schools.
  { method: 'GET', path: '/api/schools', ok: 200, wheres: GLOBAL },
  // Another trust's organisation named in the body is "no organisation with id" (400), as if it did not exist.
  {
    method: 'POST',
    path: '/api/schools',
    body: (n) => ({ organisationId: '{org}', name: `School ${n}` }),
    ok: 403,
    roles: { trust_admin: 201 },
    other: 400,
    staffRefusedEverywhere: true,
  },
  { method: 'GET', path: '/api/schools/{school}', ok: 200 },
  { method: 'PUT', path: '/api/schools/{school}', body: (n) => ({ organisationId: '{org}', name: `School ${n}` }), ok: 200 },
  { method: 'DELETE', path: '/api/schools/{school}', ok: 403, skip: ['trust_admin'] },
  { method: 'DELETE', path: '/api/schools/{id}', resource: 'school', ok: 204, skip: ['none', 'staff', 'manager', 'token'], wheres: GLOBAL },

  // Setup resources.
  ...(['slot', 'grade', 'staff', 'dutyPost', 'absence', 'coverRequest', 'event', 'calendarPeriod', 'closure'] as const).flatMap(crud),

  // Scenario files. The JSON Schemas are public.
  { method: 'GET', path: '/api/schemas/scenario.json', ok: 200, roles: { staff: 200 }, wheres: GLOBAL, skip: ['none'] },
  { method: 'GET', path: '/api/schemas/rota.json', ok: 200, roles: { staff: 200 }, wheres: GLOBAL, skip: ['none'] },
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/scenario', ok: 200 },

  // Credentials and the audit log.
  { method: 'GET', path: '/api/schools/{school}/audit', ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/api-tokens', ok: 200, roles: { token: 403 } },
  { method: 'POST', path: '/api/schools/{school}/api-tokens', body: (n) => ({ name: `script ${n}` }), ok: 201, roles: { token: 403 } },
  // A token may not revoke tokens: 403 before any lookup, so a foreign id changes nothing for it.
  { method: 'DELETE', path: '/api/schools/{school}/api-tokens/{id}', resource: 'apiToken', ok: 204, roles: { token: 403 } },
  { method: 'POST', path: '/api/schools/{school}/staff/{id}/link', resource: 'staff', ok: 201, roles: { token: 403 } },
  // Stopping a personal link: the fresh staff member has none in use, so a manager gets that far (404).
  { method: 'DELETE', path: '/api/schools/{school}/staff/{id}/link', resource: 'staff', ok: 404, roles: { token: 403 } },

  // The people who run a school: seen, added and removed by its managers and trust admins, never
  // by a token (a script may not give or take a person's rights). A fresh manager per DELETE cell.
  { method: 'GET', path: '/api/schools/{school}/managers', ok: 200, roles: { token: 403 } },
  {
    method: 'POST',
    path: '/api/schools/{school}/managers',
    body: (n) => ({ email: `added${n}@matrix.example`, name: `Added ${n}` }),
    ok: 201,
    roles: { token: 403 },
  },
  { method: 'DELETE', path: '/api/schools/{school}/managers/{id}', resource: 'manager', ok: 204, roles: { token: 403 } },

  // The week: generate, publish (needs If-Match: a manager who gets that far is told so, 428),
  // pins and bars, cover from CSV, swaps, re-plans and the two ledgers. Staff see none of it
  // here: their own duties and figures are on their own pages.
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/rota', ok: 200 },
  { method: 'POST', path: '/api/schools/{school}/weeks/2026-11-23/rota', ok: 201 },
  // The price of the week's gaps, and one applied: an empty body is refused by field (400).
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/gaps', ok: 200 },
  { method: 'POST', path: '/api/schools/{school}/weeks/2026-11-23/gaps/fix', body: () => ({}), ok: 400 },
  { method: 'POST', path: '/api/schools/{school}/weeks/2026-11-23/rota/publish', ok: 428 },
  { method: 'GET', path: '/api/schools/{school}/jobs/job_none', ok: 404 },
  { method: 'DELETE', path: '/api/schools/{school}/jobs/job_none', ok: 404 },
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/overrides', ok: 200 },
  // The matrix school has no duty posts: an override reaches validation (400), not storage.
  {
    method: 'POST',
    path: '/api/schools/{school}/weeks/2026-11-23/overrides',
    body: () => ({ kind: 'bar', staff: 's03', duty: 'none', date: '2026-11-23', slot: 'p1' }),
    ok: 400,
  },
  { method: 'DELETE', path: '/api/schools/{school}/weeks/2026-11-23/overrides/ovr_none', ok: 404 },
  {
    method: 'POST',
    path: '/api/schools/{school}/weeks/2026-11-23/cover-requests/csv',
    body: (n) => ({ csv: `code,date,slot\ncsv${n},2026-11-24,p1\n` }),
    ok: 201,
  },
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/swaps', ok: 200 },
  // A swap with oneself is refused as a bad request (400).
  {
    method: 'POST',
    path: '/api/schools/{school}/swaps',
    body: () => ({ from: 's03', give: { duty: 'none', date: '2026-11-23', slot: 'p1' }, to: 's03' }),
    ok: 400,
  },
  { method: 'GET', path: '/api/schools/{school}/swaps/swp_none', ok: 404 },
  { method: 'POST', path: '/api/schools/{school}/swaps/swp_none/approve', ok: 404 },
  { method: 'POST', path: '/api/schools/{school}/swaps/swp_none/decline', ok: 404 },
  { method: 'POST', path: '/api/schools/{school}/absences/{id}/replan', resource: 'absence', ok: 200 },
  // Supply people and their bookings: a booking for nobody who is supply is a bad field (400), and
  // the bookings are listed between two dates the query must give (400 here, past access).
  { method: 'GET', path: '/api/schools/{school}/supply', ok: 200 },
  { method: 'POST', path: '/api/schools/{school}/supply', body: (n) => RESOURCES.supply.body(n), ok: 201 },
  { method: 'GET', path: '/api/schools/{school}/supply/{id}', resource: 'supply', ok: 200 },
  { method: 'PUT', path: '/api/schools/{school}/supply/{id}', resource: 'supply', body: (n) => RESOURCES.supply.body(n), ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/supply-bookings', ok: 400 },
  {
    method: 'POST',
    path: '/api/schools/{school}/supply-bookings',
    body: () => ({ staff: 'nobody', date: '2099-11-24', start: '08:30', end: '15:30' }),
    ok: 400,
  },
  { method: 'DELETE', path: '/api/schools/{school}/supply-bookings/spb_none', ok: 404 },
  // Wet weather: which days are wet, and the switch per day (the matrix school has no alternative
  // post, so a switch makes no re-plan; the day is after the swap week, so never in the past).
  { method: 'GET', path: '/api/schools/{school}/weeks/2026-11-23/wet-days', ok: 200 },
  { method: 'PUT', path: `/api/schools/{school}/wet-days/${AFTER_SWAP_WEEK}`, ok: 200 },
  { method: 'DELETE', path: `/api/schools/{school}/wet-days/${AFTER_SWAP_WEEK}`, ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/reports/fairness', ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/reports/hours', ok: 200 },
  { method: 'GET', path: '/api/schools/{school}/reports/cover-costs', ok: 200 },

  // Calendar feeds a manager issues (the URL is shown once), lists and stops. A feed belongs to
  // a person, so an API token may not hold one; staff get and stop their own from /me.
  { method: 'GET', path: '/api/schools/{school}/feeds', ok: 200 },
  { method: 'DELETE', path: '/api/schools/{school}/feeds/fdt_none', ok: 404 },
  { method: 'POST', path: '/api/schools/{school}/school-feed', ok: 201, roles: { token: 403 } },
  { method: 'DELETE', path: '/api/schools/{school}/school-feed', ok: 204, roles: { token: 403 } },
  { method: 'POST', path: '/api/schools/{school}/duty-posts/{id}/feed', resource: 'dutyPost', ok: 201, roles: { token: 403 } },
  { method: 'DELETE', path: '/api/schools/{school}/duty-posts/{id}/feed', resource: 'dutyPost', ok: 204, roles: { token: 403 } },
  { method: 'POST', path: '/api/schools/{school}/staff/{id}/feed', resource: 'staff', ok: 201, roles: { token: 403 } },
  { method: 'DELETE', path: '/api/schools/{school}/staff/{id}/feed', resource: 'staff', ok: 204 },

  // The business manager's pages (src/manager/manager.routes.ts). Signed-out browsers are sent to the
  // sign-in page (303, checked in test/auth/access.test.ts and the browser test), so `none` is
  // not a cell here. Forms post url-encoded; the JSON bodies the matrix sends are refused as an
  // empty form (400) after access is granted, and deletes name rows that do not exist (404), so
  // no cell depends on whether a client follows the redirect a successful form answers.
  ...[
    '/manage/{school}',
    '/manage/{school}/setup/day',
    '/manage/{school}/setup/terms',
    '/manage/{school}/setup/grades',
    '/manage/{school}/setup/staff',
    '/manage/{school}/setup/posts',
    '/manage/{school}/week/2026-11-23',
    '/manage/{school}/week/2026-11-23/print',
    '/manage/{school}/absences',
    '/manage/{school}/reports',
    '/manage/{school}/reports/fairness.csv',
    '/manage/{school}/reports/hours.csv',
    '/manage/{school}/reports/cover-costs.csv',
    '/manage/{school}/week/2026-11-23/gaps',
    '/manage/{school}/poster',
  ].map((path): Endpoint => ({ method: 'GET', path, ok: 200, skip: ['none'] })),
  ...[
    'setup/day',
    'setup/terms',
    'setup/grades',
    'setup/staff',
    'setup/staff/import',
    'setup/posts',
    'absences',
    'week/2026-11-23/pins',
    'week/2026-11-23/bars',
    'week/2026-11-23/gaps/fix',
    'week/2026-11-23/weather/2026-11-23',
  ].map((form): Endpoint => ({ method: 'POST', path: `/manage/{school}/${form}`, ok: 400, skip: ['none'] })),
  // Generate and publish say which version of the week the manager saw; without it, 428.
  { method: 'POST', path: '/manage/{school}/week/2026-11-23/generate', ok: 428, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/week/2026-11-23/publish', ok: 428, skip: ['none'] },
  ...[
    'setup/day/slt_none',
    'setup/terms/periods/cal_none',
    'setup/terms/closures/cls_none',
    'setup/grades/grd_none',
    'setup/staff/stf_none',
    'setup/posts/dpt_none',
    'absences/abs_none',
    'week/2026-11-23/overrides/ovr_none',
  ].map((row): Endpoint => ({ method: 'POST', path: `/manage/{school}/${row}/delete`, ok: 404, skip: ['none'] })),
  // A row's Delete button asks first: the question (GET at the same address) is guarded like the
  // delete itself; it names a fresh row of the school, so a manager gets the page (200).
  ...(
    [
      ['setup/day', 'slot'],
      ['setup/terms/periods', 'calendarPeriod'],
      ['setup/terms/closures', 'closure'],
      ['setup/grades', 'grade'],
      ['setup/staff', 'staff'],
      ['setup/posts', 'dutyPost'],
      ['absences', 'absence'],
    ] as const
  ).map(([rows, resource]): Endpoint => ({ method: 'GET', path: `/manage/{school}/${rows}/{id}/delete`, resource, ok: 200, skip: ['none'] })),

  // Supply staff from the pages: the JSON body reads as an empty form (400), and an Edit page's
  // save without the version it was opened at saves nothing (400), before it looks for the row, so
  // another school's id is answered the same and tells nothing.
  { method: 'GET', path: '/manage/{school}/supply', ok: 200, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/supply', ok: 400, skip: ['none'] },
  { method: 'GET', path: '/manage/{school}/supply/{id}/edit', resource: 'supply', ok: 200, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/supply/{id}/edit', resource: 'supply', ok: 400, skip: ['none'], wheres: ['own', 'other'] },
  { method: 'POST', path: '/manage/{school}/week/2026-11-23/supply', ok: 400, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/supply/bookings/spb_none/cancel', ok: 404, skip: ['none'] },

  // A person's personal link from the staff page: seen, made and stopped by a signed-in manager,
  // never by a script's token. Forms post url-encoded; the JSON body sent here reads as an
  // empty form, which makes a link (201); the fresh staff member has no link to stop (404).
  { method: 'GET', path: '/manage/{school}/setup/staff/{id}/link', resource: 'staff', ok: 200, roles: { token: 403 }, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/setup/staff/{id}/link', resource: 'staff', ok: 201, roles: { token: 403 }, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/setup/staff/{id}/link/stop', resource: 'staff', ok: 404, roles: { token: 403 }, skip: ['none'] },
  // The sheet of first links for everyone without one: the same people-only rule. It answers the
  // printable page (200) whether or not anyone still needed a link.
  { method: 'POST', path: '/manage/{school}/setup/staff/links/print', ok: 200, roles: { token: 403 }, skip: ['none'] },

  // Who runs the school, from the pages: people only, like personal links. The JSON body reads as
  // an empty form (400); the remove names nobody who manages the school (404).
  { method: 'GET', path: '/manage/{school}/people', ok: 200, roles: { token: 403 }, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/people', ok: 400, roles: { token: 403 }, skip: ['none'] },
  { method: 'POST', path: '/manage/{school}/people/usr_none/remove', ok: 404, roles: { token: 403 }, skip: ['none'] },

  // Swaps staff make on their phones, and the manager's Approve and Decline buttons.
  ...SWAP_ENDPOINTS,

  // Open cover and leave over JSON: the manager's side under the school, staff's under /api/me.
  // After the swaps: their offers are of seats of the swap world's published week.
  ...COVER_ENDPOINTS,

  // The school's own week, exported and imported back: a write that changes nothing.
  { method: 'POST', path: '/api/schools/{school}/import', bodyFromExport: true, ok: 200 },
]

// ---------------------------------------------------------------------------------------------
// Running it.

export interface Cell {
  endpoint: Endpoint
  role: Role
  where: Where
  expected: number
}

export function cells(endpoints: readonly Endpoint[] = ENDPOINTS): Cell[] {
  const out: Cell[] = []
  for (const endpoint of endpoints) {
    const wheres: Where[] =
      endpoint.wheres ??
      (endpoint.staffPage || endpoint.staffApi
        ? endpoint.resource
          ? ['own', 'foreignId']
          : ['own']
        : endpoint.resource
          ? ['own', 'other', 'foreignId']
          : ['own', 'other'])
    for (const role of ROLES) {
      if (endpoint.skip?.includes(role)) continue
      for (const where of wheres) {
        let expected: number
        if (role === 'none') expected = 401
        else if (endpoint.staffPage) expected = role !== 'staff' ? 401 : where === 'own' ? (endpoint.roles?.staff ?? 403) : 404
        else if (endpoint.staffApi) expected = role !== 'staff' ? 403 : where === 'own' ? (endpoint.roles?.staff ?? 200) : 404
        else if (role === 'staff' && endpoint.staffRefusedEverywhere) expected = 403
        else if (where === 'own') expected = endpoint.roles?.[role] ?? (role === 'staff' ? 403 : endpoint.ok)
        else if (where === 'other') expected = endpoint.other ?? 404
        // Refusals by role come before any lookup, so a foreign id changes nothing for them.
        else expected = role === 'staff' ? (endpoint.roles?.staff ?? 403) : endpoint.roles?.[role] === 403 ? 403 : 404
        out.push({ endpoint, role, where, expected })
      }
    }
  }
  return out
}

export function describeCell(c: Cell): string {
  return `${c.endpoint.method} ${c.endpoint.path} as ${c.role} (${c.where})`
}

async function freshRow(client: Client, principals: Principals, school: 'A' | 'B', kind: ResourceKind): Promise<string> {
  const schoolId = school === 'A' ? IDS.schoolA : IDS.schoolB
  const setup = principals.setup[school]
  const make = async (path: string, auth: Record<string, string>, body: unknown) => {
    const res = await check(
      await client.fetch(path, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) }),
      `fresh ${kind}`,
    )
    return ((await res.json()) as { id: string }).id
  }
  if (kind === 'apiToken') return make(`/api/schools/${schoolId}/api-tokens`, setup.cookie, { name: `fresh ${next()}` })
  if (kind === 'manager') {
    const n = next()
    return make(`/api/schools/${schoolId}/managers`, setup.cookie, { email: `fresh${n}@matrix.example`, name: `Fresh Manager ${n}` })
  }
  if (kind === 'school') {
    if (school !== 'A') throw new Error('fresh schools are made in trust A only')
    return make('/api/schools', principals.trustAdminA, { organisationId: IDS.orgA, name: `Fresh ${next()}` })
  }
  if (isSwapKind(kind)) return freshSwap(client, principals, schoolId, school, kind)
  if (isCoverKind(kind)) return freshCover(client, principals, schoolId, school, kind)
  const r: Resource = RESOURCES[kind]
  return make(`/api/schools/${schoolId}/${r.collection}`, setup.token, r.body(next()))
}

/** Sends the cell's request and returns the status it got. */
export async function runCell(client: Client, principals: Principals, cell: Cell): Promise<number> {
  const { endpoint, role, where } = cell
  const school = where === 'other' ? IDS.schoolB : IDS.schoolA
  const org = where === 'other' ? IDS.orgB : IDS.orgA
  let id = ''
  if (endpoint.resource) {
    // A fresh row per cell, so a DELETE in one cell never changes what another cell sees.
    id = await freshRow(client, principals, where === 'own' ? 'A' : 'B', endpoint.resource)
  }
  const fill = (text: string) => text.replaceAll('{school}', school).replaceAll('{org}', org).replaceAll('{id}', id)
  let body = endpoint.body ? fill(JSON.stringify(endpoint.body(next()))) : undefined
  if (endpoint.bodyFromExport) {
    const setup = where === 'other' ? principals.setup.B : principals.setup.A
    body = await (await check(await client.fetch(`/api/schools/${school}/weeks/2026-11-23/scenario`, { headers: setup.token }), 'export')).text()
  }
  if (body && endpoint.form) body = new URLSearchParams(JSON.parse(body) as Record<string, string>).toString()
  const type = endpoint.form ? 'application/x-www-form-urlencoded' : 'application/json'
  const headers: Record<string, string> = { ...principals.headers[role], ...(body ? { 'content-type': type } : {}) }
  // A redirect is the answer (fetch under wrangler dev would otherwise follow it, app.request does not).
  const res = await client.fetch(fill(endpoint.path), { method: endpoint.method, headers, redirect: 'manual', ...(body ? { body } : {}) })
  await res.arrayBuffer()
  return res.status
}
