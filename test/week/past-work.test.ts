// A re-plan in the middle of the week never hands out work that has already started (the
// tester's "a re-plan at 14:01 handed someone an 08:40 duty already past"): started work keeps
// whoever the published rota had on it, and its empty seats are no longer gaps to fill.
import { afterEach, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { generateDraft, type WeekDraft } from '../../src/week/generate.js'
import { addOverride, removeOverride } from '../../src/week/overrides.js'
import { publishWeek } from '../../src/week/publish.js'
import { recordAbsence } from '../../src/week/replan.js'
import { contextFor, NEXT_WEEK, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

const TUESDAY = '2026-11-24'
/** 14:01 on Tuesday in London (GMT in November). */
const TUESDAY_1401 = '2026-11-24T14:01:00Z'

/** Three people; a gate duty at 08:40 and a late duty at 15:00, and a first-aid post nobody can fill. */
function gateWeek(): Scenario {
  const day = { start: '08:00', end: '16:00' }
  const pattern = { mon: day, tue: day, wed: day, thu: day, fri: day }
  const days = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
  return {
    format: 'duty-rota/scenario@1',
    school: { name: 'Gate Primary', timezone: 'Europe/London' },
    week: WEEK,
    slots: [
      { id: 'gate', kind: 'other', start: '08:40', end: '08:55' },
      { id: 'lunch', kind: 'lunch', start: '12:00', end: '13:00' },
      { id: 'late', kind: 'other', start: '15:00', end: '15:30' },
    ],
    grades: [{ id: 'TA', name: 'Teaching assistant', dutyKinds: ['other'] }],
    staff: ['ann', 'ben', 'cat'].map((id) => ({ id, name: id.toUpperCase(), grade: 'TA', hoursPerWeek: 30, pattern })),
    duties: [
      { id: 'gate', name: 'Gate', kind: 'other', slots: ['gate'], days: [...days], staff: 1 },
      { id: 'late', name: 'Late gate', kind: 'other', slots: ['late'], days: [...days], staff: 1 },
      { id: 'aid', name: 'First aid', kind: 'other', slots: ['gate'], days: [...days], staff: 1, skills: { 'first-aid': 1 } },
    ],
  }
}

/** The week published with ann on Tuesday's 08:40 gate and 15:00 late duty (pinned, then unpinned). */
async function publishedWithAnnOnTuesday(): Promise<World> {
  const w = await worldFrom(gateWeek())
  open.push(w)
  const pins = [
    await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', duty: 'gate', date: TUESDAY, slot: 'gate' }),
    await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: 'ann', duty: 'late', date: TUESDAY, slot: 'late' }),
  ]
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  for (const pin of pins) await removeOverride(w.ctx, SCHOOL, WEEK, pin.id)
  return w
}

async function sickAt1401(w: World): Promise<WeekDraft> {
  const recorded = await recordAbsence(contextFor(w.store, 'manager@test', TUESDAY_1401), SCHOOL, {
    staff: 'ann',
    startDate: TUESDAY,
    endDate: TUESDAY,
    startTime: null,
    endTime: null,
    reason: 'sickness',
    detail: null,
  })
  expect(recorded.replanFailures).toEqual([])
  expect(recorded.replans).toHaveLength(1)
  return recorded.replans[0] as WeekDraft
}

describe('a re-plan at 14:01 on Tuesday', () => {
  it('keeps the 08:40 duty as published and gives the 15:00 one to someone else', async () => {
    const w = await publishedWithAnnOnTuesday()
    const replan = await sickAt1401(w)
    const tuesday = replan.rota.assignments.filter((a) => a.date === TUESDAY)
    expect(tuesday.filter((a) => a.duty === 'gate')).toEqual([{ staff: 'ann', duty: 'gate', date: TUESDAY, slot: 'gate' }])
    const late = tuesday.filter((a) => a.duty === 'late')
    expect(late).toHaveLength(1)
    expect(late[0]?.staff).not.toBe('ann')
    // Only the 15:00 duty leaves ann; nothing of Monday or Tuesday morning moves.
    expect(replan.diff?.people.find((p) => p.staff === 'ann')?.removed).toEqual([{ staff: 'ann', duty: 'late', date: TUESDAY, slot: 'late' }])
    expect(replan.rota.unfilled.filter((u) => u.duty !== 'aid')).toEqual([])
  })

  it('leaves the empty seats of started work empty and does not report them as gaps', async () => {
    const w = await publishedWithAnnOnTuesday()
    const replan = await sickAt1401(w)
    // Nobody holds first aid: every day's seat is empty, but Monday's and Tuesday's are past.
    expect(replan.rota.unfilled.map((u) => u.date)).toEqual(['2026-11-25', '2026-11-26', '2026-11-27'])
    expect(replan.rota.assignments.some((a) => a.duty === 'aid')).toBe(false)
    // Monday's three occurrences and Tuesday's gate and first aid have started.
    expect(replan.rota.stats.past).toEqual({ before: '2026-11-24T14:01', occurrences: 5, kept: 3, emptySeats: 2 })
  })

  it('does not change a generate of next week', async () => {
    const w = await publishedWithAnnOnTuesday()
    const friday = await generateDraft(w.ctx, SCHOOL, NEXT_WEEK)
    const tuesday = await generateDraft(contextFor(w.store, 'manager@test', TUESDAY_1401), SCHOOL, NEXT_WEEK)
    expect(tuesday.rota.assignments).toEqual(friday.rota.assignments)
    expect(tuesday.rota.unfilled).toEqual(friday.rota.unfilled)
    expect(tuesday.rota.stats.past).toBeUndefined()
  })
})
