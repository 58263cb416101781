// Who solves next: two generates of one school queue one behind the other; two schools' solves
// run side by side while there are threads for both.
import { describe, expect, it } from 'vitest'
import { SchoolQueue } from '../../src/jobs/school-queue.js'

/** A task the test finishes by hand, recording when it started. */
function task(log: string[], name: string) {
  let finish: () => void = () => {}
  const done = new Promise<void>((resolve) => {
    finish = resolve
  })
  return {
    run: async () => {
      log.push(`${name} started`)
      await done
      log.push(`${name} finished`)
    },
    finish: () => finish(),
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0))

describe('the solve queue', () => {
  it('runs a school’s second generate only after its first, and says how many are ahead', async () => {
    const queue = new SchoolQueue(2)
    const log: string[] = []
    const [first, second] = [task(log, 'A1'), task(log, 'A2')]
    const runs = [queue.run('A', first.run), queue.run('A', second.run)]
    await tick()
    expect(log).toEqual(['A1 started'])
    expect(queue.queued('A')).toBe(2)
    first.finish()
    await tick()
    expect(log).toEqual(['A1 started', 'A1 finished', 'A2 started'])
    second.finish()
    await Promise.all(runs)
    expect(queue.queued('A')).toBe(0)
  })

  it('runs two schools side by side while there are threads for both, and the third waits', async () => {
    const queue = new SchoolQueue(2)
    const log: string[] = []
    const [a, b, c] = [task(log, 'A'), task(log, 'B'), task(log, 'C')]
    const runs = [queue.run('A', a.run), queue.run('B', b.run), queue.run('C', c.run)]
    await tick()
    expect(log).toEqual(['A started', 'B started'])
    b.finish()
    await tick()
    expect(log).toEqual(['A started', 'B started', 'B finished', 'C started'])
    a.finish()
    c.finish()
    await Promise.all(runs)
  })

  it('goes on with the next solve when one fails', async () => {
    const queue = new SchoolQueue(1)
    const failing = queue.run('A', async () => {
      throw new Error('solver broke')
    })
    const next = queue.run('A', async () => 'rota')
    await expect(failing).rejects.toThrow('solver broke')
    await expect(next).resolves.toBe('rota')
  })
})
