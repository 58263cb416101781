// Marking times one cannot do, and choosing duties one prefers, on the phone: plain forms, a bad
// field named beside it with what was typed kept and nothing written, and the page (served from
// its stored copy) showing the manager's answer on the very next request.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { decideUnavailability, listUnavailability } from '../../src/leave/unavailability.js'
import { phones, type Phones } from '../support/phone.js'

let p: Phones
let school: Phones['school']
let amira: string

beforeEach(async () => {
  p = await phones('2026-11-24T07:45:00Z') // Tuesday, before school
  school = p.school
  ;({ amira } = p.cookie)
})
afterEach(() => school.close())

const marks = () => listUnavailability(school.store, school.schoolId, { staffId: school.staff.amira })
const count = (table: string) => (school.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n

describe('"not Tuesday break: I run a club", on the phone', () => {
  it('is asked for with a day and a part of the day, and shows waiting for a manager', async () => {
    const res = await p.post(amira, '/me/unavailability', { repeat: 'weekly', day: 'tue', slot: 'break', start: '', end: '', note: 'I run the chess club' })
    expect([res.status, res.headers.get('location')]).toEqual([303, '/me?availability=asked#availability'])
    expect(await marks()).toMatchObject([{ repeat: 'weekly', day: 'tue', start: '10:50', end: '11:10', note: 'I run the chess club', status: 'requested' }])
    const html = await p.page(amira, '?availability=asked')
    expect(html).toContain('Asked: your manager sees it and answers it here.')
    expect(html).toContain('Every Tuesday, 10:50-11:10: waiting for a manager')
  })

  it('shows the approval on the plain page at once, though that page is a stored copy', async () => {
    await p.post(amira, '/me/unavailability', { repeat: 'weekly', day: 'tue', slot: 'break' })
    expect(await p.page(amira)).toContain('Every Tuesday, 10:50-11:10: waiting for a manager')
    const [mark] = await marks()
    await decideUnavailability(school.ctx, school.schoolId, mark?.id ?? '', 'approve')
    expect(await p.page(amira)).toContain('Every Tuesday, 10:50-11:10: approved: the rota keeps you free')
  })

  it('a one-off date, whole day, can be withdrawn while it waits, by its owner only', async () => {
    await p.post(amira, '/me/unavailability', { repeat: 'once', date: '2026-12-02', start: '', end: '' })
    const [mark] = await marks()
    expect(mark).toMatchObject({ repeat: 'once', date: '2026-12-02', start: null, end: null })
    expect((await p.post(p.cookie.ben, `/me/unavailability/${mark?.id}/withdraw`)).status).toBe(404)
    expect((await p.post(amira, `/me/unavailability/${mark?.id}/withdraw`)).headers.get('location')).toBe('/me?availability=withdrawn#availability')
    expect((await marks()).map((m) => m.status)).toEqual(['withdrawn'])
  })
})

describe('the stored /me page and what the availability panels read', () => {
  const triggers = (table: string) =>
    (
      school.store.sqlite.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND sql LIKE '%view_epochs%'").all(table) as {
        sql: string
      }[]
    )
      .map((t) => /AFTER (INSERT|UPDATE|DELETE)/.exec(t.sql)?.[1])
      .sort()

  it('each table they read moves the school epoch on every insert, update and delete', () => {
    for (const table of ['staff_unavailability', 'slots', 'duty_posts', 'staff']) expect(triggers(table), table).toEqual(['DELETE', 'INSERT', 'UPDATE'])
  })

  it('a part of the day moved by a manager shows its new times on the next plain page', async () => {
    expect(await p.page(amira)).toContain('break, 10:50-11:10')
    school.store.sqlite.prepare("UPDATE slots SET start_time = '10:45' WHERE code = 'break'").run()
    expect(await p.page(amira)).toContain('break, 10:45-11:10')
  })
})

describe('a mark with a bad field, on the phone', () => {
  const refused = async (fields: Record<string, string>, field: string, message: string) => {
    const before = count('staff_unavailability')
    const res = await p.post(amira, '/me/unavailability', fields)
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toMatch(new RegExp(`<span id="una-[a-z-]*${field}-error" class="field-error">${message}`))
    expect(count('staff_unavailability')).toBe(before)
    return html
  }

  it('names an unknown part of the day, and keeps the note typed', async () => {
    const html = await refused({ repeat: 'weekly', day: 'tue', slot: 'assembly', note: 'Choir' }, 'slot', 'no part of the day &quot;assembly&quot;')
    expect(html).toContain('Choir</textarea>')
  })

  it('names an end before the start', async () => {
    await refused({ repeat: 'once', date: '2026-12-02', start: '14:00', end: '13:00' }, 'end', 'must be after the start')
  })

  it("refuses another person's id, naming it", async () => {
    const res = await p.post(amira, '/me/unavailability', { repeat: 'weekly', day: 'tue', slot: 'break', staff: school.staff.ben })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<p role="alert" class="alert">Not saved: you can mark only your own times.</p>')
    expect(count('staff_unavailability')).toBe(0)
  })
})

describe('duties one prefers, on the phone', () => {
  const version = () => (school.store.sqlite.prepare('SELECT version FROM staff WHERE id = ?').get(school.staff.amira) as { version: number }).version
  const prefsOf = () => school.store.sqlite.prepare('SELECT avoid, prefer FROM staff WHERE id = ?').get(school.staff.amira)

  it('are saved as the person ticks them, and shown ticked', async () => {
    const res = await p.app.request('/me/preferences', {
      method: 'POST',
      headers: { cookie: amira, origin: 'http://localhost', 'content-type': 'application/x-www-form-urlencoded' },
      body: `prefer=yard&avoid=gate&version=${version()}`,
    })
    expect(res.headers.get('location')).toBe('/me?availability=saved#preferences')
    expect(prefsOf()).toEqual({ avoid: '["gate"]', prefer: '["yard"]' })
    expect(await p.page(amira)).toMatch(/<input type="checkbox" id="pref-prefer-yard" name="prefer" value="yard" checked=""/)
  })

  it('naming a post the school does not have is refused beside the boxes, and nothing is written', async () => {
    const before = prefsOf()
    const res = await p.post(amira, '/me/preferences', { prefer: 'bus', version: String(version()) })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('<span id="pref-prefer-error" class="field-error">no duty post with id or code &quot;bus&quot; in this school</span>')
    expect(prefsOf()).toEqual(before)
  })

  it('a form read before a manager changed the person is refused with 412, and nothing is written', async () => {
    const before = prefsOf()
    const res = await p.post(amira, '/me/preferences', { prefer: 'yard', version: String(version() - 1) })
    expect(res.status).toBe(412)
    expect(prefsOf()).toEqual(before)
  })
})
