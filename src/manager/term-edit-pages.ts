// The Edit pages of a slot, a duty post, a term and a closure day: each is an `Editable` for the
// shared guard (edit-guard.ts), saved through the same update use case as the API, so a change
// is one version-guarded atomic write. Changing a slot or a post keeps every week already made;
// the week page then says the setup changed since (src/week/setup-print.ts).
import { createElement } from 'hono/jsx'
import {
  getCalendarPeriod,
  getClosure,
  updateCalendarPeriod,
  updateClosure,
  type CalendarPeriod,
  type CalendarPeriodInput,
  type Closure,
  type ClosureInput,
} from '../setup/calendar.js'
import { getDutyPost, listDutyPosts, updateDutyPost, type DutyPost, type DutyPostInput } from '../setup/duty-posts.js'
import { getSlot, listSlots, slotUsers, updateSlot, type Slot, type SlotInput } from '../setup/slots.js'
import { longDate } from '../ui/dates.js'
import { saveEdit, showEdit, type Editable } from './edit-guard.js'
import { dutyPostForm, read, slotForm, type FormValues } from './form-readers.js'
import { all, frameOf, html, redirect, type PageContext } from './page-kit.js'
import { dutyPostsPage, schoolDayPage, termDatesPage } from './setup-pages.js'
import { closureForm, periodForm } from './term-forms.js'
import { CLOSURE_KIND_LABELS, DUTY_KIND_LABELS, PERIOD_KIND_LABELS, seatsText, SLOT_KIND_LABELS } from './views/labels.js'
import { managerPaths } from './views/paths.js'
import { POST_LABELS } from './views/setup-posts.js'
import { SLOT_LABELS } from './views/setup-day.js'
import { CLOSURE_LABELS, ClosureEditPage, PERIOD_LABELS, PeriodEditPage, PostEditPage, SlotEditPage } from './views/term-edits.js'

const paths = (pc: PageContext) => managerPaths(pc.schoolId)
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim()

/** How a field's saved codes read on the conflict page: kinds by their names, the rest as typed. */
const named =
  (field: string, names: Record<string, string>) =>
  (f: string, values: string[]): string =>
    values.map((v) => (f === field ? (names[v] ?? v) : v)).join(', ')

/** Where a duty post's Edit page is: the slot's delete question and Edit page link to it. */
export const postEditHref = (pc: PageContext, postId: string) => paths(pc).edit(paths(pc).posts, postId)

// Slots.

function slotEdit(pc: PageContext, id: string): Editable<Slot, SlotInput> {
  const p = paths(pc)
  const action = p.edit(p.day, id)
  const back = { href: p.day, name: 'the school day' }
  const load = () => getSlot(pc.ctx.store, pc.schoolId, id)
  return {
    what: (s) => `slot ${s.code}`,
    whatTyped: (v) => `slot ${one(v.code)}`,
    section: 'day',
    back,
    action,
    load,
    valuesOf: (s) => ({ code: s.code, kind: s.kind, start: s.start, end: s.end, days: s.days ?? [] }),
    read: (values) => read(slotForm, values),
    save: (input, ifMatch) => updateSlot(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: SLOT_LABELS,
    show: named('kind', SLOT_KIND_LABELS),
    page: async (state, status) => {
      const [slot, users] = await Promise.all([load(), slotUsers(pc.ctx.store, id)])
      const posts = users.posts.map((u) => ({ name: u.name, href: postEditHref(pc, u.id) }))
      return html(createElement(SlotEditPage, { frame: await frameOf(pc), state, action, back, what: slot.code, posts }), status)
    },
    refused: (alert, status) => schoolDayPage(pc, undefined, status, alert),
    done: redirect(p.day, 'slot-saved'),
  }
}

export const editSlotPage = (pc: PageContext, id: string) => showEdit(slotEdit(pc, id))
export const saveSlot = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, slotEdit(pc, id), values)

// Duty posts.

function postEdit(pc: PageContext, id: string): Editable<DutyPost, DutyPostInput> {
  const p = paths(pc)
  const action = p.edit(p.posts, id)
  const back = { href: p.posts, name: 'duty posts' }
  // The posts it could stand in for on wet days; read with the post, so that the conflict page,
  // which loads the post first, names the chosen one instead of showing its id.
  let others: DutyPost[] = []
  const load = async () => {
    const [post, posts] = await Promise.all([getDutyPost(pc.ctx.store, pc.schoolId, id), all(listDutyPosts, pc.ctx.store, pc.schoolId)])
    others = posts.filter((d) => d.id !== id)
    return post
  }
  const postName = (postId: string) => others.find((d) => d.id === postId)?.name ?? postId
  return {
    what: (d) => `duty post ${d.name}`,
    whatTyped: (v) => `duty post ${one(v.name)}`,
    section: 'posts',
    back,
    action,
    load,
    valuesOf: (d) => ({
      name: d.name,
      code: d.code,
      kind: d.kind,
      slots: d.slots,
      days: d.days,
      peopleNeeded: String(d.peopleNeeded),
      skillSeats: seatsText(d.skillSeats),
      priority: String(d.priority),
      wetWeatherFor: d.wetWeatherFor ?? '',
    }),
    read: (values) => read(dutyPostForm, values),
    save: (input, ifMatch) => updateDutyPost(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: POST_LABELS,
    show: (field, values) => (field === 'wetWeatherFor' ? values.map(postName).join(', ') : named('kind', DUTY_KIND_LABELS)(field, values)),
    page: async (state, status) => {
      const [post, slots] = await Promise.all([load(), all(listSlots, pc.ctx.store, pc.schoolId)])
      return html(createElement(PostEditPage, { frame: await frameOf(pc), state, action, back, what: post.name, slots, others }), status)
    },
    refused: (alert, status) => dutyPostsPage(pc, undefined, status, alert),
    done: redirect(p.posts, 'post-saved'),
  }
}

export const editDutyPostPage = (pc: PageContext, id: string) => showEdit(postEdit(pc, id))
export const saveDutyPost = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, postEdit(pc, id), values)

// Terms and closure days.

const termsBack = (pc: PageContext) => ({ href: paths(pc).terms, name: 'term dates' })

function periodEdit(pc: PageContext, id: string): Editable<CalendarPeriod, CalendarPeriodInput> {
  const p = paths(pc)
  const action = p.edit(`${p.terms}/periods`, id)
  const back = termsBack(pc)
  const load = () => getCalendarPeriod(pc.ctx.store, pc.schoolId, id)
  return {
    what: (t) => t.name,
    whatTyped: (v) => one(v.name) || 'the term',
    section: 'terms',
    back,
    action,
    load,
    valuesOf: (t) => ({ name: t.name, kind: t.kind, startDate: t.startDate, endDate: t.endDate }),
    read: (values) => read(periodForm, values),
    save: (input, ifMatch) => updateCalendarPeriod(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: PERIOD_LABELS,
    show: named('kind', PERIOD_KIND_LABELS),
    page: async (state, status) => {
      const period = await load()
      return html(createElement(PeriodEditPage, { frame: await frameOf(pc), state, action, back, what: period.name }), status)
    },
    refused: (alert, status) => termDatesPage(pc, '', [], status, alert),
    done: redirect(p.terms, 'period-saved'),
  }
}

export const editPeriodPage = (pc: PageContext, id: string) => showEdit(periodEdit(pc, id))
export const savePeriod = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, periodEdit(pc, id), values)

function closureEdit(pc: PageContext, id: string): Editable<Closure, ClosureInput> {
  const p = paths(pc)
  const action = p.edit(`${p.terms}/closures`, id)
  const back = termsBack(pc)
  const load = () => getClosure(pc.ctx.store, pc.schoolId, id)
  return {
    what: (c) => `the closure day ${longDate(c.date)}`,
    whatTyped: (v) => `the closure day ${one(v.date)}`,
    section: 'terms',
    back,
    action,
    load,
    valuesOf: (c) => ({ date: c.date, kind: c.kind, name: c.name }),
    read: (values) => read(closureForm, values),
    save: (input, ifMatch) => updateClosure(pc.ctx, pc.schoolId, id, input, ifMatch),
    labels: CLOSURE_LABELS,
    show: named('kind', CLOSURE_KIND_LABELS),
    page: async (state, status) => {
      const closure = await load()
      return html(createElement(ClosureEditPage, { frame: await frameOf(pc), state, action, back, what: longDate(closure.date) }), status)
    },
    refused: (alert, status) => termDatesPage(pc, '', [], status, alert),
    done: redirect(p.terms, 'closure-saved'),
  }
}

export const editClosurePage = (pc: PageContext, id: string) => showEdit(closureEdit(pc, id))
export const saveClosure = (pc: PageContext, id: string, values: FormValues) => saveEdit(pc, closureEdit(pc, id), values)
