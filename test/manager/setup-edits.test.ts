// Editing a grade, a member of staff and the school on the manager's pages, through the page
// handlers on a real database: each Edit page shows what is saved, saves through the API's update
// use case, names a bad field beside itself with nothing lost, and answers a save over someone
// else's newer one with both versions and the choice of keeping theirs or applying yours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageContext } from '../../src/manager/page-kit.js'
import { editGradePage, editSchoolPage, editStaffPage, saveGrade, saveSchool, saveStaff } from '../../src/manager/setup-edit-pages.js'
import { addDutyPost, addGrade, addSlot, importStaff, schoolDayPage, staffPage } from '../../src/manager/setup-pages.js'
import { generateWeek, publishTheWeek, weekPage } from '../../src/manager/week-pages.js'
import { getSchool, updateSchool } from '../../src/schools/schools.js'
import { deleteGrade, getGrade, listGrades, updateGrade } from '../../src/setup/grades.js'
import { getStaff, listStaff, updateStaff } from '../../src/setup/staff.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { decode, formOf, htmlOf, pageSchool } from '../support/page-forms.js'

let store: TestStore
let pc: PageContext
let schoolId: string
const MONDAY = '2026-11-23'

const gradeId = async (code: string) => (await listGrades(store, schoolId, { limit: 50 })).items.find((g) => g.code === code)?.id ?? ''
const staffId = async (code: string) => (await listStaff(store, schoolId, { limit: 50 })).items.find((s) => s.code === code)?.id ?? ''

beforeAll(async () => {
  store = freshStore()
  pc = await pageSchool(store)
  schoolId = pc.schoolId
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] })
  await addGrade(pc, { code: 'TA', name: 'Teaching assistant', dutyKinds: ['cover'] })
  const csv = ['Code,Name,Grade,Hours,Pattern', 'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50', 'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50'].join('\n')
  await importStaff(pc, { text: csv })
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })
})

afterAll(async () => {
  await store.close()
})

describe('a grade edited on its page', () => {
  it('opens with what is saved, ticked and filled in, and the version it was read at', async () => {
    const form = formOf(htmlOf(await editGradePage(pc, await gradeId('G4'))), 'Save grade')
    expect(form).toEqual({ version: '1', code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'], hourlyRate: '' })
  })

  it('saves through the grade use case and goes back to the list saying so', async () => {
    const id = await gradeId('TA')
    const r = await saveGrade(pc, id, { version: '1', code: 'TA', name: 'Teaching assistant (level 2)', dutyKinds: ['cover', 'event'] })
    expect(r).toEqual({ kind: 'redirect', to: `/manage/${schoolId}/setup/grades?done=grade-saved` })
    expect(await getGrade(store, schoolId, id)).toMatchObject({ name: 'Teaching assistant (level 2)', dutyKinds: ['cover', 'event'], version: 2 })
  })

  it('gives a bad field back beside itself, with everything typed kept and nothing saved', async () => {
    const id = await gradeId('TA')
    const r = await saveGrade(pc, id, { version: '2', code: 'TA', name: '', dutyKinds: ['cover', 'lunch'] })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    const html = htmlOf(r)
    expect(html).toContain('<span class="visually-hidden">Error: </span>enter a value')
    expect(html).toMatch(/id="grade-edit-name"[^>]*aria-invalid="true" aria-describedby="grade-edit-name-hint grade-edit-name-error"/)
    expect(formOf(html, 'Save grade')).toMatchObject({ version: '2', code: 'TA', name: '', dutyKinds: ['lunch', 'cover'] })
    expect((await getGrade(store, schoolId, id)).version).toBe(2)
  })

  it('refuses a code another grade has, at the code field', async () => {
    const r = await saveGrade(pc, await gradeId('TA'), { version: '2', code: 'G4', name: 'Teaching assistant', dutyKinds: ['cover'] })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toMatch(/grade-edit-code-error">[\s\S]*G4/)
  })

  it('saved by someone else meanwhile, shows both and lets the manager keep theirs or apply their own', async () => {
    const id = await gradeId('TA')
    const opened = formOf(htmlOf(await editGradePage(pc, id)), 'Save grade')
    await updateGrade(pc.ctx, schoolId, id, { code: 'TA', name: 'Support staff', dutyKinds: ['cover'] }, '"2"')
    const r = await saveGrade(pc, id, { ...opened, name: 'Teaching assistant (level 3)' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    const html = htmlOf(r)
    expect(html).toContain('Someone else changed grade TA')
    // They narrowed the work as well: the form was opened before, so it still holds the old kinds.
    expect(html).toContain('2 fields differ: Name, Work this grade may be given.')
    expect(html).toMatch(/<th scope="row">Name<span class="flag">differs<\/span><\/th><td>Support staff<\/td><td>Teaching assistant \(level 3\)<\/td>/)
    expect(html).toContain(`href="/manage/${schoolId}/setup/grades">Keep theirs`)
    expect((await getGrade(store, schoolId, id)).name).toBe('Support staff')

    const mine = formOf(html, 'Apply mine over theirs')
    expect(mine).toMatchObject({ version: '3', name: 'Teaching assistant (level 3)' })
    expect(await saveGrade(pc, id, mine)).toMatchObject({ kind: 'redirect' })
    expect(await getGrade(store, schoolId, id)).toMatchObject({ name: 'Teaching assistant (level 3)', version: 4 })
  })

  it('deleted by someone else meanwhile, says so and shows what was typed', async () => {
    await addGrade(pc, { code: 'XX', name: 'Short-lived', dutyKinds: [] })
    const id = await gradeId('XX')
    await deleteGrade(pc.ctx, schoolId, id)
    const r = await saveGrade(pc, id, { version: '1', code: 'XX', name: 'Renamed', dutyKinds: [] })
    expect(r).toMatchObject({ kind: 'html', status: 404 })
    expect(htmlOf(r)).toContain('Grade XX is no longer there')
    expect(htmlOf(r)).toContain('<dd>Renamed</dd>')
  })

  it('answers an Edit of a grade the school does not have with the list and why', async () => {
    const r = await editGradePage(pc, 'grd_nope')
    expect(r).toMatchObject({ kind: 'html', status: 404 })
    expect(htmlOf(r)).toContain('no grade with id grd_nope')
  })
})

describe('a member of staff edited on their page', () => {
  it('is offered on every row of the staff list', async () => {
    expect(htmlOf(await staffPage(pc))).toContain(`href="/manage/${schoolId}/setup/staff/${await staffId('AP')}/edit"`)
  })

  it('opens with their contract as they would type it', async () => {
    const form = formOf(htmlOf(await editStaffPage(pc, await staffId('AP'))), 'Save changes')
    expect(form).toMatchObject({
      version: '1',
      name: 'Amira Patel',
      code: 'AP',
      grade: 'G4',
      hoursPerWeek: '36.67',
      pattern: 'Mon-Fri 08:00-15:50',
      unpaidBreakMinutes: '0',
      additionalHoursAllowance: '0',
      maxDutiesPerWeek: '',
    })
  })

  it('names each bad field and keeps everything typed', async () => {
    const id = await staffId('BJ')
    const typed = { ...formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes'), hoursPerWeek: 'lots', pattern: 'Mondays', avoid: 'yard', prefer: 'yard' }
    const r = await saveStaff(pc, id, typed)
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    const html = htmlOf(r)
    for (const field of ['hoursPerWeek', 'pattern', 'prefer']) expect(html).toContain(`id="staff-edit-${field}-error"`)
    expect(html).toContain('value="lots"')
    expect(html).toContain('value="Mondays"')
    expect((await getStaff(store, schoolId, id)).version).toBe(1)
  })

  it('saves their limits, the duties they avoid and their fixed commitments, written as day and times', async () => {
    const id = await staffId('BJ')
    const opened = formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes')
    const typed = { ...opened, maxDutiesPerWeek: '3', avoid: 'yard', commitments: 'Tue 12:10-12:40 Choir; thurs 15:30-16:30' }
    expect(await saveStaff(pc, id, typed)).toMatchObject({ kind: 'redirect' })
    expect(await getStaff(store, schoolId, id)).toMatchObject({
      maxDutiesPerWeek: 3,
      avoid: ['yard'],
      commitments: [
        { day: 'tue', start: '12:10', end: '12:40', label: 'Choir' },
        { day: 'thu', start: '15:30', end: '16:30', label: null },
      ],
    })
    expect(formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes').commitments).toBe('Tue 12:10-12:40 Choir; Thu 15:30-16:30')
  })

  it('names a commitment it cannot read, keeping what was typed', async () => {
    const id = await staffId('BJ')
    const opened = formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes')
    const r = await saveStaff(pc, id, { ...opened, commitments: 'Tue 12:40-12:10 Choir' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(decode(htmlOf(r))).toContain('"Tue 12:40-12:10 Choir" ends (12:10) before it starts (12:40)')
    expect((await getStaff(store, schoolId, id)).commitments).toHaveLength(2)
  })

  it('saved by someone else meanwhile, shows their hours beside the ones typed', async () => {
    const id = await staffId('AP')
    const opened = formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes')
    const saved = await getStaff(store, schoolId, id)
    const { id: _, grade: _g, gradeId: _gi, version: _v, commitments: _c, ...rest } = saved
    await updateStaff(pc.ctx, schoolId, id, { ...rest, grade: 'G4', hoursPerWeek: 30, commitments: [] }, '"1"')
    const r = await saveStaff(pc, id, { ...opened, hoursPerWeek: '20' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toMatch(/Hours per week<span class="flag">differs<\/span><\/th><td>30<\/td><td>20<\/td>/)
    expect((await getStaff(store, schoolId, id)).hoursPerWeek).toBe(30)
  })
})

describe("a person's grade and hours changed after the week is published", () => {
  it('keeps their published duties, and the week says the setup changed so the next generate uses it', async () => {
    expect(await generateWeek(pc, MONDAY, { version: '0' })).toMatchObject({ kind: 'redirect' })
    expect(await publishTheWeek(pc, MONDAY, { version: '1' })).toMatchObject({ kind: 'redirect' })
    const before = htmlOf(await weekPage(pc, MONDAY))
    const seats = (html: string) => [...html.matchAll(/<li>(Amira Patel|Ben Jones)/g)].length
    expect(seats(before)).toBeGreaterThan(0)

    const id = await staffId('AP')
    const opened = formOf(htmlOf(await editStaffPage(pc, id)), 'Save changes')
    expect(await saveStaff(pc, id, { ...opened, grade: 'TA', hoursPerWeek: '25' })).toMatchObject({
      kind: 'redirect',
      to: expect.stringContaining('staff-saved'),
    })
    expect(await getStaff(store, schoolId, id)).toMatchObject({ grade: 'TA', hoursPerWeek: 25 })

    const after = htmlOf(await weekPage(pc, MONDAY))
    expect(seats(after)).toBe(seats(before))
    expect(after).toContain('The setup changed after this rota was made: generate the week again')
    expect(decode(after)).toContain("Staff Amira Patel's grade and working pattern or limits changed after this rota was made.")

    // Her new grade allows cover and events only, so the next generate gives her no yard duty.
    expect(await generateWeek(pc, MONDAY, formOf(after, 'Generate again'))).toMatchObject({ kind: 'redirect' })
    const draft = htmlOf(await weekPage(pc, MONDAY, { show: 'draft' }))
    const herRow = /<th scope="row">Amira Patel<span class="time">25 h a week<\/span><\/th>([\s\S]*?)<\/tr>/.exec(draft)?.[1]
    expect(herRow).toBeDefined()
    expect(herRow).not.toContain('Yard')
    expect(draft).not.toContain('The setup changed after this rota was made')
  })
})

describe("the school's own details", () => {
  it('are shown on the School day page with a way to edit them', async () => {
    const html = htmlOf(await schoolDayPage(pc))
    expect(html).toContain('<dd>Europe/London</dd>')
    expect(html).toContain(`href="/manage/${schoolId}/setup/school"`)
  })

  it('save a new name and full-time hours, keeping the school in its trust', async () => {
    const opened = formOf(htmlOf(await editSchoolPage(pc)), 'Save school')
    expect(opened).toEqual({ version: '1', name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: '37' })
    expect(await saveSchool(pc, { ...opened, name: 'Elm Tree Primary Academy', fullTimeHours: '36' })).toEqual({
      kind: 'redirect',
      to: `/manage/${schoolId}/setup/day?done=school-saved`,
    })
    expect(await getSchool(store, schoolId)).toMatchObject({ name: 'Elm Tree Primary Academy', fullTimeHours: 36, version: 2 })
  })

  it('refuse a time zone that does not exist and hours that are not a number, beside each field', async () => {
    const r = await saveSchool(pc, { version: '2', name: 'Elm Tree Primary Academy', timezone: 'Europe/Elmtown', fullTimeHours: 'full' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(r)).toContain('id="school-edit-timezone-error"')
    expect(htmlOf(r)).toContain('id="school-edit-fullTimeHours-error"')
    expect(htmlOf(r)).toContain('value="Europe/Elmtown"')
  })

  it('saved by someone else meanwhile, show both', async () => {
    const saved = await getSchool(store, schoolId)
    await updateSchool(pc.ctx, schoolId, { organisationId: saved.organisationId, name: saved.name, timezone: 'Europe/Dublin', fullTimeHours: 36 }, '"2"')
    const r = await saveSchool(pc, { version: '2', name: 'Elm Tree Primary Academy', timezone: 'Europe/London', fullTimeHours: '35' })
    expect(r).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(r)).toContain('2 fields differ: Time zone, Full-time hours a week.')
  })

  it('refuse a form that lost its version instead of saving unguarded', async () => {
    const r = await saveSchool(pc, { name: 'Elm Tree', timezone: 'Europe/London', fullTimeHours: '37' })
    expect(r).toMatchObject({ kind: 'html', status: 400 })
    expect((await getSchool(store, schoolId)).name).toBe('Elm Tree Primary Academy')
  })
})

describe('a staff CSV of codes and only the columns to change, on the Staff page', () => {
  it('previews the changes, applies them on Apply, and refuses a new code by its line', async () => {
    const text = 'code,hours\nAP,27.5\nBJ,32.5\n'
    const preview = await importStaff(pc, { text })
    expect(preview).toMatchObject({ kind: 'html', status: 200 })
    expect(htmlOf(preview)).toContain('0 to add, 1 to update (AP Amira Patel: hours 25 -&gt; 27.5), 1 unchanged')
    expect((await getStaff(store, schoolId, await staffId('AP'))).hoursPerWeek).toBe(25)

    expect(await importStaff(pc, formOf(htmlOf(preview), 'Apply these changes'))).toMatchObject({ kind: 'redirect' })
    expect(await getStaff(store, schoolId, await staffId('AP'))).toMatchObject({ hoursPerWeek: 27.5, grade: 'TA', name: 'Amira Patel' })

    const refused = await importStaff(pc, { text: 'code,hours\nAP,27.5\nNEW1,20\n' })
    expect(refused).toMatchObject({ kind: 'html', status: 400 })
    expect(decode(htmlOf(refused))).toContain('"NEW1" is not in Duty Rota yet, and adding someone takes the Name, Grade and Working pattern columns')
  })
})
