// An absence recorded after the week was published (while a publish was in flight, or before
// anyone re-planned) leaves the person on duty in what staff see: the week page says who, where
// and when, and offers the re-plan, until a rota without them is made.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, addTermDates, importStaff } from '../../src/manager/setup-pages.js'
import { generateWeek, publishTheWeek, weekPage } from '../../src/manager/week-pages.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { createAbsence } from '../../src/week/absences.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'

beforeAll(async () => {
  store = freshStore()
  const ctx = writeContext(store, 'user:test', '2026-11-20T09:00:00Z')
  const org = await createOrganisation(ctx, { name: 'Ash Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Ash Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  pc = { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18')
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break'] })
  await importStaff(pc, { text: ['Code,Name,Grade,Hours,Pattern,Skills', 's001,Nia Khan,G4,36.67,Mon-Fri 08:00-15:50,'].join('\n') })
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })
})

afterAll(async () => {
  await store.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
const page = async () => htmlOf(await weekPage(pc, MONDAY))
const versionIn = (form: string, html: string) =>
  new RegExp(`/${form}"[^>]*>(?:<input[^>]*>)*?<input type="hidden" name="version" value="(\\d+)"`).exec(html)?.[1] ?? '0'

describe('a person recorded absent after the week was published', () => {
  it('is named on the week page with the duty they still hold, and the page offers the re-plan', async () => {
    await generateWeek(pc, MONDAY, { version: versionIn('generate', await page()) })
    await publishTheWeek(pc, MONDAY, { version: versionIn('publish', await page()) })
    expect(await page()).not.toContain('absent-on-duty-title')

    await createAbsence(pc.ctx, pc.schoolId, {
      staff: 's001',
      startDate: '2026-11-25',
      endDate: '2026-11-25',
      startTime: '10:00',
      endTime: '12:00',
      reason: 'medical',
      detail: null,
    })
    const html = await page()
    expect(html).toContain('Someone is on duty while absent')
    expect(html).toContain('<strong>Nia Khan</strong> is absent but holds Yard, Wed 25 Nov (10:50-11:10).')
    expect(html).toContain('staff still see these duties on their phones and calendars')
  })

  it('is no longer named once a re-plan without them is made', async () => {
    await generateWeek(pc, MONDAY, { version: versionIn('generate', await page()) })
    expect(await page()).not.toContain('absent-on-duty-title')
  })
})
