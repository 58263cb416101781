// Sign-in by e-mail through a real SMTP server (in this process): what a self-hosted school
// with only an SMTP account gets, and what people see when that server is down.
import { afterEach, describe, expect, it } from 'vitest'
import { addManager } from '../../src/auth/school-managers.js'
import { mailerFromEnv, type Mailer } from '../../src/platform/mailer.js'
import { NodeSmtpMailer } from '../../src/platform/mailer-node-smtp.js'
import { makeApp, makeWorld, ORIGIN, sessionCookieFrom, type World } from '../support/auth.js'
import { deadSmtpPort, startSmtp, type TestSmtp } from '../support/smtp.js'

let world: World | undefined
let smtp: TestSmtp | undefined
afterEach(async () => {
  world?.close()
  await smtp?.close()
  world = smtp = undefined
})

/** The app as src/node.ts builds it from SMTP_URL and MAIL_FROM. */
const nodeMailer = (env: { SMTP_URL: string; MAIL_FROM: string }): Mailer => mailerFromEnv(env, { smtp: (config) => new NodeSmtpMailer(config) })

async function appMailingThrough(mailer: Mailer) {
  world = await makeWorld({ mailer })
  return makeApp(world)
}

const form = { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN }

describe('sign-in over SMTP', () => {
  it('mails the link from MAIL_FROM, and the link in the mail signs the person in', async () => {
    smtp = await startSmtp()
    const app = await appMailingThrough(nodeMailer(smtp.env))
    const asked = await app.request('/auth/links', { method: 'POST', headers: form, body: 'email=manager%40a1.example' })
    expect(asked.status).toBe(202)
    const mail = await smtp.firstTo('manager@a1.example')
    expect(mail.from).toBe('rota@school.example')
    expect(mail.raw).toMatch(/^From: Duty Rota <rota@school\.example>/m)
    expect(mail.subject).toBe('Your Duty Rota sign-in link')
    const token = /\/auth\/callback\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]
    expect(token).toBeDefined()
    const signedIn = await app.request('/auth/callback', { method: 'POST', headers: form, body: `token=${token}` })
    expect(signedIn.status).toBe(303)
    expect(sessionCookieFrom(signedIn)).toBeDefined()
  })

  it('says plainly that the email could not be sent when the mail server refuses it, never a 500', async () => {
    smtp = await startSmtp({ refuse: true })
    const app = await appMailingThrough(nodeMailer(smtp.env))
    const page = await app.request('/auth/links', { method: 'POST', headers: form, body: 'email=manager%40a1.example' })
    expect(page.status).toBe(503)
    expect(page.headers.get('retry-after')).toBe('120')
    const text = await page.text()
    expect(text).toContain('could not send the sign-in email just now')
    expect(text).toContain('Try again in a few minutes')
    expect(smtp.received).toEqual([])
  })

  it('answers a script with a mail-unavailable problem when the mail server is down', async () => {
    const port = await deadSmtpPort()
    const app = await appMailingThrough(nodeMailer({ SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'rota@school.example' }))
    const res = await app.request('/auth/links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify({ email: 'manager@a1.example' }),
    })
    expect(res.status).toBe(503)
    expect(res.headers.get('content-type')).toContain('application/problem+json')
    expect(await res.json()).toMatchObject({ type: 'https://duty-rota.dev/problems/mail-unavailable', status: 503 })
  })

  it("sends a new manager's invitation by the same path, and a dead server leaves them a manager all the same", async () => {
    smtp = await startSmtp()
    world = await makeWorld()
    const ctx = { ...world.deps, actor: 'user:test' }
    const sent = await addManager({ ...ctx, mailer: nodeMailer(smtp.env) }, 'sch_a1', { email: 'jo@a1.example', name: 'Jo Bloggs' }, ORIGIN, 'Max Manager')
    expect(sent.mailed).toBe(true)
    const mail = await smtp.firstTo('jo@a1.example')
    expect(mail.text).toContain('Max Manager has made you a manager of A1 Primary in Duty Rota.')
    expect(mail.text).toMatch(/http:\/\/localhost\/auth\/callback\?token=[A-Za-z0-9_-]{43}/)

    const dead = nodeMailer({ SMTP_URL: `smtp://127.0.0.1:${await deadSmtpPort()}`, MAIL_FROM: 'rota@school.example' })
    const unsent = await addManager({ ...ctx, mailer: dead }, 'sch_a1', { email: 'sam@a1.example', name: 'Sam Lee' }, ORIGIN, 'Max Manager')
    expect(unsent).toMatchObject({ created: true, mailed: false })
  })
})
