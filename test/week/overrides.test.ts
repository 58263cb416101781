// Pins and bars: a manager fixes an assignment or keeps someone out of one occurrence, and
// the next generate honours it.
import { afterEach, describe, expect, it } from 'vitest'
import { createAbsence } from '../../src/week/absences.js'
import { exportScenario } from '../../src/scenario/export.js'
import { generateDraft } from '../../src/week/generate.js'
import { addOverride, listOverrides, removeOverride } from '../../src/week/overrides.js'
import { SCHOOL, tinyScenario, WEEK, worldFrom, type World, statusOf } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function tiny(): Promise<World> {
  const w = await worldFrom(tinyScenario())
  open.push(w)
  return w
}

const mondayYard = { duty: 'yard', date: WEEK, slot: 'break' }
const holderOn = (assignments: { staff: string; date: string }[], date: string) => assignments.find((a) => a.date === date)?.staff

describe('pins', () => {
  it('keep an assignment through the next generate, and are part of the exported week', async () => {
    const w = await tiny()
    const first = await generateDraft(w.ctx, SCHOOL, WEEK)
    const pinned = ['ann', 'ben', 'cat'].find((s) => s !== holderOn(first.rota.assignments, WEEK)) as string
    const pin = await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: pinned, ...mondayYard })
    const again = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(holderOn(again.rota.assignments, WEEK)).toBe(pinned)
    expect((await exportScenario(w.store, SCHOOL, WEEK)).pins).toEqual([{ staff: pinned, ...mondayYard }])

    await removeOverride(w.ctx, SCHOOL, WEEK, pin.id)
    expect(await listOverrides(w.store, SCHOOL, WEEK)).toEqual([])
  })

  it('that break a rule stop the generate with a 409 that says which pin', async () => {
    const w = await tiny()
    await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', ...mondayYard })
    await createAbsence(w.ctx, SCHOOL, { staff: 'ann', startDate: WEEK, endDate: WEEK, startTime: null, endTime: null, reason: null, detail: null })
    expect(await statusOf(generateDraft(w.ctx, SCHOOL, WEEK))).toBe(409)
  })
})

describe('bars', () => {
  it('keep one person out of one occurrence only', async () => {
    const w = await tiny()
    for (const person of ['ann', 'ben']) await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'bar', staff: person, ...mondayYard })
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(holderOn(draft.rota.assignments, WEEK)).toBe('cat')
    expect(draft.rota.stats.bars).toBe(2)
    // a bar is not an absence: the exported week does not show one
    expect((await exportScenario(w.store, SCHOOL, WEEK)).absences).toBeUndefined()
  })

  it('of everyone leave the seat unfilled with a reason', async () => {
    const w = await tiny()
    for (const person of ['ann', 'ben', 'cat']) await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'bar', staff: person, ...mondayYard })
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(holderOn(draft.rota.assignments, WEEK)).toBeUndefined()
    expect(draft.rota.unfilled).toEqual([
      { duty: 'yard', date: WEEK, slot: 'break', missing: 1, reason: expect.stringContaining('barred from it by a manager (shown as absent): ann, ben, cat') },
    ])
  })
})

describe('an override', () => {
  it('must name an occurrence the week can have, once per person', async () => {
    const w = await tiny()
    expect(await statusOf(addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', duty: 'yard', date: WEEK, slot: 'p1' }))).toBe(400)
    expect(await statusOf(addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', duty: 'nope', date: WEEK, slot: 'break' }))).toBe(400)
    expect(await statusOf(addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', duty: 'yard', date: '2026-12-01', slot: 'break' }))).toBe(400)
    expect(await statusOf(addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'zed', ...mondayYard }))).toBe(400)
    await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', ...mondayYard })
    expect(await statusOf(addOverride(w.ctx, SCHOOL, WEEK, { kind: 'bar', staff: 'ann', ...mondayYard }))).toBe(409)
    expect(await statusOf(removeOverride(w.ctx, SCHOOL, WEEK, 'ovr_missing'))).toBe(404)
  })
})
