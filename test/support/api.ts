// The kit's fresh database and app (kit.ts) with a signed-in tester, and a small client that
// speaks JSON to app.request(): for tests that drive the API as a client would.
import type { SqliteStore } from '../../db/sqlite.js'
import type { App } from '../../src/app.js'
import type { AppDeps } from '../../src/platform/deps.js'
import { MemoryMailer, type Mailer } from '../../src/platform/mailer.js'
import { freshStore, KIT_NOW, testApp } from './kit.js'
import { seedUser, signInWith } from './seed.js'

export const NOW = KIT_NOW

export interface TestApi {
  app: App
  store: SqliteStore
  mailer: MemoryMailer
  /** Cookie and Origin of the signed-in tester, sent with every request unless overridden */
  auth: Record<string, string>
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  /** Sends a request and parses the JSON reply (or null for an empty one). */
  json<T = any>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: T; headers: Headers }>
  close(): Promise<void>
}

export const ORIGIN = 'http://localhost'
export const TESTER = { id: 'usr_tester', email: 'tester@example.test', name: 'Tess Tester' }

/**
 * A fresh database and app, with a signed-in person (no role yet: the organisations they create
 * make them its trust admin, so every school they then create is theirs). `sendMail`: the app's mailer instead of the in-memory one (a real SMTP server's, say); `mailer`
 * then stays empty. `more`: deps beyond the kit's, made from the store (a solve runner, a job dispatcher).
 */
export async function freshApi(options: { sendMail?: Mailer; more?: (store: SqliteStore) => Partial<AppDeps> } = {}): Promise<TestApi> {
  const store = freshStore()
  const mailer = new MemoryMailer()
  const app = testApp({ store, mailer: options.sendMail ?? mailer, ...(options.more?.(store) ?? {}) })
  const tester = await seedUser(TESTER.id, TESTER.email, TESTER.name)
  await store.atomic(tester.statements)
  const cookie = await signInWith(async (path, init) => await app.request(path, init), ORIGIN, tester.link)
  const auth = { cookie, origin: ORIGIN }
  const request = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    await app.request(path, {
      method,
      headers: body === undefined ? { ...auth, ...headers } : { 'content-type': 'application/json', ...auth, ...headers },
      body: body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body),
    })
  return {
    app,
    store,
    mailer,
    auth,
    request,
    async json(method, path, body, headers) {
      const res = await request(method, path, body, headers)
      const text = await res.text()
      return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers }
    },
    close: () => store.close(),
  }
}

/** An organisation and a school to hang resources off. */
export async function withSchool(api: TestApi): Promise<{ organisationId: string; schoolId: string; base: string }> {
  const org = await api.json('POST', '/api/organisations', { name: 'Elm Tree Trust' })
  const school = await api.json('POST', '/api/schools', { organisationId: org.body.id, name: 'Elm Tree Primary' })
  return { organisationId: org.body.id, schoolId: school.body.id, base: `/api/schools/${school.body.id}` }
}

/** The pieces most resources refer to: a lesson, a break and a lunch slot, and a grade. */
export async function withBasics(api: TestApi, base: string) {
  const p1 = await api.json('POST', `${base}/slots`, { code: 'p1', kind: 'lesson', start: '08:50', end: '09:50' })
  const brk = await api.json('POST', `${base}/slots`, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  const lunch = await api.json('POST', `${base}/slots`, { code: 'lunch1', kind: 'lunch', start: '12:10', end: '12:40' })
  const grade = await api.json('POST', `${base}/grades`, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'oncall', 'cover', 'event'] })
  return { p1: p1.body, brk: brk.body, lunch: lunch.body, grade: grade.body }
}

export const WEEKDAY_PATTERN = {
  mon: { start: '08:00', end: '15:50' },
  tue: { start: '08:00', end: '15:50' },
  wed: { start: '08:00', end: '15:50' },
  thu: { start: '08:00', end: '15:50' },
  fri: { start: '08:00', end: '15:50' },
}

export const pathsOf = (body: { errors?: { path: string }[] }) => (body.errors ?? []).map((e) => e.path).sort()
