// Cover request and event codes belong to their week: a school that imports each week from
// another tool reuses "c1" and "parents-eve" every week, and everything that reads a rota
// (calendars, ledgers, pins, re-plans) must take the code as the one of that rota's week.
import { afterEach, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { submitAbsence } from '../../src/manager/other-pages.js'
import { hoursReport } from '../../src/ledgers/hours.js'
import { recordAbsence } from '../../src/week/replan.js'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { addOverride } from '../../src/week/overrides.js'
import { publishWeek } from '../../src/week/publish.js'
import { NEXT_WEEK, rows, SCHOOL, statusOf, tinyScenario, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

/** The tiny school's week with one lesson to cover and one evening, under the ids every week uses. */
function weekWith(week: string, cover: { date: string; label: string }, evening: { date: string; start: string; end: string }): Scenario {
  const sc = tinyScenario()
  return {
    ...sc,
    week,
    staff: sc.staff.map((s) => ({ ...s, additionalHoursRemaining: 20 })),
    cover: [{ id: 'c1', slot: 'p1', ...cover }],
    events: [{ id: 'parents-eve', name: "Parents' evening", ...evening }],
  }
}

const FIRST = weekWith(WEEK, { date: '2026-11-24', label: '9X Maths' }, { date: '2026-11-25', start: '16:00', end: '19:00' })
const SECOND = weekWith(NEXT_WEEK, { date: '2026-12-03', label: '10B Science' }, { date: '2026-12-03', start: '17:00', end: '18:00' })

async function publish(w: World, week: string): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, week)
  await publishWeek(w.ctx, SCHOOL, week, `"${draft.version}"`)
}

/** Both weeks imported and published. */
async function twoWeeks(): Promise<World> {
  const w = await worldFrom(FIRST)
  open.push(w)
  await importScenario(w.store, SCHOOL, SECOND, w.ctx)
  await publish(w, WEEK)
  await publish(w, NEXT_WEEK)
  return w
}

const published = (w: World, week: string, code: string) =>
  rows<{ staff_id: string; date: string; slot_code: string | null }>(
    w.store,
    "SELECT a.staff_id, a.date, a.slot_code FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id WHERE r.status = 'published' AND r.week = ? AND a.work_code = ?",
    week,
    code,
  )

describe('a rota assignment to a code another week also uses', () => {
  it("is that week's cover request and event: its lesson and times in the calendar, its hours in the ledger", async () => {
    const w = await twoWeeks()
    expect(published(w, NEXT_WEEK, 'c1')).toEqual([expect.objectContaining({ date: '2026-12-03', slot_code: 'p1' })])
    expect(published(w, NEXT_WEEK, 'parents-eve')).toEqual([expect.objectContaining({ date: '2026-12-03', slot_code: null })])

    const entries = rows<{ week: string; work_code: string; title: string; start_time: string; end_time: string }>(
      w.store,
      'SELECT week, work_code, title, start_time, end_time FROM calendar_entries ORDER BY week, work_code',
    ).filter((e) => e.work_code !== 'yard')
    expect(entries).toEqual([
      { week: WEEK, work_code: 'c1', title: '9X Maths', start_time: '09:00', end_time: '10:00' },
      { week: WEEK, work_code: 'parents-eve', title: "Parents' evening", start_time: '16:00', end_time: '19:00' },
      { week: NEXT_WEEK, work_code: 'c1', title: '10B Science', start_time: '09:00', end_time: '10:00' },
      { week: NEXT_WEEK, work_code: 'parents-eve', title: "Parents' evening", start_time: '17:00', end_time: '18:00' },
    ])

    // Three hours the first Wednesday, one the second Thursday: each evening counted once, at its own length.
    const used = (await hoursReport(w.store, SCHOOL, NEXT_WEEK)).staff.map((s) => s.additional.used)
    expect(used.reduce((a, b) => a + b, 0)).toBe(4)
  })

  it('can be pinned on its own date and slot in its week', async () => {
    const w = await twoWeeks()
    const pin = { kind: 'pin' as const, staff: 'ann', duty: 'c1', date: '2026-12-03', slot: 'p1' }
    expect(await statusOf(addOverride(w.ctx, SCHOOL, NEXT_WEEK, pin))).toBe(200)
    expect(await statusOf(addOverride(w.ctx, SCHOOL, NEXT_WEEK, { ...pin, staff: 'ben', date: '2026-12-01' }))).toBe(400)
    expect(await statusOf(addOverride(w.ctx, SCHOOL, NEXT_WEEK, { kind: 'pin', staff: 'ann', duty: 'parents-eve', date: '2026-12-03' }))).toBe(200)
  })

  it("is re-planned only when an absence clashes with that week's times, not another week's", async () => {
    const w = await twoWeeks()
    const [evening] = published(w, NEXT_WEEK, 'parents-eve')
    const staff = rows<{ code: string }>(w.store, 'SELECT code FROM staff WHERE id = ?', evening?.staff_id)[0]?.code ?? ''
    const absent = (startTime: string, endTime: string) =>
      recordAbsence(w.ctx, SCHOOL, { staff, startDate: '2026-12-03', endDate: '2026-12-03', startTime, endTime, reason: 'medical', detail: null })
    // The first week's evening ran until 19:00; the second week's is over by 18:00.
    expect((await absent('18:30', '19:00')).replans.map((r) => r.rota.week)).toEqual([])
    expect((await absent('17:30', '18:00')).replans.map((r) => r.rota.week)).toEqual([NEXT_WEEK])
  })

  it("is named after that week's lesson when a manager records an absence that re-plans it", async () => {
    const w = await twoWeeks()
    const [lesson] = published(w, WEEK, 'c1')
    const staff = rows<{ code: string }>(w.store, 'SELECT code FROM staff WHERE id = ?', lesson?.staff_id)[0]?.code ?? ''
    const page = await submitAbsence(
      { ctx: w.ctx, schoolId: SCHOOL, origin: 'https://rota.example.org' },
      { staff, startDate: '2026-11-24', endDate: '2026-11-24', start: '', end: '', reason: 'sickness' },
    )
    const html = page.kind === 'html' ? page.html : ''
    expect(html).toContain('The cover this creates')
    expect(html).toContain('Cover: 9X Maths')
    expect(html).not.toContain('10B Science')
  })
})
