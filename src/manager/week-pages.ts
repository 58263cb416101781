// Handlers of the week and its print view: they call the week services (generate, publish,
// pins and bars) directly. The page shows the draft under review when there is one, else the
// published rota, and the draft's difference from the published rota before it can replace it.
import { createElement } from 'hono/jsx'
import { datesOfWeek, type Scenario } from '../../solver/scenario.js'
import { conflict, fieldError, invalid, preconditionFailed, ProblemError } from '../platform/http/problem.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { plannedWeek } from '../week/school-week.js'
import { approveSwap, declineSwap, listSwaps, type Swap } from '../swaps/swaps.js'
import { cancelJob, generateThroughJob, pendingJob } from '../jobs/jobs.js'
import { addOverride, listOverrides, removeOverride, type OverrideKind } from '../week/overrides.js'
import { PreconditionRequired } from '../week/guard.js'
import { publishWeek, viewWeek, type WeekView } from '../week/publish.js'
import { publicationCount, weekVersion } from '../week/rotas.js'
import { setupChanges, setupPrint, storedPrint, type SetupChange } from '../week/setup-print.js'
import { localWhen } from '../ui/dates.js'
import { weekReceipts, type WeekReceipts } from '../notifications/receipts.js'
import { managerPaths } from './views/paths.js'
import { PrintPage } from './views/print-page.js'
import { WeekNotReadyPage, WeekPage, type WeekStatus } from './views/week-page.js'
import { NoSchoolWeekPage } from './views/no-school-week.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { buildWeekModel, type WeekModel } from './week-model.js'
import type { WeekWeather } from './views/week-weather.js'
import { loadWetWeek } from '../week/wet-week.js'
import { switchWeather } from '../week/wet-days.js'
import { todayAtSchool } from '../platform/school-today.js'
import { mondayHere } from './weeks.js'
import { schoolWeekNeighbours } from '../setup/school-days.js'
import { supplyOffer } from './supply-pages.js'

interface Problem {
  title: string
  details: string[]
}

function problemOf(err: unknown): Problem & { status: number } {
  if (!(err instanceof ProblemError)) throw err
  const p = err.problem
  const details = (p.errors ?? []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message))
  const title =
    p.status === 412
      ? 'The week changed since you looked at it: review it as it is now below, then try again'
      : p.status === 428
        ? 'Reload the week and try again'
        : (p.detail ?? p.title)
  return { title, details, status: p.status }
}

export interface WeekData {
  /** the week as the solver reads it now */
  scenario: Scenario
  model: WeekModel
  status: WeekStatus
  view: WeekView
  /** swaps both people agreed, waiting for a manager */
  swaps: Swap[]
  /** what in the setup changed since the shown rota was made (empty when it is up to date, or cannot tell) */
  changes: SetupChange[]
  /** who has seen the latest publish's changes, when it was a re-plan */
  receipts: WeekReceipts | undefined
  weather: WeekWeather
}

export type NoWeek = { notReady: string } | { noSchoolDay: string }

/** The week as the page shows it, or why there is no week to plan (not set up, or no pupils). */
export async function loadWeek(pc: PageContext, monday: string, show?: string): Promise<WeekData | NoWeek> {
  let scenario: Scenario
  try {
    const planned = await plannedWeek(pc.ctx.store, pc.schoolId, monday)
    if (planned.schoolWeek.noSchoolDay !== undefined) return { noSchoolDay: planned.schoolWeek.noSchoolDay }
    scenario = planned.scenario
  } catch (err) {
    if (err instanceof ProblemError && err.problem.status === 409) return { notReady: err.problem.detail ?? err.problem.title }
    throw err
  }
  const [view, overrides, swaps, publications, receipts, wet, today] = await Promise.all([
    viewWeek(pc.ctx, pc.schoolId, monday),
    listOverrides(pc.ctx.store, pc.schoolId, monday),
    listSwaps(pc.ctx.store, pc.schoolId, monday),
    publicationCount(pc.ctx.store, pc.schoolId, monday),
    weekReceipts(pc.ctx.store, pc.schoolId, monday),
    loadWetWeek(pc.ctx.store, pc.schoolId, monday),
    todayAtSchool(pc.ctx.store, pc.ctx.clock, pc.schoolId),
  ])
  const showing: WeekStatus['showing'] = view.draft && !(show === 'published' && view.published) ? 'draft' : view.published ? 'published' : 'none'
  const rota = showing === 'draft' ? view.draft : showing === 'published' ? view.published : null
  const model = buildWeekModel(scenario, rota, overrides)
  const status: WeekStatus = {
    version: view.version,
    timezone: scenario.school.timezone,
    // The published rota is the week's latest publish, so its number is the count of publishes.
    published: view.published ? { publication: publications, publishedAt: view.published.publishedAt } : null,
    draft: view.draft ? { createdAt: view.draft.createdAt, replan: isReplan(view.draft.stats.origin) } : null,
    nextPublication: publications + 1,
    showing,
  }
  const print = rota ? storedPrint(rota.stats) : undefined
  const changes = print ? setupChanges(print, setupPrint(scenario)) : []
  // A proof is about the setup the rota was made from; once that changed it proves nothing.
  const shown = changes.length > 0 ? { ...model, proof: null } : model
  const weather: WeekWeather = {
    alternatives: wet.alternatives,
    days: model.days.filter((d) => !d.closed && d.date >= today).map((d) => ({ date: d.date, wet: wet.wetDates.includes(d.date), today: d.date === today })),
  }
  return { scenario, model: shown, status, view, swaps: swaps.filter((s) => s.stage === 'agreed'), changes, receipts, weather }
}

/** A draft made around something that happened (an absence, the weather), not by Generate. */
const isReplan = (origin: unknown) => ['replan', 'wet-weather'].includes((origin as { kind?: string } | undefined)?.kind ?? '')

export async function weekPage(
  pc: PageContext,
  monday: string,
  options: { show?: string | undefined; problem?: Problem; status?: number } = {},
): Promise<PageResult> {
  const paths = managerPaths(pc.schoolId)
  if (!isMondayDate(monday)) return redirect(paths.week(await mondayHere(pc)))
  const [baseFrame, data, job] = await Promise.all([frameOf(pc), loadWeek(pc, monday, options.show), pendingJob(pc.ctx.store, pc.schoolId, monday)])
  const frame = job ? { ...baseFrame, refreshSeconds: 3 } : baseFrame
  const { previous, next } = await schoolWeekNeighbours(pc.ctx.store, pc.schoolId, monday)
  if ('notReady' in data) return html(createElement(WeekNotReadyPage, { frame, monday, reason: data.notReady }), options.status ?? 200)
  if ('noSchoolDay' in data) return html(createElement(NoSchoolWeekPage, { frame, monday, reason: data.noSchoolDay, previous, next }), options.status ?? 200)
  return html(
    createElement(WeekPage, {
      frame,
      model: data.model,
      status: data.status,
      diff: data.view.draft?.diff ?? null,
      previous,
      next,
      problem: options.problem,
      swaps: data.swaps,
      changes: data.changes,
      receipts: data.receipts,
      supply: await supplyOffer(pc, data.model),
      weather: data.weather,
      job,
      stoppable: pc.ctx.jobs?.stopsRunning === true,
    }),
    options.status ?? 200,
  )
}

/** GET /week: this school week (or, at the weekend, the coming one). */
export const thisWeek = async (pc: PageContext): Promise<PageResult> => redirect(managerPaths(pc.schoolId).week(await mondayHere(pc)))

/** What an action may say instead of its usual flash, once it knows how it went. */
const SAID = ['generating', 'generate-cancelled', 'wet-replanned', 'dry-replanned', 'weather-saved'] as const
type Said = (typeof SAID)[number]
type WeekFlash = 'generated' | 'published' | 'pinned' | 'barred' | 'unpinned' | 'swap-approved' | 'swap-declined' | Said

/** Runs a week's button; the action may name a different outcome to say than `flash`. */
async function weekAction(pc: PageContext, monday: string, action: () => Promise<unknown>, flash: WeekFlash): Promise<PageResult> {
  if (!isMondayDate(monday)) return weekPage(pc, monday)
  let said: unknown
  try {
    said = await action()
  } catch (err) {
    const problem = problemOf(err)
    return weekPage(pc, monday, { problem, status: problem.status })
  }
  return redirect(managerPaths(pc.schoolId).week(monday), SAID.includes(said as Said) ? (said as Said) : flash)
}

/** The week's version a form says the manager was looking at: undefined when it says none. */
const versionIn = (values: FormValues): string | undefined => (typeof values.version === 'string' && /^\d+$/.test(values.version) ? values.version : undefined)

/**
 * Generates a new draft. A re-generate replaces the draft under review, so the form says which
 * version of the week the manager saw: if another manager has generated or published since,
 * nothing is replaced and the page says so (412), as a publish would.
 */
export const generateWeek = (pc: PageContext, monday: string, values: FormValues) =>
  weekAction(
    pc,
    monday,
    async () => {
      const seen = versionIn(values)
      if (seen === undefined) throw new PreconditionRequired('send the version of the week you are looking at')
      const now = await weekVersion(pc.ctx.store, pc.schoolId, monday)
      if (Number(seen) !== now) throw preconditionFailed(`the week ${monday} is now at version ${now}`)
      const outcome = await generateThroughJob(pc.ctx, pc.schoolId, monday)
      return 'job' in outcome ? 'generating' : 'generated'
    },
    'generated',
  )

/** Cancels a generate of the week, waiting or solving; the page says why when it cannot. */
export const cancelGenerate = (pc: PageContext, monday: string, id: string) =>
  weekAction(
    pc,
    monday,
    async () => {
      await cancelJob(pc.ctx, pc.schoolId, id)
      return 'generate-cancelled'
    },
    'generate-cancelled',
  )

/** Publishes the draft of the version the manager reviewed (the form carries it, as If-Match). */
export const publishTheWeek = (pc: PageContext, monday: string, values: FormValues) => {
  const version = versionIn(values)
  return weekAction(pc, monday, () => publishWeek(pc.ctx, pc.schoolId, monday, version === undefined ? undefined : `"${version}"`), 'published')
}

const one = (values: FormValues, name: string): string | undefined => {
  const v = values[name]
  const s = Array.isArray(v) ? v[0] : v
  return s === undefined || s === '' ? undefined : s
}

/** A pin or a bar on one seat, from the hidden fields of the seat's button. */
export const overrideSeat = (pc: PageContext, monday: string, kind: OverrideKind, values: FormValues) =>
  weekAction(
    pc,
    monday,
    () =>
      addOverride(pc.ctx, pc.schoolId, monday, {
        kind,
        staff: one(values, 'staff') ?? '',
        duty: one(values, 'duty') ?? '',
        date: one(values, 'date') ?? '',
        slot: one(values, 'slot'),
      }),
    kind === 'pin' ? 'pinned' : 'barred',
  )

/** Approves or declines a swap both people agreed, at the version the page showed (as If-Match). */
export const decideSwap = (pc: PageContext, monday: string, id: string, action: 'approve' | 'decline', values: FormValues) => {
  const version = versionIn(values)
  const ifMatch = version === undefined ? undefined : `"${version}"`
  return weekAction(
    pc,
    monday,
    () => (action === 'approve' ? approveSwap(pc.ctx, pc.schoolId, id, ifMatch) : declineSwap(pc.ctx, pc.schoolId, id, ifMatch)),
    action === 'approve' ? 'swap-approved' : 'swap-declined',
  )
}

/**
 * Switches one day to wet weather or back (field `wet`: on or off). A re-plan that could not be
 * made is said on the page; the switch stands, and Generate tries again.
 */
export const switchDayWeather = (pc: PageContext, monday: string, date: string, values: FormValues) =>
  weekAction(
    pc,
    monday,
    async (): Promise<Said> => {
      const wet = one(values, 'wet')
      if (wet !== 'on' && wet !== 'off') throw invalid([fieldError(['wet'], 'must be on or off')])
      if (!datesOfWeek(monday).includes(date)) throw invalid([fieldError(['date'], `must be a day of the week of ${monday}`, 'params')])
      const seen = versionIn(values)
      const outcome = await switchWeather(pc.ctx, pc.schoolId, date, wet === 'on', seen === undefined ? undefined : `"${seen}"`)
      const [failed] = outcome.replanFailures
      if (failed) throw conflict(`The weather is switched, but the week could not be re-planned: ${failed.detail}`)
      return outcome.replans.length === 0 ? 'weather-saved' : wet === 'on' ? 'wet-replanned' : 'dry-replanned'
    },
    'weather-saved',
  )

export const removeSeatOverride = (pc: PageContext, monday: string, id: string) =>
  weekAction(pc, monday, () => removeOverride(pc.ctx, pc.schoolId, monday, id), 'unpinned')

export async function printPage(pc: PageContext, monday: string, show?: string): Promise<PageResult> {
  const paths = managerPaths(pc.schoolId)
  if (!isMondayDate(monday)) return redirect(paths.print(await mondayHere(pc)))
  const frame = await frameOf(pc)
  const data = await loadWeek(pc, monday, show ?? 'published')
  if ('notReady' in data) return html(createElement(WeekNotReadyPage, { frame, monday, reason: data.notReady }))
  if ('noSchoolDay' in data) {
    const { previous, next } = await schoolWeekNeighbours(pc.ctx.store, pc.schoolId, monday)
    return html(createElement(NoSchoolWeekPage, { frame, monday, reason: data.noSchoolDay, previous, next }))
  }
  const s = data.status
  const label =
    s.showing === 'published'
      ? `publication ${s.published?.publication}`
      : s.showing === 'draft' && s.draft
        ? `draft made ${localWhen(s.draft.createdAt, s.timezone)}, not published`
        : 'not generated yet'
  return html(createElement(PrintPage, { schoolName: frame.schoolName, model: data.model, label, generated: s.showing !== 'none', paths }))
}
