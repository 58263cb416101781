// Handlers of the Events page: list the events from this week on, week by week with where each
// one's seats stand in that week's rota; add one; edit one (refused when someone else saved it
// since the form was read: both versions are shown); delete one.
import { LocalDate } from '@js-joda/core'
import { createElement } from 'hono/jsx'
import { mondayOf } from '../ledgers/periods.js'
import { isoDate } from '../platform/fields.js'
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent, type SchoolEvent } from '../week/events.js'
import { longDate } from '../ui/dates.js'
import { emptyForm, type FormState } from '../ui/form-fields.js'
import { EVENT_FORM, EVENT_LABELS, EventFields, EventsPage, type EventWeek } from './views/events-page.js'
import { managerPaths } from './views/paths.js'
import { EditPage } from './views/work-edit.js'
import { read, type FormValues } from './form-readers.js'
import { askBeforeDelete, deleteRow, type RowsOf } from './delete-pages.js'
import { all, formErrors, frameOf, html, problemText, redirect, type PageContext, type PageResult } from './page-kit.js'
import { loadWeek } from './week-pages.js'
import { eventForm, seatValues, versionOf } from './work-forms.js'
import { codeFrom, conflictRows, isStale, saveGuarded, statusOf, withFreeCode, type EditView } from './work-saves.js'
import { rotaStateOf, seatStateOf } from './work-seats.js'
import { mondayHere } from './weeks.js'

const EVENT_FIELDS = ['name', 'date', 'start', 'end', 'peopleNeeded', 'skillSeats', 'priority', 'code']
const pathsOf = (pc: PageContext) => managerPaths(pc.schoolId)

/** The events from the week of `from` on, grouped by week, each week with its rota's state. */
async function eventWeeks(pc: PageContext, from: string): Promise<EventWeek[]> {
  const events = await all((s, id, page) => listEvents(s, id, { ...page, from }), pc.ctx.store, pc.schoolId)
  const byWeek = new Map<string, SchoolEvent[]>()
  for (const e of events) byWeek.set(mondayOf(e.date), [...(byWeek.get(mondayOf(e.date)) ?? []), e])
  // One week at a time: each reads its whole scenario, and a term has few weeks with events.
  const weeks: EventWeek[] = []
  for (const [monday, list] of [...byWeek.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const rota = rotaStateOf(await loadWeek(pc, monday))
    weeks.push({ monday, rota, lines: list.map((event) => ({ event, seat: seatStateOf(rota, 'event', event.code, event.date) })) })
  }
  return weeks
}

export interface EventsView {
  form?: FormState
  status?: number
  alert?: string
}

export async function eventsPage(pc: PageContext, fromText?: string, view: EventsView = {}): Promise<PageResult> {
  const from = fromText !== undefined && isoDate.safeParse(fromText).success ? mondayOf(fromText) : await mondayHere(pc)
  const [frame, weeks] = await Promise.all([frameOf(pc), eventWeeks(pc, from)])
  const form = view.form ?? emptyForm({ peopleNeeded: '1', priority: '3' })
  const earlier = LocalDate.parse(from).minusWeeks(12).toString()
  return html(createElement(EventsPage, { frame: { ...frame, alert: view.alert }, from, earlier, weeks, form }), view.status ?? 200)
}

export async function addEvent(pc: PageContext, values: FormValues): Promise<PageResult> {
  const r = read(eventForm, values)
  if (!r.ok) return eventsPage(pc, undefined, { form: { values, errors: r.errors }, status: 400 })
  const input = r.value
  try {
    await withFreeCode(input.code, codeFrom(input.name, 'event'), (code) => createEvent(pc.ctx, pc.schoolId, { ...input, code }))
  } catch (err) {
    return eventsPage(pc, undefined, { form: { values, errors: formErrors(err, EVENT_FIELDS) }, status: statusOf(err) })
  }
  return redirect(`${pathsOf(pc).events}?from=${mondayOf(input.date)}`, 'event-added')
}

const formValuesOf = (e: SchoolEvent): FormValues => ({
  name: e.name,
  date: e.date,
  start: e.start,
  end: e.end,
  ...seatValues(e),
})

export async function editEventPage(pc: PageContext, id: string, view: EditView = {}): Promise<PageResult> {
  let event: SchoolEvent
  try {
    event = await getEvent(pc.ctx.store, pc.schoolId, id)
  } catch (err) {
    return eventsPage(pc, undefined, { alert: problemText(err), status: statusOf(err) })
  }
  const state = view.form ?? emptyForm(formValuesOf(event))
  const show = (field: string, v: string) => (field === 'date' && isoDate.safeParse(v).success ? longDate(v) : v)
  const page = createElement(
    EditPage,
    {
      frame: await frameOf(pc),
      section: 'events',
      title: `Edit ${event.name}`,
      what: 'this event',
      form: EVENT_FORM,
      state,
      labels: EVENT_LABELS,
      action: pathsOf(pc).eventItem(id),
      version: view.version ?? event.version,
      back: { href: `${pathsOf(pc).events}?from=${mondayOf(event.date)}`, text: 'Back to the events' },
      conflict: view.conflict && conflictRows(EVENT_LABELS, EVENT_FIELDS, view.conflict.saved, view.conflict.yours, show),
    },
    createElement(EventFields, { form: EVENT_FORM, state }),
  )
  return html(page, view.status ?? 200)
}

export async function saveEvent(pc: PageContext, id: string, values: FormValues): Promise<PageResult> {
  const seen = versionOf(values)
  const r = read(eventForm, values)
  if (!r.ok) return editEventPage(pc, id, { form: { values, errors: r.errors }, version: seen, status: 400 })
  const input = r.value
  const saved = await saveGuarded(
    () => getEvent(pc.ctx.store, pc.schoolId, id),
    (before, ifMatch) => updateEvent(pc.ctx, pc.schoolId, id, { ...input, code: input.code ?? before.code }, ifMatch),
    seen,
  )
  if (saved.ok) return redirect(`${pathsOf(pc).events}?from=${mondayOf(input.date)}`, 'event-saved')
  if (saved.now === undefined) return eventsPage(pc, undefined, { alert: problemText(saved.error), status: statusOf(saved.error) })
  if (isStale(saved.error)) {
    const conflict = { saved: formValuesOf(saved.now), yours: values }
    return editEventPage(pc, id, { form: emptyForm(values), version: saved.now.version, conflict, status: 409 })
  }
  return editEventPage(pc, id, { form: { values, errors: formErrors(saved.error, EVENT_FIELDS) }, version: seen, status: statusOf(saved.error) })
}

const eventRows = (pc: PageContext): RowsOf => ({
  section: 'events',
  page: pathsOf(pc).events,
  name: 'the events',
  refused: (alert, status) => eventsPage(pc, undefined, { alert, status }),
})

export const askRemoveEvent = (pc: PageContext, id: string) =>
  askBeforeDelete(pc, eventRows(pc), id, async () => {
    const e = await getEvent(pc.ctx.store, pc.schoolId, id)
    return {
      what: `${e.name} on ${longDate(e.date)}`,
      goes: ['its seats leave the rota the next time you generate its week; the rota shown now keeps them until then'],
    }
  })

export const removeEvent = (pc: PageContext, id: string) => deleteRow(eventRows(pc), () => deleteEvent(pc.ctx, pc.schoolId, id), 'event-deleted')
