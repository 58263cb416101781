// Telling people at publish: one message each to those whose duties changed, written with the
// publish and delivered after it; a mail server that fails never touches the publish, and the
// message is tried again later, then recorded as failed with the reason. Drafts tell nobody.
import { Instant } from '@js-joda/core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliverDue, recentDeliveries, RETRY_MINUTES } from '../../src/notifications/outbox.js'
import { savePrefs } from '../../src/notifications/prefs.js'
import { MemoryMailer, type Mailer } from '../../src/platform/mailer.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { createAbsence } from '../../src/week/absences.js'
import { handClock, writeContext, type TestClock } from '../support/kit.js'
import { example, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World, sickOnTuesday } from '../support/week.js'

const ORIGIN = 'https://rota.example.org'
let w: World
let clock: TestClock

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  clock = handClock('2026-11-20T10:00:00Z')
  w.ctx = writeContext(w.store, 'user:manager', clock)
  w.store.sqlite.prepare("UPDATE staff SET email = code || '@elm.example' WHERE school_id = ?").run(SCHOOL)
})
afterEach(() => w.close())

async function generateAndPublish(): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
}

const outbox = () =>
  rows<{ staff_id: string; status: string; attempts: number; last_error: string | null; next_attempt_at: string }>(
    w.store,
    'SELECT * FROM outbox ORDER BY staff_id',
  )
const withDuties = () =>
  rows<{ staff_id: string }>(w.store, "SELECT DISTINCT a.staff_id FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id WHERE r.status = 'published'")

class FailingMailer implements Mailer {
  async send(): Promise<void> {
    throw new Error('421 mail.elm.example: service not available')
  }
}

describe('a publish', () => {
  it('writes one message for each person with duties, and a draft writes none', async () => {
    await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(outbox()).toEqual([])
    await generateAndPublish()
    expect(
      outbox()
        .map((m) => m.staff_id)
        .sort(),
    ).toEqual(
      withDuties()
        .map((r) => r.staff_id)
        .sort(),
    )
  })

  it('is delivered by e-mail with a link to the phone page', async () => {
    await generateAndPublish()
    const mailer = new MemoryMailer()
    const run = await deliverDue(w.ctx, mailer, ORIGIN)
    expect(run.sent).toBe(withDuties().length)
    const first = mailer.sent[0]!
    expect(first.subject).toBe('Your duties for the week of Monday 23 November')
    expect(first.text).toContain(`See your week: ${ORIGIN}/me`)
    expect(outbox().every((m) => m.status === 'sent')).toBe(true)
    expect((await deliverDue(w.ctx, mailer, ORIGIN)).sent).toBe(0)
  })

  it('tells only the people a re-plan changes, once each', async () => {
    await generateAndPublish()
    await deliverDue(w.ctx, new MemoryMailer(), ORIGIN)
    await createAbsence(w.ctx, SCHOOL, sickOnTuesday('s001'))
    await generateAndPublish()
    const mailer = new MemoryMailer()
    await deliverDue(w.ctx, mailer, ORIGIN)
    const told = mailer.sent.map((m) => m.to)
    expect(new Set(told).size).toBe(told.length)
    expect(told).toContain('s001@elm.example')
    expect(told.length).toBeLessThan(withDuties().length)
    const mine = mailer.lastTo('s001@elm.example')!
    expect(mine.subject).toBe('Your duties changed: the week of Monday 23 November')
    expect(mine.text).toMatch(/No longer yours: Tue 24 Nov/)
    // The link lands on the changes still to be marked seen.
    expect(mine.text).toContain(`See your week: ${ORIGIN}/me#to-see`)
    expect(mine.text).not.toMatch(/sickness/i)
  })
})

describe('a mail server that fails', () => {
  it('never fails the publish, and the message is tried again later with the reason kept', async () => {
    await generateAndPublish()
    const run = await deliverDue(w.ctx, new FailingMailer(), ORIGIN)
    expect(run.retrying).toBe(withDuties().length)
    const [m] = outbox()
    expect(m).toMatchObject({ status: 'queued', attempts: 1, last_error: '421 mail.elm.example: service not available' })
    expect(Instant.parse(m?.next_attempt_at ?? '').equals(clock.instant().plusSeconds(60 * RETRY_MINUTES[0]))).toBe(true)
    // Not due yet: nothing is tried again before the wait is over.
    expect((await deliverDue(w.ctx, new FailingMailer(), ORIGIN)).retrying).toBe(0)
  })

  it('gives up after the last retry and records it as failed', async () => {
    await generateAndPublish()
    for (let attempt = 0; attempt <= RETRY_MINUTES.length; attempt++) {
      await deliverDue(w.ctx, new FailingMailer(), ORIGIN)
      clock.advanceSeconds(24 * 3600)
    }
    expect(outbox().every((m) => m.status === 'failed' && m.attempts === RETRY_MINUTES.length + 1)).toBe(true)
    const deliveries = await recentDeliveries(w.ctx, SCHOOL)
    expect([...deliveries.values()][0]?.[0]).toMatchObject({ status: 'failed', lastError: '421 mail.elm.example: service not available' })
  })
})

describe("a person's choice", () => {
  it('holds messages during their quiet hours and sends them when the hours end', async () => {
    const s001 = staffIdOf(w.store, 's001')
    // Friday 10:00 in London is inside 09:00-17:00.
    await savePrefs(w.ctx, SCHOOL, s001, { email: true, push: true, quietStart: '09:00', quietEnd: '17:00' }, 0)
    await generateAndPublish()
    const mailer = new MemoryMailer()
    await deliverDue(w.ctx, mailer, ORIGIN)
    expect(mailer.lastTo('s001@elm.example')).toBeUndefined()
    clock.advanceSeconds(7 * 3600)
    await deliverDue(w.ctx, mailer, ORIGIN)
    expect(mailer.lastTo('s001@elm.example')).toBeDefined()
  })

  it('sends nothing to someone who turned e-mail off, and nothing is queued for them', async () => {
    const s001 = staffIdOf(w.store, 's001')
    await savePrefs(w.ctx, SCHOOL, s001, { email: false, push: true, quietStart: '', quietEnd: '' }, 0)
    await generateAndPublish()
    expect(outbox().map((m) => m.staff_id)).not.toContain(s001)
  })

  it('refuses a form from a second phone that read an older choice, and times that are not times', async () => {
    const s001 = staffIdOf(w.store, 's001')
    await savePrefs(w.ctx, SCHOOL, s001, { email: true, push: true, quietStart: '', quietEnd: '' }, 0)
    await expect(savePrefs(w.ctx, SCHOOL, s001, { email: false, push: true, quietStart: '', quietEnd: '' }, 0)).rejects.toThrow(/another phone/)
    await expect(savePrefs(w.ctx, SCHOOL, s001, { email: true, push: true, quietStart: '25:00', quietEnd: '' }, 1)).rejects.toMatchObject({
      problem: { errors: [{ path: 'quietStart' }, { path: 'quietEnd' }] },
    })
  })
})
