// POST .../weeks/:monday/rota: the week's scenario is built from the database (the published
// rota as `previous`, pins, duties this term, hours left), the manager's bars are applied, the
// solver runs, and the result is stored as the week's draft with the next version. Where a
// rota is already published, the draft comes with its difference from it, person by person:
// that is a re-plan, and the solver keeps as much of the published rota as the week allows.
// Work that has already started, in school time, is never handed out again (past-work.ts).
import { PinError } from '../../solver/index.js'
import { inRequestRunner } from '../jobs/runner.js'
import type { Assignment, Rota, Unfilled } from '../../solver/scenario.js'
import type { SolveControl, SolveResult, WriteContext } from '../platform/deps.js'
import { conflict, fieldError, invalid, ProblemError } from '../platform/http/problem.js'
import { auditStatement } from '../platform/audit.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { plannedWeek, requireSchoolDay } from './school-week.js'
import { listOverrides, withBars, type Override } from './overrides.js'
import { setupPrint } from './setup-print.js'
import { lockPast, schoolNow, withoutPastGaps } from './past-work.js'
import { diffRotas, insertDraftStatements, loadWeekRotas, staffCodes, type Placed, type RotaDiff, type StoredRota } from './rotas.js'

/** Why a draft was made; kept in the draft's stats so the audit trail and the page can say so. */
export type DraftOrigin =
  | { kind: 'generate' }
  /** an absence recorded or changed, or one rejected (the re-plan then plans without it) */
  | { kind: 'replan'; absenceId: string }
  /** a time someone cannot work, just approved */
  | { kind: 'replan'; unavailabilityId: string }
  /** a day switched to wet weather or back */
  | { kind: 'wet-weather'; date: string; wet: boolean }

/** A rota of the week as the API shows it: rota@1 fields plus where it stands. */
export interface WeekRota {
  id: string
  week: string
  status: 'draft' | 'published' | 'superseded'
  version: number
  createdAt: string
  publishedAt: string | null
  assignments: Assignment[]
  unfilled: Unfilled[]
  stats: Record<string, unknown>
}

export interface WeekDraft {
  /** The week's version after the draft: the ETag to send with If-Match to publish it. */
  version: number
  rota: WeekRota
  /** Against the published rota; null when nothing is published for the week yet. */
  diff: RotaDiff | null
}

export function weekRotaOf(rota: StoredRota, codeOf: ReadonlyMap<string, string>): WeekRota {
  return {
    id: rota.id,
    week: rota.week,
    status: rota.status,
    version: rota.version,
    createdAt: rota.createdAt,
    publishedAt: rota.publishedAt,
    assignments: rota.assignments.map((a) => ({
      staff: codeOf.get(a.staffId) ?? a.staffId,
      duty: a.work,
      date: a.date,
      ...(a.slot === null ? {} : { slot: a.slot }),
    })),
    unfilled: rota.unfilled,
    stats: rota.stats,
  }
}

function withBarNote(u: Unfilled, bars: readonly Override[]): Unfilled {
  const barred = bars.filter((b) => b.duty === u.duty && b.date === u.date && b.slot === u.slot).map((b) => b.staff)
  return barred.length === 0 ? u : { ...u, reason: `${u.reason}; barred from it by a manager (shown as absent): ${barred.join(', ')}` }
}

/** Where solves run when the runtime gave no runner: in the request, one per school at a time. */
const IN_REQUEST = inRequestRunner()

export function requireMonday(monday: string): void {
  if (!isMondayDate(monday)) throw invalid([fieldError(['monday'], 'must be the date of a Monday ("YYYY-MM-DD")', 'params')])
}

/** A job's hold on its solve: stop it, hear its progress, and be told once it is past stopping. */
export interface DraftControl extends SolveControl {
  /** called once the solve has answered, just before the draft is stored: too late to cancel */
  onSolved?: () => void
}

/**
 * The scenario a generate solves, and what it was made from: the planned week, the manager's
 * bars, and the past locked. The price of a gap (gap-prices.ts) solves its what-ifs from the
 * same, so a fix re-plans to the rota its what-if showed.
 */
export async function draftInput(ctx: Pick<WriteContext, 'store' | 'clock'>, schoolId: string, monday: string) {
  requireMonday(monday)
  // The term dates' holidays reach the solver as closed days; a week with none open is refused.
  const { scenario, schoolWeek } = await plannedWeek(ctx.store, schoolId, monday)
  requireSchoolDay(schoolWeek)
  const bars = (await listOverrides(ctx.store, schoolId, monday)).filter((o) => o.kind === 'bar')
  // Bars first, so the lock can cut the absences they become to the time still to come.
  const { scenario: input, locked, lock } = lockPast(withBars(scenario, bars), schoolNow(ctx.clock, scenario.school.timezone))
  return { scenario, bars, input, locked, lock }
}

export async function generateDraft(
  ctx: WriteContext,
  schoolId: string,
  monday: string,
  origin: DraftOrigin = { kind: 'generate' },
  control: DraftControl = {},
): Promise<WeekDraft> {
  const { scenario, bars, input, locked, lock } = await draftInput(ctx, schoolId, monday)

  let rota: Rota
  let broken: SolveResult['broken']
  try {
    // Off the request's thread where the runtime has one to spare (src/jobs/runner.ts).
    ;({ rota, broken } = await (ctx.solveRunner ?? IN_REQUEST).solve(schoolId, input, control))
  } catch (err) {
    if (err instanceof PinError) {
      // A pin that breaks a rule cannot be kept: the manager has to unpin or change the setup.
      throw new ProblemError(
        'conflict',
        'a pin breaks a rule of the week: unpin it or change the setup, then generate again',
        err.problems.map((p) => ({ path: p.path, message: p.message })),
      )
    }
    throw err
  }
  // A solve that answered as it was cancelled is dropped; one not cancelled by now stores its draft.
  control.signal?.throwIfAborted()
  control.onSolved?.()
  // The solver promises every rule; a draft that breaks one must never reach a manager who
  // might publish it, so the independent checker has the last word.
  if (broken.length > 0) throw new Error(`the solver broke rules: ${broken.map((p) => `rule ${p.rule}: ${p.message}`).join('; ')}`)

  // Bars reach the solver as absences (week-overrides.ts), so its reasons call the barred
  // "absent"; say what they really are, for the manager who set them.
  rota = withoutPastGaps({ ...rota, unfilled: rota.unfilled.map((u) => withBarNote(u, bars)) }, locked)

  const codes = await staffCodes(ctx.store, schoolId)
  const idOf = new Map([...codes].map(([id, code]) => [code, id]))
  const assignments: Placed[] = rota.assignments.flatMap((a) => {
    const staffId = idOf.get(a.staff)
    return staffId === undefined ? [] : [{ staffId, work: a.duty, date: a.date, slot: a.slot ?? null }]
  })
  const before = await loadWeekRotas(ctx.store, schoolId, monday)
  const diff = before.published ? diffRotas(before.published.assignments, assignments, codes) : null
  const stats = {
    ...(rota.stats ?? {}),
    origin,
    bars: bars.length,
    ...(lock ? { past: lock } : {}),
    ...(diff ? { changes: diff.removed, added: diff.added } : {}),
    setup: setupPrint(scenario),
  }

  const id = ctx.newId('rot')
  await ctx.store.atomic([
    auditStatement(ctx, {
      schoolId,
      entity: 'rota',
      entityId: id,
      action: 'create',
      after: { week: monday, status: 'draft', origin, assignments: assignments.length, unfilled: rota.unfilled.length, diff },
    }),
    ...insertDraftStatements(ctx, { id, schoolId, week: monday, status: 'draft', stats, assignments, unfilled: rota.unfilled }),
  ])
  const after = await loadWeekRotas(ctx.store, schoolId, monday)
  const draft = after.draft
  // Another generate may have followed ours at once (the newest draft is the one that counts),
  // or someone published in between: either way the week has moved on from what we read.
  if (!draft) throw conflict(`the week ${monday} changed while the draft was being made; reload it`)
  return {
    version: after.version,
    rota: weekRotaOf(draft, codes),
    diff: draft.id === id ? diff : before.published ? diffRotas(before.published.assignments, draft.assignments, codes) : null,
  }
}
