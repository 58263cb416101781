// "How you hear about changes" on the phone page: a person turns e-mail on or off and sets
// quiet hours; a bad time is named and kept, and a form from an older page is not applied.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { loadPrefs } from '../../src/notifications/prefs.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { makeSchool, openPersonalLink, type School } from '../support/calendar.js'

const ORIGIN = 'http://localhost'
let school: School
let app: ReturnType<typeof createApp>
let amira: string

beforeEach(async () => {
  school = await makeSchool('2026-11-24T07:45:00Z')
  await school.store.db.updateTable('staff').set({ email: 'amira@elm.example' }).where('id', '=', school.staff.amira).execute()
  app = createApp({ store: school.store, clock: school.clock, mailer: new MemoryMailer() })
  const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
  amira = await openPersonalLink((p, i) => app.request(p, i), school, manager, school.staff.amira)
})
afterEach(() => school.close())

const post = (fields: Record<string, string>) =>
  app.request('/me/notifications', {
    method: 'POST',
    headers: { cookie: amira, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  })

describe('how a person hears about changes', () => {
  it('says where messages go, with e-mail on until they turn it off', async () => {
    const html = await (await app.request('/me', { headers: { cookie: amira } })).text()
    expect(html).toContain('at amira@elm.example')
    expect(html).toMatch(/<input type="checkbox" name="email" value="yes" checked=""\/>/)
  })

  it('saves e-mail off and quiet hours', async () => {
    // The page carries the phone choice as a hidden field where this service cannot push.
    const res = await post({ version: '0', push: 'yes', quietStart: '21:00', quietEnd: '07:00' })
    expect([res.status, res.headers.get('location')]).toEqual([303, '/me?notify=saved#notify'])
    expect(await loadPrefs(school.store, school.staff.amira)).toEqual({ email: false, push: true, quietStart: '21:00', quietEnd: '07:00', version: 1 })
  })

  it('names a time that is not one next to its field and keeps what was typed', async () => {
    const res = await post({ version: '0', email: 'yes', quietStart: '9pm', quietEnd: '07:00' })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<p id="quiet-start-error" class="field-error">must be a time like 21:00</p>')
    expect(html).toContain('value="9pm"')
    expect((await loadPrefs(school.store, school.staff.amira)).version).toBe(0)
  })

  it('does not apply a form from a page read before the settings changed on another phone', async () => {
    await post({ version: '0', email: 'yes', quietStart: '', quietEnd: '' })
    const stale = await post({ version: '0', quietStart: '', quietEnd: '' })
    expect(stale.status).toBe(412)
    expect(await stale.text()).toContain('changed on another phone')
    expect((await loadPrefs(school.store, school.staff.amira)).email).toBe(true)
  })
})
