// Absences and re-planning: recording an absence that clashes with published work makes a
// re-plan draft that keeps the published rota except where the absence forces a change, and
// that is checked against the exact optimum (bench/exact.ts, HiGHS): the same seats filled
// with no more changes than the fewest possible.
import { afterEach, describe, expect, it } from 'vitest'
import { solveExact } from '../../bench/exact.js'
import type { Assignment } from '../../solver/scenario.js'
import { recordAbsence } from '../../src/week/replan.js'
import { addOverride } from '../../src/week/overrides.js'
import { exportScenario } from '../../src/scenario/export.js'
import { generateDraft, type WeekDraft } from '../../src/week/generate.js'
import { publishWeek, viewWeek } from '../../src/week/publish.js'
import { createCalendarPeriod } from '../../src/setup/calendar.js'
import { example, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

const TUESDAY = '2026-11-24'

async function publishedWeek(file: string): Promise<{ w: World; published: Assignment[] }> {
  const w = await worldFrom(example(file))
  open.push(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  const published = await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  return { w, published: published.rota.assignments }
}

/** The person with the most published work on Tuesday: the absence that hurts most. */
function busiestOn(date: string, assignments: Assignment[]): string {
  const counts = new Map<string, number>()
  for (const a of assignments) if (a.date === date) counts.set(a.staff, (counts.get(a.staff) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0] ?? ''
}

const missing = (draft: WeekDraft) => draft.rota.unfilled.reduce((n, u) => n + u.missing, 0)

/** A whole day off sick on the Tuesday, with no detail: the absence most of these tests record. */
const sickAllTuesday = (staff: string) => ({
  staff,
  startDate: TUESDAY,
  endDate: TUESDAY,
  startTime: null,
  endTime: null,
  reason: 'sickness' as const,
  detail: null,
})

describe('recording an absence', () => {
  it('of someone with no published work in the time makes no re-plan', async () => {
    const { w, published } = await publishedWeek('primary.json')
    const idle = example('primary.json')
      .staff.map((s) => s.id)
      .find((id) => !published.some((a) => a.staff === id && a.date === TUESDAY))
    expect(idle).toBeDefined()
    const recorded = await recordAbsence(w.ctx, SCHOOL, sickAllTuesday(idle ?? ''))
    expect(recorded.replans).toEqual([])
  })

  it('makes no re-plan of a published week that the term dates now call a holiday', async () => {
    const { w, published } = await publishedWeek('primary.json')
    // Term dates typed in after the week was published: the autumn term ended the Friday before.
    await createCalendarPeriod(w.ctx, SCHOOL, { kind: 'term', name: 'Autumn term', startDate: '2026-09-02', endDate: '2026-11-20' })
    const busy = busiestOn(TUESDAY, published)
    const recorded = await recordAbsence(w.ctx, SCHOOL, sickAllTuesday(busy))
    expect(recorded).toMatchObject({ replans: [], replanFailures: [] })
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).draft).toBeNull()
  })

  it('part of a day only clashes with work inside its times', async () => {
    const { w, published } = await publishedWeek('primary.json')
    const person = busiestOn(TUESDAY, published)
    // 05:00-06:00 is before anyone's day: nothing clashes.
    const early = await recordAbsence(w.ctx, SCHOOL, {
      staff: person,
      startDate: TUESDAY,
      endDate: TUESDAY,
      startTime: '05:00',
      endTime: '06:00',
      reason: 'medical',
      detail: 'dentist',
    })
    expect(early.replans).toEqual([])
  })

  it('whole-day and open-ended absences make a re-plan draft of the week, with the diff per person', async () => {
    const { w, published } = await publishedWeek('primary.json')
    const person = busiestOn(TUESDAY, published)
    const recorded = await recordAbsence(w.ctx, SCHOOL, {
      staff: person,
      startDate: TUESDAY,
      endDate: null,
      startTime: null,
      endTime: null,
      reason: 'sickness',
      detail: 'flu',
    })
    expect(recorded.replans).toHaveLength(1)
    const replan = recorded.replans[0] as WeekDraft
    expect(replan.rota.status).toBe('draft')
    expect(replan.rota.stats.origin).toEqual({ kind: 'replan', absenceId: recorded.absence.id })
    const mine = replan.diff?.people.find((p) => p.staff === person)
    // Everything from Tuesday on is gone from the absent person, and nothing before it.
    expect(mine?.removed).toEqual(published.filter((a) => a.staff === person && a.date >= TUESDAY))
    expect(replan.rota.assignments.some((a) => a.staff === person && a.date >= TUESDAY)).toBe(false)
    // The published rota stays as it was until the manager publishes the re-plan.
    const view = await viewWeek(w.ctx, SCHOOL, WEEK)
    expect(view.published?.assignments).toEqual(published)
    expect(view.draft?.id).toBe(replan.rota.id)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${replan.version}"`)
    expect((await viewWeek(w.ctx, SCHOOL, WEEK)).published?.assignments).toEqual(replan.rota.assignments)
  })
})

describe('a re-plan after one absence changes only what the absence forces', () => {
  it.each(['primary.json', 'residential.json', 'secondary.json'])('%s: as few changes as the exact optimum, and as many seats', async (file) => {
    const { w, published } = await publishedWeek(file)
    const person = busiestOn(TUESDAY, published)
    const forced = published.filter((a) => a.staff === person && a.date === TUESDAY)
    expect(forced.length).toBeGreaterThan(0)
    const recorded = await recordAbsence(w.ctx, SCHOOL, sickAllTuesday(person))
    const replan = recorded.replans[0] as WeekDraft
    const diff = replan.diff
    if (!diff) throw new Error('a re-plan has a diff')

    // The scenario the re-plan solved: the published rota as `previous`, the absence in.
    const scenario = await exportScenario(w.store, SCHOOL, WEEK)
    expect(scenario.previous).toHaveLength(published.length)
    const exact = await solveExact(scenario, { timeLimitPerStage: 60 })
    const exactMissing = exact.seats.reduce((n, s, i) => n + s - (exact.filled[i] ?? 0), 0)

    expect(missing(replan)).toBe(exactMissing)
    expect(exact.changes).not.toBeNull()
    // Each forced removal is a change; the optimum cannot do with fewer, and neither do we.
    expect(exact.changes).toBeGreaterThanOrEqual(forced.length)
    expect(diff.removed).toBe(exact.changes)
    console.info(
      `${file}: absence of ${person} on ${TUESDAY} forces ${forced.length}; re-plan changes ${diff.removed} (exact minimum ${exact.changes}), adds ${diff.added}`,
    )
  })
})

describe('recording an absence whose re-plan cannot be made', () => {
  it('keeps the absence and says which week could not be re-planned, so a retry does not record it twice', async () => {
    const { w, published } = await publishedWeek('primary.json')
    const person = busiestOn(TUESDAY, published)
    const duty = published.find((a) => a.staff === person && a.date === TUESDAY)
    // The manager had pinned them to Tuesday's duty; an absence that day makes the pin break a rule.
    await addOverride(w.ctx, SCHOOL, WEEK, { kind: 'pin', staff: person, duty: duty?.duty ?? '', date: TUESDAY, slot: duty?.slot })
    const recorded = await recordAbsence(w.ctx, SCHOOL, sickAllTuesday(person))
    expect(recorded.replans).toEqual([])
    expect(recorded.replanFailures).toEqual([expect.objectContaining({ week: WEEK })])
    expect(recorded.replanFailures[0]?.detail).toMatch(/pin/i)
    const saved = w.store.sqlite.prepare('SELECT COUNT(*) AS n FROM absences WHERE start_date = ?').get(TUESDAY) as { n: number }
    expect(saved.n).toBe(1)
  })
})
