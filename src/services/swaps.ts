// Swaps: two staff agree to exchange published assignments (or one hands an assignment to the
// other), and a manager approves. Approval changes the published rota in place, in one write
// guarded like a publish: the swap must still be as requested and the week still at the
// version read, and the published rota takes the week's next version, so a draft made before
// the swap (which would undo it) can no longer be published. The swap row records the two
// assignments, who approved, and whom each moved assignment counts for in the fairness ledger:
// the person it was originally given to, so a swap counts against nobody's fairness.
import { sql, type CompiledQuery } from 'kysely'
import type { Store } from '../../db/store.js'
import { checkRota } from '../../solver/index.js'
import type { WriteContext } from '../deps.js'
import { checkIfMatch } from '../http/etag.js'
import { conflict, fieldError, invalid, notFound } from '../http/problem.js'
import { commit, nowIso } from './audit.js'
import { mondayOf } from './ledger-periods.js'
import { resolveRef } from './refs.js'
import { exportScenario } from './scenario-export.js'
import { DEFAULT_PUBLISH_HOOKS, type PublishHook } from './week-publish.js'
import { allOf, guardedAudit, rotaStillAt, weekStillAt } from './week-guard.js'
import { loadWeekRotas, placedKey, rotaFile, staffCodes, type Placed, type StoredRota } from './week-rotas.js'

export interface WorkRef {
  /** code of the duty post, cover request or event */
  duty: string
  date: string
  slot?: string | undefined
}

export interface SwapInput {
  /** id or code of the person giving `give` away */
  from: string
  give: WorkRef
  /** id or code of the person taking it */
  to: string
  /** what `to` gives `from` in exchange; left out for a one-way handover */
  back?: WorkRef | undefined
  note?: string | null | undefined
}

export interface SwapSide extends WorkRef {
  staff: string
  staffId: string
}

export interface Swap {
  id: string
  week: string
  status: 'requested' | 'approved' | 'declined'
  /** A's assignment, which B takes */
  a: SwapSide
  /** B: who takes A's assignment */
  to: { staff: string; staffId: string }
  /** B's assignment, which A takes; null for a handover */
  b: SwapSide | null
  /** once approved: whom each moved assignment counts for in the fairness ledger */
  credits: { a: string | null; b: string | null }
  note: string | null
  requestedBy: string
  requestedAt: string
  decidedBy: string | null
  decidedAt: string | null
  version: number
}

function selectSwaps(store: Store, schoolId: string) {
  return store.db
    .selectFrom('swaps as w')
    .innerJoin('staff as sa', 'sa.id', 'w.staff_a_id')
    .innerJoin('staff as sb', 'sb.id', 'w.staff_b_id')
    .leftJoin('staff as ca', 'ca.id', 'w.a_credit_staff_id')
    .leftJoin('staff as cb', 'cb.id', 'w.b_credit_staff_id')
    .selectAll('w')
    .select(['sa.code as a_code', 'sb.code as b_code', 'ca.code as a_credit_code', 'cb.code as b_credit_code'])
    .where('w.school_id', '=', schoolId)
}

type SwapRow = Awaited<ReturnType<ReturnType<typeof selectSwaps>['executeTakeFirstOrThrow']>>

const slotOf = (slot: string | null) => (slot === null ? {} : { slot })

function toSwap(r: SwapRow): Swap {
  return {
    id: r.id,
    week: r.week,
    status: r.status,
    a: { staff: r.a_code, staffId: r.staff_a_id, duty: r.a_work_code, date: r.a_date, ...slotOf(r.a_slot_code) },
    to: { staff: r.b_code, staffId: r.staff_b_id },
    b: r.b_work_code === null || r.b_date === null ? null : { staff: r.b_code, staffId: r.staff_b_id, duty: r.b_work_code, date: r.b_date, ...slotOf(r.b_slot_code) },
    credits: { a: r.a_credit_code, b: r.b_credit_code },
    note: r.note,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    version: r.version,
  }
}

export async function listSwaps(store: Store, schoolId: string, week: string): Promise<Swap[]> {
  return (await selectSwaps(store, schoolId).where('w.week', '=', week).orderBy('w.requested_at').orderBy('w.id').execute()).map(toSwap)
}

export async function getSwap(store: Store, schoolId: string, id: string): Promise<Swap> {
  const row = await selectSwaps(store, schoolId).where('w.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no swap with id ${id} in this school`)
  return toSwap(row)
}

const placed = (staffId: string, w: WorkRef): Placed => ({ staffId, work: w.duty, date: w.date, slot: w.slot ?? null })

type Moves = Pick<Swap, 'a' | 'to' | 'b'>

/** The moves of a swap: who gives what to whom. */
function movesOf(swap: Moves): { from: Placed; to: string }[] {
  return [{ from: placed(swap.a.staffId, swap.a), to: swap.to.staffId }, ...(swap.b ? [{ from: placed(swap.b.staffId, swap.b), to: swap.a.staffId }] : [])]
}

/** The published assignments once the swap is made. */
function swapped(published: readonly Placed[], swap: Moves): Placed[] {
  const moves = movesOf(swap)
  const moved = new Set(moves.map((m) => placedKey(m.from)))
  return [...published.filter((a) => !moved.has(placedKey(a))), ...moves.map((m) => ({ ...m.from, staffId: m.to }))]
}

/**
 * The swap must move assignments the published rota really has, and the rota after it must
 * keep every rule the rota before it kept (the taker works then, is not absent, holds the
 * grade, has no clash, keeps their rest break, the pins stay).
 */
async function checkAgainstPublished(store: Store, schoolId: string, week: string, swap: Moves): Promise<StoredRota> {
  const rotas = await loadWeekRotas(store, schoolId, week)
  const published = rotas.published
  if (!published) throw conflict(`nothing is published for the week of ${week}: there is nothing to swap`)
  const held = new Set(published.assignments.map(placedKey))
  movesOf(swap).forEach((m, i) => {
    if (!held.has(placedKey(m.from))) {
      throw conflict(`${i === 0 ? swap.a.staff : swap.b?.staff} does not hold ${m.from.work} on ${m.from.date}${m.from.slot ? ` (${m.from.slot})` : ''} in the published rota`)
    }
  })
  const after = swapped(published.assignments, swap)
  const codes = await staffCodes(store, schoolId)
  const scenario = await exportScenario(store, schoolId, week)
  const before = new Set(checkRota(scenario, rotaFile(published, codes)).map((p) => p.message))
  const broken = checkRota(scenario, rotaFile({ ...published, assignments: after }, codes)).filter((p) => !before.has(p.message))
  if (broken.length > 0) throw conflict(`the swap would break the rules of the week: ${broken.map((p) => p.message).join('; ')}`)
  return published
}

export async function requestSwap(ctx: WriteContext, schoolId: string, input: SwapInput): Promise<Swap> {
  const [a, b] = await Promise.all([resolveRef(ctx.store, 'staff', schoolId, input.from, ['from']), resolveRef(ctx.store, 'staff', schoolId, input.to, ['to'])])
  if (a.id === b.id) throw invalid([fieldError(['to'], 'a swap needs two different people')])
  const week = mondayOf(input.give.date)
  if (input.back && mondayOf(input.back.date) !== week) throw invalid([fieldError(['back', 'date'], `must be in the same week as give (the week of ${week})`)])
  const swap: Swap = {
    id: ctx.newId('swp'),
    week,
    status: 'requested',
    a: { staff: a.code, staffId: a.id, ...input.give },
    to: { staff: b.code, staffId: b.id },
    b: input.back ? { staff: b.code, staffId: b.id, ...input.back } : null,
    credits: { a: null, b: null },
    note: input.note ?? null,
    requestedBy: ctx.actor,
    requestedAt: nowIso(ctx),
    decidedBy: null,
    decidedAt: null,
    version: 1,
  }
  if (input.back && placedKey(placed('', input.back)) === placedKey(placed('', input.give))) {
    throw invalid([fieldError(['back'], 'is the same occurrence as give: there is nothing to swap')])
  }
  await checkAgainstPublished(ctx.store, schoolId, week, swap)
  await commit(ctx, { schoolId, entity: 'swap', entityId: swap.id, action: 'create', after: swap }, [
    ctx.store.db
      .insertInto('swaps')
      .values({
        id: swap.id,
        school_id: schoolId,
        week,
        status: 'requested',
        staff_a_id: a.id,
        a_work_code: input.give.duty,
        a_date: input.give.date,
        a_slot_code: input.give.slot ?? null,
        staff_b_id: b.id,
        b_work_code: input.back?.duty ?? null,
        b_date: input.back?.date ?? null,
        b_slot_code: input.back?.slot ?? null,
        note: swap.note,
        requested_by: ctx.actor,
        requested_at: swap.requestedAt,
      })
      .compile(),
  ])
  return swap
}

/** Whom an assignment that `holderId` holds counts for: carried along earlier approved swaps. */
async function creditFor(store: Store, schoolId: string, holderId: string, work: Placed): Promise<string> {
  const earlier = await store.db
    .selectFrom('swaps')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .where((eb) =>
      eb.or([
        eb.and([eb('staff_b_id', '=', holderId), eb('a_work_code', '=', work.work), eb('a_date', '=', work.date)]),
        eb.and([eb('staff_a_id', '=', holderId), eb('b_work_code', '=', work.work), eb('b_date', '=', work.date)]),
      ]),
    )
    .orderBy('decided_at', 'desc')
    .execute()
  for (const s of earlier) {
    if (s.staff_b_id === holderId && s.a_work_code === work.work && s.a_slot_code === work.slot) return s.a_credit_staff_id ?? s.staff_a_id
    if (s.staff_a_id === holderId && s.b_work_code === work.work && s.b_slot_code === work.slot) return s.b_credit_staff_id ?? s.staff_b_id
  }
  return holderId
}

function slotIs(slot: string | null) {
  return slot === null ? sql<boolean>`slot_code IS NULL` : sql<boolean>`slot_code = ${slot}`
}

export interface ApproveOptions {
  /** statements to run in the approval's own write; default DEFAULT_PUBLISH_HOOKS (the calendar) */
  hooks?: readonly PublishHook[]
}

export async function approveSwap(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string, options: ApproveOptions = {}): Promise<Swap> {
  const swap = await getSwap(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, swap.version, 'the swap')
  if (swap.status !== 'requested') throw conflict(`the swap is already ${swap.status}`)
  const published = await checkAgainstPublished(ctx.store, schoolId, swap.week, swap)
  const weekVersion = (await loadWeekRotas(ctx.store, schoolId, swap.week)).version
  const creditA = await creditFor(ctx.store, schoolId, swap.a.staffId, placed(swap.a.staffId, swap.a))
  const creditB = swap.b ? await creditFor(ctx.store, schoolId, swap.b.staffId, placed(swap.b.staffId, swap.b)) : null
  const now = nowIso(ctx)
  const db = ctx.store.db

  const moves = movesOf(swap)
  const after: Swap = { ...swap, status: 'approved', decidedBy: ctx.actor, decidedAt: now, version: swap.version + 1, credits: { a: creditA, b: creditB } }
  const assignments = swapped(published.assignments, swap)
  const extra: CompiledQuery[] = []
  for (const hook of options.hooks ?? DEFAULT_PUBLISH_HOOKS) {
    extra.push(...(await hook(ctx, { schoolId, week: swap.week, rotaId: published.id, supersededRotaId: published.id, assignments, now })))
  }
  await ctx.store.atomic([
    guardedAudit(
      ctx,
      { schoolId, action: 'approve', entity: 'swap', entityId: id, before: swap, after },
      allOf(sql`EXISTS (SELECT 1 FROM swaps WHERE id = ${id} AND status = 'requested' AND version = ${swap.version})`, weekStillAt(schoolId, swap.week, weekVersion), rotaStillAt(published.id, 'published', published.version)),
    ),
    ...moves.map((m) =>
      db
        .updateTable('rota_assignments')
        .set({ staff_id: m.to })
        .where('rota_id', '=', published.id)
        .where('staff_id', '=', m.from.staffId)
        .where('work_code', '=', m.from.work)
        .where('date', '=', m.from.date)
        .where(slotIs(m.from.slot))
        .compile(),
    ),
    db
      .updateTable('rotas')
      .set({ version: sql<number>`(SELECT MAX(version) + 1 FROM rotas WHERE school_id = ${schoolId} AND week = ${swap.week})` })
      .where('id', '=', published.id)
      .compile(),
    db
      .updateTable('swaps')
      .set({ status: 'approved', decided_by: ctx.actor, decided_at: now, a_credit_staff_id: creditA, b_credit_staff_id: creditB, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
    ...extra,
  ])
  return getSwap(ctx.store, schoolId, id)
}

export async function declineSwap(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<Swap> {
  const swap = await getSwap(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, swap.version, 'the swap')
  if (swap.status !== 'requested') throw conflict(`the swap is already ${swap.status}`)
  const now = nowIso(ctx)
  const after: Swap = { ...swap, status: 'declined', decidedBy: ctx.actor, decidedAt: now, version: swap.version + 1 }
  await commit(ctx, { schoolId, entity: 'swap', entityId: id, action: 'update', before: swap, after, expect: { table: 'swaps', version: swap.version } }, [
    ctx.store.db.updateTable('swaps').set({ status: 'declined', decided_by: ctx.actor, decided_at: now, version: sql<number>`version + 1` }).where('id', '=', id).compile(),
  ])
  return after
}
