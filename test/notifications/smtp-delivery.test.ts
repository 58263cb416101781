// Telling people at publish, through a real SMTP server in this process (smtp-server) and the
// Node mailer the service runs (nodemailer): what arrives is what a school's mail server would
// receive. Who should be told is worked out here from the two published rotas themselves, not
// from the outbox, so a wrong outbox cannot agree with itself.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { deliverDue, RETRY_MINUTES } from '../../src/notifications/outbox.js'
import { mailerFromEnv, type Mailer } from '../../src/platform/mailer.js'
import { NodeSmtpMailer } from '../../src/platform/mailer-node-smtp.js'
import { createAbsence } from '../../src/week/absences.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { handClock, writeContext, type TestClock } from '../support/kit.js'
import { deadSmtpPort, startSmtp, type TestSmtp } from '../support/smtp.js'
import { example, rows, SCHOOL, sickOnTuesday, WEEK, worldFrom, type World } from '../support/week.js'

const ORIGIN = 'https://rota.example.org'
let w: World
let clock: TestClock
let smtp: TestSmtp | undefined

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  clock = handClock('2026-11-20T10:00:00Z')
  w.ctx = writeContext(w.store, 'user:manager', clock)
  w.store.sqlite.prepare("UPDATE staff SET email = code || '@elm.example' WHERE school_id = ?").run(SCHOOL)
})
afterEach(async () => {
  w.close()
  await smtp?.close()
  smtp = undefined
})

/** The mailer src/node.ts builds from SMTP_URL and MAIL_FROM. */
const nodeMailer = (env: { SMTP_URL: string; MAIL_FROM: string }): Mailer => mailerFromEnv(env, { smtp: (config) => new NodeSmtpMailer(config) })

async function generateAndPublish(): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
}

/** Each person's duties in the published rota and in the one it replaced, as sets of lines. */
function dutiesByVersion(): { before: Map<string, Set<string>>; after: Map<string, Set<string>> } {
  const lines = rows<{ status: string; code: string; line: string }>(
    w.store,
    `SELECT r.status, s.code, a.work_code || ' ' || a.date || ' ' || COALESCE(a.slot_code, '') AS line
       FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id JOIN staff s ON s.id = a.staff_id
      WHERE r.school_id = ? AND r.week = ? AND r.status IN ('published', 'superseded')`,
    SCHOOL,
    WEEK,
  )
  const byStatus = (status: string) => {
    const map = new Map<string, Set<string>>()
    for (const l of lines.filter((x) => x.status === status)) map.set(l.code, (map.get(l.code) ?? new Set()).add(l.line))
    return map
  }
  return { before: byStatus('superseded'), after: byStatus('published') }
}

function peopleWhoseDutiesChanged(): string[] {
  const { before, after } = dutiesByVersion()
  const same = (a = new Set<string>(), b = new Set<string>()) => a.size === b.size && [...a].every((x) => b.has(x))
  return [...new Set([...before.keys(), ...after.keys()])].filter((code) => !same(before.get(code), after.get(code))).sort()
}

const recipients = (s: TestSmtp) => s.received.flatMap((m) => m.to).sort()
const outboxStatus = () => rows<{ status: string; attempts: number; last_error: string | null }>(w.store, 'SELECT status, attempts, last_error FROM outbox')

describe('mail at publish, through a real SMTP server', () => {
  it('after an absence is published, exactly the people whose duties changed get one mail each, without the reason', async () => {
    await generateAndPublish()
    smtp = await startSmtp()
    await deliverDue(w.ctx, nodeMailer(smtp.env), ORIGIN)
    smtp.received.length = 0

    await createAbsence(w.ctx, SCHOOL, sickOnTuesday('s001'))
    await generateAndPublish()
    await deliverDue(w.ctx, nodeMailer(smtp.env), ORIGIN)

    const changed = peopleWhoseDutiesChanged()
    expect(changed.length).toBeGreaterThan(1)
    expect(recipients(smtp)).toEqual(changed.map((code) => `${code}@elm.example`))
    const names = new Map(rows<{ code: string; name: string }>(w.store, 'SELECT code, name FROM staff').map((s) => [`${s.code}@elm.example`, s.name]))
    for (const mail of smtp.received) {
      expect(mail.subject).toBe('Your duties changed: the week of Monday 23 November')
      expect(mail.text).toContain(`Hello ${names.get(mail.to[0] ?? '')},`)
      expect(mail.text).toMatch(/^- (New|No longer yours|Moved): /m)
      expect(mail.text).toContain(`${ORIGIN}/me#to-see`)
      expect(mail.text).not.toMatch(/sickness|sick/i)
    }
  })

  it('sends nothing for a second publish that changes nobody’s duties', async () => {
    await generateAndPublish()
    smtp = await startSmtp()
    await deliverDue(w.ctx, nodeMailer(smtp.env), ORIGIN)
    smtp.received.length = 0
    await generateAndPublish()
    const run = await deliverDue(w.ctx, nodeMailer(smtp.env), ORIGIN)
    expect(run.sent).toBe(0)
    expect(smtp.received).toEqual([])
  })

  it('with the mail server down, the publish still stands and each message is retried, then marked failed with the reason', async () => {
    const dead = nodeMailer({ SMTP_URL: `smtp://127.0.0.1:${await deadSmtpPort()}`, MAIL_FROM: 'rota@school.example' })
    await generateAndPublish()
    expect(rows(w.store, "SELECT id FROM rotas WHERE status = 'published'")).toHaveLength(1)

    const first = await deliverDue(w.ctx, dead, ORIGIN)
    expect(first.sent).toBe(0)
    expect(first.retrying).toBeGreaterThan(0)
    expect(outboxStatus().every((m) => m.status === 'queued' && m.attempts === 1)).toBe(true)
    expect(outboxStatus()[0]?.last_error).toContain('did not take the message')

    for (let attempt = 1; attempt <= RETRY_MINUTES.length; attempt++) {
      clock.advanceSeconds(24 * 3600)
      await deliverDue(w.ctx, dead, ORIGIN)
    }
    expect(outboxStatus().every((m) => m.status === 'failed' && m.attempts === RETRY_MINUTES.length + 1)).toBe(true)
  })
})
