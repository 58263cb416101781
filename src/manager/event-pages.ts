// Handlers of the Events page: list the events from this week on, week by week with where each
// one's seats stand in that week's rota; add one; edit one (refused when someone else saved it
// since the form was read: both versions are shown); delete one.
import { LocalDate } from '@js-joda/core'
import { createElement } from 'hono/jsx'
import { mondayOf } from '../ledgers/periods.js'
import { isoDate } from '../platform/fields.js'
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent, type EventInput, type SchoolEvent } from '../week/events.js'
import { longDate } from '../ui/dates.js'
import { emptyForm, type FormState } from '../ui/form-fields.js'
import { EVENT_FORM, EVENT_LABELS, EventFields, EventsPage, type EventWeek } from './views/events-page.js'
import { managerPaths } from './views/paths.js'
import { EditPage } from './views/edit-conflict.js'
import { GENERATE_AGAIN } from './views/work-views.js'
import { saveEdit, showEdit, type Editable } from './edit-guard.js'
import { read, type FormValues } from './form-readers.js'
import { askBeforeDelete, deleteRow, type RowsOf } from './delete-pages.js'
import { all, formErrors, frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { loadWeek } from './week-pages.js'
import { eventForm, seatValues, type Coded } from './work-forms.js'
import { codeFrom, statusOf, withFreeCode } from './work-saves.js'
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

/** The event's Edit page and its save, guarded by the version the form was read at (see edit-guard.ts). */
function eventEdit(pc: PageContext, id: string): Editable<SchoolEvent, Coded<EventInput>> {
  const paths = pathsOf(pc)
  const load = () => getEvent(pc.ctx.store, pc.schoolId, id)
  const back = { href: paths.events, name: 'the events' }
  const action = paths.edit(paths.events, id)
  return {
    what: (e) => `${e.name} on ${longDate(e.date)}`,
    whatTyped: (v) => (typeof v.name === 'string' && v.name !== '' ? v.name : 'the event'),
    section: 'events',
    back,
    action,
    load,
    valuesOf: formValuesOf,
    read: (values) => read(eventForm, values),
    // A code left empty keeps the one saved: the manager did not mean to take it away.
    save: async (input, ifMatch) => updateEvent(pc.ctx, pc.schoolId, id, { ...input, code: input.code ?? (await load()).code }, ifMatch),
    labels: EVENT_LABELS,
    show: (field, [v = '']) => (field === 'date' && isoDate.safeParse(v).success ? longDate(v) : v),
    page: async (state, status) => {
      const props = { frame: await frameOf(pc), section: 'events' as const, title: 'Edit an event', form: EVENT_FORM, state, labels: EVENT_LABELS }
      const fields = createElement(EventFields, { form: EVENT_FORM, state })
      return html(createElement(EditPage, { ...props, action, submit: 'Save event', back, intro: GENERATE_AGAIN }, fields), status)
    },
    refused: (alert, status) => eventsPage(pc, undefined, { alert, status }),
    done: redirect(paths.events, 'event-saved'),
  }
}

export const editEventPage = (pc: PageContext, id: string): Promise<PageResult> => showEdit(eventEdit(pc, id))

export const saveEvent = (pc: PageContext, id: string, values: FormValues): Promise<PageResult> => saveEdit(pc, eventEdit(pc, id), values)

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
