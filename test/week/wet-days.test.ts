// Same-day switches to wet weather over HTTP: the Sports hall set up as the Yard's wet-weather
// alternative, today switched to wet, the re-plan draft made at once with the Yard's person in
// the Sports hall, published, and everyone whose duties changed told once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withSchool, type TestApi } from '../support/api.js'
import { tinyScenario, WEEK } from '../support/week.js'

/** KIT_NOW is Monday 23 November 2026, 09:00 in London: break (10:00) is still to come. */
const TODAY = WEEK
const TUESDAY = '2026-11-24'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
})
afterEach(() => api.close())

interface Placed {
  staff: string
  duty: string
  date: string
  slot?: string
}

/** The tiny week with a Sports hall of two seats, made the Yard's alternative, published. */
async function publishedWithHall(): Promise<{ hallId: string; published: Placed[] }> {
  const s = tinyScenario()
  const hall = { id: 'hall', name: 'Sports hall', kind: 'break' as const, slots: ['break'], days: s.duties[0]?.days ?? [], staff: 2 }
  expect((await api.json('POST', `${base}/import`, { ...s, duties: [...s.duties, hall] })).status).toBe(200)
  const posts = (await api.json('GET', `${base}/duty-posts`)).body.items as { id: string; code: string; version: number }[]
  const saved = posts.find((p) => p.code === 'hall')
  if (!saved) throw new Error('no hall')
  const { body } = await api.json('GET', `${base}/duty-posts/${saved.id}`)
  const { id: _id, slotIds: _slots, version, ...input } = body
  const set = await api.json('PUT', `${base}/duty-posts/${saved.id}`, { ...input, wetWeatherFor: 'yard' }, { 'if-match': `"${version}"` })
  expect(set.status).toBe(200)
  const draft = await api.json('POST', `${base}/weeks/${WEEK}/rota`)
  const done = await api.json('POST', `${base}/weeks/${WEEK}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })
  expect(done.status).toBe(200)
  return { hallId: saved.id, published: done.body.rota.assignments }
}

const onDay = (list: Placed[], date: string, duty: string) =>
  list
    .filter((a) => a.date === date && a.duty === duty)
    .map((a) => a.staff)
    .sort()

describe('a wet-weather alternative', () => {
  it('does not run on a dry day: the published week has the Yard every day and no Sports hall', async () => {
    const { published } = await publishedWithHall()
    expect(published.filter((a) => a.duty === 'hall')).toEqual([])
    expect(onDay(published, TODAY, 'yard')).toHaveLength(1)
  })

  it('is refused for itself, for a post that is itself an alternative, and for a post that has one already, naming the field', async () => {
    const { hallId } = await publishedWithHall()
    const hall = (await api.json('GET', `${base}/duty-posts/${hallId}`)).body
    const { id: _id, slotIds: _slots, version, ...input } = hall
    const self = await api.json('PUT', `${base}/duty-posts/${hallId}`, { ...input, wetWeatherFor: 'hall' }, { 'if-match': `"${version}"` })
    expect([self.status, pathsOf(self.body), self.headers.get('content-type')]).toEqual([400, ['wetWeatherFor'], 'application/problem+json'])
    const gym = { code: 'gym', name: 'Gym', kind: 'break', slots: ['break'], days: ['mon'], peopleNeeded: 1 }
    const second = await api.json('POST', `${base}/duty-posts`, { ...gym, wetWeatherFor: 'yard' })
    expect([second.status, pathsOf(second.body)]).toEqual([400, ['wetWeatherFor']])
    expect(second.body.errors[0].message).toContain('already has a wet-weather alternative: Sports hall')
    const chained = await api.json('POST', `${base}/duty-posts`, { ...gym, wetWeatherFor: 'hall' })
    expect([chained.status, pathsOf(chained.body)]).toEqual([400, ['wetWeatherFor']])
    const unknown = await api.json('POST', `${base}/duty-posts`, { ...gym, wetWeatherFor: 'nowhere' })
    expect([unknown.status, pathsOf(unknown.body)]).toEqual([400, ['wetWeatherFor']])
  })

  it('keeps its dry post from being deleted while it names it', async () => {
    await publishedWithHall()
    const yard = ((await api.json('GET', `${base}/duty-posts`)).body.items as { id: string; code: string }[]).find((p) => p.code === 'yard')
    const res = await api.json('DELETE', `${base}/duty-posts/${yard?.id}`)
    expect([res.status, res.body.detail]).toEqual([409, 'Sports hall is the wet-weather alternative of Yard; change or delete Sports hall first'])
  })
})

describe('switching today to wet weather', () => {
  it('makes the re-plan draft at once, with the Yard’s person moved to the Sports hall and only the new seat filled anew', async () => {
    const { published } = await publishedWithHall()
    const res = await api.json('PUT', `${base}/wet-days/${TODAY}`)
    expect(res.status).toBe(200)
    expect(res.body).toMatchObject({ date: TODAY, wet: true, replanFailures: [] })
    const draft = res.body.replans[0].rota.assignments as Placed[]
    const yardToday = onDay(published, TODAY, 'yard')
    expect(onDay(draft, TODAY, 'yard')).toEqual([])
    expect(onDay(draft, TODAY, 'hall')).toHaveLength(2)
    expect(onDay(draft, TODAY, 'hall')).toEqual(expect.arrayContaining(yardToday))
    // Every other day is as it was.
    expect(draft.filter((a) => a.date !== TODAY)).toEqual(published.filter((a) => a.date !== TODAY))
  })

  it('tells each person whose duties the publish changes once, as any publish does', async () => {
    await publishedWithHall()
    await api.store.db.updateTable('staff').set({ email: 'someone@tiny.example' }).execute()
    const res = await api.json('PUT', `${base}/wet-days/${TODAY}`)
    const publish = await api.json('POST', `${base}/weeks/${WEEK}/rota/publish`, undefined, { 'if-match': `"${res.body.replans[0].version}"` })
    expect(publish.status).toBe(200)
    const told = api.store.sqlite
      .prepare("SELECT staff_id, COUNT(*) AS n FROM outbox WHERE staff_id IS NOT NULL AND subject LIKE 'Your duties changed%' GROUP BY staff_id")
      .all() as { n: number }[]
    // The moved person's duty changed place; the one given the new seat has a duty more.
    expect(told.map((t) => t.n)).toEqual([1, 1])
  })

  it('says so for the week, and turning it back off makes the draft that puts everyone back on the Yard', async () => {
    const { published } = await publishedWithHall()
    const wet = await api.json('PUT', `${base}/wet-days/${TODAY}`)
    await api.json('POST', `${base}/weeks/${WEEK}/rota/publish`, undefined, { 'if-match': `"${wet.body.replans[0].version}"` })
    const week = await api.json('GET', `${base}/weeks/${WEEK}/wet-days`)
    expect(week.body).toEqual({ alternatives: [{ dry: 'yard', dryName: 'Yard', wet: 'hall', wetName: 'Sports hall' }], wetDates: [TODAY] })
    const dry = await api.json('DELETE', `${base}/wet-days/${TODAY}`)
    expect(dry.body.wet).toBe(false)
    const back = dry.body.replans[0].rota.assignments as Placed[]
    expect(onDay(back, TODAY, 'hall')).toEqual([])
    expect(onDay(back, TODAY, 'yard')).toHaveLength(1)
    expect((await api.json('GET', `${base}/weeks/${WEEK}/wet-days`)).body.wetDates).toEqual([])
    expect(back.filter((a) => a.date !== TODAY)).toEqual(published.filter((a) => a.date !== TODAY))
  })

  it('with If-Match, is refused (412) once the week moved on since, and goes through at the week’s version', async () => {
    await publishedWithHall()
    const stale = await api.json('PUT', `${base}/wet-days/${TODAY}`, undefined, { 'if-match': '"1"' })
    expect([stale.status, stale.headers.get('content-type')]).toEqual([412, 'application/problem+json'])
    expect((await api.json('GET', `${base}/weeks/${WEEK}/wet-days`)).body.wetDates).toEqual([])
    const etag = (await api.json('GET', `${base}/weeks/${WEEK}/rota`)).headers.get('etag') ?? ''
    const ok = await api.json('PUT', `${base}/wet-days/${TODAY}`, undefined, { 'if-match': etag })
    expect([ok.status, ok.body.replans.length]).toEqual([200, 1])
  })

  it('twice makes one draft, not two', async () => {
    await publishedWithHall()
    await api.json('PUT', `${base}/wet-days/${TUESDAY}`)
    const again = await api.json('PUT', `${base}/wet-days/${TUESDAY}`)
    expect([again.status, again.body.replans]).toEqual([200, []])
  })

  it('is refused for a day already gone, and for what is not a date', async () => {
    await publishedWithHall()
    const past = await api.json('PUT', `${base}/wet-days/2026-11-20`)
    expect([past.status, past.headers.get('content-type')]).toEqual([409, 'application/problem+json'])
    const bad = await api.json('PUT', `${base}/wet-days/2026-13-01`)
    expect([bad.status, pathsOf(bad.body)]).toEqual([400, ['date']])
  })
})
