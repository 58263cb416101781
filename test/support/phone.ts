// The staff phone page as a test drives it: the calendar kit's school (calendar.ts), the real
// app over it, and a signed-in phone for each person asked for, opened through their personal link.
import { createApp } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import type { AppDeps } from '../../src/platform/deps.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { makeSchool, openPersonalLink, type School } from './calendar.js'

export const PHONE_ORIGIN = 'http://localhost'

export interface Phones {
  school: School
  app: ReturnType<typeof createApp>
  /** each person's session cookie */
  cookie: Record<keyof School['staff'], string>
  /** a same-origin form post from that phone */
  post(cookie: string, path: string, fields?: Record<string, string>): Promise<Response>
  /** the /me page as that phone sees it */
  page(cookie: string, query?: string): Promise<string>
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
    cookie,
    post: async (c, path, fields = {}) =>
      app.request(path, {
        method: 'POST',
        headers: { cookie: c, origin: PHONE_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      }),
    page: async (c, query = '') => (await app.request(`/me${query}`, { headers: { cookie: c } })).text(),
  }
}
