// The kit's fresh database (kit.ts) with two schools of one trust and a third school
// elsewhere, people in every role, and an app with sign-in mounted in front of a probe route
// per school: for tests of sign-in and access alone, without the features behind them.
import { Hono } from 'hono'
import type { AuthEnv } from '../../src/auth/authorise.js'
import type { AuthDeps } from '../../src/platform/deps.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { mountAuth, type MountOptions } from '../../src/auth/mount.js'
import { createSession } from '../../src/auth/sessions.js'
import { ensureUser, grant } from '../../src/auth/users.js'
import { toProblem } from '../../src/platform/http/errors.js'
import { problemResponse } from '../../src/platform/http/problem.js'
import { freshStore, handClock, insertOrganisation, insertSchool, testDeps, type TestClock, type TestStore } from './kit.js'

export const ORIGIN = 'http://localhost'

export interface World {
  store: TestStore
  clock: TestClock
  mailer: MemoryMailer
  deps: AuthDeps
  orgA: string
  orgB: string
  schoolA1: string
  schoolA2: string
  schoolB: string
  staffA1: string
  staffA2: string
  users: { trustAdminA: string; managerA1: string; managerB: string }
  close(): Promise<void>
}

async function seedSchool(store: TestStore, orgId: string, id: string, name: string): Promise<string> {
  await insertSchool(store, { id, organisationId: orgId, name })
  await store.db
    .insertInto('grades')
    .values({ id: `grd_${id}`, school_id: id, code: 'TA', name: 'Teaching assistant', duty_kinds: '["break"]' })
    .execute()
  const staffId = `stf_${id}`
  await store.db
    .insertInto('staff')
    .values({ id: staffId, school_id: id, code: 'S1', name: `Sam of ${name}`, grade_id: `grd_${id}`, hours_per_week: 32.5, pattern: '{}' })
    .execute()
  return staffId
}

export async function makeWorld(overrides: Partial<AuthDeps> = {}): Promise<World> {
  const store = freshStore()
  const clock = handClock()
  const mailer = new MemoryMailer()
  const deps: AuthDeps = { ...testDeps(store, clock), mailer, addressOf: (c) => c.req.header('x-test-address') ?? '192.0.2.1', ...overrides }
  await insertOrganisation(store, 'org_a', 'Trust A')
  await insertOrganisation(store, 'org_b', 'Trust B')
  const staffA1 = await seedSchool(store, 'org_a', 'sch_a1', 'A1 Primary')
  const staffA2 = await seedSchool(store, 'org_a', 'sch_a2', 'A2 Secondary')
  await seedSchool(store, 'org_b', 'sch_b', 'B Academy')
  const trustAdminA = (await ensureUser(deps, 'admin@trust-a.example', 'Ada Admin')).id
  const managerA1 = (await ensureUser(deps, 'manager@a1.example', 'Max Manager')).id
  const managerB = (await ensureUser(deps, 'manager@b.example', 'Bea Manager')).id
  await grant({ ...deps, actor: 'test' }, trustAdminA, { role: 'trust_admin', organisationId: 'org_a' })
  await grant({ ...deps, actor: 'test' }, managerA1, { role: 'manager', schoolId: 'sch_a1' })
  await grant({ ...deps, actor: 'test' }, managerB, { role: 'manager', schoolId: 'sch_b' })
  return {
    store,
    clock,
    mailer,
    deps,
    orgA: 'org_a',
    orgB: 'org_b',
    schoolA1: 'sch_a1',
    schoolA2: 'sch_a2',
    schoolB: 'sch_b',
    staffA1,
    staffA2,
    users: { trustAdminA, managerA1, managerB },
    close: () => store.close(),
  }
}

/** The app under test: sign-in mounted as the real app mounts it, and a probe per school. */
export function makeApp(world: World, options: MountOptions = {}) {
  const app = new Hono<AuthEnv>()
  app.use('*', async (c, next) => {
    c.set('deps', world.deps)
    c.set('actor', 'anonymous')
    await next()
  })
  mountAuth(app, world.deps, options)
  app.get('/api/schools/:schoolId', (c) => c.json({ id: c.req.param('schoolId'), role: c.var.access?.role }))
  app.get('/api/schools/:schoolId/probe', (c) => c.json({ role: c.var.access?.role }))
  app.post('/api/schools/:schoolId/probe', (c) => c.json({ role: c.var.access?.role, actor: c.var.actor }, 201))
  app.onError((err) => problemResponse(toProblem(err)))
  return app
}

/** A cookie header for a fresh user session. */
export async function userCookie(world: World, userId: string): Promise<string> {
  const s = await createSession(world.deps, { kind: 'user', userId })
  return `__Host-session=${s.token}`
}

/** The Set-Cookie value of the session cookie in a response, as a Cookie header. */
export function sessionCookieFrom(res: Response): string | undefined {
  const m = /__Host-session=([^;,]*)/.exec(res.headers.get('set-cookie') ?? '')
  return m ? `__Host-session=${m[1]}` : undefined
}
