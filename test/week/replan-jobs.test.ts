// Re-plans are jobs, as generates are: a week too big to wait for is re-planned in the
// background and answered with its job, whose draft is the re-plan once it has run; a week
// small enough still answers with its draft at once. (The bound is lowered to one person here
// so that a small example week counts as big and the test stays quick.)
import { afterEach, describe, expect, it } from 'vitest'
import { JobDispatcher } from '../../src/jobs/dispatcher.js'
import { getJob } from '../../src/jobs/jobs.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek, viewWeek } from '../../src/week/publish.js'
import { recordAbsence, replanForAbsence } from '../../src/week/replan.js'
import { example, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

/** A published primary week and whoever holds a duty on its Tuesday. */
async function publishedWeek() {
  const w = await worldFrom(example('primary.json'))
  open.push(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  const published = await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  const holder = published.rota.assignments.find((a) => a.date === '2026-11-24')?.staff ?? ''
  const sick = { staff: holder, startDate: '2026-11-24', endDate: '2026-11-24', startTime: null, endTime: null, reason: 'sickness' as const, detail: null }
  return { w, published, sick }
}

describe('a re-plan', () => {
  it('of a week too big to wait for answers with its job, and the job stores the re-plan draft', async () => {
    const { w, published, sick } = await publishedWeek()
    const jobs = new JobDispatcher(w.ctx, { backgroundFromStaff: 1 })
    const recorded = await recordAbsence({ ...w.ctx, jobs }, SCHOOL, sick)
    expect(recorded.replans).toEqual([])
    expect(recorded.replanJobs.map((j) => [j.week, j.status])).toEqual([[WEEK, expect.stringMatching(/^(queued|running)$/)]])
    await jobs.idle()
    const job = await getJob(w.store, SCHOOL, recorded.replanJobs[0]?.id ?? '')
    expect(job.status).toBe('done')
    const view = await viewWeek(w.ctx, SCHOOL, WEEK)
    expect(view.draft?.id).toBe(job.rotaId)
    expect(view.draft?.stats).toMatchObject({ origin: { kind: 'replan', absenceId: recorded.absence.id } })
    expect(view.draft?.assignments.some((a) => a.staff === sick.staff && a.date === sick.startDate)).toBe(false)
    expect(view.published?.id).toBe(published.rota.id)
  })

  it('of a week small enough answers with its draft at once, through the same job path', async () => {
    const { w, sick } = await publishedWeek()
    const jobs = new JobDispatcher(w.ctx)
    const recorded = await recordAbsence({ ...w.ctx, jobs }, SCHOOL, sick)
    expect(recorded.replanJobs).toEqual([])
    expect(recorded.replans).toHaveLength(1)
    const [job] = await w.store.db.selectFrom('solve_jobs').selectAll().execute()
    expect(job).toMatchObject({ status: 'done', rota_id: recorded.replans[0]?.rota.id })
  })

  it('asked for again of a changed absence gives the big week’s job too', async () => {
    const { w, sick } = await publishedWeek()
    const recorded = await recordAbsence(w.ctx, SCHOOL, sick)
    const jobs = new JobDispatcher(w.ctx, { backgroundFromStaff: 1 })
    const again = await replanForAbsence({ ...w.ctx, jobs }, SCHOOL, recorded.absence.id)
    expect(again.replans).toEqual([])
    expect(again.jobs.map((j) => j.week)).toEqual([WEEK])
    await jobs.idle()
    expect((await getJob(w.store, SCHOOL, again.jobs[0]?.id ?? '')).status).toBe('done')
  })
})
