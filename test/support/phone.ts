// The staff phone page as a test drives it: the calendar kit's school (calendar.ts), the real
// app over it, and a signed-in phone for each person asked for, opened through their personal link.
import { createApp } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import type { AppDeps } from '../../src/platform/deps.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { makeSchool, openPersonalLink, type School } from './calendar.js'
import { insertOrganisation, insertSchool, SETUP_AT } from './kit.js'

export const PHONE_ORIGIN = 'http://localhost'

export interface Phones {
  school: School
  app: ReturnType<typeof createApp>
  /** the school's manager's session cookie */
  manager: string
  /** each person's session cookie */
  cookie: Record<keyof School['staff'], string>
  /** a same-origin form post from that phone */
  post(cookie: string, path: string, fields?: Record<string, string>): Promise<Response>
  /** the /me page as that phone sees it */
  page(cookie: string, query?: string): Promise<string>
  /** a same-origin JSON request with that session (a phone's app or the manager's script), its answer parsed */
  json<T = any>(
    cookie: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: T; headers: Headers }>
}

export async function phones(now: string, extra: Partial<AppDeps> = {}): Promise<Phones> {
  const school = await makeSchool(now)
  const app = createApp({ store: school.store, clock: school.clock, mailer: new MemoryMailer(), ...extra })
  const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  const open = (staffId: string) => openPersonalLink((p, i) => app.request(p, i), school, manager, staffId)
  const cookie = { amira: await open(school.staff.amira), ben: await open(school.staff.ben), cara: await open(school.staff.cara) }
  return {
    school,
    app,
    manager,
    cookie,
    post: async (c, path, fields = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie: c, origin: PHONE_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    page: async (c, query = '') => (await app.request(`/me${query}`, { headers: { cookie: c } })).text(),
    json: async (c, method, path, body, headers = {}) => {
      const res = await app.request(path, {
        method,
        headers: { cookie: c, origin: PHONE_ORIGIN, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
    },
  }
}

/** A manager of another trust's school, signed in: everything of this school is unknown to them. */
export async function otherSchoolManager(school: School): Promise<string> {
  await insertOrganisation(school.store, 'org_other', 'Oak Trust')
  await insertSchool(school.store, { id: 'sch_other', organisationId: 'org_other', name: 'Oak Primary' })
  const { db } = school.store
  await db.insertInto('users').values({ id: 'usr_other', email: 'manager@oak.example', name: 'Olive Other', created_at: SETUP_AT }).execute()
  await db.insertInto('memberships').values({ id: 'mem_other', user_id: 'usr_other', role: 'manager', school_id: 'sch_other', created_at: SETUP_AT }).execute()
  return `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_other' })).token}`
}
