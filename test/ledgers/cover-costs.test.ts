// The cover cost ledger: additional hours paid to fill gaps (once the week is published, at the
// rate kept with the grant), cover done in directed time, and a further source (supply) that
// joins the same report, per week, term and year.
import { afterEach, describe, expect, it } from 'vitest'
import { COST_SOURCES, coverCostReport, coverCostTable, type CostSource } from '../../src/ledgers/cover-costs.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { addGrant } from '../../src/week/week-grants.js'
import { gapWeek } from '../support/gap-week.js'
import { example, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function world(scenario = gapWeek()): Promise<World> {
  const w = await worldFrom(scenario)
  open.push(w)
  w.store.sqlite
    .prepare('INSERT INTO calendar_periods (id, school_id, kind, name, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)')
    .run('cp1', SCHOOL, 'term', 'Autumn', '2026-09-02', '2026-12-18')
  w.store.sqlite.prepare("UPDATE grades SET hourly_rate_pence = 1369 WHERE school_id = ? AND code = 'TA'").run(SCHOOL)
  return w
}

async function publish(w: World, monday = WEEK): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, monday)
  await publishWeek(w.ctx, SCHOOL, monday, `"${draft.version}"`)
}

const halfHourForEve = (w: World, week = WEEK, date = WEEK) =>
  addGrant(w.ctx, SCHOOL, {
    week,
    staffId: staffIdOf(w.store, 'EE'),
    kind: 'additional-hours',
    amount: 0.5,
    ratePence: 1369,
    workCode: 'pe',
    date,
    slotCode: null,
  })

describe('the cover cost ledger', () => {
  it('counts additional hours granted for a gap only once the week is published', async () => {
    const w = await world()
    await halfHourForEve(w)
    await generateDraft(w.ctx, SCHOOL, WEEK)
    expect((await coverCostReport(w.store, SCHOOL, WEEK)).rows).toEqual([])
    await publish(w)
    const report = await coverCostReport(w.store, SCHOOL, WEEK)
    expect(report.rows.map((r) => [r.who.name, r.kind, r.week, r.year])).toEqual([
      ['Eve Evans', 'additional-hours', { hours: 0.5, pence: 685, unpriced: 0 }, { hours: 0.5, pence: 685, unpriced: 0 }],
    ])
  })

  it('keeps the rate agreed when the hours were granted, whatever the grade is paid later', async () => {
    const w = await world()
    await halfHourForEve(w)
    await publish(w)
    w.store.sqlite.prepare("UPDATE grades SET hourly_rate_pence = 2000 WHERE code = 'TA'").run()
    expect((await coverCostReport(w.store, SCHOOL, WEEK)).totals.find((t) => t.kind === 'additional-hours')?.year.pence).toBe(685)
  })

  it('says hours were granted without a rate rather than pricing them at nothing', async () => {
    const w = await world()
    await addGrant(w.ctx, SCHOOL, {
      week: WEEK,
      staffId: staffIdOf(w.store, 'EE'),
      kind: 'additional-hours',
      amount: 2,
      ratePence: null,
      workCode: 'pe',
      date: WEEK,
      slotCode: null,
    })
    await publish(w)
    const row = (await coverCostReport(w.store, SCHOOL, WEEK)).rows[0]
    expect(row?.week).toEqual({ hours: 2, pence: null, unpriced: 1 })
    expect(coverCostTable(await coverCostReport(w.store, SCHOOL, WEEK))[1]).toEqual(['EE', 'Eve Evans', 'additional-hours', '2', '', '2', '', '2', '', '1'])
  })

  it('separates the week from the term and the year', async () => {
    const w = await world()
    await halfHourForEve(w, '2026-11-16', '2026-11-16')
    await publish(w, '2026-11-16')
    await halfHourForEve(w)
    await publish(w)
    const row = (await coverCostReport(w.store, SCHOOL, WEEK)).rows[0]
    expect([row?.week.hours, row?.term?.hours, row?.year.hours]).toEqual([0.5, 1, 1])
  })

  it('counts cover taken in a published rota as directed time: its hours, no extra pay', async () => {
    const w = await world(example('primary.json'))
    await publish(w)
    const taken = rows<{ hours: number }>(
      w.store,
      `SELECT SUM((strftime('%s', '2000-01-01 ' || t.end_time) - strftime('%s', '2000-01-01 ' || t.start_time)) / 3600.0) AS hours
         FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id
         JOIN cover_requests c ON c.code = a.work_code AND c.school_id = r.school_id AND c.week = r.week
         JOIN slots t ON t.id = c.slot_id
        WHERE r.status = 'published'`,
    )[0]?.hours
    expect(taken).toBeGreaterThan(0)
    const total = (await coverCostReport(w.store, SCHOOL, WEEK)).totals.find((t) => t.kind === 'directed-cover')
    expect(total?.week.hours).toBeCloseTo(taken ?? 0, 2)
    expect(total?.week.pence).toBe(0)
  })

  it('takes a further source, such as supply days booked, into the same rows and totals', async () => {
    const w = await world()
    const supply: CostSource = {
      kind: 'supply',
      entries: async () => [{ kind: 'supply', who: { id: 'agency:1', code: 'SUP1', name: 'Sam Supply' }, date: WEEK, hours: 6.5, pence: 18000 }],
    }
    const report = await coverCostReport(w.store, SCHOOL, WEEK, [...COST_SOURCES, supply])
    expect(report.rows.map((r) => [r.who.name, r.kind, r.week.pence])).toEqual([['Sam Supply', 'supply', 18000]])
    expect(report.totals.map((t) => t.kind)).toEqual(['additional-hours', 'directed-cover', 'supply'])
  })
})
