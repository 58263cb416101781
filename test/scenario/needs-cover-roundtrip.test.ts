// A commitment marked "needs cover" (a lesson someone else takes when the person is away) in the
// scenario file: the format has no field for it, so it travels under the extension key
// "x-needs-cover", which every reader keeps and the solver ignores. Exported and imported again
// the mark comes back as it was; a file without the key takes it off.
import { describe, expect, it } from 'vitest'
import { parseScenario, type Scenario } from '../../solver/scenario.js'
import { exportScenario } from '../../src/scenario/export.js'
import { importScenario } from '../../src/scenario/import.js'
import { canonical } from '../support/scenario-equivalent.js'
import { diningWeek, freshWorld, rows, SCHOOL, WEEK, worldFrom, worldsClosedAfterEach, type World } from '../support/week.js'

const world = worldsClosedAfterEach()

const READING = { day: 'tue', start: '09:00', end: '10:00', label: 'Year 4 reading' } as const
const ASSEMBLY = { day: 'wed', start: '09:00', end: '09:30', label: 'Assembly' } as const

/** Ann teaches a reading group that needs cover when she is away, and helps at an assembly that does not. */
function withCommitments(): Scenario {
  const sc = diningWeek()
  const [ann, ...others] = sc.staff
  if (!ann) throw new Error('the dining week has Ann')
  return { ...sc, staff: [{ ...ann, commitments: [{ ...READING, 'x-needs-cover': true }, ASSEMBLY] }, ...others] }
}

const marks = (w: World) => rows<{ label: string; needs_cover: number }>(w.store, 'SELECT label, needs_cover FROM commitments ORDER BY label')

describe('a commitment that needs cover, in the scenario file', () => {
  it('is imported marked, and exported with "x-needs-cover", a file the format still reads', async () => {
    const w = await world(worldFrom(withCommitments()))
    expect(marks(w)).toEqual([
      { label: 'Assembly', needs_cover: 0 },
      { label: 'Year 4 reading', needs_cover: 1 },
    ])
    const sc = await exportScenario(w.store, SCHOOL, WEEK)
    expect(parseScenario(sc).ok).toBe(true)
    expect(sc.staff.find((s) => s.id === 'ann')?.commitments).toEqual([{ ...READING, 'x-needs-cover': true }, ASSEMBLY])
  })

  it('imported into the same school writes nothing', async () => {
    const w = await world(worldFrom(withCommitments()))
    const again = await importScenario(w.store, SCHOOL, await exportScenario(w.store, SCHOOL, WEEK), w.ctx)
    expect(again.changed).toBe(false)
  })

  it('imported into a new school exports back the same file', async () => {
    const sc = await exportScenario((await world(worldFrom(withCommitments()))).store, SCHOOL, WEEK)
    const fresh = await world(freshWorld())
    await importScenario(fresh.store, SCHOOL, sc, fresh.ctx)
    expect(await exportScenario(fresh.store, SCHOOL, WEEK)).toStrictEqual(canonical(sc))
    expect(marks(fresh).map((m) => m.needs_cover)).toEqual([0, 1])
  })

  it('a file without the key takes the mark off', async () => {
    const w = await world(worldFrom(withCommitments()))
    const sc = await exportScenario(w.store, SCHOOL, WEEK)
    const unmarked: Scenario = { ...sc, staff: sc.staff.map((s) => (s.id === 'ann' ? { ...s, commitments: [READING, ASSEMBLY] } : s)) }
    expect((await importScenario(w.store, SCHOOL, unmarked, w.ctx)).changed).toBe(true)
    expect(marks(w).map((m) => m.needs_cover)).toEqual([0, 0])
  })
})
