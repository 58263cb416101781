// Approved unavailability in the scenario file: the week's absences of the category
// "unavailable". Exported and imported again it comes back as it was, whether into the same
// school (nothing written) or a new one (approved one-off marks of that week), and a file that
// changes it changes the marks, never the absences.
import { describe, expect, it } from 'vitest'
import { parseScenario, type Scenario } from '../../solver/scenario.js'
import { decideUnavailability, listUnavailability, markUnavailable } from '../../src/leave/unavailability.js'
import { exportScenario } from '../../src/scenario/export.js'
import { importScenario } from '../../src/scenario/import.js'
import { canonical } from '../support/scenario-equivalent.js'
import { diningWeek, freshWorld, rows, SCHOOL, staffIdOf, WEEK, worldFrom, worldsClosedAfterEach, type World } from '../support/week.js'

const world = worldsClosedAfterEach()

/** Ann not on Tuesdays at lunch1 every week, and not all of Thursday once; both approved. */
async function markedSchool(): Promise<World> {
  const w = await world(worldFrom({ ...diningWeek(), absences: [{ staff: 'ben', date: '2026-11-25', reason: 'medical' }] }))
  const ann = staffIdOf(w.store, 'ann')
  for (const input of [
    { repeat: 'weekly', day: 'tue', slot: 'lunch1' },
    { repeat: 'once', date: '2026-11-26' },
  ]) {
    const mark = await markUnavailable(w.ctx, SCHOOL, ann, input)
    await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve')
  }
  // Waiting marks bind nothing, so no file carries them.
  await markUnavailable(w.ctx, SCHOOL, ann, { repeat: 'weekly', day: 'mon', slot: 'break' })
  return w
}

const marksOf = async (w: World) =>
  (await listUnavailability(w.store, SCHOOL))
    .map((m) => [m.repeat, m.day ?? m.date, m.start, m.end, m.status])
    .sort((a, b) => String(a).localeCompare(String(b)))

describe('approved unavailability in the scenario file', () => {
  it('is exported as the week\'s absences of the category "unavailable", beside the real ones', async () => {
    const w = await markedSchool()
    const sc = await exportScenario(w.store, SCHOOL, WEEK)
    expect(parseScenario(sc).ok).toBe(true)
    expect(sc.absences).toEqual([
      { staff: 'ann', date: '2026-11-24', start: '12:00', end: '12:30', reason: 'unavailable' },
      { staff: 'ben', date: '2026-11-25', reason: 'medical' },
      { staff: 'ann', date: '2026-11-26', reason: 'unavailable' },
    ])
  })

  it('imported into the same school writes nothing', async () => {
    const w = await markedSchool()
    const before = await marksOf(w)
    const again = await importScenario(w.store, SCHOOL, await exportScenario(w.store, SCHOOL, WEEK), w.ctx)
    expect(again.changed).toBe(false)
    expect(await marksOf(w)).toEqual(before)
  })

  it('imported into a new school exports back the same file, its marks approved for that week', async () => {
    const sc = await exportScenario((await markedSchool()).store, SCHOOL, WEEK)
    const fresh = await world(freshWorld())
    await importScenario(fresh.store, SCHOOL, sc, fresh.ctx)
    expect(await exportScenario(fresh.store, SCHOOL, WEEK)).toStrictEqual(canonical(sc))
    expect(await marksOf(fresh)).toEqual([
      ['once', '2026-11-24', '12:00', '12:30', 'approved'],
      ['once', '2026-11-26', null, null, 'approved'],
    ])
    expect(rows(fresh.store, 'SELECT reason FROM absences')).toEqual([{ reason: 'medical' }])
  })

  it('a file without them takes them off the week: the one-off goes, and so does the weekly mark it no longer has', async () => {
    const w = await markedSchool()
    const sc = await exportScenario(w.store, SCHOOL, WEEK)
    const without: Scenario = { ...sc, absences: (sc.absences ?? []).filter((a) => a.reason !== 'unavailable') }
    await importScenario(w.store, SCHOOL, without, w.ctx)
    expect(await exportScenario(w.store, SCHOOL, WEEK)).toStrictEqual(canonical(without))
    expect(await marksOf(w)).toEqual([['weekly', 'mon', '10:00', '10:20', 'requested']])
    expect(rows(w.store, 'SELECT reason FROM absences')).toEqual([{ reason: 'medical' }])
  })
})
