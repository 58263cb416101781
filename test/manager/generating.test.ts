// A big week's generate on the week page: while its job waits or solves, the page says so in
// words, reloads itself without script, says how far the solve has gone, and offers Cancel
// while it can be stopped: before it starts, and while it solves where a background runner runs
// it (not where it solves in its request, as on Workers).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { JobDispatcher } from '../../src/jobs/dispatcher.js'
import { createJob } from '../../src/jobs/jobs.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { cancelGenerate, weekPage } from '../../src/manager/week-pages.js'
import { example, SCHOOL, WEEK, worldFrom, type World, htmlOf, pagesOf } from '../support/week.js'

let w: World
let pc: PageContext

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  pc = pagesOf(w)
})
afterEach(() => w.close())

describe('a generate still running', () => {
  it('is shown waiting, with the page reloading itself and a Cancel button', async () => {
    const { job } = await createJob(w.ctx, SCHOOL, WEEK)
    const html = htmlOf(await weekPage(pc, WEEK))
    expect(html).toContain('<meta http-equiv="refresh" content="3"/>')
    expect(html).toContain('The week is waiting to be generated')
    expect(html).toContain(`action="/manage/${SCHOOL}/week/${WEEK}/jobs/${job.id}/cancel"`)
  })

  it('is shown solving, without Cancel, once it has started in a request', async () => {
    const { job } = await createJob(w.ctx, SCHOOL, WEEK)
    await w.store.db.updateTable('solve_jobs').set({ status: 'running' }).where('id', '=', job.id).execute()
    const html = htmlOf(await weekPage(pc, WEEK))
    expect(html).toContain('Generating the week now')
    expect(html).not.toContain('/cancel"')
  })

  it('can be cancelled before it starts, and the page stops reloading', async () => {
    const { job } = await createJob(w.ctx, SCHOOL, WEEK)
    expect(await cancelGenerate(pc, WEEK, job.id)).toEqual({ kind: 'redirect', to: `/manage/${SCHOOL}/week/${WEEK}?done=generate-cancelled` })
    expect(htmlOf(await weekPage(pc, WEEK))).not.toContain('http-equiv="refresh"')
  })
})

describe('a generate whose request was ended mid-solve (a Worker over its limits)', () => {
  it('is no longer waited for once a later generate of the week has ended', async () => {
    const { job: abandoned } = await createJob(w.ctx, SCHOOL, WEEK)
    await w.store.db.updateTable('solve_jobs').set({ status: 'running' }).where('id', '=', abandoned.id).execute()
    const { job: later } = await createJob(w.ctx, SCHOOL, WEEK)
    await w.store.db.updateTable('solve_jobs').set({ status: 'done', created_at: '2026-11-20T10:00:01.000Z' }).where('id', '=', later.id).execute()
    const html = htmlOf(await weekPage(pc, WEEK))
    expect(html).not.toContain('Generating the week now')
    expect(html).not.toContain('http-equiv="refresh"')
  })
})

describe('a generate solving in the background', () => {
  it('shows its stage and how much of its work budget it has used', async () => {
    const { job } = await createJob(w.ctx, SCHOOL, WEEK)
    const progress = JSON.stringify({ stage: 'group LPs', steps: 1_500_000, budget: 12_000_000 })
    await w.store.db.updateTable('solve_jobs').set({ status: 'running', progress }).where('id', '=', job.id).execute()
    const html = htmlOf(await weekPage(pc, WEEK))
    expect(html).toContain('Stage: group LPs; about 12 % of its work budget used (1,500,000 of 12,000,000 steps).')
    expect(html).toContain('<progress max="12000000" value="1500000"')
  })

  it('offers Cancel while it solves', async () => {
    const { job } = await createJob(w.ctx, SCHOOL, WEEK)
    await w.store.db.updateTable('solve_jobs').set({ status: 'running' }).where('id', '=', job.id).execute()
    const background = { ...pc, ctx: { ...pc.ctx, jobs: new JobDispatcher(w.ctx) } }
    expect(htmlOf(await weekPage(background, WEEK))).toContain(`action="/manage/${SCHOOL}/week/${WEEK}/jobs/${job.id}/cancel"`)
  })
})
