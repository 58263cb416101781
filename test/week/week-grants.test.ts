// A week's grants (a duty over a cap, additional hours beyond what is left) plan that week only:
// the next week and the week's export see the person's own limits.
import { afterEach, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { exportScenario } from '../../src/scenario/export.js'
import { plannedWeek } from '../../src/week/school-week.js'
import { addGrant } from '../../src/week/week-grants.js'
import { gapWeek } from '../support/gap-week.js'
import { NEXT_WEEK, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function granted(): Promise<World> {
  const w = await worldFrom(gapWeek())
  open.push(w)
  const at = { week: WEEK, workCode: 'yard', date: WEEK, slotCode: 'break', ratePence: null }
  await addGrant(w.ctx, SCHOOL, { ...at, staffId: staffIdOf(w.store, 'NK'), kind: 'extra-duty', amount: 1 })
  await addGrant(w.ctx, SCHOOL, { ...at, staffId: staffIdOf(w.store, 'EE'), kind: 'additional-hours', amount: 0.5, ratePence: 1369 })
  return w
}

const person = (s: Scenario, id: string) => s.staff.find((p) => p.id === id)

describe('a week’s grants', () => {
  it('raise the person’s limits in the week they were given for', async () => {
    const w = await granted()
    const { scenario } = await plannedWeek(w.store, SCHOOL, WEEK)
    expect(person(scenario, 'NK')?.maxDutiesPerWeek).toBe(2)
    expect(person(scenario, 'EE')?.additionalHoursRemaining).toBe(2)
  })

  it('leave the next week and the week’s export with the person’s own limits', async () => {
    const w = await granted()
    const next = (await plannedWeek(w.store, SCHOOL, NEXT_WEEK)).scenario
    expect([person(next, 'NK')?.maxDutiesPerWeek, person(next, 'EE')?.additionalHoursRemaining]).toEqual([1, 1.5])
    const exported = await exportScenario(w.store, SCHOOL, WEEK)
    expect([person(exported, 'NK')?.maxDutiesPerWeek, person(exported, 'EE')?.additionalHoursRemaining]).toEqual([1, 1.5])
  })
})
