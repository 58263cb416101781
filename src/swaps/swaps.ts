// Swaps: two staff agree to exchange published assignments (or one hands an assignment to the
// other), and a manager approves. A manager may record a swap the two have already agreed
// (requestSwap); a member of staff may offer one from their phone (staff-swaps.ts), and it
// reaches a manager only once the colleague has accepted it. Approval changes the published rota in place, in one write
// guarded like a publish: the swap must still be as requested and the week still at the
// version read, and the published rota takes the week's next version, so a draft made before
// the swap (which would undo it) can no longer be published. The swap row records the two
// assignments, who approved, and whom each moved assignment counts for in the fairness ledger:
// the person it was originally given to, so a swap counts against nobody's fairness.
import { sql, type CompiledQuery, type RawBuilder } from 'kysely'
import type { Store } from '../../db/store.js'
import type { PublishHook, WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { conflict, fieldError, invalid, notFound } from '../platform/http/problem.js'
import { auditStatement, commit, nowIso } from '../platform/audit.js'
import { mondayOf } from '../ledgers/periods.js'
import { resolveRef } from '../setup/refs.js'
import { exportScenario } from '../scenario/export.js'
import { applyMoves, describeBreak, SwapGate, type Move } from './swap-rules.js'
import { allOf, guardedAudit, rotaStillAt, weekStillAt } from '../week/guard.js'
import { loadWeekRotas, placedKey, staffCodes, type Placed, type StoredRota } from '../week/rotas.js'

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

/**
 * Where a swap stands: `offered` by A from their phone and waiting for B; `agreed` by both and
 * waiting for a manager (a swap a manager records is agreed from the start); `approved` and
 * made; `declined` by a manager or by B; `withdrawn` by A before a manager decided.
 */
export type SwapStage = 'offered' | 'agreed' | 'approved' | 'declined' | 'withdrawn'

export interface Swap {
  id: string
  week: string
  status: 'requested' | 'approved' | 'declined'
  stage: SwapStage
  /** staff: A offered it from their phone; manager: a manager recorded it */
  proposedBy: 'staff' | 'manager'
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
  /** who agreed and when: the recording manager, or B on accepting A's offer; null while offered */
  agreedBy: string | null
  agreedAt: string | null
  decidedBy: string | null
  decidedAt: string | null
  /** for a declined swap: by a manager, or by B turning the offer down */
  declinedBy: 'manager' | 'colleague' | null
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

function stageOf(r: SwapRow): SwapStage {
  if (r.status === 'approved') return 'approved'
  if (r.status === 'declined') return r.closed_by_staff_id !== null && r.closed_by_staff_id === r.staff_a_id ? 'withdrawn' : 'declined'
  return r.agreed_at === null ? 'offered' : 'agreed'
}

function toSwap(r: SwapRow): Swap {
  const stage = stageOf(r)
  return {
    id: r.id,
    week: r.week,
    status: r.status,
    stage,
    proposedBy: r.proposed_by_staff_id === null ? 'manager' : 'staff',
    a: { staff: r.a_code, staffId: r.staff_a_id, duty: r.a_work_code, date: r.a_date, ...slotOf(r.a_slot_code) },
    to: { staff: r.b_code, staffId: r.staff_b_id },
    b:
      r.b_work_code === null || r.b_date === null
        ? null
        : { staff: r.b_code, staffId: r.staff_b_id, duty: r.b_work_code, date: r.b_date, ...slotOf(r.b_slot_code) },
    credits: { a: r.a_credit_code, b: r.b_credit_code },
    note: r.note,
    requestedBy: r.requested_by,
    requestedAt: r.requested_at,
    agreedBy: r.agreed_by,
    agreedAt: r.agreed_at,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
    declinedBy: stage !== 'declined' ? null : r.closed_by_staff_id === null ? 'manager' : 'colleague',
    version: r.version,
  }
}

export async function listSwaps(store: Store, schoolId: string, week: string): Promise<Swap[]> {
  return (await selectSwaps(store, schoolId).where('w.week', '=', week).orderBy('w.requested_at').orderBy('w.id').execute()).map(toSwap)
}

/** The swaps one member of staff is part of (either side), from the week of `fromWeek` on. */
export async function listSwapsOf(store: Store, schoolId: string, staffId: string, fromWeek: string): Promise<Swap[]> {
  const rows = await selectSwaps(store, schoolId)
    .where((eb) => eb.or([eb('w.staff_a_id', '=', staffId), eb('w.staff_b_id', '=', staffId)]))
    .where('w.week', '>=', fromWeek)
    .orderBy('w.requested_at', 'desc')
    .orderBy('w.id')
    .execute()
  return rows.map(toSwap)
}

export async function getSwap(store: Store, schoolId: string, id: string): Promise<Swap> {
  const row = await selectSwaps(store, schoolId).where('w.id', '=', id).executeTakeFirst()
  if (!row) throw notFound(`no swap with id ${id} in this school`)
  return toSwap(row)
}

export const placed = (staffId: string, w: WorkRef): Placed => ({ staffId, work: w.duty, date: w.date, slot: w.slot ?? null })

type Moves = Pick<Swap, 'a' | 'to' | 'b'>

/** The moves of a swap: who gives what to whom. */
function movesOf(swap: Moves): Move[] {
  return [{ from: placed(swap.a.staffId, swap.a), to: swap.to.staffId }, ...(swap.b ? [{ from: placed(swap.b.staffId, swap.b), to: swap.a.staffId }] : [])]
}

/** The week's published rota and the rule gate over it. */
export async function publishedGate(store: Store, schoolId: string, week: string): Promise<{ published: StoredRota; gate: SwapGate }> {
  const published = (await loadWeekRotas(store, schoolId, week)).published
  if (!published) throw conflict(`nothing is published for the week of ${week}: there is nothing to swap`)
  const [codes, scenario] = await Promise.all([staffCodes(store, schoolId), exportScenario(store, schoolId, week)])
  return { published, gate: new SwapGate(scenario, published, codes) }
}

/**
 * The swap must move assignments the published rota really has, and the rota after it must
 * keep every rule the rota before it kept (the taker works then, is not absent, holds the
 * grade, has no clash, keeps their rest break, the pins stay). A refusal names the rule.
 */
/**
 * Rules whose refusal tells about a person's absence, contract or limits. Staff are told only
 * that the swap cannot be made; a manager is told which rule and whose.
 */
const PRIVATE_RULES: ReadonlySet<number> = new Set([2, 3, 8, 9])

export async function checkAgainstPublished(
  store: Store,
  schoolId: string,
  week: string,
  swap: Moves,
  audience: 'manager' | 'staff' = 'manager',
): Promise<StoredRota> {
  const { published, gate } = await publishedGate(store, schoolId, week)
  const held = new Set(published.assignments.map(placedKey))
  movesOf(swap).forEach((m, i) => {
    if (!held.has(placedKey(m.from))) {
      throw conflict(
        `${i === 0 ? swap.a.staff : swap.b?.staff} does not hold ${m.from.work} on ${m.from.date}${m.from.slot ? ` (${m.from.slot})` : ''} in the published rota`,
      )
    }
  })
  const broken = gate.refuse(movesOf(swap))
  if (broken && audience === 'staff' && PRIVATE_RULES.has(broken.rule)) {
    throw conflict('the swap cannot be made: one of you cannot take that duty then, for a reason only a manager can see (ask them if it should be allowed)')
  }
  if (broken) throw conflict(`the swap would break a rule of the week: ${describeBreak(broken)}`)
  return published
}

export async function requestSwap(ctx: WriteContext, schoolId: string, input: SwapInput): Promise<Swap> {
  return createSwap(ctx, schoolId, input, null)
}

/**
 * Records a swap after checking it against the published rota: agreed from the start when a
 * manager records it (`proposerId` null), offered and waiting for B when A proposes it.
 * `extraGuard` (an SQL boolean) must still hold when the row is written.
 */
export async function createSwap(
  ctx: WriteContext,
  schoolId: string,
  input: SwapInput,
  proposerId: string | null,
  extraGuard?: RawBuilder<unknown>,
): Promise<Swap> {
  const [a, b] = await Promise.all([resolveRef(ctx.store, 'staff', schoolId, input.from, ['from']), resolveRef(ctx.store, 'staff', schoolId, input.to, ['to'])])
  if (a.id === b.id) throw invalid([fieldError(['to'], 'a swap needs two different people')])
  const week = mondayOf(input.give.date)
  if (input.back && mondayOf(input.back.date) !== week) throw invalid([fieldError(['back', 'date'], `must be in the same week as give (the week of ${week})`)])
  const requestedAt = nowIso(ctx)
  const agreed = proposerId === null
  const swap: Swap = {
    id: ctx.newId('swp'),
    week,
    status: 'requested',
    stage: agreed ? 'agreed' : 'offered',
    proposedBy: agreed ? 'manager' : 'staff',
    a: { staff: a.code, staffId: a.id, ...input.give },
    to: { staff: b.code, staffId: b.id },
    b: input.back ? { staff: b.code, staffId: b.id, ...input.back } : null,
    credits: { a: null, b: null },
    note: input.note ?? null,
    requestedBy: ctx.actor,
    requestedAt,
    agreedBy: agreed ? ctx.actor : null,
    agreedAt: agreed ? requestedAt : null,
    decidedBy: null,
    decidedAt: null,
    declinedBy: null,
    version: 1,
  }
  if (input.back && placedKey(placed('', input.back)) === placedKey(placed('', input.give))) {
    throw invalid([fieldError(['back'], 'is the same occurrence as give: there is nothing to swap')])
  }
  await checkAgainstPublished(ctx.store, schoolId, week, swap, agreed ? 'manager' : 'staff')
  const entry = { schoolId, entity: 'swap', entityId: swap.id, action: agreed ? 'create' : 'offer', after: swap }
  await ctx.store.atomic([
    extraGuard ? guardedAudit(ctx, entry, extraGuard) : auditStatement(ctx, entry),
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
        requested_at: requestedAt,
        agreed_by: swap.agreedBy,
        agreed_at: swap.agreedAt,
        proposed_by_staff_id: proposerId,
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
  /** statements to run in the approval's own write; default: the hooks app.ts registered */
  hooks?: readonly PublishHook[]
}

export async function approveSwap(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string, options: ApproveOptions = {}): Promise<Swap> {
  const swap = await getSwap(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, swap.version, 'the swap')
  if (swap.status !== 'requested') throw conflict(`the swap is already ${swap.stage}`)
  if (swap.stage === 'offered') throw conflict(`${swap.to.staff} has not accepted this swap yet: it can be approved once they have`)
  const published = await checkAgainstPublished(ctx.store, schoolId, swap.week, swap)
  const weekVersion = (await loadWeekRotas(ctx.store, schoolId, swap.week)).version
  const creditA = await creditFor(ctx.store, schoolId, swap.a.staffId, placed(swap.a.staffId, swap.a))
  const creditB = swap.b ? await creditFor(ctx.store, schoolId, swap.b.staffId, placed(swap.b.staffId, swap.b)) : null
  const now = nowIso(ctx)
  const db = ctx.store.db

  const moves = movesOf(swap)
  const after: Swap = {
    ...swap,
    status: 'approved',
    stage: 'approved',
    decidedBy: ctx.actor,
    decidedAt: now,
    version: swap.version + 1,
    credits: { a: creditA, b: creditB },
  }
  const assignments = applyMoves(published.assignments, moves)
  const extra: CompiledQuery[] = []
  for (const hook of options.hooks ?? ctx.publishHooks ?? []) {
    extra.push(...(await hook(ctx, { schoolId, week: swap.week, rotaId: published.id, supersededRotaId: published.id, assignments, now })))
  }
  await ctx.store.atomic([
    guardedAudit(
      ctx,
      { schoolId, action: 'approve', entity: 'swap', entityId: id, before: swap, after },
      allOf(
        sql`EXISTS (SELECT 1 FROM swaps WHERE id = ${id} AND status = 'requested' AND agreed_at IS NOT NULL AND version = ${swap.version})`,
        weekStillAt(schoolId, swap.week, weekVersion),
        rotaStillAt(published.id, 'published', published.version),
      ),
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
      .set({
        status: 'approved',
        decided_by: ctx.actor,
        decided_at: now,
        a_credit_staff_id: creditA,
        b_credit_staff_id: creditB,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .compile(),
    ...extra,
  ])
  return getSwap(ctx.store, schoolId, id)
}

export async function declineSwap(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<Swap> {
  const swap = await getSwap(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, swap.version, 'the swap')
  if (swap.status !== 'requested') throw conflict(`the swap is already ${swap.stage}`)
  const now = nowIso(ctx)
  const after: Swap = { ...swap, status: 'declined', stage: 'declined', declinedBy: 'manager', decidedBy: ctx.actor, decidedAt: now, version: swap.version + 1 }
  await commit(ctx, { schoolId, entity: 'swap', entityId: id, action: 'update', before: swap, after, expect: { table: 'swaps', version: swap.version } }, [
    ctx.store.db
      .updateTable('swaps')
      .set({ status: 'declined', decided_by: ctx.actor, decided_at: now, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return after
}
