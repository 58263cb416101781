// The bulk setup writes on a real database: a good text becomes rows (each audited), a text
// with any problem writes nothing at all.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { WriteContext } from '../../src/platform/deps.js'
import { importStaffCsv, importTermDates } from '../../src/setup/imports.js'
import { createClosure } from '../../src/setup/calendar.js'
import { createGrade } from '../../src/setup/grades.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { getStaff, listStaff } from '../../src/setup/staff.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

let store: TestStore
let ctx: WriteContext
let schoolId: string

beforeEach(async () => {
  store = freshStore()
  ctx = writeContext(store, 'user:test', '2026-11-23T09:00:00Z')
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  schoolId = (await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })).id
  await createGrade(ctx, schoolId, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch'] })
})

afterEach(async () => {
  await store.close()
})

const count = async (table: 'staff' | 'calendar_periods' | 'closures' | 'audit_log') =>
  Number(
    (
      await store.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )

describe('importing staff', () => {
  const CSV =
    'Code,Name,Grade,Hours,Pattern,Skills\nAP,Amira Patel,G4,36:40,Mon-Fri 08:00-15:50,first-aid (2027-06-30)\nBJ,Ben Jones,Grade 4,32.5,Mon-Thu 08:30-15:00,\n'

  it('creates everyone with their skills, each with an audit entry', async () => {
    const before = await count('audit_log')
    const r = await importStaffCsv(ctx, schoolId, CSV)
    expect(r.ok).toBe(true)
    const staff = (await listStaff(store, schoolId, { limit: 50 })).items
    expect(staff.map((s) => [s.code, s.name, s.grade, s.hoursPerWeek])).toEqual([
      ['AP', 'Amira Patel', 'G4', 36.67],
      ['BJ', 'Ben Jones', 'G4', 32.5],
    ])
    const amira = await getStaff(store, schoolId, staff[0]?.id ?? '')
    expect(amira.skills).toEqual([{ skill: 'first-aid', expiresOn: '2027-06-30' }])
    expect(amira.pattern.fri).toEqual({ start: '08:00', end: '15:50' })
    expect((await count('audit_log')) - before).toBe(2)
  })

  it('writes nothing when one row is bad, and says which', async () => {
    const before = await count('audit_log')
    const r = await importStaffCsv(ctx, schoolId, `${CSV}CD,Cara Doyle,G9,18.5,Mon 08:00-12:00,\n`)
    expect(r.ok ? [] : r.problems).toEqual([{ line: 4, column: 'Grade', message: expect.stringMatching(/"G9" is not a grade of this school/) }])
    expect(await count('staff')).toBe(0)
    expect(await count('audit_log')).toBe(before)
  })

  it('previews a second import of the same people instead of refusing it, and writes nothing', async () => {
    await importStaffCsv(ctx, schoolId, CSV)
    const before = await count('audit_log')
    const again = await importStaffCsv(ctx, schoolId, CSV)
    expect(again.ok && !again.applied ? [again.plan.adds.length, again.plan.updates.length, again.plan.unchanged.length] : again).toEqual([0, 0, 2])
    expect(await count('staff')).toBe(2)
    expect(await count('audit_log')).toBe(before)
  })
})

describe('an update-only staff file: the code and the columns to change', () => {
  const CSV = 'Code,Name,Grade,Hours,Pattern,Email\nAP,Amira Patel,G4,36:40,Mon-Fri 08:00-15:50,amira@elm.example\nBJ,Ben Jones,G4,32.5,Mon-Thu 08:30-15:00,\n'
  const people = async () => new Map((await listStaff(store, schoolId, { limit: 50 })).items.map((s) => [s.code, s]))

  beforeEach(async () => {
    await createGrade(ctx, schoolId, { code: 'TA', name: 'Teaching assistant', dutyKinds: ['cover'] })
    await importStaffCsv(ctx, schoolId, CSV)
  })

  it('previews only the changed fields, then changes those and keeps every other', async () => {
    const text = 'code,hours\nAP,30\nBJ,32.5\n'
    const preview = await importStaffCsv(ctx, schoolId, text)
    if (!preview.ok || preview.applied) throw new Error('expected a preview')
    expect(preview.plan.updates.map((u) => [u.member.code, u.changes])).toEqual([['AP', [{ field: 'hoursPerWeek', before: 36.67, after: 30 }]]])
    expect(preview.plan.unchanged.map((m) => m.code)).toEqual(['BJ'])
    expect((await people()).get('AP')?.hoursPerWeek).toBe(36.67)

    const applied = await importStaffCsv(ctx, schoolId, text, undefined, preview.digest)
    expect(applied).toMatchObject({ ok: true, applied: true })
    expect((await people()).get('AP')).toMatchObject({
      name: 'Amira Patel',
      grade: 'G4',
      hoursPerWeek: 30,
      email: 'amira@elm.example',
      pattern: { mon: { start: '08:00', end: '15:50' }, fri: { start: '08:00', end: '15:50' } },
    })
  })

  it('changes two people’s grades in one file, leaving their hours and patterns', async () => {
    const text = 'Staff code,Grade\nAP,TA\nBJ,Teaching assistant\n'
    const preview = await importStaffCsv(ctx, schoolId, text)
    if (!preview.ok || preview.applied) throw new Error('expected a preview')
    expect(preview.plan.updates.map((u) => u.changes.map((c) => c.field))).toEqual([['grade'], ['grade']])
    await importStaffCsv(ctx, schoolId, text, undefined, preview.digest)
    const now = await people()
    expect([now.get('AP')?.grade, now.get('BJ')?.grade, now.get('BJ')?.hoursPerWeek]).toEqual(['TA', 'TA', 32.5])
  })

  it('refuses a new code, naming its row and the columns adding someone takes, and writes nothing', async () => {
    const before = await count('audit_log')
    const r = await importStaffCsv(ctx, schoolId, 'code,hours\nAP,30\nZZ,20\n')
    expect(r.ok ? r : r.problems).toEqual([
      {
        line: 3,
        column: 'code',
        message:
          '"ZZ" is not in Duty Rota yet, and adding someone takes the Name, Grade and Working pattern columns this file does not have; add them, or correct the code',
      },
    ])
    expect(await count('staff')).toBe(2)
    expect(await count('audit_log')).toBe(before)
  })

  it('applies a preview of an uploaded file whose text comes back from the page with CRLF line ends', async () => {
    const preview = await importStaffCsv(ctx, schoolId, 'code,hours\nAP,30\n')
    if (!preview.ok || preview.applied) throw new Error('expected a preview')
    expect(await importStaffCsv(ctx, schoolId, 'code,hours\r\nAP,30\r\n', undefined, preview.digest)).toMatchObject({ ok: true, applied: true })
  })

  it('never deletes anyone the file leaves out', async () => {
    const preview = await importStaffCsv(ctx, schoolId, 'code,hours\nAP,30\n')
    if (!preview.ok || preview.applied) throw new Error('expected a preview')
    await importStaffCsv(ctx, schoolId, 'code,hours\nAP,30\n', undefined, preview.digest)
    expect([...(await people()).keys()]).toEqual(['AP', 'BJ'])
  })
})

describe('importing term dates', () => {
  const TEXT = 'Autumn term 2026-09-03 2026-12-18\nHalf term 2026-10-26 2026-10-30\nINSET 2026-09-02\nBank holiday 2027-05-03'

  it('creates terms, half terms and closure days', async () => {
    const r = await importTermDates(ctx, schoolId, TEXT)
    expect(r.ok).toBe(true)
    expect(await count('calendar_periods')).toBe(2)
    expect(await store.db.selectFrom('closures').select(['date', 'kind', 'name']).orderBy('date').execute()).toEqual([
      { date: '2026-09-02', kind: 'inset', name: 'INSET' },
      { date: '2027-05-03', kind: 'bank_holiday', name: 'Bank holiday' },
    ])
  })

  it('writes nothing when a closure day is already there', async () => {
    await createClosure(ctx, schoolId, { date: '2026-09-02', kind: 'inset', name: 'Training day' })
    const r = await importTermDates(ctx, schoolId, TEXT)
    expect(r.ok ? [] : r.problems).toEqual([{ line: 3, message: '2026-09-02 is already a closure day (Training day)' }])
    expect(await count('calendar_periods')).toBe(0)
    expect(await count('closures')).toBe(1)
  })
})
