// The phone page and the feeds on real workerd with a local D1 (wrangler dev), over HTTP. Workers
// run in UTC, so this is where an 08:30 London duty would come out an hour off if anything used
// the process time zone; D1 also runs the calendar's upserts inside the publish's own batch.
import '@js-joda/timezone'
import { DayOfWeek, LocalDate, LocalTime, TemporalAdjusters, ZonedDateTime, ZoneId } from '@js-joda/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tinyScenario } from '../support/week.js'
import { startWorker, type RunningWorker } from '../support/start-worker.js'
import { parseFeed } from '../support/calendar.js'

let worker: RunningWorker
beforeAll(async () => {
  worker = await startWorker()
})
afterAll(async () => {
  await worker?.stop()
})

async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = worker.auth) {
  return worker.fetch(path, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

describe('/me and the feeds on Workers with D1', () => {
  it('publish, open the personal link, get the calendar link, and read the feed back in UTC', async () => {
    // The worker's clock is the real one: plan a week ahead, as a manager would.
    const monday = LocalDate.now().plusWeeks(2).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
    const org = (await (await send('POST', '/api/organisations', { name: 'Feed Trust' })).json()) as { id: string }
    const school = (await (await send('POST', '/api/schools', { organisationId: org.id, name: 'Feed Primary' })).json()) as { id: string }
    const base = `/api/schools/${school.id}`
    expect((await send('POST', `${base}/import`, { ...tinyScenario(), week: monday.toString() })).status).toBe(200)
    const draft = await send('POST', `${base}/weeks/${monday}/rota`)
    expect(draft.status).toBe(201)
    const published = await send('POST', `${base}/weeks/${monday}/rota/publish`, undefined, { ...worker.auth, 'if-match': draft.headers.get('etag') ?? '' })
    expect(published.status).toBe(200)
    const rota = ((await published.json()) as { rota: { assignments: { staff: string; date: string; slot?: string }[] } }).rota.assignments

    const staff = (await (await send('GET', `${base}/staff`)).json()) as { items: { id: string; code: string; name: string }[] }
    const ann = staff.items.find((s) => s.code === 'ann')
    if (!ann) throw new Error('ann was imported')
    const link = (await (await send('POST', `${base}/staff/${ann.id}/link`)).json()) as { url: string }
    const opened = await worker.fetch(new URL(link.url).pathname, { redirect: 'manual' })
    expect(opened.status).toBe(303)
    const cookie = /__Host-session=[^;,]*/.exec(opened.headers.get('set-cookie') ?? '')?.[0] ?? ''
    const page = await worker.fetch('/me', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Your duties, ANN')

    const issued = await worker.fetch('/me/calendar', { method: 'POST', headers: { cookie, origin: worker.url } })
    const url = /value="(http[^"]+\.ics)"/.exec(await issued.text())?.[1]
    if (!url) throw new Error('no calendar link on the page')
    const feed = await worker.fetch(new URL(url).pathname)
    expect(feed.status).toBe(200)
    const { events } = parseFeed(await feed.text())

    // 10:00-10:20 in London, whatever zone the worker runs in.
    const london = (date: string, time: string) =>
      ZonedDateTime.of(LocalDate.parse(date), LocalTime.parse(time), ZoneId.of('Europe/London')).toInstant().toString()
    const expected = rota.filter((a) => a.staff === 'ann').map((a) => [london(a.date, '10:00'), london(a.date, '10:20')])
    expect(expected.length).toBeGreaterThan(0)
    expect(events.map((e) => [e.start, e.end]).sort()).toEqual(expected.sort())

    const etag = feed.headers.get('etag') ?? ''
    expect((await worker.fetch(new URL(url).pathname, { headers: { 'if-none-match': etag } })).status).toBe(304)

    expect((await worker.fetch('/me/calendar/revoke', { method: 'POST', headers: { cookie, origin: worker.url }, redirect: 'manual' })).status).toBe(303)
    expect((await worker.fetch(new URL(url).pathname)).status).toBe(404)
  })
})
