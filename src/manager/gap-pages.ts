// Handlers of the price of a week's gaps: the page of priced options, and one option applied
// (the change made, the week re-planned, then the week page with the draft and what moved).
import { createElement } from 'hono/jsx'
import { ProblemError } from '../platform/http/problem.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { applyGapFix, gapFixInput } from '../week/gap-apply.js'
import { gapPrices } from '../week/gap-prices.js'
import { plannedWeek } from '../week/school-week.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { groupUnfilled } from './unfilled-groups.js'
import { GapsPage } from './views/gaps-page.js'
import { managerPaths } from './views/paths.js'
import { weekPage } from './week-pages.js'

type Problem = { title: string; details: string[] }

export async function gapsPage(pc: PageContext, monday: string, shown: { problem?: Problem; status?: number } = {}): Promise<PageResult> {
  if (!isMondayDate(monday)) return redirect(managerPaths(pc.schoolId).weekNow)
  let view: Awaited<ReturnType<typeof gapPrices>>
  try {
    view = await gapPrices(pc.ctx, pc.schoolId, monday)
  } catch (err) {
    // A week with no school day (or none of the setup yet) says why on its own page.
    if (err instanceof ProblemError) return weekPage(pc, monday)
    throw err
  }
  const { scenario } = await plannedWeek(pc.ctx.store, pc.schoolId, monday)
  const groups = groupUnfilled(
    scenario,
    view.seats.map((s) => ({ work: s.seat.duty, date: s.seat.date, missing: s.missing })),
  )
  return html(createElement(GapsPage, { frame: await frameOf(pc), monday, view, groups, problem: shown.problem }), shown.status ?? 200)
}

/** A form's fields as single values: the fix form sends each once. */
const single = (values: FormValues) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))

export async function fixGap(pc: PageContext, monday: string, values: FormValues): Promise<PageResult> {
  if (!isMondayDate(monday)) return redirect(managerPaths(pc.schoolId).weekNow)
  const read = gapFixInput.safeParse(single(values))
  if (!read.success) {
    const details = read.error.issues.map((i) => `${i.path.join('.') || 'kind'}: ${i.message}`)
    return gapsPage(pc, monday, { problem: { title: 'That option could not be read: look at the options again', details }, status: 400 })
  }
  try {
    const outcome = await applyGapFix(pc.ctx, pc.schoolId, monday, read.data)
    return redirect(managerPaths(pc.schoolId).week(monday), 'job' in outcome ? 'generating' : 'gap-fixed')
  } catch (err) {
    if (!(err instanceof ProblemError)) throw err
    const p = err.problem
    return gapsPage(pc, monday, { problem: { title: p.detail ?? p.title, details: (p.errors ?? []).map((e) => `${e.path}: ${e.message}`) }, status: p.status })
  }
}
