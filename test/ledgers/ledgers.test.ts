// The fairness and hours ledgers, read from published rotas, and the promise that the next
// week's scenario is fed the same figures the reports show.
import { afterEach, describe, expect, it } from 'vitest'
import { exportScenario } from '../../src/scenario/export.js'
import { dutiesThisTermBefore, fairnessReport, fairnessTable } from '../../src/ledgers/fairness.js'
import { hoursReport, workingYear } from '../../src/ledgers/hours.js'
import { periodsOf } from '../../src/ledgers/periods.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { example, NEXT_WEEK, rows, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function publishedPrimary(setup?: (w: World) => void): Promise<World> {
  const sc = example('primary.json')
  const w = await worldFrom(sc)
  open.push(w)
  const add = w.store.sqlite.prepare('INSERT INTO calendar_periods (id, school_id, kind, name, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)')
  add.run('cp1', SCHOOL, 'term', 'Autumn', '2026-09-02', '2026-12-18')
  add.run('cp2', SCHOOL, 'half_term', 'Autumn half term', '2026-10-26', '2026-10-30')
  setup?.(w)
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  return w
}

describe('the fairness ledger', () => {
  it('counts each person’s published duties and cover per week, half term, term and year, absolute and per FTE', async () => {
    const w = await publishedPrimary()
    const report = await fairnessReport(w.store, SCHOOL, WEEK)
    expect(report.periods.week).toMatchObject({ from: WEEK, to: '2026-11-29' })
    expect(report.periods.halfTerm).toMatchObject({ from: '2026-10-31', to: '2026-12-18' })
    expect(report.periods.term).toMatchObject({ from: '2026-09-02', to: '2026-12-18' })
    expect(report.periods.year).toMatchObject({ from: '2026-09-01', to: '2027-08-31' })

    const published = rows<{ staff_id: string; work_code: string; n: number }>(
      w.store,
      "SELECT a.staff_id, a.work_code, COUNT(*) AS n FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id WHERE r.status = 'published' AND a.slot_code IS NOT NULL GROUP BY a.staff_id, a.work_code",
    )
    const coverCodes = new Set(example('primary.json').cover?.map((c) => c.id))
    for (const person of report.staff) {
      const mine = published.filter((p) => p.staff_id === person.staffId)
      const cover = mine.filter((p) => coverCodes.has(p.work_code)).reduce((s, p) => s + p.n, 0)
      const duties = mine.reduce((s, p) => s + p.n, 0) - cover
      expect(person.week).toMatchObject({ duties, cover, total: duties + cover })
      expect(person.halfTerm).toEqual(person.week)
      expect(person.year).toEqual({ ...person.week, carried: person.year.carried, total: person.week.total + person.year.carried, perFte: person.year.perFte })
      expect(person.week.perFte).toBeCloseTo((duties + cover) / (person.fte || 1), 1)
    }
  })

  it('feeds the next week’s dutiesThisTerm with exactly the term figure', async () => {
    const w = await publishedPrimary()
    const report = await fairnessReport(w.store, SCHOOL, WEEK)
    const next = await exportScenario(w.store, SCHOOL, NEXT_WEEK)
    for (const person of report.staff) {
      const exported = next.staff.find((s) => s.id === person.staff)?.dutiesThisTerm ?? 0
      expect(exported, person.staff).toBe(person.term?.total ?? 0)
    }
  })

  it('comes out as CSV with one row per person', async () => {
    const w = await publishedPrimary()
    const table = fairnessTable(await fairnessReport(w.store, SCHOOL, WEEK))
    expect(table[0]?.slice(0, 7)).toEqual(['staff', 'name', 'fte', 'week_duties', 'week_cover', 'week_total', 'week_per_fte'])
    expect(table).toHaveLength(1 + example('primary.json').staff.length)
  })
})

describe('the periods a ledger counts over', () => {
  const calendar = [
    { kind: 'term' as const, name: 'Autumn', start_date: '2026-09-02', end_date: '2026-12-18' },
    { kind: 'half_term' as const, name: 'Half term', start_date: '2026-10-26', end_date: '2026-10-30' },
    { kind: 'term' as const, name: 'Spring', start_date: '2027-01-05', end_date: '2027-03-26' },
  ]

  it('splits a term at its half-term holiday', () => {
    expect(periodsOf(calendar, '2026-10-14').halfTerm).toEqual({ name: 'Autumn, first half', from: '2026-09-02', to: '2026-10-25' })
    expect(periodsOf(calendar, '2026-11-25').halfTerm).toEqual({ name: 'Autumn, second half', from: '2026-10-31', to: '2026-12-18' })
  })

  it('takes a term without a holiday as one half, and the holidays between terms as the term before', () => {
    expect(periodsOf(calendar, '2027-02-01').halfTerm).toEqual({ name: 'Spring', from: '2027-01-05', to: '2027-03-26' })
    expect(periodsOf(calendar, '2026-12-28').term).toEqual({ name: 'Autumn', from: '2026-09-02', to: '2026-12-18' })
  })

  it('runs the school year from September to August', () => {
    expect(periodsOf([], '2027-03-01')).toMatchObject({ term: null, halfTerm: null, year: { name: '2026-27', from: '2026-09-01', to: '2027-08-31' } })
    expect(periodsOf([], '2027-09-01').year.from).toBe('2027-09-01')
  })
})

describe('the hours ledger', () => {
  it('counts contracted weeks term time only: terms less half terms and bank holidays; INSET days are worked', () => {
    const calendar = [
      { kind: 'term' as const, name: 'Short term', start_date: '2026-09-07', end_date: '2026-10-02' },
      { kind: 'half_term' as const, name: 'Break', start_date: '2026-09-21', end_date: '2026-09-25' },
    ]
    const closures = [
      { date: '2026-09-28', kind: 'bank_holiday' as const },
      { date: '2026-09-07', kind: 'inset' as const },
    ]
    const year = periodsOf(calendar, '2026-09-10').year
    // four weeks of weekdays (20) less the half term (5) less the bank holiday (1)
    expect(workingYear(calendar, closures, year)).toMatchObject({ workingDays: 14, contractedWeeks: 2.8 })
  })

  it('sets INSET and evening event hours against the allowance, and the remainder feeds the next week', async () => {
    const w = await publishedPrimary((world) => {
      // Thursday's twilight training falls on an INSET day
      world.store.sqlite.prepare("INSERT INTO closures (id, school_id, date, kind, name) VALUES ('cl1', ?, '2026-11-26', 'inset', 'INSET')").run(SCHOOL)
    })
    const report = await hoursReport(w.store, SCHOOL, WEEK)
    const events = rows<{ staff_id: string; work_code: string }>(
      w.store,
      "SELECT a.staff_id, a.work_code FROM rota_assignments a JOIN rotas r ON r.id = a.rota_id WHERE r.status = 'published' AND a.slot_code IS NULL",
    )
    expect(events.length).toBeGreaterThan(0)
    const next = await exportScenario(w.store, SCHOOL, NEXT_WEEK)
    for (const person of report.staff) {
      const mine = events.filter((e) => e.staff_id === person.staffId)
      const evening = mine.filter((e) => e.work_code === 'parents-eve').length * 3
      const inset = mine.filter((e) => e.work_code === 'twilight').length * 1.5
      expect(person.additional).toMatchObject({ eveningHours: evening, insetHours: inset, used: evening + inset })
      expect(person.additional.remaining).toBeCloseTo(Math.max(0, person.additional.allowance - evening - inset), 6)
      const fed = next.staff.find((s) => s.id === person.staff)?.additionalHoursRemaining ?? 0
      expect(fed, person.staff).toBeCloseTo(person.additional.remaining, 6)
    }
    expect(report.contractedWeeks).toBeGreaterThan(0)
    const s001 = report.staff.find((r) => r.staff === 's001')
    expect(s001?.contractedHours).toBeCloseTo(report.contractedWeeks * 32.5, 1)
  })
})

describe('the term a week belongs to', () => {
  it('is the new one when a term opens mid-week, so last term’s duties do not follow people into it', async () => {
    const w = await publishedPrimary((world) => {
      world.store.sqlite.prepare("UPDATE calendar_periods SET end_date = '2026-11-27' WHERE id = 'cp1'").run()
      world.store.sqlite
        .prepare('INSERT INTO calendar_periods (id, school_id, kind, name, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)')
        .run('cp3', SCHOOL, 'term', 'Short winter term', '2026-12-02', '2027-02-12')
    })
    const beforeTheWeek = await dutiesThisTermBefore(w.store, SCHOOL, NEXT_WEEK)
    expect([...beforeTheWeek.values()].filter((n) => n > 0)).toEqual([])
    const lastTerm = await dutiesThisTermBefore(w.store, SCHOOL, WEEK)
    expect(lastTerm.get(rows<{ id: string }>(w.store, "SELECT id FROM staff WHERE code = 's001'")[0]?.id ?? '')).toBe(12)
  })
})
