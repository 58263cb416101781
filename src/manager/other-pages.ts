// Handlers of absences (record one and see the cover it creates), reports (the two ledgers, as
// pages and CSV) and the staffroom poster.
import { createElement } from 'hono/jsx'
import { isoDate } from '../../solver/scenario.js'
import { ProblemError } from '../platform/http/problem.js'
import { deleteAbsence, getAbsence, listAbsences } from '../week/absences.js'
import { toCsv } from '../platform/csv.js'
import { fairnessReport, fairnessTable } from '../ledgers/fairness.js'
import { hoursReport, hoursTable } from '../ledgers/hours.js'
import { coverCostReport, coverCostTable } from '../ledgers/cover-costs.js'
import { mondayOf } from '../ledgers/periods.js'
import { codeNames } from '../week/code-names.js'
import { recordAbsence, type ReplanOutcome } from '../week/replan.js'
import { rejectReport, reportsByAbsence } from '../leave/absence-reports.js'
import { getStaff, listStaff } from '../setup/staff.js'
import { AbsencesPage, type ReplansShown, type ReplanSummary } from './views/absences-page.js'
import { absenceGoes, absenceName } from './views/delete-page.js'
import { emptyForm, type FormState } from '../ui/form-fields.js'
import { managerPaths } from './views/paths.js'
import { PosterPage } from './views/poster-page.js'
import { ReportsPage } from './views/reports-page.js'
import { bySurname, staffChoices } from '../ui/names.js'
import { absenceForm, read, type FormValues } from './form-readers.js'
import { mondayHere, todayHere } from './weeks.js'
import { askBeforeDelete, deleteRow, type RowsOf } from './delete-pages.js'
import { all, formErrors, frameOf, html, problemText, type PageContext, type PageResult } from './page-kit.js'

const ABSENCE_FIELDS = ['staff', 'startDate', 'endDate', 'start', 'end', 'reason']

export async function absencesPage(
  pc: PageContext,
  form: FormState = emptyForm(),
  status = 200,
  extra: { recorded?: ReplansShown; alert?: string } = {},
): Promise<PageResult> {
  const frame = { ...(await frameOf(pc)), alert: extra.alert }
  const [staff, absences, reported] = await Promise.all([
    all(listStaff, pc.ctx.store, pc.schoolId),
    all(listAbsences, pc.ctx.store, pc.schoolId),
    reportsByAbsence(pc.ctx.store, pc.schoolId),
  ])
  const options = staffChoices(staff)
  const initial = Object.keys(form.values).length === 0 ? emptyForm({ startDate: await todayHere(pc) }) : form
  return html(
    createElement(AbsencesPage, {
      frame,
      staff: options,
      absences: absences.sort((a, b) => b.startDate.localeCompare(a.startDate)),
      form: initial,
      recorded: extra.recorded,
      reported,
    }),
    status,
  )
}

/** Records the absence and answers with the cover it creates: the re-plan of each week it clashes with. */
export async function submitAbsence(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(absenceForm, values)
  if (!r.ok) return absencesPage(pc, { values, errors: r.errors }, 400)
  let recorded: Awaited<ReturnType<typeof recordAbsence>>
  try {
    recorded = await recordAbsence(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return absencesPage(pc, { values, errors: formErrors(err, ABSENCE_FIELDS) }, err instanceof ProblemError ? err.problem.status : 400)
  }
  return coverCreated(pc, recorded, recorded.absence.staff)
}

/**
 * The absences page answering a recorded or changed absence: the re-plan of each published week
 * it clashes with, person by person, to review before staff see it.
 */
export async function coverCreated(
  pc: PageContext,
  outcome: ReplanOutcome,
  staffCode: string,
  flash?: string,
  words: Pick<ReplansShown, 'heading' | 'none'> = {},
): Promise<PageResult> {
  const replans: ReplanSummary[] = [
    ...outcome.replans.map((d) => ({ monday: d.rota.week, diff: d.diff, unfilled: d.rota.unfilled.reduce((n, u) => n + u.missing, 0) })),
    ...outcome.replanJobs.map((j) => ({ monday: j.week, diff: null, unfilled: 0, solving: true })),
    ...outcome.replanFailures.map((f) => ({ monday: f.week, diff: null, unfilled: 0, failure: `${f.title}. ${f.detail}` })),
  ].sort((a, b) => a.monday.localeCompare(b.monday))
  const names = await codeNames(
    pc.ctx.store,
    pc.schoolId,
    replans.map((r) => r.monday),
  )
  const who = names.staff.get(staffCode) ?? staffCode
  return absencesPage({ ...pc, flash }, emptyForm(), 200, { recorded: { who, replans, names, ...words } })
}

const absenceRows = (pc: PageContext): RowsOf => ({
  section: 'absences',
  page: managerPaths(pc.schoolId).absences,
  name: 'absences',
  refused: (alert, status) => absencesPage(pc, emptyForm(), status, { alert }),
})

export const askRemoveAbsence = async (pc: PageContext, id: string) =>
  askBeforeDelete(pc, absenceRows(pc), id, async () => {
    const absence = await getAbsence(pc.ctx.store, pc.schoolId, id)
    const who = (await getStaff(pc.ctx.store, pc.schoolId, absence.staffId)).name
    return { what: absenceName(absence, who), goes: absenceGoes(who) }
  })

export const removeAbsence = async (pc: PageContext, id: string) => deleteRow(absenceRows(pc), () => deleteAbsence(pc.ctx, pc.schoolId, id), 'absence-deleted')

/**
 * Rejects an absence staff reported: it goes as a deleted one does, their phone says so, and the
 * page shows the re-plan of each week planned around it, as recording one does.
 */
export async function rejectAbsence(pc: PageContext, id: string): Promise<PageResult> {
  let rejected: { outcome: ReplanOutcome; staff: string }
  try {
    const { staff } = await getAbsence(pc.ctx.store, pc.schoolId, id)
    rejected = { outcome: await rejectReport(pc.ctx, pc.schoolId, id), staff }
  } catch (err) {
    return absenceRows(pc).refused(problemText(err), err instanceof ProblemError ? err.problem.status : 400)
  }
  return coverCreated(pc, rejected.outcome, rejected.staff, 'absence-rejected', {
    heading: 'The duties this gives back',
    none: 'No week was planned around the absence, so no rota needs to change.',
  })
}

const asOfOr = async (pc: PageContext, asOf: string | undefined) => (asOf !== undefined && isoDate.safeParse(asOf).success ? asOf : await todayHere(pc))

export async function reportsPage(pc: PageContext, asOfText?: string): Promise<PageResult> {
  const asOf = await asOfOr(pc, asOfText)
  const frame = await frameOf(pc)
  const [fairness, hours, costs] = await Promise.all([
    fairnessReport(pc.ctx.store, pc.schoolId, asOf),
    hoursReport(pc.ctx.store, pc.schoolId, asOf),
    coverCostReport(pc.ctx.store, pc.schoolId, asOf),
  ])
  // Without a date asked for, the week to print is the one being planned (the coming one at the weekend).
  const monday = asOfText === undefined ? await mondayHere(pc) : mondayOf(asOf)
  // The page lists people as the school does, by surname; the JSON and CSV keep code order.
  const byName = (a: { name: string; staff: string }, b: { name: string; staff: string }) =>
    bySurname({ name: a.name, code: a.staff }, { name: b.name, code: b.staff })
  const listed = { fairness: { ...fairness, staff: [...fairness.staff].sort(byName) }, hours: { ...hours, staff: [...hours.staff].sort(byName) } }
  return html(createElement(ReportsPage, { frame, asOf, monday, ...listed, costs }))
}

export async function fairnessCsv(pc: PageContext, asOfText?: string): Promise<PageResult> {
  const asOf = await asOfOr(pc, asOfText)
  return { kind: 'csv', body: toCsv(fairnessTable(await fairnessReport(pc.ctx.store, pc.schoolId, asOf))), filename: `fairness-${asOf}.csv` }
}

export async function hoursCsv(pc: PageContext, asOfText?: string): Promise<PageResult> {
  const asOf = await asOfOr(pc, asOfText)
  return { kind: 'csv', body: toCsv(hoursTable(await hoursReport(pc.ctx.store, pc.schoolId, asOf))), filename: `hours-${asOf}.csv` }
}

export async function coverCostsCsv(pc: PageContext, asOfText?: string): Promise<PageResult> {
  const asOf = await asOfOr(pc, asOfText)
  return { kind: 'csv', body: toCsv(coverCostTable(await coverCostReport(pc.ctx.store, pc.schoolId, asOf))), filename: `cover-costs-${asOf}.csv` }
}

export async function posterPage(pc: PageContext): Promise<PageResult> {
  return html(createElement(PosterPage, { frame: await frameOf(pc), meUrl: `${pc.origin}/me` }))
}
