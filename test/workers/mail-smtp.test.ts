// Sign-in mail from the real Worker under `wrangler dev`, over a TCP socket to an SMTP server
// in this process: the Workers half of "a school needs only an SMTP account".
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSmtp, type TestSmtp } from '../support/smtp.js'
import { startWorker, WORKER_TESTER, type RunningWorker } from '../support/start-worker.js'

let smtp: TestSmtp
let worker: RunningWorker
beforeAll(async () => {
  smtp = await startSmtp()
  worker = await startWorker({ vars: smtp.env })
}, 120_000)
afterAll(async () => {
  await worker?.stop()
  await smtp?.close()
})

describe('sign-in mail on Workers', () => {
  it('goes over SMTP from MAIL_FROM with a link that signs in', async () => {
    const asked = await worker.fetch('/auth/links', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker.url },
      body: JSON.stringify({ email: WORKER_TESTER.email }),
    })
    expect(asked.status).toBe(202)
    const mail = await smtp.firstTo(WORKER_TESTER.email)
    expect(mail.from).toBe('rota@school.example')
    expect(mail.subject).toBe('Your Duty Rota sign-in link')
    const token = /\/auth\/callback\?token=([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1]
    expect(token, mail.text).toBeDefined()
    const signedIn = await worker.fetch('/auth/callback', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: worker.url },
      body: JSON.stringify({ token }),
    })
    expect(signedIn.status, worker.output()).toBe(200)
  }, 30_000)
})
