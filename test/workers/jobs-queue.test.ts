// Big weeks on Workers: the generate answers 202 with its job, and the Worker's own queue
// consumer (wrangler.toml, local queues under `wrangler dev`) solves it and stores the draft.
// BACKGROUND_FROM_STAFF=1 makes the tiny week count as big, so the queue path runs in seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DayOfWeek, LocalDate, TemporalAdjusters } from '@js-joda/core'
import { tinyScenario } from '../support/week.js'
import { sendAs, startWorker, type RunningWorker } from '../support/start-worker.js'

let worker: RunningWorker
beforeAll(async () => {
  worker = await startWorker({ vars: { BACKGROUND_FROM_STAFF: '1' } })
})
afterAll(async () => {
  await worker?.stop()
})

const send = (method: string, path: string, body?: unknown, headers?: Record<string, string>) => sendAs(worker, method, path, body, headers)

interface Job {
  id: string
  status: string
  startedAt: string | null
  finishedAt: string | null
  rotaId: string | null
  error: string | null
}

/** Reads the job at `location` until it has ended. */
async function ended(location: string, timeoutMs = 60_000): Promise<Job> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const job = (await send('GET', location)).body as Job
    if (job.status !== 'queued' && job.status !== 'running') return job
    if (Date.now() > deadline) throw new Error(`job still ${job.status} after ${timeoutMs} ms:\n${worker.output()}`)
    await new Promise((r) => setTimeout(r, 250))
  }
}

async function schoolWithWeek(name: string, weeksAhead: number) {
  const monday = LocalDate.now().plusWeeks(weeksAhead).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString()
  const org = await send('POST', '/api/organisations', { name: `${name} Trust` })
  const school = await send('POST', '/api/schools', { organisationId: org.body.id, name })
  const base = `/api/schools/${school.body.id}`
  expect((await send('POST', `${base}/import`, { ...tinyScenario(), week: monday })).status).toBe(200)
  return { base, monday, week: `${base}/weeks/${monday}` }
}

describe('generates of big weeks on Workers go through the jobs queue', () => {
  it('answers 202 at once, and the queue consumer stores the draft the job names', async () => {
    const { week } = await schoolWithWeek('Queue Primary', 3)
    const asked = await send('POST', `${week}/rota`)
    expect(asked.status).toBe(202)
    expect(asked.body.status).toBe('queued')
    const location = asked.headers.get('location') ?? ''
    expect(location).toContain(`/jobs/${asked.body.id}`)

    const job = await ended(location)
    expect(job.status).toBe('done')
    const view = await send('GET', `${week}/rota`)
    expect(view.body.draft.id).toBe(job.rotaId)
    expect(view.body.draft.assignments.length).toBeGreaterThan(0)
  })

  it('runs two generates of one school one after the other, in the order they were asked for', async () => {
    const { week } = await schoolWithWeek('Turn Primary', 4)
    const first = await send('POST', `${week}/rota`)
    const second = await send('POST', `${week}/rota`)
    expect([first.status, second.status]).toEqual([202, 202])
    const [a, b] = [await ended(first.headers.get('location') ?? ''), await ended(second.headers.get('location') ?? '')]
    expect([a.status, b.status]).toEqual(['done', 'done'])
    expect((b.startedAt ?? '') >= (a.finishedAt ?? '~')).toBe(true)
    expect((await send('GET', `${week}/rota`)).body.draft.id).toBe(b.rotaId)
  })

  it('re-plans a big week around an absence through the queue too, and the job stores the re-plan', async () => {
    const { base, week, monday } = await schoolWithWeek('Replan Primary', 6)
    const generated = await ended((await send('POST', `${week}/rota`)).headers.get('location') ?? '')
    const view = await send('GET', `${week}/rota`)
    const published = await send('POST', `${week}/rota/publish`, undefined, { 'if-match': view.headers.get('etag') ?? '' })
    expect(published.body.rota.id).toBe(generated.rotaId)
    const tuesday = LocalDate.parse(monday).plusDays(1).toString()
    const holder = (published.body.rota.assignments as { staff: string; date: string }[]).find((a) => a.date === tuesday)?.staff

    const absence = await send('POST', `${base}/absences`, { staff: holder, startDate: tuesday, reason: 'sickness' })
    expect(absence.status).toBe(201)
    expect(absence.body.replans).toEqual([])
    const [job] = absence.body.replanJobs as Job[]
    const replanned = await ended(`${base}/jobs/${job?.id}`)
    expect(replanned.status).toBe('done')
    const draft = (await send('GET', `${week}/rota`)).body.draft
    expect(draft.id).toBe(replanned.rotaId)
    expect((draft.assignments as { staff: string; date: string }[]).some((a) => a.staff === holder && a.date === tuesday)).toBe(false)
  })
})
