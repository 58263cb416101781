// Push to the phone: a phone turns notifications on from /me, the next change to that person's
// published duties reaches it encrypted for that phone alone, and a phone the push service says
// has gone is forgotten.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { deliverDue } from '../../src/notifications/outbox.js'
import { pushSubscriptionsOf, savePushSubscription } from '../../src/notifications/push-subscriptions.js'
import { MemoryMailer } from '../../src/platform/mailer.js'
import { newVapidKeys, type VapidKeys } from '../../src/platform/web-push.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { makeSchool, openPersonalLink, type School } from '../support/calendar.js'
import { newPhone, openPush } from '../support/push-phone.js'
import { example, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

describe('a phone with notifications on', () => {
  let w: World
  let server: Server
  let received: Buffer[]
  let answer: number
  let vapid: VapidKeys

  beforeEach(async () => {
    w = await worldFrom(example('primary.json'))
    vapid = { ...(await newVapidKeys()), subject: 'mailto:office@elm.example' }
    w.ctx = { ...w.ctx, vapid }
    received = []
    answer = 201
    server = createServer((req, res) => {
      const chunks: Buffer[] = []
      req.on('data', (c: Buffer) => chunks.push(c))
      req.on('end', () => {
        received.push(Buffer.concat(chunks))
        res.writeHead(answer).end()
      })
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  })
  afterEach(async () => {
    server.close()
    await w.close()
  })

  async function subscribe(code: string) {
    const phone = newPhone()
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/push/${code}`
    await savePushSubscription(w.ctx, staffIdOf(w.store, code), { endpoint, p256dh: phone.p256dh, auth: phone.authSecret })
    return phone
  }

  it('is told its duties, encrypted for it, when the week is published', async () => {
    const phone = await subscribe('s001')
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    const run = await deliverDue(w.ctx, new MemoryMailer(), 'https://rota.example.org')
    expect(run.sent).toBe(1)
    expect(openPush(received[0]!, phone)).toMatchObject({
      title: 'Your duties for the week of Monday 23 November',
      body: expect.stringContaining('Your duties for the week of Monday 23 November are published:'),
      url: '/me#to-see',
    })
  })

  it('is forgotten when the push service says it has gone, and the message is kept as failed to retry', async () => {
    await subscribe('s001')
    answer = 410
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    await deliverDue(w.ctx, new MemoryMailer(), 'https://rota.example.org')
    expect(await pushSubscriptionsOf(w.store, staffIdOf(w.store, 's001'))).toEqual([])
    expect(rows<{ status: string; last_error: string }>(w.store, "SELECT status, last_error FROM outbox WHERE channel = 'push'")).toEqual([
      { status: 'queued', last_error: 'no phone has notifications turned on any more' },
    ])
  })
})

describe('turning notifications on from the phone page', () => {
  let school: School
  let app: ReturnType<typeof createApp>
  let amira: string
  beforeEach(async () => {
    school = await makeSchool('2026-11-24T07:45:00Z')
    app = createApp({
      store: school.store,
      clock: school.clock,
      mailer: new MemoryMailer(),
      vapid: { ...(await newVapidKeys()), subject: 'mailto:office@elm.example' },
    })
    const manager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_manager' })).token}`
    amira = await openPersonalLink((p, i) => app.request(p, i), school, manager, school.staff.amira)
  })
  afterEach(() => school.close())

  const subscribe = (body: unknown) =>
    app.request('/me/push/subscribe', {
      method: 'POST',
      headers: { cookie: amira, origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const keys = () => {
    const phone = newPhone()
    return { p256dh: phone.p256dh, auth: phone.authSecret }
  }

  it('offers the switch, and the page links its manifest', async () => {
    const html = await (await app.request('/me', { headers: { cookie: amira } })).text()
    expect(html).toContain('<div id="push-switch" hidden=""')
    expect(html).toContain('<script src="/me/push.js" defer=""></script>')
    expect(html).toContain('<link rel="manifest" href="/me/manifest.webmanifest"/>')
    const worker = await app.request('/me/sw.js')
    expect(worker.headers.get('service-worker-allowed')).toBe('/me')
  })

  it('keeps a subscription the browser sends, and names each bad field of one that is not', async () => {
    const good = await subscribe({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', expirationTime: null, keys: keys() })
    expect(good.status).toBe(204)
    expect(await pushSubscriptionsOf(school.store, school.staff.amira)).toHaveLength(1)
    const bad = await subscribe({ endpoint: 'http://evil.example/x', keys: { p256dh: 'short', auth: '!' } })
    expect(bad.status).toBe(400)
    const problem = (await bad.json()) as { errors: { path: string }[] }
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['endpoint', 'keys.auth', 'keys.p256dh'])
  })

  it('refuses a subscription from someone who is not signed in', async () => {
    const res = await app.request('/me/push/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ endpoint: 'https://fcm.googleapis.com/fcm/send/x', keys: keys() }),
    })
    expect(res.status).toBe(401)
  })
})
