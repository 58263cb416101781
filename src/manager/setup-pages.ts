// Handlers of the setup pages: show each list with its form, add from the form (or from a
// paste or file), delete one row. A refused form comes back with what was typed and the
// problems at their fields, answered 400 (or the service's status, e.g. 409 for a code taken).
import { createElement } from 'hono/jsx'
import { ProblemError } from '../platform/http/problem.js'
import { getSchool } from '../schools/schools.js'
import { listCalendarPeriods, listClosures, deleteCalendarPeriod, deleteClosure, getCalendarPeriod, getClosure } from '../setup/calendar.js'
import { dutyPostDeletionImpact, staffDeletionImpact } from '../setup/deletion-impact.js'
import { createDutyPost, deleteDutyPost, getDutyPost, listDutyPosts, staffNaming } from '../setup/duty-posts.js'
import { createGrade, deleteGrade, getGrade, gradeHolders, listGrades } from '../setup/grades.js'
import { createSlot, deleteSlot, getSlot, listSlots, slotUsers } from '../setup/slots.js'
import { createStaff, deleteStaff, getStaff, listStaff } from '../setup/staff.js'
import {
  closureGoes,
  closureName,
  dutyPostGoes,
  dutyPostName,
  gradeName,
  namesInUse,
  periodGoes,
  periodName,
  slotInUse,
  slotName,
  staffGoes,
} from './views/delete-page.js'
import { emptyForm, type FormState } from '../ui/form-fields.js'
import { HomePage } from './views/home-page.js'
import { managerPaths } from './views/paths.js'
import { SchoolDayPage } from './views/setup-day.js'
import { GradesPage } from './views/setup-grades.js'
import { DutyPostsPage } from './views/setup-posts.js'
import { StaffPage, type ImportPanel } from './views/setup-staff.js'
import { TermDatesPage } from './views/setup-terms.js'
import { dutyPostForm, gradeForm, read, slotForm, staffForm, type FormValues } from './form-readers.js'
import { importStaffCsv, importTermDates } from '../setup/imports.js'
import { askBeforeDelete, deleteRow, type RowsOf } from './delete-pages.js'
import { all, formErrors, frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import type { LineProblem } from '../setup/paste-problems.js'
import { guessMapping, STAFF_FIELDS, type ColumnMapping } from '../setup/staff-csv.js'
import { mondayHere } from './weeks.js'

const frameOfPaths = (pc: PageContext) => managerPaths(pc.schoolId)
const statusOf = (err: unknown, otherwise = 400) => (err instanceof ProblemError ? err.problem.status : otherwise)

export async function homePage(pc: PageContext): Promise<PageResult> {
  const frame = await frameOf(pc)
  const store = pc.ctx.store
  const [slots, periods, grades, staff, posts] = await Promise.all([
    all(listSlots, store, pc.schoolId),
    all(listCalendarPeriods, store, pc.schoolId),
    all(listGrades, store, pc.schoolId),
    all(listStaff, store, pc.schoolId),
    all(listDutyPosts, store, pc.schoolId),
  ])
  const counts = { slots: slots.length, periods: periods.length, grades: grades.length, staff: staff.length, posts: posts.length }
  return html(createElement(HomePage, { frame, counts, monday: await mondayHere(pc) }))
}

// The school day.

const SLOT_FIELDS = ['code', 'kind', 'start', 'end', 'days']

export async function schoolDayPage(pc: PageContext, form: FormState = emptyForm({ kind: 'break' }), status = 200, alert?: string): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert }
  const [slots, school] = await Promise.all([all(listSlots, pc.ctx.store, pc.schoolId), getSchool(pc.ctx.store, pc.schoolId)])
  return html(createElement(SchoolDayPage, { frame, slots, form, school }), status)
}

export async function addSlot(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(slotForm, values)
  if (!r.ok) return schoolDayPage(pc, { values, errors: r.errors }, 400)
  try {
    await createSlot(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return schoolDayPage(pc, { values, errors: formErrors(err, SLOT_FIELDS) }, statusOf(err))
  }
  return redirect(frameOfPaths(pc).day, 'slot-added')
}

const slotRows = (pc: PageContext): RowsOf => ({
  section: 'day',
  page: frameOfPaths(pc).day,
  name: 'the school day',
  refused: (alert, status) => schoolDayPage(pc, undefined, status, alert),
})

export const askRemoveSlot = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, slotRows(pc), id, async () => ({
    what: slotName(await getSlot(pc.ctx.store, pc.schoolId, id)),
    goes: [],
    inUse: slotInUse(await slotUsers(pc.ctx.store, id), (postId) => frameOfPaths(pc).edit(frameOfPaths(pc).posts, postId)),
    fix: "Change those first (a duty post's name opens its Edit page, where it can be moved to other slots), then delete the slot.",
  }))

export const removeSlot = async (pc: PageContext, id: string) => deleteRow(slotRows(pc), () => deleteSlot(pc.ctx, pc.schoolId, id), 'slot-deleted')

// Term dates.

export async function termDatesPage(pc: PageContext, text = '', problems: LineProblem[] = [], status = 200, alert?: string): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert }
  const [periods, closures] = await Promise.all([all(listCalendarPeriods, pc.ctx.store, pc.schoolId), all(listClosures, pc.ctx.store, pc.schoolId)])
  return html(createElement(TermDatesPage, { frame, periods, closures, form: emptyForm({ text }), problems }), status)
}

/** `file` is the uploaded file's text, if one was chosen: it is read instead of the box. */
export async function addTermDates(pc: PageContext, text: string, file?: string): Promise<PageResult> {
  const source = file !== undefined && file.trim() !== '' ? file : text
  const r = await importTermDates(pc.ctx, pc.schoolId, source)
  if (!r.ok) return termDatesPage(pc, source, r.problems, 400)
  return redirect(frameOfPaths(pc).terms, 'terms-saved')
}

const termRows = (pc: PageContext, rows: 'periods' | 'closures'): RowsOf => {
  const page = frameOfPaths(pc).terms
  return { section: 'terms', page, name: 'term dates', rows: `${page}/${rows}`, refused: (alert, status) => termDatesPage(pc, '', [], status, alert) }
}

export const askRemovePeriod = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, termRows(pc, 'periods'), id, async () => {
    const period = await getCalendarPeriod(pc.ctx.store, pc.schoolId, id)
    return { what: periodName(period), goes: periodGoes(period) }
  })

export const removePeriod = async (pc: PageContext, id: string) =>
  deleteRow(termRows(pc, 'periods'), () => deleteCalendarPeriod(pc.ctx, pc.schoolId, id), 'period-deleted')

export const askRemoveClosure = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, termRows(pc, 'closures'), id, async () => {
    const closure = await getClosure(pc.ctx.store, pc.schoolId, id)
    return { what: closureName(closure), goes: closureGoes(closure) }
  })

export const removeClosure = async (pc: PageContext, id: string) =>
  deleteRow(termRows(pc, 'closures'), () => deleteClosure(pc.ctx, pc.schoolId, id), 'closure-deleted')

// Grades.

const GRADE_FIELDS = ['code', 'name', 'dutyKinds']

export async function gradesPage(
  pc: PageContext,
  form: FormState = emptyForm({ dutyKinds: ['break', 'lunch', 'oncall', 'cover', 'event'] }),
  status = 200,
  alert?: string,
): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert }
  return html(createElement(GradesPage, { frame, grades: await all(listGrades, pc.ctx.store, pc.schoolId), form }), status)
}

export async function addGrade(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(gradeForm, values)
  if (!r.ok) return gradesPage(pc, { values, errors: r.errors }, 400)
  try {
    await createGrade(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return gradesPage(pc, { values, errors: formErrors(err, GRADE_FIELDS) }, statusOf(err))
  }
  return redirect(frameOfPaths(pc).grades, 'grade-added')
}

const gradeRows = (pc: PageContext): RowsOf => ({
  section: 'grades',
  page: frameOfPaths(pc).grades,
  name: 'grades',
  refused: (alert, status) => gradesPage(pc, undefined, status, alert),
})

export const askRemoveGrade = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, gradeRows(pc), id, async () => ({
    what: gradeName(await getGrade(pc.ctx.store, pc.schoolId, id)),
    goes: [],
    inUse: namesInUse(await gradeHolders(pc.ctx.store, id), 'holds it'),
    fix: 'Give them another grade first, then delete this one.',
  }))

export const removeGrade = async (pc: PageContext, id: string) => deleteRow(gradeRows(pc), () => deleteGrade(pc.ctx, pc.schoolId, id), 'grade-deleted')

// Staff.

const STAFF_FORM_FIELDS = ['name', 'code', 'grade', 'hoursPerWeek', 'pattern', 'unpaidBreakMinutes', 'email', 'skills']
const noImport: ImportPanel = { form: emptyForm(), problems: [], headers: [], mapping: {} }

export async function staffPage(
  pc: PageContext,
  form: FormState = emptyForm({ unpaidBreakMinutes: '30' }),
  importPanel: ImportPanel = noImport,
  status = 200,
  alert?: string,
): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert }
  const [staff, grades] = await Promise.all([all(listStaff, pc.ctx.store, pc.schoolId), all(listGrades, pc.ctx.store, pc.schoolId)])
  return html(createElement(StaffPage, { frame, staff, grades, form, importPanel }), status)
}

export async function addStaff(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(staffForm, values)
  if (!r.ok) return staffPage(pc, { values, errors: r.errors }, noImport, 400)
  try {
    await createStaff(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return staffPage(pc, { values, errors: formErrors(err, STAFF_FORM_FIELDS) }, noImport, statusOf(err))
  }
  return redirect(frameOfPaths(pc).staff, 'staff-added')
}

/** The column choices of the import form: map-code, map-name... -> the mapping. */
export function mappingOf(values: FormValues): ColumnMapping {
  const out: ColumnMapping = {}
  for (const field of STAFF_FIELDS) {
    const v = values[`map-${field}`]
    const header = Array.isArray(v) ? v[0] : v
    if (header !== undefined && header !== '') out[field] = header
  }
  return out
}

/** A file is read, previewed when it changes people already there, and written on Apply. */
export async function importStaff(pc: PageContext, values: FormValues, file?: string): Promise<PageResult> {
  const typed = typeof values.text === 'string' ? values.text : ''
  const text = file !== undefined && file.trim() !== '' ? file : typed
  const mapping = mappingOf(values)
  const confirm = typeof values.digest === 'string' ? values.digest : undefined
  const r = await importStaffCsv(pc.ctx, pc.schoolId, text, mapping, confirm)
  if (r.ok && r.applied) return redirect(frameOfPaths(pc).staff, 'staff-imported')
  // Show the file's headers so the manager can choose columns by hand, with what we guessed.
  const headerLine = text.replace(/^\uFEFF/, '').split(/\r?\n/)[0] ?? ''
  const headers = headerLine.trim() === '' ? [] : headerLine.split(',').map((h) => h.trim().replace(/^"|"$/g, ''))
  const panel: ImportPanel = { form: emptyForm({ text }), problems: [], headers, mapping: { ...guessMapping(headers), ...mapping } }
  if (!r.ok) return staffPage(pc, undefined, { ...panel, problems: r.problems }, 400)
  const preview = { plan: r.plan, digest: r.digest, stale: r.stale, mapping }
  // A stale Apply is refused (409) and answered with the preview as the school is now.
  const alert = r.stale
    ? 'Someone changed staff in this file after it was previewed, so nothing was saved. Here is the preview again as things are now.'
    : undefined
  return staffPage(pc, undefined, { ...panel, preview }, r.stale ? 409 : 200, alert)
}

const staffRows = (pc: PageContext): RowsOf => ({
  section: 'staff',
  page: frameOfPaths(pc).staff,
  name: 'staff',
  refused: (alert, status) => staffPage(pc, undefined, noImport, status, alert),
})

export const askRemoveStaff = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, staffRows(pc), id, async () => ({
    what: (await getStaff(pc.ctx.store, pc.schoolId, id)).name,
    goes: staffGoes(await staffDeletionImpact(pc.ctx.store, pc.schoolId, id)),
  }))

export const removeStaff = async (pc: PageContext, id: string) => deleteRow(staffRows(pc), () => deleteStaff(pc.ctx, pc.schoolId, id), 'staff-deleted')

// Duty posts.

const POST_FIELDS = ['name', 'code', 'kind', 'slots', 'days', 'peopleNeeded', 'skillSeats', 'priority']

export async function dutyPostsPage(
  pc: PageContext,
  form: FormState = emptyForm({ kind: 'break', priority: '3', peopleNeeded: '1', days: ['mon', 'tue', 'wed', 'thu', 'fri'] }),
  status = 200,
  alert?: string,
): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert }
  const [posts, slots] = await Promise.all([all(listDutyPosts, pc.ctx.store, pc.schoolId), all(listSlots, pc.ctx.store, pc.schoolId)])
  return html(createElement(DutyPostsPage, { frame, posts, slots, form }), status)
}

export async function addDutyPost(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(dutyPostForm, values)
  if (!r.ok) return dutyPostsPage(pc, { values, errors: r.errors }, 400)
  try {
    await createDutyPost(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return dutyPostsPage(pc, { values, errors: formErrors(err, POST_FIELDS) }, statusOf(err))
  }
  return redirect(frameOfPaths(pc).posts, 'post-added')
}

const postRows = (pc: PageContext): RowsOf => ({
  section: 'posts',
  page: frameOfPaths(pc).posts,
  name: 'duty posts',
  refused: (alert, status) => dutyPostsPage(pc, undefined, status, alert),
})

export const askRemoveDutyPost = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, postRows(pc), id, async () => {
    const post = await getDutyPost(pc.ctx.store, pc.schoolId, id)
    return {
      what: dutyPostName(post),
      goes: dutyPostGoes(await dutyPostDeletionImpact(pc.ctx.store, pc.schoolId, post)),
      inUse: namesInUse(await staffNaming(pc.ctx.store, pc.schoolId, post.code), 'names it as a duty to avoid or to prefer'),
      fix: 'Take it off their lists first (Edit on the Staff page: duties to avoid or to prefer), then delete the post.',
    }
  })

export const removeDutyPost = async (pc: PageContext, id: string) => deleteRow(postRows(pc), () => deleteDutyPost(pc.ctx, pc.schoolId, id), 'post-deleted')
