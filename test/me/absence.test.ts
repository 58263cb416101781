// Reporting an absence on the phone: the form records it for the person signed in and no one
// else, whoever takes over their duty reads their note on it, the reason reaches no colleague's
// page and no feed, and a manager's rejection shows on the reporter's page.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createSession } from '../../src/auth/sessions.js'
import { issueFeedToken } from '../../src/calendar/feed-tokens.js'
import { listMyReports } from '../../src/leave/absence-reports.js'
import { publishWeek } from '../../src/week/publish.js'
import { publish } from '../support/calendar.js'
import { phones, PHONE_ORIGIN, type Phones } from '../support/phone.js'

/** Monday 23 November 2026, 07:45 in London. */
const NOW = '2026-11-23T07:45:00Z'
const WEEK = '2026-11-23'
const TOMORROW = '2026-11-24'
const NOTE = 'Year 4 reading group: books in the blue tray'

let p: Phones
let school: Phones['school']

beforeEach(async () => {
  p = await phones(NOW)
  school = p.school
  await publish(school, WEEK, [
    ['stf_amira', 'gate', TOMORROW, 'gate'],
    ['stf_ben', 'yard', TOMORROW, 'break'],
    ['stf_cara', 'yard', TOMORROW, 'break'],
  ])
})
afterEach(() => school.close())

const reportTomorrow = (cookie: string, extra: Record<string, string> = {}) =>
  p.post(cookie, '/me/absence', { when: 'tomorrow', reason: 'compassionate', coverNote: NOTE, ...extra })

const counts = () => ({
  absences: school.store.sqlite.prepare('SELECT count(*) AS n FROM absences').get(),
  reports: school.store.sqlite.prepare('SELECT count(*) AS n FROM absence_reports').get(),
  outbox: school.store.sqlite.prepare('SELECT count(*) AS n FROM outbox').get(),
})

/** The manager publishes the re-plan the report drafted; returns who took Amira's gate. */
async function publishReplan(): Promise<string> {
  const draft = school.store.sqlite.prepare("SELECT version FROM rotas WHERE status = 'draft' AND week = ?").get(WEEK) as { version: number }
  await publishWeek(school.ctx, school.schoolId, WEEK, `"${draft.version}"`)
  const gate = school.store.sqlite
    .prepare("SELECT staff_id FROM calendar_entries WHERE work_code = 'gate' AND date = ? AND removed_at IS NULL")
    .get(TOMORROW) as { staff_id: string }
  expect(gate.staff_id).not.toBe(school.staff.amira)
  return gate.staff_id
}

/** The form's list of reasons, which every page offers to choose from. */
const REASON_CHOICE = /<select id="absence-reason"[\s\S]*?<\/select>/

describe('reporting an absence on the phone', () => {
  it('records tomorrow for the person signed in, and their page says it is reported', async () => {
    const res = await reportTomorrow(p.cookie.amira)
    expect([res.status, res.headers.get('location')]).toEqual([303, '/me?absence=reported#absence'])
    expect(await listMyReports(school.store, school.schoolId, school.staff.amira, WEEK)).toMatchObject([
      { startDate: TOMORROW, endDate: TOMORROW, coverNote: NOTE, status: 'reported' },
    ])
    const html = await p.page(p.cookie.amira, '?absence=reported')
    expect(html).toContain('Reported: your managers are told')
    expect(html).toContain('Absent Tue 24 Nov: reported: your managers can see it')
  })

  it('refuses a form that names someone else, and records nothing', async () => {
    const before = counts()
    const res = await reportTomorrow(p.cookie.amira, { staff: school.staff.ben })
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('You can report only your own absence: nothing was recorded.')
    expect(counts()).toEqual(before)
  })

  it('names a bad field beside it and keeps what was typed', async () => {
    const res = await p.post(p.cookie.amira, '/me/absence', { when: 'dates', startDate: '2026-11-20', coverNote: NOTE })
    expect(res.status).toBe(400)
    const html = await res.text()
    expect(html).toContain('<span id="absence-start-error" class="field-error">must be today (Mon 23 Nov) or later</span>')
    expect(html).toContain(`${NOTE}</textarea>`)
  })

  it('shows the note to whoever took over the duty, and to no one else', async () => {
    await reportTomorrow(p.cookie.amira)
    const coverer = await publishReplan()
    const other = coverer === school.staff.ben ? p.cookie.cara : p.cookie.ben
    expect(await p.page(coverer === school.staff.ben ? p.cookie.ben : p.cookie.cara)).toContain(`Covering for Amira Patel, who left a note: ${NOTE}`)
    expect(await p.page(other)).not.toContain(NOTE)
  })

  it('shows the note to whoever covers a commitment the absence made cover for', async () => {
    await school.store.db
      .insertInto('commitments')
      .values({ id: 'cmt_reading', staff_id: school.staff.amira, day: 'tue', start_time: '09:00', end_time: '10:00', label: 'Reading group', needs_cover: 1 })
      .execute()
    await reportTomorrow(p.cookie.amira)
    await publishReplan()
    const reading = school.store.sqlite
      .prepare(
        'SELECT e.staff_id FROM calendar_entries e JOIN cover_requests c ON c.code = e.work_code WHERE c.made_by_absence IS NOT NULL AND e.removed_at IS NULL',
      )
      .get() as { staff_id: string }
    const cookie = reading.staff_id === school.staff.ben ? p.cookie.ben : p.cookie.cara
    expect(await p.page(cookie)).toContain(`Covering for Amira Patel, who left a note: ${NOTE}`)
  })

  it('never shows the reason on a colleague’s page or in a feed', async () => {
    await reportTomorrow(p.cookie.amira)
    await publishReplan()
    for (const cookie of [p.cookie.ben, p.cookie.cara]) {
      const html = await p.page(cookie)
      expect(REASON_CHOICE.exec(html)?.[0]).not.toContain('selected')
      expect(html.replace(REASON_CHOICE, '')).not.toMatch(/compassionate/i)
    }
    for (const staffId of [school.staff.amira, school.staff.ben]) {
      const { token } = await issueFeedToken(school.ctx, { scope: 'person', schoolId: school.schoolId, staffId })
      const feed = await (await p.app.request(`/feeds/${token}.ics`)).text()
      expect(feed).toContain('BEGIN:VCALENDAR')
      expect(feed).not.toMatch(/compassionate/i)
    }
  })

  it('shows the reporter that a manager rejected it', async () => {
    await reportTomorrow(p.cookie.amira)
    const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
    const absences = await p.app.request(`/manage/${school.schoolId}/absences`, { headers: { cookie: manager } })
    const page = await absences.text()
    expect(page).toContain('Reported by staff')
    expect(page).toContain(`Note for whoever covers: ${NOTE}`)
    const [report] = await listMyReports(school.store, school.schoolId, school.staff.amira, WEEK)
    const rejected = await p.app.request(`/manage/${school.schoolId}/absences/${report?.absenceId}/reject`, {
      method: 'POST',
      headers: { cookie: manager, origin: PHONE_ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: '',
    })
    // Answered at once with the re-plan of the week planned around it, as recording one is.
    expect(rejected.status).toBe(200)
    expect(await rejected.text()).toContain('The duties this gives back')
    expect(await p.page(p.cookie.amira)).toContain('Absent Tue 24 Nov: rejected by a manager')
    expect(school.store.sqlite.prepare('SELECT count(*) AS n FROM absences').get()).toEqual({ n: 0 })
  })
})
