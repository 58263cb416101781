// "Seen" receipts (src/notifications/receipts.ts): after a re-plan, each changed duty of a person
// asks them to say they have read it, on /me; the manager's week page shows who has and who has
// not yet; a later publish that changes the duty again asks again.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { createSession } from '../../src/auth/sessions.js'
import { openPersonalLink, publish, phoneWorld, type School } from '../support/calendar.js'
import { insertOrganisation, insertSchool, SETUP_AT } from '../support/kit.js'

const ORIGIN = 'http://localhost'
const WEEK = '2026-11-23'
const TUESDAY_YARD = ['yard', '2026-11-24', 'break'] as const
const WEEK_PAGE = `/manage/sch_1/week/${WEEK}`

let school: School
let app: App
let manager: string
let amira: string
let ben: string

beforeEach(async () => {
  // Tuesday 07:00, before school: publication 1 gives Amira the yard alone.
  const world = await phoneWorld('2026-11-24T07:00:00Z', WEEK, [['stf_amira', ...TUESDAY_YARD]])
  ;({ school, app, manager } = world)
  ;[amira, ben] = [await world.open(school.staff.amira), await world.open(school.staff.ben)]
})
afterEach(() => school.close())

const get = async (path: string, cookie: string) => (await app.request(path, { headers: { cookie } })).text()
const post = (cookie: string, fields: Record<string, string>) =>
  app.request('/me/seen', {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })

/** The hidden fields of each Seen button on a page. */
function seenButtons(html: string): { entry: string; publish: string }[] {
  return [
    ...html.matchAll(
      /<form method="post" action="\/me\/seen" class="seen"><input type="hidden" name="entry" value="([^"]+)"\/><input type="hidden" name="publish" value="([^"]+)"\/>/g,
    ),
  ]
    .map((m) => ({ entry: m[1] ?? '', publish: m[2] ?? '' }))
    .filter((b, i, all) => all.findIndex((x) => x.entry === b.entry) === i)
}

/** Morning break starts at another time from the next publication on. */
async function breakMovesTo(start: string, end: string): Promise<void> {
  await school.store.db.updateTable('slots').set({ start_time: start, end_time: end }).where('id', '=', 'slt_break').execute()
}

/** The second publication: break moves ten minutes earlier, so Amira's duty changes, and Ben joins her on the yard. */
async function theReplan(): Promise<void> {
  await breakMovesTo('10:40', '11:00')
  await publishAgain([
    ['stf_amira', ...TUESDAY_YARD],
    ['stf_ben', ...TUESDAY_YARD],
  ])
}

/** A later publication of the week, a minute on. */
async function publishAgain(rows: Parameters<typeof publish>[2]): Promise<void> {
  school.clock.advanceSeconds(60)
  await publish(school, WEEK, rows)
}

/** After publication 2, Amira presses the Seen of her changed yard duty; returns what it sent. */
async function amiraPressesSeen(): Promise<{ entry: string; publish: string }> {
  await theReplan()
  const [button = { entry: '', publish: '' }] = seenButtons(await get('/me', amira))
  expect((await post(amira, button)).status).toBe(303)
  return button
}

const receiptCount = async () =>
  (
    await school.store.db
      .selectFrom('duty_receipts')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n

describe('Seen on /me', () => {
  it("asks nothing after a week's first publish: everything is new, nothing changed", async () => {
    expect(seenButtons(await get('/me', amira))).toEqual([])
  })

  it('a duty a re-plan changed is marked Changed and carries a Seen button', async () => {
    await theReplan()
    const page = await get('/me', amira)
    expect(page).toContain('<span class="tag">Changed</span>')
    expect(page).toContain('Changes to mark as seen')
    expect(seenButtons(page)).toHaveLength(1)
    expect(await get('/me', ben)).toContain('<span class="tag">New</span>')
  })

  it('a new colleague on the duty, and nothing else, asks nothing: the person goes where they went', async () => {
    await publishAgain([
      ['stf_amira', ...TUESDAY_YARD],
      ['stf_ben', ...TUESDAY_YARD],
    ])
    expect(seenButtons(await get('/me', amira))).toEqual([])
    expect(seenButtons(await get('/me', ben))).toHaveLength(1)
  })

  it('pressing Seen records it: the button goes, and the page says so once', async () => {
    await theReplan()
    const [button] = seenButtons(await get('/me', amira))
    const pressed = await post(amira, button ?? { entry: '', publish: '' })
    expect(pressed.status).toBe(303)
    expect(pressed.headers.get('location')).toBe('/me?seen=done#to-see')
    expect(await get('/me?seen=done', amira)).toContain('Marked as seen')
    const after = await get('/me', amira)
    expect(seenButtons(after)).toEqual([])
    expect(after).not.toContain('Changes to mark as seen')
  })

  it('pressing Seen twice (a double tap) writes one receipt and answers alike', async () => {
    await theReplan()
    const [button] = seenButtons(await get('/me', amira))
    expect((await post(amira, button ?? { entry: '', publish: '' })).status).toBe(303)
    expect((await post(amira, button ?? { entry: '', publish: '' })).status).toBe(303)
    expect(await receiptCount()).toBe(1)
  })

  it('the stored /me page is made again once a receipt is written', async () => {
    await theReplan()
    const before = await app.request('/me', { headers: { cookie: amira } })
    const [button] = seenButtons(await before.text())
    await post(amira, button ?? { entry: '', publish: '' })
    const after = await app.request('/me', { headers: { cookie: amira, 'if-none-match': before.headers.get('etag') ?? '' } })
    expect(after.status).toBe(200)
    expect(seenButtons(await after.text())).toEqual([])
  })

  it('a later publish that changes the duty again asks again', async () => {
    const first = await amiraPressesSeen()
    await breakMovesTo('10:30', '10:50')
    await publishAgain([
      ['stf_amira', ...TUESDAY_YARD],
      ['stf_cara', ...TUESDAY_YARD],
    ])
    const [again] = seenButtons(await get('/me', amira))
    expect(again?.entry).toBe(first.entry)
    expect(again?.publish).not.toBe(first.publish)
  })

  it('a later publish that leaves the duty as it was does not ask again', async () => {
    await amiraPressesSeen()
    await publishAgain([
      ['stf_amira', ...TUESDAY_YARD],
      ['stf_ben', ...TUESDAY_YARD],
      ['stf_cara', 'gate', '2026-11-25', 'gate'],
    ])
    expect(seenButtons(await get('/me', amira))).toEqual([])
  })

  it('a Seen pressed on a page from before the duty changed again is refused (409), and nothing is written', async () => {
    await theReplan()
    const [old] = seenButtons(await get('/me', amira))
    await breakMovesTo('10:30', '10:50')
    await publishAgain([['stf_amira', ...TUESDAY_YARD]])
    const refused = await post(amira, old ?? { entry: '', publish: '' })
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('That duty changed again')
    expect(await receiptCount()).toBe(0)
  })

  it("a person cannot mark someone else's duty seen: a forged id is refused (404) and nothing is written", async () => {
    await theReplan()
    const [amiras] = seenButtons(await get('/me', amira))
    const forged = await post(ben, amiras ?? { entry: '', publish: '' })
    expect(forged.status).toBe(404)
    expect(await forged.text()).toContain('not a changed duty of yours')
    expect((await post(ben, { entry: 'cal_made_up', publish: amiras?.publish ?? '' })).status).toBe(404)
    expect(await receiptCount()).toBe(0)
  })

  it('a form without its fields is refused (400), naming nothing it did', async () => {
    await theReplan()
    const bad = await post(amira, { entry: 'x" onload="y' })
    expect(bad.status).toBe(400)
    expect(await receiptCount()).toBe(0)
  })

  it('a Seen from another site is refused before it reaches the page', async () => {
    await theReplan()
    const [button] = seenButtons(await get('/me', amira))
    const crossSite = await app.request('/me/seen', {
      method: 'POST',
      headers: { cookie: amira, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(button ?? {}).toString(),
    })
    expect(crossSite.status).toBe(403)
    expect(await receiptCount()).toBe(0)
  })
})

describe("Seen on the manager's week page", () => {
  it('lists each changed duty of the latest publish with who has seen it and who not yet', async () => {
    await amiraPressesSeen()
    const page = await get(WEEK_PAGE, manager)
    expect(page).toContain('Who has seen the changes')
    expect(page).toContain('Tue 24 Nov, 10:40 to 11:00: Break duty: Yard, by the climbing frame')
    expect(page).toContain('Seen: Amira Patel (Tuesday 24 November at 07:01)')
    expect(page).toContain('Not yet: Ben Ortiz')
    expect(page).toContain('<strong>Not yet seen by:</strong> Ben Ortiz.')
  })

  it('shows nothing to chase after a first publish', async () => {
    expect(await get(WEEK_PAGE, manager)).not.toContain('Who has seen the changes')
  })

  it('a second publish changing the duty again shows it unseen again', async () => {
    await amiraPressesSeen()
    await breakMovesTo('10:30', '10:50')
    await publishAgain([
      ['stf_amira', ...TUESDAY_YARD],
      ['stf_cara', ...TUESDAY_YARD],
    ])
    const page = await get(WEEK_PAGE, manager)
    expect(page).toContain('Not yet: Amira Patel, Cara Li')
    expect(page).not.toContain('Seen: Amira Patel')
  })

  it("another school's manager and staff see none of it and can mark none of it", async () => {
    await theReplan()
    const [amiras] = seenButtons(await get('/me', amira))
    const { db } = school.store
    await insertOrganisation(school.store, 'org_2', 'Oak Trust')
    await insertSchool(school.store, { id: 'sch_2', organisationId: 'org_2', name: 'Oak Primary' })
    await db.insertInto('users').values({ id: 'usr_oak', email: 'oak@oak.example', name: 'Olive Oak', created_at: SETUP_AT }).execute()
    await db.insertInto('memberships').values({ id: 'mem_oak', user_id: 'usr_oak', role: 'manager', school_id: 'sch_2', created_at: SETUP_AT }).execute()
    await db.insertInto('grades').values({ id: 'grd_oak', school_id: 'sch_2', code: 'G1', name: 'Grade 1', duty_kinds: '["break"]' }).execute()
    await db
      .insertInto('staff')
      .values({ id: 'stf_dan', school_id: 'sch_2', code: 'D1', name: 'Dan Oak', grade_id: 'grd_oak', hours_per_week: 37, pattern: '{}' })
      .execute()
    const oakManager = `__Host-session=${(await createSession(school.ctx, { kind: 'user', userId: 'usr_oak' })).token}`
    const dan = await openPersonalLink((path, init) => app.request(path, init), { ...school, schoolId: 'sch_2' }, oakManager, 'stf_dan')

    const theirPage = await app.request(WEEK_PAGE, { headers: { cookie: oakManager } })
    expect([403, 404]).toContain(theirPage.status)
    expect(await theirPage.text()).not.toContain('Amira Patel')
    expect((await post(dan, amiras ?? { entry: '', publish: '' })).status).toBe(404)
    expect(await receiptCount()).toBe(0)
  })
})
