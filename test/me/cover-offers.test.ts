// Open cover on the phone: an offer shows to whoever may take it, Accept makes it theirs at
// once (in their week and their calendar), and the next person to tap Accept is told it has gone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { listOffers, offerSeats, withdrawOffer } from '../../src/offers/offers.js'
import { addCover, publish } from '../support/calendar.js'
import { phones, type Phones } from '../support/phone.js'

const WEEK = '2026-11-23'
let p: Phones
let school: Phones['school']
let amira: string
let ben: string

beforeEach(async () => {
  // Tuesday 07:45 in London; the cover is for Wednesday's first lesson.
  p = await phones('2026-11-24T07:45:00Z')
  school = p.school
  ;({ amira, ben } = p.cookie)
  await publish(school, WEEK, [['stf_cara', 'gate', '2026-11-25', 'gate']])
  await addCover(school, 'c1', '2026-11-25', '4B reading')
  await offerSeats(school.ctx, school.schoolId, WEEK, [{ work: 'c1', date: '2026-11-25', slot: 'p1' }])
})
afterEach(() => school.close())

const me = (cookie: string, query = '') => p.page(cookie, query)
const accept = async (cookie: string, html: string) => {
  const action = /action="(\/me\/cover-offers\/[^"]+\/accept)"/.exec(html)?.[1]
  if (!action) throw new Error('no Accept button on the page')
  return p.post(cookie, action)
}

describe('cover offered to staff', () => {
  it('shows on the phone of someone who may take it, with an Accept button', async () => {
    const html = await me(amira)
    expect(html).toContain('Cover you could take')
    expect(html).toMatch(/Wed 25 Nov, from 09:00: 4B reading/)
  })

  it('is theirs at once when they accept: in their week, and gone from the offers', async () => {
    const res = await accept(amira, await me(amira))
    expect([res.status, res.headers.get('location')]).toEqual([303, '/me?cover=taken#cover-offers'])
    const html = await me(amira, '?cover=taken')
    expect(html).toContain('It is yours')
    expect(html).not.toMatch(/action="\/me\/cover-offers\//)
    const rows = await school.store.db.selectFrom('calendar_entries').select(['staff_id', 'work_code']).where('work_code', '=', 'c1').execute()
    expect(rows).toEqual([{ staff_id: 'stf_amira', work_code: 'c1' }])
  })

  it('tells the second person to tap Accept that someone else took it first', async () => {
    const bensPage = await me(ben)
    await accept(amira, await me(amira))
    const res = await accept(ben, bensPage)
    expect(res.headers.get('location')).toBe('/me?cover=gone#cover-offers')
    expect(await me(ben, '?cover=gone')).toContain('Someone else took it first')
  })
})

describe('a phone that already has its page', () => {
  it('no longer shows cover the manager withdrew since it last looked', async () => {
    const first = await p.app.request('/me', { headers: { cookie: amira } })
    expect(await first.text()).toContain('Cover you could take')
    const [offer] = await listOffers(school.store, school.schoolId, WEEK)
    await withdrawOffer(school.ctx, school.schoolId, offer?.id ?? '')
    const again = await p.app.request('/me', { headers: { cookie: amira, 'if-none-match': first.headers.get('etag') ?? '' } })
    expect(again.status).toBe(200)
    expect(await again.text()).not.toContain('Cover you could take')
  })
})
