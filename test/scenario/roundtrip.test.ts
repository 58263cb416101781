// Scenario import and export on SQLite, straight against the Store (the HTTP layer has its own
// test in scenario-routes.test.ts). "Equivalent" is defined once, in scenario-equivalent.ts:
// the export must be deep-equal (toStrictEqual) to the file's canonical form.
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { SqliteStore } from '../../db/sqlite.js'
import { parseScenario, type Scenario } from '../../solver/scenario.js'
import { ProblemError } from '../../src/platform/http/problem.js'
import { newId } from '../../src/platform/ids.js'
import { exportScenario } from '../../src/scenario/export.js'
import { importScenario, importScenarioInput } from '../../src/scenario/import.js'
import { createCalendarPeriod } from '../../src/setup/calendar.js'
import { plannedWeek } from '../../src/week/school-week.js'
import { fixedClock, freshStore, insertOrganisation, insertSchool, type TestStore } from '../support/kit.js'
import { canonical } from '../support/scenario-equivalent.js'
import { theWeekAfter } from '../support/week-after.js'

const EXAMPLES = join(import.meta.dirname, '..', '..', 'db', 'scenarios')
const FILES = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort()
const WEEK = '2026-11-23'
const NEXT_WEEK = '2026-11-30'
const SCHOOL = 'sch_test'
const ctx = { actor: 'test', clock: fixedClock('2026-11-20T10:00:00Z'), newId }

function example(name: string): Scenario {
  return JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as Scenario
}

const open: TestStore[] = []
afterEach(async () => {
  for (const store of open.splice(0)) await store.close()
})

/** The kit's fresh database with one organisation and one school inserted directly. */
async function schoolStore(): Promise<TestStore> {
  const store = freshStore()
  open.push(store)
  await insertOrganisation(store, 'org_test')
  await insertSchool(store, { id: SCHOOL, organisationId: 'org_test' })
  return store
}

/** Every row of every table (sqlite_master included, so a trigger or index counts too). */
function snapshot(store: SqliteStore, except: string[] = []): Record<string, string[]> {
  const tables = store.sqlite.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  const out: Record<string, string[]> = {
    sqlite_master: (store.sqlite.prepare('SELECT * FROM sqlite_master').all() as unknown[]).map((r) => JSON.stringify(r)).sort(),
  }
  for (const { name } of tables) {
    if (except.includes(name)) continue
    out[name] = (store.sqlite.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
  }
  return out
}

async function rejection(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise
  } catch (err) {
    if (err instanceof ProblemError) return err
    throw err
  }
  throw new Error('expected the import to be rejected')
}

const rows = <T>(store: SqliteStore, query: string, ...params: unknown[]) => store.sqlite.prepare(query).all(...params) as T[]
const staffId = (store: SqliteStore, code: string) => (rows<{ id: string }>(store, 'SELECT id FROM staff WHERE code = ?', code)[0] ?? { id: '' }).id

describe('import then export gives back an equivalent scenario (SQLite)', () => {
  it.each(FILES)('%s', async (file) => {
    const store = await schoolStore()
    const sc = example(file)
    const summary = await importScenario(store, SCHOOL, sc, ctx)
    expect(summary.created.staff).toBe(sc.staff.length)
    const exported = await exportScenario(store, SCHOOL, sc.week)
    expect(parseScenario(exported).ok).toBe(true)
    expect(exported).toStrictEqual(canonical(sc))
  })

  it.each(FILES)('importing %s twice writes nothing but a second audit entry', async (file) => {
    const store = await schoolStore()
    await importScenario(store, SCHOOL, example(file), ctx)
    const before = snapshot(store, ['audit_log'])
    const again = await importScenario(store, SCHOOL, example(file), ctx)
    expect(again.changed).toBe(false)
    expect(again.statements).toBe(1)
    expect(snapshot(store, ['audit_log'])).toEqual(before)
    expect(rows(store, 'SELECT action, entity FROM audit_log WHERE school_id = ?', SCHOOL)).toHaveLength(2)
  })

  it('keeps a published rota (previous), pins, closures and x- fields out of the way', async () => {
    const store = await schoolStore()
    const sc = {
      ...example('primary.json'),
      'x-note': 'ignored',
      closed: ['2026-11-27'],
      previous: [
        { staff: 's001', duty: 'gate', date: '2026-11-23', slot: 'gate-am' },
        { staff: 's002', duty: 'parents-eve', date: '2026-11-25' },
      ],
      pins: [{ staff: 's003', duty: 'c1', date: '2026-11-23', slot: 's3' }],
    } as Scenario
    await importScenario(store, SCHOOL, sc, ctx)
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(sc))
    expect(rows(store, 'SELECT kind, name FROM closures')).toEqual([{ kind: 'other', name: 'Closed (imported)' }])

    // A different `previous` supersedes the published rota; it does not delete it.
    const changed = { ...sc, previous: [{ staff: 's004', duty: 'gate', date: '2026-11-24', slot: 'gate-pm' }] } as Scenario
    const summary = await importScenario(store, SCHOOL, changed, ctx)
    expect(summary.updated.previous).toBe(1)
    expect(rows(store, 'SELECT status, version FROM rotas ORDER BY version')).toEqual([
      { status: 'superseded', version: 1 },
      { status: 'published', version: 2 },
    ])
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(changed))
  })
})

describe('term dates and the round trip', () => {
  it('exports only the closures the school stored, so days the terms close never come back as closures', async () => {
    const store = await schoolStore()
    const sc = { ...example('primary.json'), closed: ['2026-11-23'] } as Scenario
    await importScenario(store, SCHOOL, sc, ctx)
    // The term ends on the Wednesday: Thursday to Sunday have no pupils by the term dates.
    await createCalendarPeriod({ ...ctx, store }, SCHOOL, { kind: 'term', name: 'Autumn term', startDate: '2026-09-02', endDate: '2026-11-25' })
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(sc))
    // What the solver is given adds the term's closed days to the stored one.
    expect((await plannedWeek(store, SCHOOL, WEEK)).scenario.closed).toEqual(['2026-11-23', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'])
    const again = await importScenario(store, SCHOOL, await exportScenario(store, SCHOOL, WEEK), ctx)
    expect(again.changed).toBe(false)
    expect(rows(store, 'SELECT date FROM closures')).toEqual([{ date: '2026-11-23' }])
  })
})

describe('a rejected import leaves every table unchanged', () => {
  it('answers one error per bad path for an invalid file, and writes nothing', async () => {
    const store = await schoolStore()
    await importScenario(store, SCHOOL, example('secondary.json'), ctx)
    const before = snapshot(store)
    const bad = structuredClone(example('primary.json')) as unknown as Record<string, Record<string, unknown>[]>
    bad.staff![2]!.hoursPerWeek = -3
    bad.slots![0]!.end = '25:00'
    bad.duties![1]!.slots = ['no-such-slot']
    bad.absences![0]!.reason = 'flu'
    bad.cover![0]!.colour = 'red'
    const err = await rejection(importScenarioInput(store, SCHOOL, bad, ctx))
    expect(err.problem.status).toBe(400)
    expect(err.problem.errors?.map((e) => e.path).sort()).toEqual([
      'absences[0].reason',
      'cover[0].colour',
      'duties[1].slots[0]',
      'slots[0].end',
      'staff[2].hoursPerWeek',
    ])
    expect(snapshot(store)).toEqual(before)
  })

  it('rolls back everything when the database fails part-way through the write', async () => {
    const store = await schoolStore()
    await importScenario(store, SCHOOL, example('primary.json'), ctx)
    // A file valid by schema that changes plenty, made to fail late: duty_balances rows are
    // written after slots, grades, staff, skills and commitments.
    store.sqlite.exec("CREATE TRIGGER fail_late BEFORE INSERT ON duty_balances BEGIN SELECT RAISE(ABORT, 'forced failure'); END")
    const before = snapshot(store)
    const other = example('large-secondary.json')
    await expect(importScenario(store, SCHOOL, other, ctx)).rejects.toThrow(/forced failure/)
    expect(snapshot(store)).toEqual(before)
  })
})

describe('weeks that reuse cover and event ids', () => {
  it('import side by side, and each week exports its own cover and events', async () => {
    const store = await schoolStore()
    const first = example('primary.json')
    const second = theWeekAfter(first)
    expect(second.cover?.map((c) => c.date)).toContain('2026-12-01')
    await importScenario(store, SCHOOL, first, ctx)
    const summary = await importScenario(store, SCHOOL, second, ctx)
    expect(summary.created.cover).toBe(first.cover?.length)
    expect(summary.created.events).toBe(first.events?.length)

    for (const sc of [first, second]) {
      const exported = await exportScenario(store, SCHOOL, sc.week)
      expect(exported.cover).toStrictEqual(canonical(sc).cover)
      expect(exported.events).toStrictEqual(canonical(sc).events)
    }
    // Importing the first week again leaves the second week's rows as they were.
    const secondWeek = () => ['cover_requests', 'events'].flatMap((table) => rows(store, `SELECT * FROM ${table} WHERE week = ? ORDER BY code`, NEXT_WEEK))
    const before = secondWeek()
    expect(before).toHaveLength((second.cover?.length ?? 0) + (second.events?.length ?? 0))
    expect((await importScenario(store, SCHOOL, first, ctx)).changed).toBe(false)
    expect(secondWeek()).toEqual(before)
  })
})

describe('what the export shows', () => {
  it('only skills valid for the whole week', async () => {
    const store = await schoolStore()
    await importScenario(store, SCHOOL, example('primary.json'), ctx)
    const id = staffId(store, 's001')
    const add = store.sqlite.prepare('INSERT INTO staff_skills (staff_id, skill, expires_on) VALUES (?, ?, ?)')
    add.run(id, 'lapsed-last-week', '2026-11-22')
    add.run(id, 'lapses-midweek', '2026-11-25')
    add.run(id, 'valid-to-sunday', '2026-11-29')
    add.run(id, 'valid-next-year', '2027-06-30')
    const person = (await exportScenario(store, SCHOOL, WEEK)).staff.find((s) => s.id === 's001')
    expect(person?.skills).toEqual(['valid-next-year', 'valid-to-sunday'])

    // Re-importing that export keeps the lapsed certificates as history and the file's skills valid.
    await importScenario(store, SCHOOL, await exportScenario(store, SCHOOL, WEEK), ctx)
    expect(rows(store, 'SELECT skill, expires_on FROM staff_skills WHERE staff_id = ? ORDER BY skill', id)).toEqual([
      { skill: 'lapsed-last-week', expires_on: '2026-11-22' },
      { skill: 'lapses-midweek', expires_on: '2026-11-25' },
      { skill: 'valid-next-year', expires_on: '2027-06-30' },
      { skill: 'valid-to-sunday', expires_on: '2026-11-29' },
    ])
  })

  it("only that week's absences, one per date, open-ended ones too, never their details", async () => {
    const store = await schoolStore()
    await importScenario(store, SCHOOL, example('primary.json'), ctx)
    const add = store.sqlite.prepare(
      'INSERT INTO absences (id, school_id, staff_id, start_date, end_date, start_time, end_time, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    const s002 = staffId(store, 's002')
    const s003 = staffId(store, 's003')
    add.run('abs_last_week', SCHOOL, s002, '2026-11-16', '2026-11-20', null, null, 'family', 'x')
    add.run('abs_next_week', SCHOOL, s002, '2026-11-30', '2026-12-02', null, null, 'family', 'x')
    add.run('abs_part_days', SCHOOL, s002, '2026-11-20', '2026-11-24', '13:00', '15:00', 'medical', 'x')
    add.run('abs_open', SCHOOL, s003, '2026-11-02', null, null, null, 'sickness', 'x')
    store.sqlite.prepare('INSERT INTO absence_details (absence_id, detail) VALUES (?, ?)').run('abs_open', 'SECRET-DIAGNOSIS')

    const exported = await exportScenario(store, SCHOOL, WEEK)
    expect(JSON.stringify(exported)).not.toContain('SECRET-DIAGNOSIS')
    expect(exported.absences?.filter((a) => a.staff === 's002')).toEqual([
      { staff: 's002', date: '2026-11-23', start: '13:00', end: '15:00', reason: 'medical' },
      { staff: 's002', date: '2026-11-24', start: '13:00', end: '15:00', reason: 'medical' },
    ])
    expect(exported.absences?.filter((a) => a.staff === 's003').map((a) => a.date)).toEqual([
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
      '2026-11-27',
      '2026-11-28',
      '2026-11-29',
    ])

    // Importing the export back changes nothing: the open-ended absence stays open-ended.
    const again = await importScenario(store, SCHOOL, exported, ctx)
    expect(again.changed).toBe(false)

    // A file that says s003 is back on Wednesday cuts the week out of the open-ended absence:
    // before the week and after it stay as they were (with the detail), the file's days in between.
    const back = { ...exported, absences: exported.absences?.filter((a) => !(a.staff === 's003' && a.date === '2026-11-25')) }
    await importScenario(store, SCHOOL, back, ctx)
    expect(rows(store, 'SELECT start_date, end_date, reason FROM absences WHERE staff_id = ? ORDER BY start_date', s003)).toEqual([
      { start_date: '2026-11-02', end_date: '2026-11-22', reason: 'sickness' },
      { start_date: '2026-11-23', end_date: '2026-11-24', reason: 'sickness' },
      { start_date: '2026-11-26', end_date: '2026-11-29', reason: 'sickness' },
      { start_date: '2026-11-30', end_date: null, reason: 'sickness' },
    ])
    expect(rows(store, 'SELECT detail FROM absence_details')).toEqual([{ detail: 'SECRET-DIAGNOSIS' }, { detail: 'SECRET-DIAGNOSIS' }])
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(back))
  })

  it('dutiesThisTerm counts published duty and cover this term; events use additional hours', async () => {
    const store = await schoolStore()
    const sc = example('primary.json')
    await importScenario(store, SCHOOL, sc, ctx)
    const s001 = sc.staff.find((s) => s.id === 's001')
    const idle = sc.staff.find((s) => (s.dutiesThisTerm ?? 0) === 0)
    expect(s001?.dutiesThisTerm).toBeGreaterThan(0)
    store.sqlite.exec(`
      INSERT INTO calendar_periods (id, school_id, kind, name, start_date, end_date) VALUES
        ('cp_autumn', '${SCHOOL}', 'term', 'Autumn', '2026-09-02', '2026-12-18');
      INSERT INTO rotas (id, school_id, week, version, status, created_at, published_at) VALUES
        ('rot_pub', '${SCHOOL}', '${WEEK}', 1, 'published', 'x', 'x'),
        ('rot_draft', '${SCHOOL}', '${WEEK}', 2, 'draft', 'x', NULL),
        ('rot_old', '${SCHOOL}', '${WEEK}', 0, 'superseded', 'x', 'x'),
        ('rot_summer', '${SCHOOL}', '2026-07-13', 1, 'published', 'x', 'x');`)
    const s001Id = staffId(store, 's001')
    const assign = store.sqlite.prepare('INSERT INTO rota_assignments (id, rota_id, staff_id, work_code, date, slot_code) VALUES (?, ?, ?, ?, ?, ?)')
    assign.run('ra1', 'rot_pub', s001Id, 'gate', '2026-11-23', 'gate-am')
    assign.run('ra2', 'rot_pub', s001Id, 'gate', '2026-11-24', 'gate-pm')
    assign.run('ra3', 'rot_pub', s001Id, 'c1', '2026-11-23', 's3')
    assign.run('ra4', 'rot_pub', s001Id, 'parents-eve', '2026-11-25', null) // an event: 3 hours
    assign.run('ra5', 'rot_draft', s001Id, 'gate', '2026-11-25', 'gate-am') // a draft: not done
    assign.run('ra6', 'rot_old', s001Id, 'gate', '2026-11-26', 'gate-am') // superseded: not done
    assign.run('ra7', 'rot_summer', s001Id, 'gate', '2026-07-13', 'gate-am') // last term
    // A balance recorded before this term began does not count this term.
    store.sqlite.prepare('INSERT INTO duty_balances (staff_id, as_of, duties) VALUES (?, ?, ?)').run(staffId(store, idle?.id ?? ''), '2026-07-20', 40)

    const next = await exportScenario(store, SCHOOL, NEXT_WEEK)
    const person = next.staff.find((s) => s.id === 's001')
    expect(person?.dutiesThisTerm).toBe((s001?.dutiesThisTerm ?? 0) + 3)
    expect(person?.additionalHoursRemaining).toBe(Math.round(((s001?.additionalHoursRemaining ?? 0) - 3) * 1e6) / 1e6)
    expect(next.staff.find((s) => s.id === idle?.id)?.dutiesThisTerm).toBeUndefined()
    // Only the week's own cover and events; no published rota for next week.
    expect(next.cover).toBeUndefined()
    expect(next.events).toBeUndefined()
    expect(next.previous).toBeUndefined()

    // The ledgers read back what import wrote: importing next week's export changes nothing.
    const again = await importScenario(store, SCHOOL, next, ctx)
    expect(again.changed).toBe(false)
    // The week itself still shows the figures the file gave, plus its published rota.
    const week = await exportScenario(store, SCHOOL, WEEK)
    expect(week.staff.find((s) => s.id === 's001')?.dutiesThisTerm).toBe(s001?.dutiesThisTerm)
    expect(week.previous).toHaveLength(4)
  })
})

describe('what "update" means for rows the file does not list', () => {
  /** The file without one person, and without every mention of them. */
  function without(sc: Scenario, code: string): Scenario {
    return {
      ...sc,
      staff: sc.staff.filter((s) => s.id !== code),
      absences: sc.absences?.filter((a) => a.staff !== code),
    }
  }

  it('removes a person the file drops when nothing else refers to them', async () => {
    const store = await schoolStore()
    const sc = example('primary.json')
    await importScenario(store, SCHOOL, sc, ctx)
    const smaller = without(sc, 's008')
    const summary = await importScenario(store, SCHOOL, smaller, ctx)
    expect(summary.removed.staff).toBe(1)
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(smaller))
  })

  it('refuses to remove a person with rota history, and writes nothing', async () => {
    const store = await schoolStore()
    const sc = example('primary.json')
    await importScenario(store, SCHOOL, sc, ctx)
    store.sqlite.exec(`INSERT INTO rotas (id, school_id, week, status, created_at) VALUES ('rot_prev', '${SCHOOL}', '2026-11-16', 'published', 'x')`)
    store.sqlite
      .prepare("INSERT INTO rota_assignments (id, rota_id, staff_id, work_code, date, slot_code) VALUES ('ra', 'rot_prev', ?, 'gate', '2026-11-16', 'gate-am')")
      .run(staffId(store, 's008'))
    const before = snapshot(store)
    const err = await rejection(importScenario(store, SCHOOL, without(sc, 's008'), ctx))
    expect(err.problem.status).toBe(409)
    expect(err.problem.errors).toEqual([expect.objectContaining({ path: 'staff', message: expect.stringContaining('"s008"') })])
    expect(snapshot(store)).toEqual(before)
  })

  it('replaces a grade only when the file also moves everyone who holds it', async () => {
    const store = await schoolStore()
    const sc = example('primary.json')
    await importScenario(store, SCHOOL, sc, ctx)
    const dropped = sc.grades[0]?.id ?? ''
    const target = sc.grades[1]?.id ?? ''
    const regraded = {
      ...sc,
      grades: sc.grades.slice(1),
      staff: sc.staff.map((s) => (s.grade === dropped ? { ...s, grade: target } : s)),
    }
    const summary = await importScenario(store, SCHOOL, regraded, ctx)
    expect(summary.removed.grades).toBe(1)
    expect(await exportScenario(store, SCHOOL, WEEK)).toStrictEqual(canonical(regraded))
    // Keeping a holder on the dropped grade is not a valid file: the format names the path.
    const stale = { ...sc, grades: sc.grades.slice(1) }
    const err = await rejection(importScenario(store, SCHOOL, stale, ctx))
    expect(err.problem.status).toBe(400)
  })

  it("refuses to remove a slot another week's cover uses", async () => {
    const store = await schoolStore()
    const sc = example('primary.json')
    await importScenario(store, SCHOOL, sc, ctx)
    const slot = store.sqlite.prepare("SELECT id FROM slots WHERE code = 'gate-pm'").get() as { id: string }
    store.sqlite
      .prepare("INSERT INTO cover_requests (id, school_id, code, date, slot_id) VALUES ('cov_old', ?, 'old-cover', '2026-11-16', ?)")
      .run(SCHOOL, slot.id)
    const before = snapshot(store)
    const noSlot = {
      ...sc,
      slots: sc.slots.filter((s) => s.id !== 'gate-pm'),
      duties: sc.duties.map((d) => ({ ...d, slots: d.slots.filter((s) => s !== 'gate-pm') })).filter((d) => d.slots.length > 0),
      cover: sc.cover?.filter((c) => c.slot !== 'gate-pm'),
    }
    const err = await rejection(importScenario(store, SCHOOL, noSlot, ctx))
    expect(err.problem.status).toBe(409)
    expect(err.problem.errors?.map((e) => e.path)).toEqual(['slots'])
    expect(snapshot(store)).toEqual(before)
  })
})
