// Solves off the request thread: while one school's big week solves in a worker thread, the
// service keeps answering; the rota is the one the solver gives in the request; a pin that
// breaks a rule is still answered as the manager's problem; progress comes back from the
// thread while it solves, and a cancelled solve's thread is ended without holding up the next.
import { describe, expect, it } from 'vitest'
import { solvePoolForFile } from '../support/solve-pool.js'
import { PinError, type SolveProgress } from '../../solver/index.js'
import { secondaryWeek } from '../../bench/generate.js'
import { inRequestRunner } from '../../src/jobs/runner.js'
import { fairnessReport } from '../../src/ledgers/fairness.js'
import { generateDraft } from '../../src/week/generate.js'
import { example, SCHOOL, WEEK, worldFrom } from '../support/week.js'

const pool = solvePoolForFile()

describe('a solve in a worker thread', () => {
  it('lets other requests be answered while a big week solves', async () => {
    const w = await worldFrom(example('large-secondary.json'))
    try {
      const order: string[] = []
      const generating = generateDraft({ ...w.ctx, solveRunner: pool }, SCHOOL, WEEK).then(() => order.push('generate finished'))
      // Wait until the solve has been handed to the thread, then read as another page would.
      while (pool.queued(SCHOOL) === 0) await new Promise((r) => setTimeout(r, 1))
      await fairnessReport(w.store, SCHOOL, WEEK)
      order.push('other request answered')
      await generating
      expect(order).toEqual(['other request answered', 'generate finished'])
    } finally {
      await w.close()
    }
  })

  it('gives the same rota as a solve in the request', async () => {
    const input = example('secondary.json')
    const [there, here] = await Promise.all([pool.solve('sch_a', input), inRequestRunner().solve('sch_b', input)])
    expect(there.rota.assignments).toEqual(here.rota.assignments)
    expect(there.rota.unfilled).toEqual(here.rota.unfilled)
    expect(there.broken).toEqual([])
  })

  it('brings a pin that breaks a rule back as the same error, to be answered as a 409', async () => {
    const input = example('primary.json')
    const bad = { ...input, pins: [{ staff: 's001', duty: 'no-such-duty', date: input.week }] }
    await expect(pool.solve(SCHOOL, bad)).rejects.toBeInstanceOf(PinError)
  })
})

describe('a solve in a worker thread, watched', () => {
  it('sends its progress back while it solves, in steps up to those its rota says it used', async () => {
    const seen: SolveProgress[] = []
    let answered = false
    const result = await pool.solve(SCHOOL, example('large-secondary.json'), {
      onProgress: (p) => {
        expect(answered).toBe(false)
        seen.push(p)
      },
    })
    answered = true
    expect(seen.length).toBeGreaterThan(3)
    expect(seen.map((p) => p.stage)).toContain('group LPs')
    // The last reports may cross the answer on the way back and be dropped: the answer is what counts.
    for (const p of seen) expect(p.steps).toBeLessThanOrEqual(result.rota.stats?.steps as number)
  })

  it('stops when cancelled, and the school’s next solve still runs', async () => {
    const stop = new AbortController()
    const big = pool.solve(SCHOOL, { ...secondaryWeek(500, 5) }, { signal: stop.signal, onProgress: () => stop.abort() })
    const next = pool.solve(SCHOOL, example('primary.json'))
    await expect(big).rejects.toMatchObject({ name: 'AbortError' })
    expect((await next).broken).toEqual([])
  })

  it('cancelled while it waits for its school never starts', async () => {
    const stop = new AbortController()
    const first = pool.solve(SCHOOL, example('primary.json'))
    const second = pool.solve(SCHOOL, example('primary.json'), { signal: stop.signal })
    stop.abort()
    await first
    await expect(second).rejects.toThrow()
  })
})
