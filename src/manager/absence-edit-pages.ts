// The Edit page of an absence: an `Editable` for the shared guard (edit-guard.ts), saved through
// the API's own steps (updateAbsence with the version read as If-Match, then the re-plan of every
// published week it clashes with), and answered with the cover that creates, as recording does.
import { createElement } from 'hono/jsx'
import { getAbsence, updateAbsence, type AbsenceInput, type AbsenceWithDetail } from '../week/absences.js'
import { replanWeeksFor, type ReplanOutcome } from '../week/replan.js'
import { getStaff, listStaff } from '../setup/staff.js'
import { saveEdit, showEdit, type Editable } from './edit-guard.js'
import { absenceForm, read, type FormValues } from './form-readers.js'
import { absencesPage, coverCreated } from './other-pages.js'
import { all, frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { AbsenceEditPage } from './views/absence-edit.js'
import { ABSENCE_LABELS } from './views/absences-page.js'
import { ABSENCE_REASON_LABELS } from './views/labels.js'
import { managerPaths } from './views/paths.js'
import { emptyForm } from '../ui/form-fields.js'
import { staffChoices } from '../ui/names.js'

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

function absenceEdit(pc: PageContext, id: string, saved: { outcome?: ReplanOutcome; staff?: string }): Editable<AbsenceWithDetail, AbsenceInput> {
  const p = managerPaths(pc.schoolId)
  const action = p.edit(p.absences, id)
  const back = { href: p.absences, name: 'absences' }
  const store = pc.ctx.store
  const load = () => getAbsence(store, pc.schoolId, id)
  const staffOptions = async () => staffChoices(await all(listStaff, store, pc.schoolId))
  return {
    what: (a) => `the absence from ${a.startDate}`,
    whatTyped: (v) => `the absence from ${one(v.startDate)}`,
    section: 'absences',
    back,
    action,
    load,
    valuesOf: (a) => ({
      staff: a.staff,
      startDate: a.startDate,
      endDate: a.endDate ?? '',
      start: a.startTime ?? '',
      end: a.endTime ?? '',
      reason: a.reason ?? '',
    }),
    read: (values) => read(absenceForm, values),
    // The page has no box for the private detail: the one saved at the version read is kept.
    save: async (input, ifMatch) => {
      const before = await load()
      const absence = await updateAbsence(pc.ctx, pc.schoolId, id, { ...input, detail: before.detail }, ifMatch)
      saved.outcome = await replanWeeksFor(pc.ctx, pc.schoolId, absence.id)
      saved.staff = absence.staff
    },
    labels: ABSENCE_LABELS,
    show: (f, values) => values.map((v) => (f === 'reason' ? (ABSENCE_REASON_LABELS[v as keyof typeof ABSENCE_REASON_LABELS] ?? v) : v)).join(', '),
    page: async (state, status) => {
      const absence = await load()
      const who = (await getStaff(store, pc.schoolId, absence.staffId)).name
      return html(createElement(AbsenceEditPage, { frame: await frameOf(pc), state, action, back, who, staff: await staffOptions() }), status)
    },
    refused: (alert, status) => absencesPage(pc, emptyForm(), status, { alert }),
    done: redirect(p.absences, 'absence-saved'),
  }
}

export const editAbsencePage = (pc: PageContext, id: string) => showEdit(absenceEdit(pc, id, {}))

/** Saved: the absences page with the re-plan of each week the absence now clashes with. */
export async function saveAbsence(pc: PageContext, id: string, values: FormValues): Promise<PageResult> {
  const saved: { outcome?: ReplanOutcome; staff?: string } = {}
  const result = await saveEdit(pc, absenceEdit(pc, id, saved), values)
  return saved.outcome && saved.staff !== undefined ? coverCreated(pc, saved.outcome, saved.staff, 'absence-saved') : result
}
