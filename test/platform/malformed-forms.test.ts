// A body that says it is a form but is not one is the sender's mistake: every form endpoint,
// signed in or not, answers 400 problem+json that says so, never a 500.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { makeSchool, openPersonalLink, type School } from '../support/calendar.js'

const ORIGIN = 'http://localhost'
const BROKEN: readonly (readonly [string, string])[] = [
  ['multipart/form-data; boundary=xx', '--xx\r\nbroken'],
  ['multipart/form-data', 'no boundary at all'],
]

let school: School
let app: ReturnType<typeof createApp>
let manager: string
let staff: string

beforeEach(async () => {
  school = await makeSchool('2026-11-24T07:45:00Z')
  app = createApp({ store: school.store, clock: school.clock, mailer: new MemoryMailer() })
  manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  staff = await openPersonalLink((path, init) => app.request(path, init), school, manager, school.staff.amira)
})
afterEach(() => school.close())

const endpoints = (): readonly (readonly [string, string | undefined])[] => [
  ['/auth/links', undefined],
  ['/auth/callback', undefined],
  [`/manage/${school.schoolId}/setup/grades`, manager],
  [`/manage/${school.schoolId}/setup/staff/import`, manager],
  ['/me/swaps', staff],
]

describe('a malformed form body', () => {
  for (const [type, body] of BROKEN) {
    it(`answers 400 problem+json on every form endpoint (${type.split(';')[0]}${type.includes('boundary') ? ' with a boundary' : ' without one'})`, async () => {
      for (const [path, cookie] of endpoints()) {
        const res = await app.request(path, { method: 'POST', headers: { 'content-type': type, origin: ORIGIN, ...(cookie ? { cookie } : {}) }, body })
        expect({ path, status: res.status, type: res.headers.get('content-type') }).toEqual({ path, status: 400, type: 'application/problem+json' })
        expect(((await res.json()) as { type: string }).type).toMatch(/malformed-form$/)
      }
    })
  }
})
