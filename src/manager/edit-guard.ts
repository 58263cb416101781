// Editing one saved thing from a manager's page, with the version guard the API has. The Edit page
// is the thing as saved, with the version it was read at; Save reads the form as the add form
// does, then calls the same update use case as the API with that version as If-Match. A bad
// field comes back next to itself with everything typed; a save over someone else's newer save
// (412) is the conflict page with both; a thing deleted meanwhile says so. Nothing is half-saved:
// each update use case is one atomic write guarded on the version.
import { createElement } from 'hono/jsx'
import { etagOf } from '../platform/http/etag.js'
import { ProblemError } from '../platform/http/problem.js'
import type { FormRead, FormValues } from './form-readers.js'
import { formErrors, frameOf, html, problemText, type PageContext, type PageResult } from './page-kit.js'
import { EditConflictPage, EditGonePage, VERSION_FIELD, type BackTo, type EditState } from './views/edit-conflict.js'
import type { Section } from './views/layout.js'

export { VERSION_FIELD, type EditState } from './views/edit-conflict.js'

export interface Editable<Saved extends { version: number }, Input> {
  /** what the manager calls it ("grade G4", "Amira Patel"), from the saved thing */
  what: (saved: Saved) => string
  /** the same from the typed form, for when the saved thing was deleted meanwhile */
  whatTyped?: (values: FormValues) => string
  section: Section
  /** the list it is on: Cancel and "Keep theirs" lead there */
  back: BackTo
  /** the Edit page's address: GET shows it, POST saves */
  action: string
  /** the thing as saved now (throws the use case's 404 when it is not there) */
  load: () => Promise<Saved>
  /** the saved thing as the form's values, as the manager would type them */
  valuesOf: (saved: Saved) => FormValues
  /** the form, read as the add form reads it */
  read: (values: FormValues) => FormRead<Input>
  /** the update use case, given the version the form was read at as If-Match */
  save: (input: Input, ifMatch: string) => Promise<unknown>
  /** every field of the form in its order, with its label: errors and the conflict table use them */
  labels: Record<string, string>
  /** how one field's values read on the conflict page (kinds by name, not code); joined with ", " otherwise */
  show?: (field: string, values: string[]) => string
  /** the Edit page itself with this state (status 200, or 400 and the like after a refused save) */
  page: (state: EditState, status: number) => Promise<PageResult>
  /** the list again with why, when the thing cannot be opened at all (not in this school) */
  refused: (alert: string, status: number) => Promise<PageResult>
  /** the answer to a save that went through: a redirect, so a reload does not post it twice */
  done: PageResult
}

const listOf = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : v === '' ? [] : [v])

/** Each field as one line, for the conflict page. */
function lines<S extends { version: number }, I>(e: Editable<S, I>, values: FormValues): Record<string, string> {
  const out: Record<string, string> = {}
  for (const field of Object.keys(e.labels)) {
    const items = listOf(values[field]).map((v) => v.trim())
    out[field] = e.show ? e.show(field, items) : items.join(', ')
  }
  return out
}

const statusOf = (err: unknown) => (err instanceof ProblemError ? err.problem.status : 400)

/** GET of an Edit page: the thing as saved, pre-filled, with the version it is at. */
export async function showEdit<S extends { version: number }, I>(e: Editable<S, I>): Promise<PageResult> {
  let saved: S
  try {
    saved = await e.load()
  } catch (err) {
    return e.refused(problemText(err), statusOf(err))
  }
  return e.page({ values: e.valuesOf(saved), errors: {}, version: saved.version }, 200)
}

/** POST of an Edit page: saved through the use case, or the form again, or the conflict page. */
export async function saveEdit<S extends { version: number }, I>(pc: PageContext, e: Editable<S, I>, values: FormValues): Promise<PageResult> {
  const sent = Array.isArray(values[VERSION_FIELD]) ? values[VERSION_FIELD][0] : values[VERSION_FIELD]
  const version = Number(sent)
  // A form without its version cannot be guarded: start again from what is saved.
  if (sent === undefined || !Number.isInteger(version) || version < 1) {
    return e.refused('That form had lost the version it was opened at, so nothing was saved. Open Edit again.', 400)
  }
  const r = e.read(values)
  if (!r.ok) return e.page({ values, errors: r.errors, version }, 400)
  try {
    await e.save(r.value, etagOf(version))
  } catch (err) {
    const stale = err instanceof ProblemError && (err.problem.status === 412 || err.problem.status === 404)
    return (stale && (await answerStale(pc, e, values, version))) || e.page({ values, errors: formErrors(err, Object.keys(e.labels)), version }, statusOf(err))
  }
  return e.done
}

/**
 * Saved by someone else since (409, with both), or deleted since (404, with what was typed);
 * undefined when it is still at the version the form was read at, so the refusal was about
 * something else the form named (a 404 of something it refers to) and goes beside the fields.
 */
async function answerStale<S extends { version: number }, I>(
  pc: PageContext,
  e: Editable<S, I>,
  typed: FormValues,
  version: number,
): Promise<PageResult | undefined> {
  const frame = await frameOf(pc)
  let saved: S
  try {
    saved = await e.load()
  } catch (err) {
    if (!(err instanceof ProblemError) || err.problem.status !== 404) throw err
    const what = e.whatTyped?.(typed) ?? 'what you were editing'
    return html(createElement(EditGonePage, { frame, what, section: e.section, back: e.back, labels: e.labels, yours: lines(e, typed) }), 404)
  }
  if (saved.version === version) return undefined
  const conflict = {
    what: e.what(saved),
    section: e.section,
    back: e.back,
    action: e.action,
    labels: e.labels,
    theirs: lines(e, e.valuesOf(saved)),
    yours: lines(e, typed),
    typed,
    version: saved.version,
  }
  return html(createElement(EditConflictPage, { frame, conflict }), 409)
}
