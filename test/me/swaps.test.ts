// Swaps on the phone, over HTTP through the real app: plain forms that post, answer 303 back to
// /me with a message, and show only the swaps a person is part of. The manager's API approves
// what the colleague accepted, and refuses (409) what they have not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { addSickness, phoneWorld, type School } from '../support/calendar.js'

const ORIGIN = 'http://localhost'
const WEEK = '2026-11-23'
/** Amira's yard duty on Thursday, which she offers */
const GIVE = 'yard|2026-11-26|break'

let school: School
let app: App
let manager: string
let amira: string
let ben: string
let cara: string

beforeEach(async () => {
  const world = await phoneWorld('2026-11-24T07:45:00Z', WEEK, [
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_ben', 'gate', '2026-11-27', 'gate'],
    ['stf_cara', 'yard', '2026-11-26', 'break'],
  ]) // Tuesday, before school
  ;({ school, app, manager } = world)
  ;[amira, ben, cara] = [await world.open(school.staff.amira), await world.open(school.staff.ben), await world.open(school.staff.cara)]
})
afterEach(() => school.close())

const form = (path: string, cookie: string, fields: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  })
const page = async (path: string, cookie: string) => (await app.request(path, { headers: { cookie } })).text()
const api = (method: string, path: string) => app.request(`/api/schools/${school.schoolId}${path}`, { method, headers: { cookie: manager, origin: ORIGIN } })

async function swapsOfWeek(): Promise<{ id: string; stage: string; version: number }[]> {
  return ((await (await api('GET', `/weeks/${WEEK}/swaps`)).json()) as { items: { id: string; stage: string; version: number }[] }).items
}

/** Amira offers Thursday's yard duty to Ben through the offer page's form. */
async function amiraOffers(fields: Record<string, string> = {}): Promise<string> {
  const res = await form('/me/swaps', amira, { give: GIVE, to: school.staff.ben, back: '', note: 'Dentist at 11', ...fields })
  expect(res.status).toBe(303)
  expect(res.headers.get('location')).toBe('/me?swap=offered#swaps')
  return (await swapsOfWeek()).find((s) => s.stage === 'offered')?.id ?? ''
}

describe('offering a swap from /me', () => {
  it('shows each duty from today on with an offer link, and the offer page lists only colleagues who could take it', async () => {
    await addSickness(school, school.staff.cara, '2026-11-26')
    const me = await page('/me', amira)
    expect(me).toContain(`href="/me/swaps/new?give=${encodeURIComponent(GIVE)}"`)
    const step2 = await page(`/me/swaps/new?give=${encodeURIComponent(GIVE)}`, amira)
    expect(step2).toContain('Who could take it?')
    expect(step2).toContain('Ben Ortiz')
    // Cara is off sick that day: not listed, and never why
    expect(step2).not.toContain('Cara Li')
    expect(step2).not.toMatch(/sick|flu|doctor/i)
    const step3 = await page(`/me/swaps/new?give=${encodeURIComponent(GIVE)}&to=${school.staff.ben}`, amira)
    expect(step3).toContain('Send the offer to Ben Ortiz')
    expect(step3).toContain('Yes, I take: Fri 27 Nov, 08:30 to 08:45: Duty, Front gate')
  })

  it('B sees the offer with its note and accepts it; a manager then approves it and the rota changes', async () => {
    const id = await amiraOffers()
    const benPage = await page('/me', ben)
    expect(benPage).toContain('Amira Patel offers you a swap')
    expect(benPage).toContain('Dentist at 11')
    expect(await swapsOfWeek()).toMatchObject([{ stage: 'offered' }])

    const accepted = await form(`/me/swaps/${id}/accept`, ben, { version: '1' })
    expect(accepted.status).toBe(303)
    expect(accepted.headers.get('location')).toBe('/me?swap=accepted#swaps')
    expect(await page('/me?swap=accepted', ben)).toContain('You accepted. A manager now approves the swap')

    const [swap] = await swapsOfWeek()
    const approved = await app.request(`/api/schools/${school.schoolId}/swaps/${id}/approve`, {
      method: 'POST',
      headers: { cookie: manager, origin: ORIGIN, 'if-match': `"${swap?.version}"` },
    })
    expect(approved.status).toBe(200)
    expect(await page('/me', ben)).toContain('Approved: the rota is changed.')
  })

  it('the manager’s approve endpoint refuses (409) an offer the colleague has not accepted, and says so', async () => {
    const id = await amiraOffers()
    const res = await api('POST', `/swaps/${id}/approve`)
    expect(res.status).toBe(409)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(((await res.json()) as { detail: string }).detail).toBe('S2 has not accepted this swap yet: it can be approved once they have')
  })

  it('an offer Ben can no longer take (sent from a page open before he fell ill) is refused without saying he is absent', async () => {
    await addSickness(school, school.staff.ben, '2026-11-26')
    const res = await form('/me/swaps', amira, { give: GIVE, to: school.staff.ben, note: 'Dentist at 11' })
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('one of you cannot take that duty then, for a reason only a manager can see')
    expect(html).not.toMatch(/absen|sick|flu|doctor|rule 3/i)
    expect(await swapsOfWeek()).toEqual([])
  })

  it('shows a swap and its note only to the two people in it', async () => {
    await amiraOffers({ note: 'Between us two' })
    expect(await page('/me', amira)).toContain('Between us two')
    expect(await page('/me', ben)).toContain('Between us two')
    const caraPage = await page('/me', cara)
    expect(caraPage).not.toContain('Between us two')
    expect(caraPage).not.toContain('offers you a swap')
  })

  it('B declining, or A withdrawing, changes nothing and leaves nothing to approve', async () => {
    const first = await amiraOffers()
    expect((await form(`/me/swaps/${first}/decline`, ben)).headers.get('location')).toBe('/me?swap=declined#swaps')
    const second = await amiraOffers()
    expect((await form(`/me/swaps/${second}/withdraw`, amira)).headers.get('location')).toBe('/me?swap=withdrawn#swaps')
    expect((await swapsOfWeek()).map((s) => s.stage).sort()).toEqual(['declined', 'withdrawn'])
    expect((await api('POST', `/swaps/${second}/approve`)).status).toBe(409)
  })

  it('refuses a third person’s answer with 404 and the page, and a stale answer with 412', async () => {
    const id = await amiraOffers()
    const third = await form(`/me/swaps/${id}/accept`, cara)
    expect(third.status).toBe(404)
    expect(await third.text()).toContain('That swap is not one of yours')
    const stale = await form(`/me/swaps/${id}/accept`, ben, { version: '7' })
    expect(stale.status).toBe(412)
    expect(await stale.text()).toContain('The offer changed while you were answering it.')
  })

  it('cannot be offered or answered from another site (CSRF)', async () => {
    const id = await amiraOffers()
    const cross = { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/x-www-form-urlencoded' }
    expect(
      (
        await app.request('/me/swaps', {
          method: 'POST',
          headers: { cookie: amira, ...cross },
          body: `give=${encodeURIComponent(GIVE)}&to=${school.staff.cara}`,
        })
      ).status,
    ).toBe(403)
    expect((await app.request(`/me/swaps/${id}/accept`, { method: 'POST', headers: { cookie: ben, ...cross } })).status).toBe(403)
    expect(await swapsOfWeek()).toMatchObject([{ stage: 'offered' }])
  })
})
