// E-mailing personal links from the staff pages, through the whole app and a real SMTP server in
// this process: each chosen person (or everyone with an address) gets a link of their own that
// opens their phone page; people without an address are listed as "no e-mail"; a refused
// message leaves the old link working; the link is never on the page or in a log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { mailerFromEnv, type Mailer } from '../../src/platform/mailer.js'
import { NodeSmtpMailer } from '../../src/platform/mailer-node-smtp.js'
import { freshApi, withBasics, withSchool, WEEKDAY_PATTERN, type TestApi } from '../support/api.js'
import { startSmtp, type TestSmtp } from '../support/smtp.js'

let api: TestApi
let smtp: TestSmtp
let page: string
const ids: Record<string, string> = {}

/** The mailer src/node.ts builds from SMTP_URL and MAIL_FROM. */
const smtpMailer = (server: TestSmtp): Mailer => mailerFromEnv(server.env, { smtp: (config) => new NodeSmtpMailer(config) })

async function schoolMailingThrough(mailer: Mailer): Promise<void> {
  api = await freshApi({ sendMail: mailer })
  const school = await withSchool(api)
  await withBasics(api, school.base)
  const people = [
    ['AP', 'Amira Patel', 'amira@elmtree.example'],
    ['BJ', 'Ben Jones', 'ben@elmtree.example'],
    ['CD', 'Cara Doyle', null],
  ] as const
  for (const [code, name, email] of people) {
    const body = { code, name, grade: 'G4', hoursPerWeek: 32.5, pattern: WEEKDAY_PATTERN, unpaidBreakMinutes: 30, ...(email ? { email } : {}) }
    const made = await api.json('POST', `${school.base}/staff`, body)
    expect(made.status).toBe(201)
    ids[code] = made.body.id
  }
  page = `/manage/${school.schoolId}/setup/staff/links/email`
}

afterEach(async () => {
  vi.restoreAllMocks()
  api?.close()
  await smtp?.close()
})

const submit = (body: string) => api.request('POST', page, body, { 'content-type': 'application/x-www-form-urlencoded' })
const linkIn = (text: string) => /https?:\/\/\S+\/auth\/staff\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? ''
/** Opens a link on a phone that never signed in: the status of its /me, or none without a session. */
async function phoneOpens(url: string): Promise<number | undefined> {
  const opened = await api.app.request(new URL(url).pathname)
  const cookie = opened.headers.get('set-cookie')?.split(';')[0]
  return cookie ? (await api.app.request('/me', { headers: { cookie } })).status : undefined
}

describe('e-mailing personal links', () => {
  beforeEach(async () => {
    smtp = await startSmtp()
    await schoolMailingThrough(smtpMailer(smtp))
  })

  it('is offered on the staff page', async () => {
    const html = await (await api.request('GET', page.replace(/\/links\/email$/, ''))).text()
    expect(html).toContain(`href="${page}">E-mail personal links</a>`)
  })

  it('lists people with an address to choose, and people without one as "no e-mail"', async () => {
    const html = await (await api.request('GET', page)).text()
    expect(html).toContain(`value="${ids.AP}"`)
    expect(html).toContain('Amira Patel (amira@elmtree.example)')
    expect(html).toContain('Cara Doyle: <strong>no e-mail</strong>')
    expect(html).not.toContain(`value="${ids.CD}"`)
  })

  it('sends each chosen person a link of their own that opens their phone page, and never shows it on the page', async () => {
    const logged = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'info')]
    const res = await submit(`staff=${ids.AP}`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('Personal link e-mailed to Amira Patel.')
    const mail = await smtp.firstTo('amira@elmtree.example')
    expect(mail.subject).toBe('Your duties at Elm Tree Primary, on your phone')
    expect(mail.text).toContain('Hello Amira Patel,')
    const url = linkIn(mail.text)
    expect(await phoneOpens(url)).toBe(200)
    expect(smtp.received.flatMap((m) => m.to)).toEqual(['amira@elmtree.example'])
    const token = url.split('/').at(-1) ?? ''
    expect(html).not.toContain(token)
    for (const spy of logged) expect(JSON.stringify(spy.mock.calls)).not.toContain(token)
  })

  it('sends to everyone with an address at once, passing over those without', async () => {
    const res = await submit('everyone=yes')
    expect(await res.text()).toContain('Personal link e-mailed to Ben Jones, Amira Patel.')
    expect(await phoneOpens(linkIn((await smtp.firstTo('ben@elmtree.example')).text))).toBe(200)
    expect(smtp.received.flatMap((m) => m.to).sort()).toEqual(['amira@elmtree.example', 'ben@elmtree.example'])
  })

  it('replaces a link in use: the one mailed before stops working', async () => {
    await submit(`staff=${ids.AP}`)
    const first = linkIn((await smtp.firstTo('amira@elmtree.example')).text)
    expect(await (await api.request('GET', page)).text()).toContain('Has a link in use: the new one stops it.')
    await submit(`staff=${ids.AP}`)
    const second = linkIn(smtp.received.filter((m) => m.to.includes('amira@elmtree.example')).at(-1)?.text ?? '')
    expect(second).not.toBe(first)
    expect(await phoneOpens(first)).toBeUndefined()
    expect(await phoneOpens(second)).toBe(200)
  })

  it('asks for someone when nobody was chosen, and sends nothing', async () => {
    const res = await submit('')
    expect(res.status).toBe(400)
    expect(await res.text()).toContain('Choose at least one person, or e-mail everyone with an address.')
    expect(smtp.received).toEqual([])
  })

  it('sends nothing to someone of another school or without an address', async () => {
    const res = await submit(`staff=${ids.CD}&staff=stf_elsewhere`)
    expect(res.status).toBe(400)
    expect(smtp.received).toEqual([])
  })
})

describe('e-mailing a personal link when the mail server refuses it', () => {
  it('says who was not sent one, and the link they already had still works', async () => {
    const working = await startSmtp()
    smtp = await startSmtp({ refuse: true })
    // The school's one mail server, which starts refusing after the first send.
    let server = working
    await schoolMailingThrough({ send: (to, subject, text) => smtpMailer(server).send(to, subject, text) })
    await submit(`staff=${ids.AP}`)
    const link = linkIn((await working.firstTo('amira@elmtree.example')).text)
    await working.close()
    server = smtp
    const res = await submit(`staff=${ids.AP}`)
    expect(res.status).toBe(502)
    expect(await res.text()).toContain('Not sent to Amira Patel: the mail server did not take the message.')
    expect(await phoneOpens(link)).toBe(200)
  })
})
