// The Edit pages of a grade, a member of staff and the school: each is an `Editable` for the
// shared guard (edit-guard.ts), saved through the same update use case as the API. Changing a
// person's grade or hours is an update, never a delete: their published duties stay, and the
// week's page says the setup changed since its rota was made (src/week/setup-print.ts).
import { createElement } from 'hono/jsx'
import { z } from 'zod'
import { getSchool, updateSchool, type School } from '../schools/schools.js'
import { listDutyPosts } from '../setup/duty-posts.js'
import { getGrade, listGrades, updateGrade, type Grade, type GradeInput } from '../setup/grades.js'
import { getStaff, updateStaff, type StaffInput, type StaffMember } from '../setup/staff.js'
import { name } from '../platform/fields.js'
import { isKnownTimeZone } from '../platform/zone.js'
import { saveEdit, showEdit, type EditState, type Editable } from './edit-guard.js'
import { gradeForm, read, staffEditForm, type FormValues } from './form-readers.js'
import { all, frameOf, html, redirect, type PageContext } from './page-kit.js'
import { gradesPage, schoolDayPage, staffPage } from './setup-pages.js'
import { commitmentsText, patternText, skillsText, WORK_KIND_LABELS } from './views/labels.js'
import { managerPaths } from './views/paths.js'
import { GRADE_LABELS } from './views/setup-grades.js'
import { GradeEditPage, SCHOOL_LABELS, SchoolEditPage, STAFF_EDIT_LABELS, StaffEditPage } from './views/setup-edits.js'

const paths = (pc: PageContext) => managerPaths(pc.schoolId)
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

// Grades.

function gradeEdit(pc: PageContext, id: string): Editable<Grade, GradeInput> {
  const p = paths(pc)
  const action = p.edit(p.grades, id)
  const back = { href: p.grades, name: 'grades' }
  return {
    what: (g) => `grade ${g.code}`,
    whatTyped: (v) => `grade ${one(v.code)}`,
    section: 'grades',
    back,
    action,
    load: () => getGrade(pc.ctx.store, pc.schoolId, id),
    valuesOf: (g) => ({ code: g.code, name: g.name, dutyKinds: g.dutyKinds, hourlyRate: g.hourlyRate === null ? '' : g.hourlyRate.toFixed(2) }),
    read: (values) => read(gradeForm, values),
    save: (input, ifMatch) => updateGrade(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: GRADE_LABELS,
    show: (field, values) =>
      field === 'dutyKinds' ? values.map((k) => WORK_KIND_LABELS[k as keyof typeof WORK_KIND_LABELS] ?? k).join(', ') : values.join(', '),
    page: async (state, status) => {
      const grade = await getGrade(pc.ctx.store, pc.schoolId, id)
      return html(createElement(GradeEditPage, { frame: await frameOf(pc), state, action, back, grade }), status)
    },
    refused: (alert, status) => gradesPage(pc, undefined, status, alert),
    done: redirect(p.grades, 'grade-saved'),
  }
}

export const editGradePage = (pc: PageContext, id: string) => showEdit(gradeEdit(pc, id))
export const saveGrade = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, gradeEdit(pc, id), values)

// Staff.

/** A person as their Edit form shows them: each field as the manager would type it. */
export function staffValues(m: StaffMember): FormValues {
  return {
    name: m.name,
    code: m.code,
    grade: m.grade,
    hoursPerWeek: String(m.hoursPerWeek),
    pattern: patternText(m.pattern),
    unpaidBreakMinutes: String(m.unpaidBreakMinutes),
    email: m.email ?? '',
    skills: skillsText(m.skills),
    additionalHoursAllowance: String(m.additionalHoursAllowance),
    maxDutiesPerWeek: m.maxDutiesPerWeek === null ? '' : String(m.maxDutiesPerWeek),
    commitments: commitmentsText(m.commitments),
    avoid: m.avoid,
    prefer: m.prefer,
  }
}

function staffEdit(pc: PageContext, id: string): Editable<StaffMember, StaffInput> {
  const p = paths(pc)
  const action = p.edit(p.staff, id)
  const back = { href: p.staff, name: 'staff' }
  const store = pc.ctx.store
  return {
    what: (m) => m.name,
    whatTyped: (v) => one(v.name) || 'this member of staff',
    section: 'staff',
    back,
    action,
    load: () => getStaff(store, pc.schoolId, id),
    valuesOf: staffValues,
    read: (values) => read(staffEditForm, values),
    save: (input, ifMatch) => updateStaff(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: STAFF_EDIT_LABELS,
    page: async (state, status) => {
      const [member, grades, posts] = await Promise.all([
        getStaff(store, pc.schoolId, id),
        all(listGrades, store, pc.schoolId),
        all(listDutyPosts, store, pc.schoolId),
      ])
      return html(createElement(StaffEditPage, { frame: await frameOf(pc), state, action, back, member, grades, posts }), status)
    },
    refused: (alert, status) => staffPage(pc, undefined, undefined, status, alert),
    done: redirect(p.staff, 'staff-saved'),
  }
}

export const editStaffPage = (pc: PageContext, id: string) => showEdit(staffEdit(pc, id))
export const saveStaff = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, staffEdit(pc, id), values)

// The school itself: its name, time zone and full-time hours.

const text = (schema: z.ZodType) => z.preprocess((v) => (one(v as string | string[] | undefined) === '' ? undefined : one(v as string | string[])), schema)

const schoolForm = z.object({
  name: text(z.string({ error: 'enter a value' }).pipe(name)),
  timezone: text(z.string({ error: 'enter a value' }).refine(isKnownTimeZone, 'not a time zone name such as "Europe/London"')),
  fullTimeHours: text(
    z
      .string({ error: 'enter a value' })
      .regex(/^\d+(?:\.\d+)?$/, 'must be a number of hours, e.g. 37')
      .transform(Number)
      .pipe(z.number().gt(0, 'must be more than 0').max(168, 'must be at most 168')),
  ),
}) as z.ZodType<{ name: string; timezone: string; fullTimeHours: number }>

function schoolEdit(pc: PageContext): Editable<School, { name: string; timezone: string; fullTimeHours: number }> {
  const p = paths(pc)
  const back = { href: p.day, name: 'the school day' }
  return {
    what: (s) => `the school's details (${s.name})`,
    whatTyped: () => 'the school',
    section: 'day',
    back,
    action: p.school,
    load: () => getSchool(pc.ctx.store, pc.schoolId),
    valuesOf: (s) => ({ name: s.name, timezone: s.timezone, fullTimeHours: String(s.fullTimeHours) }),
    read: (values) => read(schoolForm, values),
    // A manager's page never moves the school to another trust: that stays as saved.
    save: async (input, ifMatch) => {
      const saved = await getSchool(pc.ctx.store, pc.schoolId)
      return updateSchool(pc.ctx, pc.schoolId, { ...input, organisationId: saved.organisationId }, ifMatch)
    },
    labels: SCHOOL_LABELS,
    page: async (state: EditState, status) => {
      const school = await getSchool(pc.ctx.store, pc.schoolId)
      return html(createElement(SchoolEditPage, { frame: await frameOf(pc), state, action: p.school, back, schoolName: school.name }), status)
    },
    refused: (alert, status) => schoolDayPage(pc, undefined, status, alert),
    done: redirect(p.day, 'school-saved'),
  }
}

export const editSchoolPage = (pc: PageContext) => showEdit(schoolEdit(pc))
export const saveSchool = (pc: PageContext, values: FormValues) => saveEdit(pc, schoolEdit(pc), values)
