// Managers are told when an absence leaves seats nobody can take: one e-mail each, naming the
// person and the weeks, never the reason; an absence that the re-plan covers tells nobody.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliverDue } from '../../src/notifications/outbox.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { recordAbsence } from '../../src/week/replan.js'
import { addOfficeManager, example, rows, SCHOOL, sickOnTuesday, WEEK, worldFrom, type World } from '../support/week.js'

let w: World

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  await addOfficeManager(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
})
afterEach(() => w.close())

const toManagers = () =>
  rows<{ user_id: string; subject: string; body: string }>(w.store, 'SELECT user_id, subject, body FROM outbox WHERE user_id IS NOT NULL')

describe('an absence that empties seats', () => {
  it('tells each manager once, with the person and the week, and never the reason', async () => {
    // Everyone off on Wednesday but one: the re-plan cannot fill Wednesday.
    const staff = rows<{ code: string }>(w.store, 'SELECT code FROM staff WHERE school_id = ? ORDER BY code', SCHOOL).slice(1)
    for (const { code } of staff) {
      await recordAbsence(w.ctx, SCHOOL, {
        staff: code,
        startDate: '2026-11-25',
        endDate: '2026-11-25',
        startTime: null,
        endTime: null,
        reason: 'sickness',
        detail: 'flu',
      })
    }
    const messages = toManagers()
    expect(messages.length).toBeGreaterThan(0)
    expect(messages[0]?.subject).toMatch(/^Cover needed: \d+ seats? empty after .+'s absence$/)
    expect(messages[0]?.body).toContain('Week of Monday 23 November')
    expect(messages.some((m) => /sickness|flu/i.test(m.body))).toBe(false)
    const mailer = new MemoryMailer()
    await deliverDue(w.ctx, mailer, 'https://rota.example.org')
    expect(mailer.lastTo('office@elm.example')?.text).toContain('Open the week: https://rota.example.org/manage')
  })

  it('tells nobody when the re-plan fills every seat the absence empties', async () => {
    await recordAbsence(w.ctx, SCHOOL, sickOnTuesday('s001'))
    expect(toManagers()).toEqual([])
  })
})
