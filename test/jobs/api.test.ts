// A big week's generate over HTTP, as a client follows it: the 202's job URL says where the
// solve stands in steps, and DELETE stops it mid-solve, leaving the week without a draft.
import { describe, expect, it } from 'vitest'
import { solvePoolForFile } from '../support/solve-pool.js'
import { secondaryWeek } from '../../bench/generate.js'
import { JobDispatcher } from '../../src/jobs/dispatcher.js'
import { freshApi, withSchool } from '../support/api.js'
import { testDeps } from '../support/kit.js'
import { WEEK } from '../support/week.js'

const pool = solvePoolForFile()

describe('a big week’s generate over HTTP', () => {
  it('reports its progress at the job’s URL and is stopped by DELETE, leaving no draft', async () => {
    let jobs: JobDispatcher | undefined
    const api = await freshApi({
      more: (store) => {
        jobs = new JobDispatcher({ ...testDeps(store), solveRunner: pool })
        return { solveRunner: pool, jobs }
      },
    })
    try {
      const { base } = await withSchool(api)
      expect((await api.json('POST', `${base}/import`, { ...secondaryWeek(500, 5), week: WEEK })).status).toBe(200)
      const started = await api.json('POST', `${base}/weeks/${WEEK}/rota`)
      expect(started.status).toBe(202)
      const url = started.headers.get('location') ?? ''

      let job = started.body
      while (job.progress === null) {
        await new Promise((r) => setTimeout(r, 2))
        job = (await api.json('GET', url)).body
      }
      expect(job).toMatchObject({ status: 'running', progress: { budget: 12_000_000 } })
      expect(typeof job.progress.stage).toBe('string')

      const cancelled = await api.json('DELETE', url)
      expect(cancelled).toMatchObject({ status: 200, body: { status: 'cancelled', rotaId: null } })
      await jobs?.idle()
      expect((await api.json('GET', url)).body.status).toBe('cancelled')
      expect((await api.json('GET', `${base}/weeks/${WEEK}/rota`)).body.draft).toBeNull()
      expect((await api.json('DELETE', url)).status).toBe(409)
    } finally {
      await jobs?.idle()
      await api.close()
    }
  })
})
