// The app the browser test opens: the real app (createApp, sign-in and security headers
// included) over a fresh SQLite file, with a published week that has duties today, and the
// personal link a manager issued to Amira. The clock is fixed so "today" is a school day.
import { createSession } from '../../src/auth/sessions.js'
import { makeSchool, publish } from './calendar.js'
import { testApp } from './kit.js'

export interface MeServer {
  fetch: (request: Request) => Response | Promise<Response>
  /** what a manager hands over: opening it leads to /me */
  personalLinkPath: string
  /** Ben's personal link, for a colleague's side of a swap */
  colleagueLinkPath: string
  /** the school's manager, for the office's side: their session token and the school's pages */
  manager: { session: string; pages: string }
  close(): Promise<void>
}

/** Tuesday 24 November 2026, 07:45 in London. */
export const NOW = '2026-11-24T07:45:00Z'

export async function startMeServer(): Promise<MeServer> {
  const school = await makeSchool(NOW)
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_cara', 'yard', '2026-11-26', 'break'],
  ])
  // A re-plan, so the page has changes to highlight.
  school.clock.advanceSeconds(600)
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_cara', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_ben', 'yard', '2026-11-26', 'break'],
  ])
  const app = testApp({ store: school.store, clock: school.clock })
  const manager = await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })
  const linkOf = async (staffId: string) => {
    const issued = await app.request(`/api/schools/${school.schoolId}/staff/${staffId}/link`, {
      method: 'POST',
      headers: { cookie: `__Host-session=${manager.token}`, origin: 'http://localhost' },
    })
    if (issued.status !== 201) throw new Error(`the manager could not issue a personal link: ${issued.status}`)
    return new URL(((await issued.json()) as { url: string }).url).pathname
  }
  return {
    fetch: app.fetch,
    personalLinkPath: await linkOf(school.staff.amira),
    colleagueLinkPath: await linkOf(school.staff.ben),
    manager: { session: manager.token, pages: `/manage/${school.schoolId}` },
    close: () => school.close(),
  }
}
