// At the weekend /me plans the coming week, but a duty on the weekend itself (an event, a
// residential duty) can still be offered; the offer must then show to both people.
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { makeSchool, openPersonalLink, publish, type School } from '../support/calendar.js'
import { testApp } from '../support/kit.js'

const ORIGIN = 'http://localhost'
let school: School
let app: App
let amira: string
let ben: string

beforeEach(async () => {
  school = await makeSchool('2026-11-28T07:45:00Z') // Saturday morning
  app = testApp({ store: school.store, clock: school.clock })
  const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  await publish(school, '2026-11-23', [
    ['stf_amira', 'yard', '2026-11-28', 'break'],
    ['stf_ben', 'gate', '2026-11-29', 'gate'],
  ])
  const open = (staffId: string) => openPersonalLink((path, init) => app.request(path, init), school, manager, staffId)
  ;[amira, ben] = [await open(school.staff.amira), await open(school.staff.ben)]
})
afterEach(() => school.close())

const mePage = async (cookie: string) => (await app.request('/me', { headers: { cookie } })).text()

it('an offer of a Saturday duty made on Saturday shows to the colleague, who can answer it, and to the one who made it', async () => {
  const offered = await app.request('/me/swaps', {
    method: 'POST',
    headers: { cookie: amira, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ give: 'yard|2026-11-28|break', to: school.staff.ben }).toString(),
  })
  expect(offered.status).toBe(303)
  const bens = await mePage(ben)
  expect(bens).toContain('offers you a swap')
  expect(bens).toMatch(/>Accept</)
  expect(await mePage(amira)).toMatch(/>Withdraw/)
})
