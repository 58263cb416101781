// The morning of an absence, end to end in a real browser (Debian's chromium through
// playwright-core) against the real app on SQLite, every phone at 390 px: Amira reports on her
// phone at 06:30 that she cannot come tomorrow, with a note for whoever covers; the manager gets
// the mail (a real SMTP server in this process), opens the draft from its link on a phone and
// publishes it; the colleague who covers gets one mail and one push (a push service on loopback,
// decrypted with the phone's own key, then handed to the page's real service worker, which shows
// it), taps Seen; the manager's week page shows it seen. Every page is checked with axe-core for
// WCAG 2.2 AA and for sideways scroll, and saved as a screenshot in test-results/.
//
// Chromium's own push service cannot be reached offline, so the phone's subscription is the one a
// browser would make (a P-256 key pair and an auth secret), pointed at the loopback service.
import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { savePushSubscription } from '../../src/notifications/push-subscriptions.js'
import { deliverDue } from '../../src/notifications/outbox.js'
import { toBase64url } from '../../src/platform/base64url.js'
import { NodeSmtpMailer } from '../../src/platform/mailer-node-smtp.js'
import { newVapidKeys, type VapidKeys } from '../../src/platform/web-push.js'
import { axeViolations, RESULTS, signIn, startStory, type Story } from '../support/browser-story.js'
import { makeSchool, type School } from '../support/calendar.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { testApp } from '../support/kit.js'
import { startSmtp, type TestSmtp } from '../support/smtp.js'

/** Monday 23 November 2026, 06:30 in London. */
const NOW = '2026-11-23T06:30:00Z'
const WEEK = '2026-11-23'
const PHONE = { width: 390, height: 844 }
const NOTE = 'Year 4 reading group: books in the blue tray'
const EMAIL = { stf_amira: 'amira@elm.example', stf_ben: 'ben@elm.example', stf_cara: 'cara@elm.example' } as const
type StaffId = keyof typeof EMAIL

let school: School
let story: Story
let smtp: TestSmtp
let pushService: Server
let vapid: VapidKeys
const pushes: { path: string; body: Buffer }[] = []
const errors: string[] = []
const links: Partial<Record<StaffId, string>> = {}
let amirasTuesday = 0

beforeAll(async () => {
  school = await makeSchool(NOW)
  for (const [id, email] of Object.entries(EMAIL)) await school.store.db.updateTable('staff').set({ email }).where('id', '=', id).execute()
  // Amira runs the Year 4 reading group on Tuesdays, which needs cover when she is away.
  await school.store.db
    .insertInto('commitments')
    .values({ id: 'cmt_reading', staff_id: 'stf_amira', day: 'tue', start_time: '09:00', end_time: '10:00', label: 'Year 4 reading group', needs_cover: 1 })
    .execute()
  // The week as Duty Rota planned and published it: three people, a gate and a yard every day.
  const draft = await generateDraft(school.ctx, school.schoolId, WEEK)
  await publishWeek(school.ctx, school.schoolId, WEEK, `"${draft.version}"`)
  amirasTuesday = draft.rota.assignments.filter((a) => a.staff === 'S1' && a.date === '2026-11-24').length
  smtp = await startSmtp()
  pushService = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      pushes.push({ path: req.url ?? '', body: Buffer.concat(chunks) })
      res.writeHead(201).end()
    })
  })
  await new Promise<void>((resolve) => pushService.listen(0, '127.0.0.1', resolve))
  vapid = { ...(await newVapidKeys()), subject: 'mailto:office@elm.example' }
  const app = testApp({ store: school.store, clock: school.clock, vapid })
  story = await startStory(app.fetch, errors)
  await story.page.setViewportSize(PHONE)
  await signIn(story, school.ctx, 'usr_manager')
  const cookie = (await story.context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ')
  for (const id of Object.keys(EMAIL) as StaffId[]) {
    const issued = await app.request(`/api/schools/${school.schoolId}/staff/${id}/link`, { method: 'POST', headers: { cookie, origin: 'http://localhost' } })
    links[id] = new URL(((await issued.json()) as { url: string }).url).pathname
  }
  // The first publish's own messages go out before the story starts.
  await deliver()
  smtp.received.length = 0
  pushes.length = 0
})

afterAll(async () => {
  await story?.close()
  await smtp?.close()
  pushService?.close()
  await school?.close()
})

/** The outbox's run, as the server's timer does it, with the app's SMTP mailer and its public address. */
const deliver = () => deliverDue({ ...school.ctx, vapid }, new NodeSmtpMailer(smtp.config), story.base)

/** Its screenshot, no sideways scroll at 390 px, no WCAG 2.2 AA violation axe finds, no page error. */
async function check(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(RESULTS, `absence-morning-${name}.png`), fullPage: true })
  expect(await page.evaluate('document.documentElement.scrollWidth'), `width of ${name}`).toBeLessThanOrEqual(PHONE.width)
  expect(await axeViolations(page), `axe on ${name}`).toEqual([])
  expect(errors).toEqual([])
}

/** A phone with its own cookies, notifications allowed, signed in by the person's link. */
async function phoneOf(id: StaffId): Promise<{ context: BrowserContext; page: Page }> {
  const context = await story.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true })
  await context.grantPermissions(['notifications'], { origin: story.base })
  const page = await context.newPage()
  page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`))
  await page.goto(`${story.base}${links[id]}`)
  expect(new URL(page.url()).pathname).toBe('/me')
  return { context, page }
}

/** A panel of /me that may sit folded under its heading: opened as a person would, by its summary. */
async function panel(page: Page, name: string) {
  const summary = page.locator('summary', { hasText: name })
  if ((await summary.count()) > 0 && !(await summary.first().evaluate('(s) => s.parentElement.open'))) await summary.first().click()
  return page.getByRole('region', { name })
}

/** The subscription a browser makes for a phone: a P-256 key pair and an auth secret it keeps. */
async function subscribe(id: StaffId) {
  const ecdh = createECDH('prime256v1')
  ecdh.generateKeys()
  const auth = Buffer.from(crypto.getRandomValues(new Uint8Array(16)))
  const endpoint = `http://127.0.0.1:${(pushService.address() as AddressInfo).port}/push/${id}`
  await savePushSubscription(school.ctx, id, { endpoint, p256dh: toBase64url(ecdh.getPublicKey()), auth: toBase64url(auth) })
  return { ecdh, auth }
}

/** The phone's half of RFC 8291: the payload opened with its private key. */
function decrypt(body: Buffer, phone: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): { title: string; body: string; url: string } {
  const salt = body.subarray(0, 16)
  const serverKey = body.subarray(21, 21 + (body[20] ?? 0))
  const secret = phone.ecdh.computeSecret(serverKey)
  const info = Buffer.concat([Buffer.from('WebPush: info\0'), phone.ecdh.getPublicKey(), serverKey])
  const ikm = Buffer.from(hkdfSync('sha256', secret, phone.auth, info, 32))
  const key = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16))
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12))
  const sealed = body.subarray(21 + serverKey.length)
  const decipher = createDecipheriv('aes-128-gcm', key, nonce)
  decipher.setAuthTag(sealed.subarray(sealed.length - 16))
  const plain = Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - 16)), decipher.final()])
  return JSON.parse(plain.subarray(0, plain.length - 1).toString('utf8'))
}

/** Hands a push to the page's service worker as the browser's push service would, and returns what it shows. */
async function showInServiceWorker(context: BrowserContext, page: Page, payload: object): Promise<{ title: string; body: string }[]> {
  await page.evaluate('navigator.serviceWorker.ready.then(() => undefined)')
  const cdp = await context.newCDPSession(page)
  const registration = new Promise<string>((resolve) =>
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => {
      const mine = e.registrations.find((r) => r.scopeURL.endsWith('/me') && !r.isDeleted)
      if (mine) resolve(mine.registrationId)
    }),
  )
  await cdp.send('ServiceWorker.enable')
  await cdp.send('ServiceWorker.deliverPushMessage', { origin: story.base, registrationId: await registration, data: JSON.stringify(payload) })
  // What the worker put on the screen, asked of the worker itself.
  const worker = context.serviceWorkers().find((w) => w.url().endsWith('/me/sw.js'))
  if (!worker) throw new Error('the page registered no service worker')
  await expect.poll(() => worker.evaluate('self.registration.getNotifications().then((shown) => shown.length)')).toBeGreaterThan(0)
  return (await worker.evaluate('self.registration.getNotifications().then((shown) => shown.map((n) => ({ title: n.title, body: n.body })))')) as {
    title: string
    body: string
  }[]
}

describe('the morning of an absence', () => {
  it('goes from a report on a phone to cover the colleague has seen, by e-mail and push', async () => {
    const phones = { stf_ben: await subscribe('stf_ben'), stf_cara: await subscribe('stf_cara') }
    expect(amirasTuesday, 'Amira has work tomorrow for someone to cover').toBeGreaterThan(0)

    // 06:30: Amira reports tomorrow's absence with a note.
    const amira = await phoneOf('stf_amira')
    const form = await panel(amira.page, 'Report an absence')
    await form.getByLabel('Tomorrow').click()
    await form.getByLabel('Reason (only your managers see it)').selectOption({ label: 'Sickness' })
    await form.getByLabel('Note for whoever covers you (they see it with the duty)').fill(NOTE)
    await form.getByRole('button', { name: 'Report my absence' }).click()
    await expect.poll(() => amira.page.getByRole('status').first().innerText()).toContain('Reported: your managers are told')
    await check(amira.page, '01-reported')

    // The manager's mail: who and when, never why, and the draft one tap away.
    await deliver()
    const toManager = await smtp.firstTo('manager@elm.example')
    expect(toManager.subject).toMatch(/^Absence reported: Amira Patel, Tue 24 Nov/)
    expect(`${toManager.subject}\n${toManager.text}`).not.toMatch(/sick/i)
    const draftLink = /Review and publish it: (\S+)/.exec(toManager.text)?.[1] ?? ''
    expect(draftLink).toBe(`${story.base}/manage/${school.schoolId}/week/${WEEK}`)
    expect(smtp.received.filter((m) => !m.to.includes('manager@elm.example'))).toEqual([])

    // 06:40, on the manager's phone: the draft, then publish.
    school.clock.advanceSeconds(600)
    const office = story.page
    await office.goto(draftLink)
    expect(await office.getByRole('main').innerText()).toMatch(/Draft made .+ \(a re-plan\)/)
    await check(office, '02-manager-draft')
    await office.getByRole('button', { name: /^Publish/ }).click()
    await office.getByText('Published. Staff see the rota').waitFor()
    await check(office, '03-manager-published')

    // One mail to each person whose duties changed, none with the reason; one push to the coverer's phone.
    await deliver()
    const changed = smtp.received.filter((m) => !m.to.includes('manager@elm.example'))
    const recipients = changed.flatMap((m) => m.to).sort()
    expect(new Set(recipients).size, 'one mail each').toBe(recipients.length)
    expect(recipients).toContain(EMAIL.stf_amira)
    const coverers = (['stf_ben', 'stf_cara'] as const).filter((id) => recipients.includes(EMAIL[id]))
    expect(recipients).toEqual([EMAIL.stf_amira, ...coverers.map((id) => EMAIL[id])].sort())
    for (const m of changed) expect(`${m.subject}\n${m.text}`).not.toMatch(/sick/i)
    const readingMail = changed.find((m) => m.text.includes('Year 4 reading group') && m.text.includes('New:'))
    const coverer = coverers.find((id) => readingMail?.to.includes(EMAIL[id]))
    if (coverer === undefined) throw new Error(`nobody was given the reading group: ${changed.map((m) => m.text).join('\n')}`)
    expect(readingMail?.text).toContain(`${story.base}/me#to-see`)
    // Push: one message to each covering colleague's phone, none to Amira, who has none turned on.
    expect(pushes.map((p) => p.path).sort()).toEqual(coverers.map((id) => `/push/${id}`).sort())
    const payload = decrypt(pushes.find((p) => p.path === `/push/${coverer}`)?.body ?? Buffer.alloc(0), phones[coverer])
    expect(payload.body).toContain('Year 4 reading group')
    expect(`${payload.title} ${payload.body}`).not.toMatch(/sick/i)

    // A second publish run with nothing new sends nothing more.
    const sentSoFar = smtp.received.length
    await deliver()
    expect(smtp.received.length).toBe(sentSoFar)

    // The coverer's phone shows the push through the page's own service worker, then they tap Seen.
    const colleague = await phoneOf(coverer)
    expect(await showInServiceWorker(colleague.context, colleague.page, payload)).toEqual([{ title: payload.title, body: payload.body }])
    await colleague.page.goto(`${story.base}/me#to-see`)
    const toSee = colleague.page.getByRole('region', { name: 'Changes to mark as seen' })
    await toSee.getByRole('link', { name: /Year 4 reading group/ }).click()
    const duty = colleague.page.locator('li.duty:target')
    expect(await duty.innerText()).toContain(NOTE)
    await duty.getByRole('button', { name: 'Seen' }).tap()
    await colleague.page.getByRole('status').filter({ hasText: 'Marked as seen' }).waitFor()
    await check(colleague.page, '04-colleague-seen')

    // Back on the manager's phone: the change is seen.
    await office.goto(draftLink)
    const receipts = office.getByRole('region', { name: 'Who has seen the changes' })
    expect(await receipts.innerText()).toMatch(/Seen: (Ben Ortiz|Cara Li) \(Monday 23 November at 06:4\d\)/)
    await check(office, '05-manager-sees-seen')
  })
})
