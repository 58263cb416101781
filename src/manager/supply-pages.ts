// Handlers of the Supply page (list, add, edit with the version guard) and of the week page's
// "Book supply" form: a booking for a day with unfilled seats creates the supply person's day
// and plans the week's draft again, so the manager sees at once which seats they fill.
import { createElement } from 'hono/jsx'
import { listGrades } from '../setup/grades.js'
import { bookSupply, cancelBooking, parseBooking, upcomingBookings } from '../supply/bookings.js'
import {
  createSupplyPerson,
  getSupplyPerson,
  listSupplyPeople,
  updateSupplyPerson,
  type SupplyPersonInput,
  type SupplyPersonView,
} from '../supply/supply-people.js'
import { checkProblemsOn, describeProblems } from '../supply/supply.js'
import type { Option } from '../ui/form-fields.js'
import { mondayOf } from '../ledgers/periods.js'
import { saveEdit, showEdit, type Editable } from './edit-guard.js'
import type { FormValues } from './form-readers.js'
import { all, formErrors, frameOf, html, problemText, redirect, type PageContext, type PageResult } from './page-kit.js'
import { readSupplyForm, SUPPLY_FIELDS, supplyValues } from './supply-forms.js'
import { managerPaths } from './views/paths.js'
import { SUPPLY_LABELS, SupplyEditPage, SupplyPage } from './views/supply-page.js'
import type { SupplyOffer } from './views/week-supply.js'
import type { WeekModel } from './week-model.js'

const statusOf = (err: unknown): number => (err as { problem?: { status?: number } }).problem?.status ?? 400

async function gradeOptions(pc: PageContext): Promise<Option[]> {
  return (await all(listGrades, pc.ctx.store, pc.schoolId)).map((g) => ({ value: g.code, label: `${g.code}: ${g.name}` }))
}

export async function supplyPage(
  pc: PageContext,
  form = { values: { rateUnit: 'day' } as FormValues, errors: {} as Record<string, string> },
  status = 200,
  alert?: string,
): Promise<PageResult> {
  const [frame, people, grades, bookings] = await Promise.all([
    frameOf(pc),
    listSupplyPeople(pc.ctx.store, pc.ctx.clock, pc.schoolId),
    gradeOptions(pc),
    upcomingBookings(pc.ctx, pc.schoolId).then((list) => list.map((b) => ({ ...b, monday: mondayOf(b.date) }))),
  ])
  return html(createElement(SupplyPage, { frame: { ...frame, alert }, people, grades, form, bookings }), status)
}

export async function addSupply(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = readSupplyForm(values)
  if (!r.ok) return supplyPage(pc, { values, errors: r.errors }, 400)
  try {
    await createSupplyPerson(pc.ctx, pc.schoolId, r.value)
  } catch (err) {
    return supplyPage(pc, { values, errors: formErrors(err, SUPPLY_FIELDS) }, statusOf(err))
  }
  return redirect(managerPaths(pc.schoolId).supply, 'supply-added')
}

function supplyEdit(pc: PageContext, id: string): Editable<SupplyPersonView, SupplyPersonInput> {
  const p = managerPaths(pc.schoolId)
  const action = p.edit(p.supply, id)
  const back = { href: p.supply, name: 'supply staff' }
  const load = () => getSupplyPerson(pc.ctx.store, pc.ctx.clock, pc.schoolId, id)
  return {
    what: (s) => s.name,
    whatTyped: (v) => (typeof v.name === 'string' && v.name.trim() !== '' ? v.name.trim() : 'this supply person'),
    section: 'supply',
    back,
    action,
    load,
    valuesOf: supplyValues,
    read: readSupplyForm,
    save: (input, ifMatch) => updateSupplyPerson(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: SUPPLY_LABELS,
    page: async (state, status) => {
      const [person, grades, frame] = await Promise.all([load(), gradeOptions(pc), frameOf(pc)])
      return html(createElement(SupplyEditPage, { frame, state, action, back, person, grades }), status)
    },
    refused: (alert, status) => supplyPage(pc, undefined, status, alert),
    done: redirect(p.supply, 'supply-saved'),
  }
}

export const editSupplyPage = (pc: PageContext, id: string) => showEdit(supplyEdit(pc, id))
export const saveSupply = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, supplyEdit(pc, id), values)

/** POST of a booking's Cancel: taken back and its week planned again without them. */
export async function cancelSupplyBooking(pc: PageContext, id: string): Promise<PageResult> {
  try {
    const outcome = await cancelBooking(pc.ctx, pc.schoolId, id)
    if (outcome.replanFailure)
      return supplyPage(pc, undefined, 409, `Booking cancelled, but its week could not be planned again: ${outcome.replanFailure.detail}`)
  } catch (err) {
    return supplyPage(pc, undefined, statusOf(err), problemText(err))
  }
  return redirect(managerPaths(pc.schoolId).supply, 'supply-cancelled')
}

/** What the week page offers to book: its days with unfilled seats, and who could come on which. */
export async function supplyOffer(pc: PageContext, model: WeekModel): Promise<SupplyOffer> {
  const missing = new Map<string, number>()
  for (const u of model.unfilled) missing.set(u.date, (missing.get(u.date) ?? 0) + u.missing)
  const days = model.days.filter((d) => (missing.get(d.date) ?? 0) > 0).map((d) => ({ date: d.date, seats: missing.get(d.date) ?? 0 }))
  const people = (await listSupplyPeople(pc.ctx.store, pc.ctx.clock, pc.schoolId)).map((p) => ({
    id: p.id,
    name: p.name,
    agency: p.agency,
    cannot: days.flatMap((d) => {
      const problems = checkProblemsOn(p.checks, d.date)
      return problems.length === 0 ? [] : [{ date: d.date, why: describeProblems(problems) }]
    }),
  }))
  return { days, people }
}

/** POST of the week page's Book supply form: booked and planned again, or the week with why not. */
export async function bookSupplyFromWeek(
  pc: PageContext,
  monday: string,
  values: FormValues,
  weekPage: (pc: PageContext, monday: string, options: { problem: { title: string; details: string[] }; status: number }) => Promise<PageResult>,
): Promise<PageResult> {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()
  try {
    const booked = await bookSupply(
      pc.ctx,
      pc.schoolId,
      parseBooking({ staff: one(values.staff), date: one(values.date), start: one(values.start), end: one(values.end) }),
    )
    if (booked.replanFailure) {
      const { title, detail } = booked.replanFailure
      return weekPage(pc, monday, { problem: { title: `Booked, but the week could not be planned again: ${title}`, details: [detail] }, status: 409 })
    }
  } catch (err) {
    return weekPage(pc, monday, { problem: { title: 'The supply booking was not made', details: [problemText(err)] }, status: statusOf(err) })
  }
  return redirect(managerPaths(pc.schoolId).week(monday), 'supply-booked')
}
