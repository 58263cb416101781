// The business manager's loop on real workerd with a local D1 (wrangler dev), over HTTP:
// set up, generate, publish, absence, re-plan, publish, and the reports. The worker's clock is
// the real one, so the week is one a few weeks ahead of today (a re-plan never touches the past).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { LocalDate, TemporalAdjusters, DayOfWeek } from '@js-joda/core'
import { tinyScenario } from '../support/week.js'
import { sendAs, startWorker, type RunningWorker } from '../support/start-worker.js'

let worker: RunningWorker
beforeAll(async () => {
  worker = await startWorker()
})
afterAll(async () => {
  await worker?.stop()
})

const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => sendAs(worker, method, path, body, headers)

describe('the week on Workers with D1', () => {
  it('set up, generate, publish, absence, re-plan, publish; then the reports', async () => {
    const monday = LocalDate.now().plusWeeks(3).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
    const tuesday = monday.plusDays(1).toString()
    const org = await send('POST', '/api/organisations', { name: 'Week Trust' })
    const school = await send('POST', '/api/schools', { organisationId: org.body.id, name: 'Week Primary' })
    const base = `/api/schools/${school.body.id}`
    expect((await send('POST', `${base}/import`, { ...tinyScenario(), week: monday.toString() })).status).toBe(200)

    const week = `${base}/weeks/${monday}`
    const draft = await send('POST', `${week}/rota`)
    expect(draft.status).toBe(201)
    expect((await send('POST', `${week}/rota/publish`)).status).toBe(428)
    const published = await send('POST', `${week}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })
    expect(published.status).toBe(200)

    const holder = (published.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === tuesday)?.staff
    const absence = await send('POST', `${base}/absences`, { staff: holder, startDate: tuesday, reason: 'sickness', detail: 'private' })
    expect(absence.status).toBe(201)
    const [draft2] = absence.body.replans as { version: number; diff: { removed: number; people: { staff: string; removed: unknown[] }[] } }[]
    expect(draft2?.diff.removed).toBe(1)
    expect(draft2?.diff.people.find((p) => p.staff === holder)?.removed).toHaveLength(1)
    expect((await send('POST', `${week}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })).status).toBe(412)
    const again = await send('POST', `${week}/rota/publish`, undefined, { 'if-match': `"${draft2?.version}"` })
    expect(again.status).toBe(200)
    expect((again.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === tuesday)?.staff).not.toBe(holder)

    const fairness = await send('GET', `${base}/reports/fairness?date=${monday}`)
    expect((fairness.body.staff as { week: { total: number } }[]).reduce((n, r) => n + r.week.total, 0)).toBe(5)
    const csv = await send('GET', `${base}/reports/hours?date=${monday}&format=csv`)
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/)
  })

  it('of two publishes sent at once with the same ETag, exactly one wins and the other gets 412', async () => {
    const monday = LocalDate.now().plusWeeks(4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
    const org = await send('POST', '/api/organisations', { name: 'Race Trust' })
    const school = await send('POST', '/api/schools', { organisationId: org.body.id, name: 'Race Primary' })
    const base = `/api/schools/${school.body.id}`
    expect((await send('POST', `${base}/import`, { ...tinyScenario(), week: monday.toString() })).status).toBe(200)
    const week = `${base}/weeks/${monday}`
    const draft = await send('POST', `${week}/rota`)
    const etag = draft.headers.get('etag') ?? ''
    const results = await Promise.all([1, 2].map(() => send('POST', `${week}/rota/publish`, undefined, { 'if-match': etag })))
    expect(results.map((r) => r.status).sort()).toEqual([200, 412])
    expect((await send('GET', `${week}/rota`)).body.published.id).toBe(draft.body.rota.id)
  })
})
