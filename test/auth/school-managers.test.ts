// The people who run a school, through the whole app: a trust admin or manager adds a manager
// (who is mailed a sign-in link), lists who runs the school, and removes a manager, whose
// rights to the school end at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, ORIGIN, TESTER, withBasics, withSchool, WEEKDAY_PATTERN, type TestApi } from '../support/api.js'

let api: TestApi
let schoolId: string
let base: string
let organisationId: string

beforeEach(async () => {
  api = await freshApi()
  ;({ schoolId, base, organisationId } = await withSchool(api))
})
afterEach(() => api.close())

/** Follows the link in the last mail to `email` as a browser would, and returns its cookie. */
async function signInFromMail(email: string): Promise<string> {
  const text = api.mailer.lastTo(email)?.text ?? ''
  const token = /\/auth\/callback\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1]
  if (!token) throw new Error(`no sign-in link mailed to ${email}: ${text}`)
  const res = await api.app.request('/auth/callback', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ token }),
  })
  const cookie = /__Host-session=([^;,]*)/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed: ${res.status}`)
  return `__Host-session=${cookie}`
}

const as = (cookie: string) => ({ cookie, origin: ORIGIN })
const addManager = (body: unknown, headers?: Record<string, string>) => api.json('POST', `${base}/managers`, body, headers)
const removeManager = (userId: string, headers?: Record<string, string>) => api.json('DELETE', `${base}/managers/${userId}`, undefined, headers)
const listed = async (headers?: Record<string, string>) =>
  (await api.json('GET', `${base}/managers`, undefined, headers)).body.items as { id: string; name: string; role: string }[]

/** The trust admin (the tester) stops being one, so the school has managers only. */
async function withoutTrustAdmin() {
  await api.store.db.deleteFrom('memberships').where('user_id', '=', TESTER.id).where('role', '=', 'trust_admin').execute()
}

describe('adding a manager', () => {
  it("by a trust admin mails them a sign-in link that opens this school's pages and no other school's", async () => {
    const other = await api.json('POST', '/api/schools', { organisationId, name: 'Oak Secondary' })
    const added = await addManager({ email: ' Jo@Elm.example ', name: 'Jo Bloggs' })
    expect(added.status).toBe(201)
    expect(added.body).toMatchObject({ name: 'Jo Bloggs', email: 'jo@elm.example', role: 'manager', mailed: true })
    const mail = api.mailer.lastTo('jo@elm.example')
    expect(mail?.text).toContain('Tess Tester has made you a manager of Elm Tree Primary')
    const jo = await signInFromMail('jo@elm.example')
    expect((await api.request('GET', `/manage/${schoolId}/setup/staff`, undefined, as(jo))).status).toBe(200)
    expect((await api.request('GET', `${base}/staff`, undefined, as(jo))).status).toBe(200)
    expect((await api.request('GET', `/manage/${other.body.id}`, undefined, as(jo))).status).toBe(404)
    expect((await api.request('GET', `/api/schools/${other.body.id}`, undefined, as(jo))).status).toBe(404)
  })

  it('by a manager adds a colleague, and the audit log says who did it', async () => {
    await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' })
    const jo = as(await signInFromMail('jo@elm.example'))
    const colleague = await addManager({ email: 'sam@elm.example', name: 'Sam Lee' }, jo)
    expect(colleague.status).toBe(201)
    expect(api.mailer.lastTo('sam@elm.example')?.text).toContain('Jo Bloggs has made you a manager of Elm Tree Primary')
    expect((await listed(jo)).map((p) => [p.name, p.role])).toEqual([
      ['Jo Bloggs', 'manager'],
      ['Sam Lee', 'manager'],
      ['Tess Tester', 'trust_admin'],
    ])
    const audit = await api.json('GET', `${base}/audit`)
    const entry = audit.body.items.find((e: { after: { email?: string } | null }) => e.after?.email === 'sam@elm.example')
    expect(entry).toMatchObject({ actorName: 'Jo Bloggs', entity: 'membership', action: 'create', after: { role: 'manager', schoolId } })
  })

  it('answers 200 and sends nothing when they already manage the school', async () => {
    await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' })
    const again = await addManager({ email: 'JO@elm.example', name: 'Someone Else' })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ name: 'Jo Bloggs', mailed: false })
    expect(api.mailer.sent.filter((m) => m.to === 'jo@elm.example')).toHaveLength(1)
  })

  it('names a bad email (and every other bad field) in the problem', async () => {
    const bad = await addManager({ email: 'jo at elm', name: '', role: 'trust_admin' })
    expect(bad.status).toBe(400)
    expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'name', 'role'])
    expect(bad.body.errors.find((e: { path: string }) => e.path === 'email').message).toContain('email address')
    expect(api.mailer.sent).toHaveLength(0)
  })
})

describe('removing a manager', () => {
  it('stops their access at once: their open session gets 404 for the school', async () => {
    const added = await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' })
    const jo = as(await signInFromMail('jo@elm.example'))
    expect((await api.request('GET', `/manage/${schoolId}`, undefined, jo)).status).toBe(200)
    expect((await removeManager(added.body.id)).status).toBe(204)
    expect((await api.request('GET', `/manage/${schoolId}`, undefined, jo)).status).toBe(404)
    expect((await api.request('GET', `${base}/staff`, undefined, jo)).status).toBe(404)
    expect((await listed()).map((p) => p.name)).toEqual(['Tess Tester'])
  })

  it("stops the API tokens they made for scripts, and leaves other managers' tokens working", async () => {
    const added = await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' })
    const jo = as(await signInFromMail('jo@elm.example'))
    const josToken = await api.json('POST', `${base}/api-tokens`, { name: "Jo's export script" }, jo)
    const ownToken = await api.json('POST', `${base}/api-tokens`, { name: 'Payroll export' })
    const bearer = (token: string) => ({ cookie: '', origin: '', authorization: `Bearer ${token}` })
    expect((await api.request('GET', `${base}/absences`, undefined, bearer(josToken.body.token))).status).toBe(200)
    expect((await removeManager(added.body.id)).status).toBe(204)
    expect((await api.request('GET', `${base}/absences`, undefined, bearer(josToken.body.token))).status).toBe(401)
    expect((await api.request('GET', `${base}/absences`, undefined, bearer(ownToken.body.token))).status).toBe(200)
  })

  it('refuses the last manager when the organisation has no trust admin, and allows it while another runs the school', async () => {
    const jo = await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' })
    const joAuth = as(await signInFromMail('jo@elm.example'))
    await withoutTrustAdmin()
    const last = await removeManager(jo.body.id, joAuth)
    expect(last.status).toBe(409)
    expect(last.body.detail).toContain('Jo Bloggs is the last manager of this school')
    const sam = await addManager({ email: 'sam@elm.example', name: 'Sam Lee' }, joAuth)
    const samAuth = as(await signInFromMail('sam@elm.example'))
    expect((await removeManager(jo.body.id, samAuth)).status).toBe(204)
    expect((await removeManager(sam.body.id, samAuth)).status).toBe(409)
  })

  it('does not remove a trust admin here', async () => {
    const res = await removeManager(TESTER.id)
    expect(res.status).toBe(409)
    expect(res.body.detail).toContain('trust admin')
  })

  it('answers 404 for someone who does not manage the school', async () => {
    expect((await removeManager('usr_nobody')).status).toBe(404)
  })
})

describe('who may not', () => {
  it('staff and API tokens are refused (403) and change nothing', async () => {
    await withBasics(api, base)
    const staff = await api.json('POST', `${base}/staff`, { code: 'AP', name: 'Amira Patel', grade: 'G4', hoursPerWeek: 32.5, pattern: WEEKDAY_PATTERN })
    const link = await api.json('POST', `${base}/staff/${staff.body.id}/link`)
    const opened = await api.app.request(new URL(link.body.url).pathname)
    const staffCookie = as(opened.headers.get('set-cookie')?.split(';')[0] ?? '')
    const token = await api.json('POST', `${base}/api-tokens`, { name: 'script' })
    const bearer = { authorization: `Bearer ${token.body.token}`, cookie: '' }
    for (const who of [staffCookie, bearer]) {
      expect((await api.json('GET', `${base}/managers`, undefined, who)).status).toBe(403)
      expect((await addManager({ email: 'jo@elm.example', name: 'Jo Bloggs' }, who)).status).toBe(403)
      expect((await removeManager(TESTER.id, who)).status).toBe(403)
    }
    expect(api.mailer.sent).toHaveLength(0)
  })
})
