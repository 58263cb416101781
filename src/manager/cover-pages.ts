// Handlers of a week's Cover page: list the week's cover requests with where each seat stands
// in the rota, ask for one more, edit one (refused when someone else saved it since the form
// was read: both versions are shown), delete one, and add the cover list from a CSV file after
// a preview. A refused form comes back as typed with the problems at their fields.
import { createElement } from 'hono/jsx'
import { mondayOf } from '../ledgers/periods.js'
import { notFound } from '../platform/http/problem.js'
import { isMondayDate, weekRange } from '../scenario/week-dates.js'
import { listAbsences, type Absence } from '../week/absences.js'
import { importCoverCsv } from '../week/cover-csv.js'
import {
  createCoverRequest,
  deleteCoverRequest,
  getCoverRequest,
  listCoverRequests,
  updateCoverRequest,
  type CoverRequest,
  type CoverRequestInput,
} from '../week/cover-requests.js'
import { listSlots, type Slot } from '../setup/slots.js'
import { listStaff } from '../setup/staff.js'
import { longDate, shortDate } from '../ui/dates.js'
import { emptyForm, type FormState, type Option } from '../ui/form-fields.js'
import { ABSENCE_REASON_LABELS } from './views/labels.js'
import { COVER_FORM, COVER_LABELS, CoverFields, CoverPage, type CoverChoices, type CoverImportPanel, type CoverLine } from './views/cover-page.js'
import { managerPaths } from './views/paths.js'
import { EditPage } from './views/edit-conflict.js'
import { GENERATE_AGAIN } from './views/work-views.js'
import { saveEdit, showEdit, type Editable } from './edit-guard.js'
import { read, type FormValues } from './form-readers.js'
import { askBeforeDelete, deleteRow, type RowsOf } from './delete-pages.js'
import { all, formErrors, frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { loadWeek } from './week-pages.js'
import { coverForm, seatValues, type Coded } from './work-forms.js'
import { csvProblems, statusOf, withFreeCode } from './work-saves.js'
import { rotaStateOf, seatStateOf, type WeekRotaState } from './work-seats.js'
import { mondayHere, todayHere } from './weeks.js'
import { schoolWeekNeighbours } from '../setup/school-days.js'

const COVER_FIELDS = ['date', 'slot', 'label', 'absence', 'peopleNeeded', 'skillSeats', 'priority', 'code']
const pathsOf = (pc: PageContext) => managerPaths(pc.schoolId)

/** Everything the page and its forms read of the week. */
interface CoverWeek {
  rota: WeekRotaState
  requests: CoverRequest[]
  slots: Slot[]
  absences: Absence[]
  staffName: ReadonlyMap<string, string>
}

async function coverWeek(pc: PageContext, monday: string): Promise<CoverWeek> {
  const { store } = pc.ctx
  const { dates } = weekRange(monday)
  const week = { from: dates[0], to: dates[6] }
  const [data, requests, slots, absences, staff] = await Promise.all([
    loadWeek(pc, monday),
    all((s, id, page) => listCoverRequests(s, id, { ...page, ...week }), store, pc.schoolId),
    all(listSlots, store, pc.schoolId),
    all((s, id, page) => listAbsences(s, id, { ...page, ...week }), store, pc.schoolId),
    all(listStaff, store, pc.schoolId),
  ])
  return { rota: rotaStateOf(data), requests, slots, absences, staffName: new Map(staff.map((p) => [p.id, p.name])) }
}

function absenceLabel(a: Absence, names: ReadonlyMap<string, string>): string {
  const who = names.get(a.staffId) ?? a.staff
  const days = a.endDate === a.startDate ? shortDate(a.startDate) : `${shortDate(a.startDate)} to ${a.endDate === null ? 'no end date' : shortDate(a.endDate)}`
  return `${who}, ${days}${a.reason ? ` (${ABSENCE_REASON_LABELS[a.reason]})` : ''}`
}

function choicesOf(w: CoverWeek): CoverChoices {
  return {
    slots: w.slots.map((s) => ({ value: s.code, label: `${s.code} (${s.start}-${s.end})` })),
    absences: w.absences.map((a) => ({ value: a.id, label: absenceLabel(a, w.staffName) })),
  }
}

const daysOf = (monday: string): Option[] => weekRange(monday).dates.map((d) => ({ value: d, label: longDate(d) }))

function lineOf(w: CoverWeek, c: CoverRequest, seated = true): CoverLine {
  const slot = w.slots.find((s) => s.id === c.slotId)
  const absence = w.absences.find((a) => a.id === c.absenceId)
  return {
    cover: c,
    forWhom: absence ? (w.staffName.get(absence.staffId) ?? absence.staff) : undefined,
    slotText: slot ? `${slot.code}, ${slot.start}-${slot.end}` : c.slot,
    seat: seated ? seatStateOf(w.rota, 'cover', c.code, c.date) : { kind: 'not-generated' },
  }
}

export interface CoverView {
  form?: FormState
  importPanel?: CoverImportPanel
  status?: number
  alert?: string
}

export async function coverPage(pc: PageContext, monday: string, view: CoverView = {}): Promise<PageResult> {
  if (!isMondayDate(monday)) return redirect(pathsOf(pc).cover(await mondayHere(pc)))
  const [frame, w, today, { previous, next }] = await Promise.all([
    frameOf(pc),
    coverWeek(pc, monday),
    todayHere(pc),
    schoolWeekNeighbours(pc.ctx.store, pc.schoolId, monday),
  ])
  const form = view.form ?? emptyForm({ date: mondayOf(today) === monday ? today : monday, peopleNeeded: '1', priority: '3' })
  return html(
    createElement(CoverPage, {
      frame: { ...frame, alert: view.alert },
      monday,
      previous,
      next,
      rota: w.rota,
      lines: w.requests.map((c) => lineOf(w, c)),
      choices: choicesOf(w),
      days: daysOf(monday),
      form,
      importPanel: view.importPanel ?? { form: emptyForm(), problems: [] },
    }),
    view.status ?? 200,
  )
}

/** GET /cover: this school week's cover. */
export const coverNow = async (pc: PageContext): Promise<PageResult> => redirect(pathsOf(pc).cover(await mondayHere(pc)))

export async function addCover(pc: PageContext, monday: string, values: FormValues): Promise<PageResult> {
  const r = read(coverForm, values)
  if (!r.ok) return coverPage(pc, monday, { form: { values, errors: r.errors }, status: 400 })
  const input = r.value
  try {
    await withFreeCode(input.code, `${input.date}-${input.slot}`, (code) => createCoverRequest(pc.ctx, pc.schoolId, { ...input, code }))
  } catch (err) {
    return coverPage(pc, monday, { form: { values, errors: formErrors(err, COVER_FIELDS) }, status: statusOf(err) })
  }
  return redirect(pathsOf(pc).cover(mondayOf(input.date)), 'cover-added')
}

/** The saved request as its form's values, so the edit form and the conflict table read the same. */
const formValuesOf = (c: CoverRequest): FormValues => ({
  date: c.date,
  slot: c.slot,
  label: c.label ?? '',
  absence: c.absenceId ?? '',
  ...seatValues(c),
})

/** The request's Edit page and its save, guarded by the version the form was read at (see edit-guard.ts). */
function coverEdit(pc: PageContext, monday: string, id: string, w: CoverWeek): Editable<CoverRequest, Coded<CoverRequestInput>> {
  const paths = pathsOf(pc)
  // The form offers this week's days: a request of another week is not edited from here.
  const load = async () => {
    const c = await getCoverRequest(pc.ctx.store, pc.schoolId, id)
    if (mondayOf(c.date) !== monday) throw notFound(`no cover request with id ${id} in the week of ${longDate(monday)}`)
    return c
  }
  const choices = choicesOf(w)
  const back = { href: paths.cover(monday), name: `the cover for the week of ${longDate(monday)}` }
  const action = paths.edit(paths.cover(monday), id)
  return {
    what: (c) => `the cover request for ${c.label ?? c.code}`,
    whatTyped: (v) => `the cover request for ${typeof v.label === 'string' && v.label !== '' ? v.label : 'a lesson'}`,
    section: 'cover',
    back,
    action,
    load,
    valuesOf: formValuesOf,
    read: (values) => read(coverForm, values),
    // A code left empty keeps the one saved: the manager did not mean to take it away.
    save: async (input, ifMatch) => updateCoverRequest(pc.ctx, pc.schoolId, id, { ...input, code: input.code ?? (await load()).code }, ifMatch),
    labels: COVER_LABELS,
    show: (field, [v = '']) =>
      field === 'date' && v !== '' ? longDate(v) : field === 'absence' ? (choices.absences.find((a) => a.value === v)?.label ?? v) : v,
    page: async (state, status) => {
      const fields = createElement(CoverFields, { form: COVER_FORM, state, choices, days: daysOf(monday) })
      const props = { frame: await frameOf(pc), section: 'cover' as const, title: 'Edit a cover request', form: COVER_FORM, state, labels: COVER_LABELS }
      return html(createElement(EditPage, { ...props, action, submit: 'Save cover request', back, intro: GENERATE_AGAIN }, fields), status)
    },
    refused: (alert, status) => coverPage(pc, monday, { alert, status }),
    done: redirect(paths.cover(monday), 'cover-saved'),
  }
}

export async function editCoverPage(pc: PageContext, monday: string, id: string): Promise<PageResult> {
  if (!isMondayDate(monday)) return coverPage(pc, monday)
  return showEdit(coverEdit(pc, monday, id, await coverWeek(pc, monday)))
}

export async function saveCover(pc: PageContext, monday: string, id: string, values: FormValues): Promise<PageResult> {
  if (!isMondayDate(monday)) return coverPage(pc, monday)
  return saveEdit(pc, coverEdit(pc, monday, id, await coverWeek(pc, monday)), values)
}

const coverRows = (pc: PageContext, monday: string): RowsOf => ({
  section: 'cover',
  page: pathsOf(pc).cover(monday),
  name: `the cover for the week of ${longDate(monday)}`,
  refused: (alert, status) => coverPage(pc, monday, { alert, status }),
})

export const askRemoveCover = (pc: PageContext, monday: string, id: string) =>
  askBeforeDelete(pc, coverRows(pc, monday), id, async () => {
    const c = await getCoverRequest(pc.ctx.store, pc.schoolId, id)
    return {
      what: `the cover request for ${c.label ?? c.code} on ${longDate(c.date)} (${c.slot})`,
      goes: ['its seat leaves the rota the next time you generate the week; the rota shown now keeps it until then'],
    }
  })

export const removeCover = (pc: PageContext, monday: string, id: string) =>
  deleteRow(coverRows(pc, monday), () => deleteCoverRequest(pc.ctx, pc.schoolId, id), 'cover-deleted')

/** A cover file: read and checked, shown as what it would add; with `apply`, added. */
export async function importCover(pc: PageContext, monday: string, values: FormValues, file: string | undefined): Promise<PageResult> {
  if (!isMondayDate(monday)) return coverPage(pc, monday)
  const typed = typeof values.text === 'string' ? values.text : ''
  const text = (file !== undefined && file.trim() !== '' ? file : typed).replace(/^\uFEFF/, '')
  const apply = values.apply === 'yes'
  let created: CoverRequest[]
  try {
    created = (await importCoverCsv(pc.ctx, pc.schoolId, text, { week: monday, preview: !apply })).created
  } catch (err) {
    const problems = csvProblems(err)
    return coverPage(pc, monday, { importPanel: { form: emptyForm({ text }), problems }, status: statusOf(err) })
  }
  if (apply) return redirect(pathsOf(pc).cover(monday), 'cover-imported')
  const w = await coverWeek(pc, monday)
  const adds = created.map((c) => lineOf(w, c, false))
  return coverPage(pc, monday, { importPanel: { form: emptyForm({ text }), problems: [], preview: { text, adds } } })
}
