// Publishing a week: the newest draft replaces the published rota in one write, or nothing
// happens. Optimistic concurrency on the week as a whole:
//   - the week's ETag is its version (the highest rota version of the week, see week-rotas.ts);
//   - POST .../publish must send If-Match with that version: 428 without it, 412 when the week
//     has moved on (another publish, a newer draft, an approved swap) since the client read it;
//   - it publishes the draft that carries that version, so what is published is exactly what
//     the manager reviewed. The published row takes the next version, so the same ETag can
//     never publish twice.
// The check is the first statement of the write itself (week-guard.ts), so two publishes that
// both passed the read-time check still cannot both succeed: the second one's batch fails whole.
import type { CompiledQuery } from 'kysely'
import { sql } from 'kysely'
import type { PublishEvent, PublishHook, WriteContext } from '../platform/deps.js'
import { ifMatchVersions } from '../platform/http/etag.js'
import { conflict, preconditionFailed } from '../platform/http/problem.js'
import { nowIso } from '../platform/audit.js'
import { requireMonday, weekRotaOf, type WeekRota } from './generate.js'
import { allOf, guardedAudit, PreconditionRequired, rotaStillAt, weekStillAt } from './guard.js'
import { checkRota } from '../../solver/index.js'
import { plannedWeek, requireSchoolDay } from './school-week.js'
import { loadSchoolWeek } from '../setup/school-days.js'
import { listOverrides, withBars } from './overrides.js'
import { diffRotas, loadWeekRotas, rotaFile, staffCodes, type RotaDiff, type StoredRota } from './rotas.js'

export interface PublishOptions {
  /** default: the hooks app.ts registered (ctx.publishHooks) */
  hooks?: readonly PublishHook[]
}

export interface Published {
  /** The week's version now: the published rota's, and the ETag of the week. */
  version: number
  rota: WeekRota
  /** What changed against the rota it replaced (everything is `added` on a first publish). */
  diff: RotaDiff
}

export async function publishWeek(
  ctx: WriteContext,
  schoolId: string,
  monday: string,
  ifMatch: string | undefined,
  options: PublishOptions = {},
): Promise<Published> {
  requireMonday(monday)
  // Whatever the draft, a week without pupils is never published (a draft made before the term
  // dates said it is a holiday must not reach anyone's calendar), so this comes first.
  requireSchoolDay(await loadSchoolWeek(ctx.store, schoolId, monday))
  const wanted = ifMatchVersions(ifMatch)
  if (wanted === undefined) throw new PreconditionRequired(`send If-Match with the week's ETag (its version) from the draft you reviewed`)
  const week = await loadWeekRotas(ctx.store, schoolId, monday)
  if (!wanted.includes(week.version)) {
    throw preconditionFailed(`the week ${monday} is now at version ${week.version}; reload it, review the draft and publish again`)
  }
  const draft = week.draft
  if (!draft || draft.version !== week.version) throw conflict(`the week ${monday} has no draft to publish: generate one first`)

  const codes = await staffCodes(ctx.store, schoolId)
  await checkStillFits(ctx, schoolId, monday, draft, codes)
  const published = week.published
  const diff = diffRotas(published?.assignments ?? [], draft.assignments, codes)
  const now = nowIso(ctx)
  const nextVersion = draft.version + 1
  const db = ctx.store.db
  const event: PublishEvent = { schoolId, week: monday, rotaId: draft.id, supersededRotaId: published?.id ?? null, assignments: draft.assignments, now }
  const extra: CompiledQuery[] = []
  for (const hook of options.hooks ?? ctx.publishHooks ?? []) extra.push(...(await hook(ctx, event)))

  await ctx.store.atomic([
    guardedAudit(
      ctx,
      {
        schoolId,
        action: 'publish',
        entity: 'rota',
        entityId: draft.id,
        before: published ? { rotaId: published.id, version: published.version } : null,
        after: { rotaId: draft.id, week: monday, version: nextVersion, diff },
      },
      allOf(weekStillAt(schoolId, monday, draft.version), rotaStillAt(draft.id, 'draft', draft.version)),
    ),
    ...(published ? [db.updateTable('rotas').set({ status: 'superseded' }).where('id', '=', published.id).where('status', '=', 'published').compile()] : []),
    db
      .updateTable('rotas')
      .set({ status: 'published', version: sql<number>`version + 1`, published_at: now })
      .where('id', '=', draft.id)
      .where('status', '=', 'draft')
      .compile(),
    ...extra,
  ])
  return {
    version: nextVersion,
    rota: weekRotaOf({ ...draft, status: 'published', version: nextVersion, publishedAt: now }, codes),
    diff,
  }
}

/**
 * The week may have changed since the draft was made without moving its version: an absence
 * of someone who holds no published work, a new pin or bar, a deleted duty. A draft that now
 * breaks a hard rule is not published (409: generate again). A draft that merely lacks new
 * work (a cover request added since) still keeps every rule and may be published.
 */
async function checkStillFits(ctx: WriteContext, schoolId: string, monday: string, draft: StoredRota, codes: ReadonlyMap<string, string>): Promise<void> {
  const bars = (await listOverrides(ctx.store, schoolId, monday)).filter((o) => o.kind === 'bar')
  const scenario = withBars((await plannedWeek(ctx.store, schoolId, monday)).scenario, bars)
  const broken = checkRota(scenario, rotaFile(draft, codes)).filter((p) => p.rule !== 0)
  if (broken.length > 0) {
    const shown = broken.slice(0, 5).map((p) => p.message)
    throw conflict(
      `the week has changed since this draft was made and it now breaks ${broken.length === 1 ? 'a rule' : `${broken.length} rules`} (${shown.join('; ')}${broken.length > 5 ? '; ...' : ''}): generate the week again`,
    )
  }
}

/** GET .../weeks/:monday/rota: the published rota and the draft under review, and the week's ETag. */
export interface WeekView {
  week: string
  version: number
  published: WeekRota | null
  draft: (WeekRota & { diff: RotaDiff | null }) | null
}

export async function viewWeek(ctx: Pick<WriteContext, 'store'>, schoolId: string, monday: string): Promise<WeekView> {
  requireMonday(monday)
  const week = await loadWeekRotas(ctx.store, schoolId, monday)
  const codes = await staffCodes(ctx.store, schoolId)
  return {
    week: monday,
    version: week.version,
    published: week.published ? weekRotaOf(week.published, codes) : null,
    draft: week.draft
      ? { ...weekRotaOf(week.draft, codes), diff: week.published ? diffRotas(week.published.assignments, week.draft.assignments, codes) : null }
      : null,
  }
}
