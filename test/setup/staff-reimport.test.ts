// Re-importing the staff export through the manager's page handlers: known codes are updated
// after a preview, new codes added, nobody deleted, and an edit made between the preview and
// Apply is noticed instead of overwritten.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { importStaff } from '../../src/manager/setup-pages.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { createGrade } from '../../src/setup/grades.js'
import { listStaff, updateStaff, type StaffMember } from '../../src/setup/staff.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

let store: TestStore
let pc: PageContext

const HEADER = 'Code,Name,Grade,Hours,Pattern,Email'
const FIRST = [
  HEADER,
  'T101,Amira Patel,TA2,30,Mon-Fri 08:30-15:00,amira@school.example',
  'T102,Ben Jones,TA2,25,Mon-Thu 08:30-15:00,',
  'T103,Cara Doyle,TA3,32.5,Mon-Fri 08:00-15:30,cara@school.example',
].join('\n')
// Amira's grade and hours change, Ben's pattern; Cara stays; T104 is new.
const SECOND = [
  HEADER,
  'T101,Amira Patel,TA3,32.5,Mon-Fri 08:30-15:00,amira@school.example',
  'T102,Ben Jones,TA2,25,Mon-Fri 08:30-15:00,',
  'T103,Cara Doyle,TA3,32.5,Mon-Fri 08:00-15:30,cara@school.example',
  'T104,Dee Evans,TA2,20,Mon-Wed 08:30-15:00,',
].join('\n')

beforeEach(async () => {
  store = freshStore()
  const ctx = writeContext(store, 'user:test', '2026-11-23T09:00:00Z')
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  pc = { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
  await createGrade(ctx, school.id, { code: 'TA2', name: 'Teaching assistant 2', dutyKinds: ['break', 'lunch'] })
  await createGrade(ctx, school.id, { code: 'TA3', name: 'Teaching assistant 3', dutyKinds: ['break', 'lunch'] })
  expect((await importStaff(pc, { text: FIRST })).kind).toBe('redirect')
})

afterEach(async () => {
  await store.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html.replaceAll('&gt;', '>') : '')
const digestOf = (r: PageResult) => /name="digest" value="([0-9a-f]+)"/.exec(htmlOf(r))?.[1] ?? ''
const staffNow = async () => new Map((await listStaff(store, pc.schoolId, { limit: 50 })).items.map((s) => [s.code, s]))
const auditCount = async () =>
  Number(
    (
      await store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  )
const facts = (s: StaffMember | undefined) =>
  s && { grade: s.grade, hours: s.hoursPerWeek, days: Object.keys(s.pattern).join(','), email: s.email, version: s.version }

describe('re-importing the staff export', () => {
  it('previews both changes and the new person, and writes nothing', async () => {
    const before = await staffNow()
    const audits = await auditCount()
    const r = await importStaff(pc, { text: SECOND })
    expect(r.kind === 'html' ? r.status : r).toBe(200)
    expect(htmlOf(r)).toContain(
      '1 to add, 2 to update (T101 Amira Patel: grade TA2 -> TA3; hours 30 -> 32.5; T102 Ben Jones: pattern Mon-Thu 08:30-15:00 -> Mon-Fri 08:30-15:00), 1 unchanged',
    )
    expect(htmlOf(r)).toContain('T104 Dee Evans')
    expect(digestOf(r)).toMatch(/^[0-9a-f]{64}$/)
    expect(await staffNow()).toEqual(before)
    expect(await auditCount()).toBe(audits)
  })

  it('applies exactly the previewed changes: two updated with their versions bumped, one added, the rest left', async () => {
    const before = await staffNow()
    const preview = await importStaff(pc, { text: SECOND })
    const applied = await importStaff(pc, { text: SECOND, digest: digestOf(preview) })
    expect(applied.kind === 'redirect' ? applied.to : htmlOf(applied)).toMatch(/done=staff-imported/)
    const after = await staffNow()
    expect(facts(after.get('T101'))).toEqual({ grade: 'TA3', hours: 32.5, days: 'mon,tue,wed,thu,fri', email: 'amira@school.example', version: 2 })
    expect(facts(after.get('T102'))).toMatchObject({ days: 'mon,tue,wed,thu,fri', version: 2 })
    expect(after.get('T103')).toEqual(before.get('T103'))
    expect(facts(after.get('T104'))).toMatchObject({ grade: 'TA2', hours: 20, version: 1 })
    expect(after.size).toBe(4)
  })

  it('keeps what a column the file lacks holds, and deletes nobody left out of the file', async () => {
    const noEmail = ['Code,Name,Grade,Hours,Pattern', 'T101,Amira Patel,TA2,31,Mon-Fri 08:30-15:00'].join('\n')
    const preview = await importStaff(pc, { text: noEmail })
    expect(htmlOf(preview)).toContain('0 to add, 1 to update (T101 Amira Patel: hours 30 -> 31), 0 unchanged')
    await importStaff(pc, { text: noEmail, digest: digestOf(preview) })
    const after = await staffNow()
    expect(facts(after.get('T101'))).toMatchObject({ hours: 31, email: 'amira@school.example' })
    expect(after.size).toBe(3)
  })

  it('refuses the apply and previews again when someone edited one of those people meanwhile', async () => {
    const preview = await importStaff(pc, { text: SECOND })
    const amira = (await staffNow()).get('T101') as StaffMember
    const { id: _id, gradeId: _g, version: _v, commitments, ...rest } = amira
    await updateStaff(pc.ctx, pc.schoolId, amira.id, { ...rest, hoursPerWeek: 35, commitments: commitments.map(({ id: _c, ...c }) => c) })
    const audits = await auditCount()
    const refused = await importStaff(pc, { text: SECOND, digest: digestOf(preview) })
    expect(refused.kind === 'html' ? refused.status : refused).toBe(409)
    expect(htmlOf(refused)).toContain('nothing was saved')
    expect(htmlOf(refused)).toContain('T101 Amira Patel: grade TA2 -> TA3; hours 35 -> 32.5')
    expect(digestOf(refused)).not.toBe(digestOf(preview))
    const now = await staffNow()
    expect(facts(now.get('T101'))).toMatchObject({ grade: 'TA2', hours: 35, version: 2 })
    expect(now.has('T104')).toBe(false)
    expect(await auditCount()).toBe(audits)
  })

  it('still lists every problem of bad rows by line and column and writes nothing', async () => {
    const bad = [HEADER, 'T101,Amira Patel,TA9,32.5,Mon-Fri 08:30-15:00,', 'T105,Eve Fox,TA2,lots,Mon 08:00-12:00,'].join('\n')
    const before = await staffNow()
    const r = await importStaff(pc, { text: bad })
    expect(r.kind === 'html' ? r.status : r).toBe(400)
    expect(htmlOf(r)).toMatch(/Line 2[\s\S]*Grade[\s\S]*Line 3[\s\S]*Hours/)
    expect(await staffNow()).toEqual(before)
  })
})
