// An absence a member of staff reports themselves: it stands at once, the published week is
// re-planned around it as when a manager records one, managers are told once without the
// reason, a bad report is refused field by field with nothing written, and a manager's
// rejection takes the absence away again and re-plans the weeks planned around it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listMyReports, rejectReport, reportAbsence } from '../../src/leave/absence-reports.js'
import { getAbsence } from '../../src/week/absences.js'
import { deliverDue } from '../../src/notifications/outbox.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { loadWeekRotas } from '../../src/week/rotas.js'
import { recordAbsence } from '../../src/week/replan.js'
import { addOfficeManager, contextFor, example, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

/** Monday of the published week, 07:30 in London: Nia rings in before school. */
const MONDAY_MORNING = '2026-11-23T07:30:00Z'
const TOMORROW = '2026-11-24'

let w: World
let nia: string
let asNia: ReturnType<typeof contextFor>

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  nia = staffIdOf(w.store, 's001')
  await addOfficeManager(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  asNia = contextFor(w.store, `staff:${nia}`, MONDAY_MORNING)
})
afterEach(() => w.close())

const tomorrow = { startDate: TOMORROW, endDate: TOMORROW, startTime: null, endTime: null, reason: 'compassionate', coverNote: null }

/** Everything a report writes, counted. */
const written = () => ({
  absences: rows(w.store, 'SELECT id FROM absences').length,
  reports: rows(w.store, 'SELECT id FROM absence_reports').length,
  drafts: rows(w.store, "SELECT id FROM rotas WHERE status = 'draft'").length,
  messages: rows(w.store, 'SELECT id FROM outbox').length,
})

describe('reporting my own absence', () => {
  it('records tomorrow as an absence and drafts the re-plan of the published week without me that day', async () => {
    const before = written()
    const { report, replans } = await reportAbsence(asNia, SCHOOL, nia, { ...tomorrow, coverNote: 'Year 4 reading group: books in the blue tray' })
    expect(await getAbsence(w.store, SCHOOL, report.absenceId ?? '')).toMatchObject({
      staffId: nia,
      startDate: TOMORROW,
      endDate: TOMORROW,
      startTime: null,
      reason: 'compassionate',
    })
    expect(report).toMatchObject({ status: 'reported', coverNote: 'Year 4 reading group: books in the blue tray' })
    expect(replans.map((d) => d.rota.week)).toEqual([WEEK])
    expect(replans[0]?.rota.assignments.filter((a) => a.staff === 's001' && a.date === TOMORROW)).toEqual([])
    expect(written().drafts).toBe(before.drafts + 1)
  })

  it('tells each manager once, naming me and the day, and never the reason', async () => {
    await reportAbsence(asNia, SCHOOL, nia, tomorrow)
    const messages = rows<{ user_id: string; subject: string; body: string }>(w.store, 'SELECT user_id, subject, body FROM outbox WHERE user_id IS NOT NULL')
    expect(messages.map((m) => m.user_id)).toEqual(['usr_office'])
    const [message] = messages
    expect(message?.subject).toMatch(/^Absence reported: .+, Tue 24 Nov/)
    expect(message?.body).toContain('Week of Monday 23 November: re-planned as a draft')
    expect(`${message?.subject} ${message?.body}`).not.toMatch(/compassionate/i)
  })

  it("links the manager straight to the re-planned week's page, on the service's own address", async () => {
    await reportAbsence(asNia, SCHOOL, nia, tomorrow)
    const mailer = new MemoryMailer()
    await deliverDue(asNia, mailer, 'https://rota.example.org')
    const toOffice = mailer.sent.find((m) => m.subject.startsWith('Absence reported'))
    expect(toOffice?.text).toContain(`Review and publish it: https://rota.example.org/manage/${SCHOOL}/week/${WEEK}`)
    expect(toOffice?.text).not.toContain('{{')
  })

  it('can be part of a day', async () => {
    const { report } = await reportAbsence(asNia, SCHOOL, nia, { ...tomorrow, startTime: '09:00', endTime: '11:30' })
    expect(await getAbsence(w.store, SCHOOL, report.absenceId ?? '')).toMatchObject({ startTime: '09:00', endTime: '11:30' })
  })
})

describe('a report that is refused writes nothing', () => {
  const refusals: [string, Record<string, unknown>, string, string][] = [
    ['a first day before today', { ...tomorrow, startDate: '2026-11-20', endDate: '2026-11-20' }, 'startDate', 'must be today (Mon 23 Nov) or later'],
    ['more than 30 school days', { ...tomorrow, endDate: '2027-01-05' }, 'endDate', 'at most 30 school days'],
    ['a note over 2,000 characters', { ...tomorrow, coverNote: 'x'.repeat(2001) }, 'coverNote', 'must be at most 2,000 characters'],
    ['a part day that ends before it starts', { ...tomorrow, startTime: '11:00', endTime: '11:00' }, 'endTime', 'must be after the start'],
  ]
  for (const [what, input, field, message] of refusals) {
    it(`refuses ${what}, naming ${field}`, async () => {
      const before = written()
      const refused = reportAbsence(asNia, SCHOOL, nia, input)
      await expect(refused).rejects.toMatchObject({ problem: { status: 400, errors: [{ path: field, message: expect.stringContaining(message) }] } })
      expect(written()).toEqual(before)
    })
  }

  it('refuses a report for someone else, naming the staff field', async () => {
    const before = written()
    const ravi = staffIdOf(w.store, 's002')
    await expect(reportAbsence(asNia, SCHOOL, nia, { ...tomorrow, staff: ravi })).rejects.toMatchObject({
      problem: { status: 403, errors: [{ path: 'staff' }] },
    })
    expect(written()).toEqual(before)
  })

  it("takes today from the school's zone: just after midnight in Auckland, yesterday in UTC is already past", async () => {
    await w.store.db.updateTable('schools').set({ timezone: 'Pacific/Auckland' }).where('id', '=', SCHOOL).execute()
    // 12:00 UTC on Monday is 01:00 on Tuesday in Auckland.
    const lateMonday = contextFor(w.store, `staff:${nia}`, '2026-11-23T12:00:00Z')
    const before = written()
    await expect(reportAbsence(lateMonday, SCHOOL, nia, { ...tomorrow, startDate: '2026-11-23', endDate: '2026-11-23' })).rejects.toMatchObject({
      problem: { errors: [{ path: 'startDate', message: 'must be today (Tue 24 Nov) or later' }] },
    })
    expect(written()).toEqual(before)
  })

  it('counts school days, not calendar days: 30 of them over six weeks is allowed', async () => {
    // Tue 24 Nov to Mon 4 Jan: the example school has no term dates, so every weekday counts.
    await expect(reportAbsence(asNia, SCHOOL, nia, { ...tomorrow, endDate: '2027-01-04' })).resolves.toMatchObject({ report: { endDate: '2027-01-04' } })
  })
})

describe("a manager's rejection", () => {
  it('deletes the absence and leaves me the answer', async () => {
    const { report } = await reportAbsence(asNia, SCHOOL, nia, tomorrow)
    await rejectReport(w.ctx, SCHOOL, report.absenceId ?? '')
    await expect(getAbsence(w.store, SCHOOL, report.absenceId ?? '')).rejects.toMatchObject({ problem: { status: 404 } })
    expect(await listMyReports(w.store, SCHOOL, nia, '2026-11-23')).toMatchObject([{ id: report.id, status: 'rejected', absenceId: null }])
  })

  it('re-plans the published week at once without the absence, giving me back my duties tomorrow', async () => {
    const published = (await loadWeekRotas(w.store, SCHOOL, WEEK)).published
    const mine = (a: { staffId: string; date: string }) => a.staffId === nia && a.date === TOMORROW
    const myDuties = published?.assignments.filter(mine) ?? []
    expect(myDuties.length).toBeGreaterThan(0)
    const { report } = await reportAbsence(asNia, SCHOOL, nia, tomorrow)
    const { replans, replanFailures } = await rejectReport(w.ctx, SCHOOL, report.absenceId ?? '')
    expect(replanFailures).toEqual([])
    expect(replans.map((d) => d.rota.week)).toEqual([WEEK])
    const draft = (await loadWeekRotas(w.store, SCHOOL, WEEK)).draft
    expect(draft?.id).toBe(replans[0]?.rota.id)
    expect(draft?.stats.origin).toEqual({ kind: 'replan', absenceId: report.absenceId })
    expect(draft?.assignments.filter(mine)).toEqual(myDuties)
  })

  it('re-plans nothing when no week was planned while the absence stood', async () => {
    const { report } = await reportAbsence(asNia, SCHOOL, nia, { ...tomorrow, startDate: '2027-03-01', endDate: '2027-03-01' })
    expect(await rejectReport(w.ctx, SCHOOL, report.absenceId ?? '')).toEqual({ replans: [], replanJobs: [], replanFailures: [] })
  })

  it('is only for absences staff reported: one a manager recorded is not found', async () => {
    const { absence } = await recordAbsence(w.ctx, SCHOOL, { ...tomorrow, staff: 's001', reason: null, detail: null })
    await expect(rejectReport(w.ctx, SCHOOL, absence.id)).rejects.toMatchObject({ problem: { status: 404 } })
    expect((await getAbsence(w.store, SCHOOL, absence.id)).id).toBe(absence.id)
  })
})
