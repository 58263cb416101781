// What the manager's page handlers share. A handler takes the request's context and what the
// manager sent, calls the services directly, and says what to answer: a page, a redirect
// after a successful form (so a reload does not post it twice), or a CSV download. Knowing
// nothing of HTTP, the handlers can be tested on a database alone; src/manager/manager.routes.ts only
// turns requests into calls and results into responses.
import type { Child } from 'hono/jsx'
import type { Store } from '../../db/store.js'
import type { WriteContext } from '../platform/deps.js'
import { ProblemError } from '../platform/http/problem.js'
import { decodeCursor, type Cursor, type Page, type PageQuery } from '../platform/http/pagination.js'
import { schoolName } from '../schools/schools.js'
import { renderDocument, type PageFrame } from './views/layout.js'
import { managerPaths } from './views/paths.js'

export type PageResult = { kind: 'html'; html: string; status: number } | { kind: 'redirect'; to: string } | { kind: 'csv'; body: string; filename: string }

export interface PageContext {
  ctx: WriteContext
  schoolId: string
  /** where the service is reached, for links that leave the page (the QR poster) */
  origin: string
  /** a key of FLASH, from the redirect that brought the manager here */
  flash?: string | undefined
}

/** What a redirect after a successful form may say; keys only, so no text can be injected. */
export const FLASH = {
  'slot-added': 'Slot added.',
  'slot-deleted': 'Slot deleted.',
  'terms-saved': 'Term dates saved.',
  'period-deleted': 'Term deleted.',
  'closure-deleted': 'Closure day deleted.',
  'grade-added': 'Grade added.',
  'grade-deleted': 'Grade deleted.',
  'staff-added': 'Member of staff added.',
  'staff-imported': 'Staff imported.',
  'staff-deleted': 'Member of staff deleted.',
  'post-added': 'Duty post added.',
  'grade-saved': 'Grade saved. Weeks already generated keep their duties; generate a week again to use the change.',
  'staff-saved': 'Changes saved. Their published duties are kept; generate a week again to use the change.',
  'school-saved': 'School details saved.',
  'post-deleted': 'Duty post deleted.',
  'slot-saved': 'Slot saved. Weeks already generated keep their duties; generate a week again to use the change.',
  'post-saved': 'Duty post saved. Weeks already generated keep their duties; generate a week again to use the change.',
  'period-saved': 'Term dates saved. A week they now make a holiday is no longer generated.',
  'closure-saved': 'Closure day saved.',
  'absence-saved': 'Absence saved.',
  generated: 'The week is generated: review the draft below, then publish it.',
  'gap-fixed': 'Change made and the week re-planned: the draft below shows what moved. Publish it to pay and tell those it asks.',
  generating: 'The week is being generated: this page updates itself, and the draft shows here when it is ready.',
  'generate-cancelled': 'The generate is cancelled: nothing changed.',
  published: 'Published. Staff see the rota on their phones and in their calendars.',
  pinned: 'Pinned: re-generate the week for it to take effect.',
  barred: 'Barred: re-generate the week for it to take effect.',
  unpinned: 'Removed: re-generate the week for it to take effect.',
  'swap-approved': 'Swap approved: the published rota is changed, and both people see it on their phones and in their calendars.',
  'swap-declined': 'Swap declined: nothing changed.',
  'wet-replanned': 'Wet weather is on: the re-plan below moves the people on duty to the wet-weather posts. Review it, then publish it to tell them.',
  'dry-replanned': 'Back to dry weather: the re-plan below puts people back on their usual posts. Review it, then publish it to tell them.',
  'weather-saved': 'Weather saved: the next Generate of the week plans with it.',
  'absence-rejected':
    'Rejected: the absence is deleted, and they see on their phone that it was rejected. Each week planned around it is re-planned without it: review and publish it below.',
  'leave-declined': 'Declined: nothing changes, and they see the answer on their phone.',
  'unavailability-approved':
    'Approved: every rota generated from now on keeps them free then. No published week gives them a duty then, so none needed re-planning.',
  'unavailability-declined': 'Declined: nothing changes, and they see the answer on their phone.',
  offered: 'Offered: everyone the rules let take it sees it on their phone now, and the first to accept gets it.',
  'offer-withdrawn': 'Offer withdrawn: it no longer shows on anyone’s phone.',
  'absence-deleted': 'Absence deleted.',
  'cover-added': 'Cover request added.',
  'cover-saved': 'Cover request saved.',
  'cover-deleted': 'Cover request deleted.',
  'cover-imported': 'Cover requests imported from the file.',
  'event-added': 'Event added.',
  'event-saved': 'Event saved.',
  'event-deleted': 'Event deleted.',
  'manager-added': 'Manager added: they have been sent a sign-in link by email.',
  'manager-added-unmailed': 'Manager added, but the sign-in link could not be sent: they can ask for one on the sign-in page.',
  'manager-already': 'They already manage this school; nothing was changed or sent.',
  'manager-removed': 'Manager removed: they can no longer open this school, and any session they have open has lost it.',
  'supply-added': 'Supply person added. Book them from a week whose seats are unfilled.',
  'supply-saved': 'Changes saved. Weeks generated from now on use their checks as they are now.',
  'supply-booked': 'Supply booked: the draft below is planned again with them in it. Review it, then publish.',
  'supply-cancelled': 'Booking cancelled: its week’s draft is planned again without them. Review it, then publish.',
  'link-stopped': 'The personal link is stopped: it no longer opens their page, and any phone signed in with it is signed out.',
} as const

export type FlashKey = keyof typeof FLASH

export const flashText = (key: string | undefined): string | undefined => (key !== undefined && key in FLASH ? FLASH[key as FlashKey] : undefined)

export async function html(page: Child, status = 200): Promise<PageResult> {
  return { kind: 'html', html: await renderDocument(page), status }
}

export const redirect = (to: string, flash?: FlashKey): PageResult => ({
  kind: 'redirect',
  to: flash ? `${to}${to.includes('?') ? '&' : '?'}done=${flash}` : to,
})

export async function frameOf(pc: PageContext): Promise<Omit<PageFrame, 'title' | 'section'>> {
  return { schoolName: await schoolName(pc.ctx.store, pc.schoolId), paths: managerPaths(pc.schoolId), flash: flashText(pc.flash) }
}

/** Every item of a paged list (setup lists are short; this reads them in pages of 200). */
export async function all<T>(list: (store: Store, schoolId: string, page: PageQuery) => Promise<Page<T>>, store: Store, schoolId: string): Promise<T[]> {
  const out: T[] = []
  let cursor: Cursor | undefined
  do {
    const page = await list(store, schoolId, { limit: 200, ...(cursor ? { cursor } : {}) })
    out.push(...page.items)
    cursor = page.nextCursor === null ? undefined : decodeCursor(page.nextCursor)
  } while (cursor)
  return out
}

/**
 * A service's refusal as form errors: a problem naming a field goes next to it; anything else
 * (a code already taken, a row still in use) goes to the form's first field, so the summary
 * link still leads somewhere. Errors that are not problems are real failures and go on up.
 */
export function formErrors(err: unknown, fields: readonly string[]): Record<string, string> {
  if (!(err instanceof ProblemError)) throw err
  const out: Record<string, string> = {}
  for (const e of err.problem.errors ?? []) {
    const field = e.path.split(/[.[]/)[0] ?? ''
    const key = fields.includes(field) ? field : (fields[0] ?? '')
    out[key] = out[key] ? `${out[key]}; ${e.message}` : e.message
  }
  if (Object.keys(out).length === 0) out[fields[0] ?? ''] = err.problem.detail ?? err.problem.title
  return out
}

/** The refusal of a one-button action (delete, pin) as one sentence for the page. */
export function problemText(err: unknown): string {
  if (!(err instanceof ProblemError)) throw err
  const p = err.problem
  return [p.detail ?? p.title, ...(p.errors ?? []).filter((e) => !(p.detail ?? '').includes(e.message)).map((e) => e.message)].join(' ')
}

/** The weeks an approval could not re-plan, as the page's alert; none, no alert. */
export function replanAlert(failures: readonly { week: string; detail: string }[]): { alert?: string } {
  const text = failures.map((f) => `The week of ${f.week} could not be re-planned: ${f.detail}`).join(' ')
  return text ? { alert: text } : {}
}
