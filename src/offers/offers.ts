// Open cover, first to accept: a manager offers an empty seat of a published rota to everyone
// the rule gate allows; each of them sees it on their phone; whoever accepts first gets the
// place, in one atomic write that only goes in while the offer is open, a place is left and the
// published rota is still the one the gate judged. Two accepting at once: exactly one wins, and
// the other is told it has gone. The place becomes an assignment of the published rota, so the
// fairness ledger counts it like any duty and the calendar feeds carry it.
import { sql, type CompiledQuery, type Selectable } from 'kysely'
import type { CoverOffersTable } from '../../db/schema.js'
import { chunkRows, type Store } from '../../db/store.js'
import type { Deps, WriteContext } from '../platform/deps.js'
import { STALE_WRITE_MARKER, auditStatement, nowIso } from '../platform/audit.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { afterCursor, toPage, type Page, type PageQuery } from '../platform/http/pagination.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { exportScenario } from '../scenario/export.js'
import { describeBreak, SwapGate } from '../swaps/swap-rules.js'
import { allOf, guardedAudit, rotaStillAt } from '../week/guard.js'
import { schoolNow, type SchoolNow } from '../week/past-work.js'
import { schoolTimeZone } from '../schools/schools.js'
import { mondayOf } from '../ledgers/periods.js'
import { loadWeekRotas, staffCodes, type StoredRota } from '../week/rotas.js'
import { assignmentRow, insertAssignments } from '../week/week-rows.js'

/** A seat of the week: work, day and slot (null for an event). */
export interface Seat {
  work: string
  date: string
  slot: string | null
}

export type OfferStatus = 'open' | 'taken' | 'withdrawn'

export interface CoverOffer extends Seat {
  id: string
  week: string
  status: OfferStatus
  offeredAt: string
  closedAt: string | null
  /** staff ids of those who took its places, first first */
  takenBy: string[]
  version: number
}

export const seatKey = (s: Seat) => `${s.work}|${s.date}|${s.slot ?? ''}`
const seatIs = (slot: string | null) => (slot === null ? sql<boolean>`slot_code IS NULL` : sql<boolean>`slot_code = ${slot}`)

export async function listOffers(store: Store, schoolId: string, week: string): Promise<CoverOffer[]> {
  const rows = await store.db
    .selectFrom('cover_offers')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .orderBy('date')
    .orderBy('id')
    .execute()
  return withTakes(store, rows)
}

export interface OfferQuery extends PageQuery {
  week?: string | undefined
  status?: OfferStatus | undefined
}

/** Every offer of the school, a page at a time by day: the API's list, which grows week on week. */
export async function pageOffers(store: Store, schoolId: string, query: OfferQuery): Promise<Page<CoverOffer>> {
  let q = store.db
    .selectFrom('cover_offers')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where(afterCursor('date', 'id', query.cursor))
  if (query.week !== undefined) q = q.where('week', '=', query.week)
  if (query.status !== undefined) q = q.where('status', '=', query.status)
  const rows = await q
    .orderBy('date')
    .orderBy('id')
    .limit(query.limit + 1)
    .execute()
  const page = toPage(
    rows,
    query.limit,
    (r) => ({ key: r.date, id: r.id }),
    (r) => r,
  )
  return { items: await withTakes(store, page.items), nextCursor: page.nextCursor }
}

async function withTakes(store: Store, rows: readonly Selectable<CoverOffersTable>[]): Promise<CoverOffer[]> {
  // A page may hold more offers than D1 binds parameters; each offer's takes stay in one chunk.
  const parts = chunkRows(
    rows.map((r) => r.id),
    1,
  )
  const takes = (
    await Promise.all(parts.map((ids) => store.db.selectFrom('cover_offer_takes').selectAll().where('offer_id', 'in', ids).orderBy('taken_at').execute()))
  ).flat()
  return rows.map((r) => ({
    id: r.id,
    week: r.week,
    work: r.work_code,
    date: r.date,
    slot: r.slot_code,
    status: r.status,
    offeredAt: r.offered_at,
    closedAt: r.closed_at,
    takenBy: takes.filter((t) => t.offer_id === r.id).map((t) => t.staff_id),
    version: r.version,
  }))
}

export async function getOffer(store: Store, schoolId: string, id: string): Promise<CoverOffer> {
  const row = await store.db.selectFrom('cover_offers').select('week').where('school_id', '=', schoolId).where('id', '=', id).executeTakeFirst()
  const offer = row ? (await listOffers(store, schoolId, row.week)).find((o) => o.id === id) : undefined
  if (!offer) throw notFound('no such cover offer in this school')
  return offer
}

/** The published rota of the week, the gate over it, and its empty seats by key. */
export async function publishedWeek(store: Store, schoolId: string, week: string) {
  const found = await findPublishedWeek(store, schoolId, week)
  if (!found) throw conflict(`nothing is published for the week of ${week}: publish it before offering its empty seats`)
  return found
}

/** As publishedWeek, or undefined while nothing is published for the week. */
export async function findPublishedWeek(store: Store, schoolId: string, week: string) {
  const published = (await loadWeekRotas(store, schoolId, week)).published
  if (!published) return undefined
  const [codes, scenario] = await Promise.all([staffCodes(store, schoolId), exportScenario(store, schoolId, week)])
  const gate = new SwapGate(scenario, published, codes)
  const empty = new Map(gate.emptySeats().map((e) => [seatKey(e), e]))
  return { published, gate, empty }
}

/**
 * Opens an offer for each seat that is empty in the published rota and not already offered.
 * Seats already on offer are left as they are; a seat that is not empty is refused by name.
 */
export async function offerSeats(ctx: WriteContext, schoolId: string, week: string, seats: readonly Seat[]): Promise<CoverOffer[]> {
  const { empty } = await publishedWeek(ctx.store, schoolId, week)
  const refused = seats.find((s) => !empty.has(seatKey(s)))
  if (refused) throw conflict(`${refused.work} on ${refused.date}${refused.slot ? ` (${refused.slot})` : ''} has no empty place in the published rota`)
  const open = new Set((await listOffers(ctx.store, schoolId, week)).filter((o) => o.status === 'open').map(seatKey))
  const fresh = [...new Map(seats.filter((s) => !open.has(seatKey(s))).map((s) => [seatKey(s), s])).values()]
  const now = nowIso(ctx)
  const statements = fresh.flatMap((seat): CompiledQuery[] => {
    const id = ctx.newId('cof')
    return [
      auditStatement(ctx, { schoolId, entity: 'cover_offer', entityId: id, action: 'create', after: { week, ...seat } }),
      ctx.store.db
        .insertInto('cover_offers')
        .values({
          id,
          school_id: schoolId,
          week,
          work_code: seat.work,
          date: seat.date,
          slot_code: seat.slot,
          status: 'open',
          offered_by: ctx.actor,
          offered_at: now,
          closed_at: null,
        })
        .compile(),
    ]
  })
  if (statements.length > 0) await ctx.store.atomic(statements)
  return listOffers(ctx.store, schoolId, week)
}

/**
 * The API's offer: one seat of a day, or every empty seat of it when no seat is named. Answers
 * the open offers of those seats, whether opened now or already open before.
 */
export async function offerOnDay(ctx: WriteContext, schoolId: string, date: string, seat?: { work: string; slot: string | null }): Promise<CoverOffer[]> {
  const week = mondayOf(date)
  const seats: Seat[] = seat
    ? [{ work: seat.work, date, slot: seat.slot }]
    : [...(await publishedWeek(ctx.store, schoolId, week)).empty.values()].filter((e) => e.date === date).map((e) => ({ work: e.work, date, slot: e.slot }))
  if (seats.length === 0) throw conflict(`the published rota of the week of ${week} has no empty seat on ${date}`)
  const named = new Set(seats.map(seatKey))
  return (await offerSeats(ctx, schoolId, week, seats)).filter((o) => o.status === 'open' && named.has(seatKey(o)))
}

export async function withdrawOffer(ctx: WriteContext, schoolId: string, id: string, ifMatch?: string): Promise<CoverOffer> {
  const offer = await getOffer(ctx.store, schoolId, id)
  checkIfMatch(ifMatch, offer.version, 'the cover offer')
  if (offer.status !== 'open') throw conflict(`the offer is already ${offer.status}`)
  await ctx.store.atomic([
    guardedAudit(
      ctx,
      { schoolId, entity: 'cover_offer', entityId: id, action: 'withdraw', before: offer },
      sql`EXISTS (SELECT 1 FROM cover_offers WHERE id = ${id} AND status = 'open' AND version = ${offer.version})`,
    ),
    ctx.store.db
      .updateTable('cover_offers')
      .set({ status: 'withdrawn', closed_at: nowIso(ctx), version: sql<number>`version + 1` })
      .where('id', '=', id)
      .compile(),
  ])
  return getOffer(ctx.store, schoolId, id)
}

/** How many of the staff the solver's gate would let take each open offer: the manager's view. */
export async function takersPerOffer(store: Store, schoolId: string, week: string): Promise<Map<string, number>> {
  const offers = (await listOffers(store, schoolId, week)).filter((o) => o.status === 'open')
  if (offers.length === 0) return new Map()
  const { gate } = await publishedWeek(store, schoolId, week)
  return new Map(offers.map((o) => [o.id, gate.seatTakers(o).length]))
}

/** Seats whose work has begun are never handed out: cover for a lesson half over is no cover. */
const started = (seat: { date: string; start: number }, now: SchoolNow) => seat.date < now.date || (seat.date === now.date && seat.start <= now.minutes)

async function nowAt(deps: Deps, schoolId: string): Promise<SchoolNow> {
  return schoolNow(deps.clock, await schoolTimeZone(deps.store, schoolId))
}

/** An open offer as a member of staff sees it: what the seat is and when it starts (minutes). */
export interface OfferForStaff extends CoverOffer {
  name: string
  start: number
}

/** Open offers, not yet begun, that this member of staff may take, each judged by the full gate. */
export async function offersFor(deps: Deps, schoolId: string, staffId: string): Promise<OfferForStaff[]> {
  const now = await nowAt(deps, schoolId)
  const rows = await deps.store.db
    .selectFrom('cover_offers')
    .select('week')
    .distinct()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'open')
    .where('date', '>=', now.date)
    .execute()
  const out: OfferForStaff[] = []
  for (const { week } of rows) {
    const { gate, empty } = await publishedWeek(deps.store, schoolId, week)
    for (const o of await listOffers(deps.store, schoolId, week)) {
      const seat = empty.get(seatKey(o))
      if (o.status === 'open' && seat !== undefined && !started(seat, now) && gate.refuseTaking(o, staffId) === null) {
        out.push({ ...o, name: seat.name, start: seat.start })
      }
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.work.localeCompare(b.work))
}

export type AcceptOutcome = { kind: 'taken'; offer: CoverOffer } | { kind: 'gone' } | { kind: 'refused'; reason: string }

/** Attempts at an accept whose rota moved on under it (another acceptance, a swap) before giving up. */
const ACCEPT_ATTEMPTS = 3

export async function acceptOffer(ctx: WriteContext, schoolId: string, staffId: string, id: string): Promise<AcceptOutcome> {
  for (let attempt = 0; attempt < ACCEPT_ATTEMPTS; attempt++) {
    const offer = await getOffer(ctx.store, schoolId, id)
    if (offer.status !== 'open') return { kind: 'gone' }
    const { published, gate, empty } = await publishedWeek(ctx.store, schoolId, offer.week)
    const seat = empty.get(seatKey(offer))
    if (!seat) return { kind: 'gone' }
    if (started(seat, await nowAt(ctx, schoolId))) return { kind: 'refused', reason: 'it has already begun' }
    const places = seat.places
    const broken = gate.refuseTaking(offer, staffId)
    if (broken) return { kind: 'refused', reason: describeBreak(broken) }
    try {
      await ctx.store.atomic(await acceptStatements(ctx, schoolId, staffId, { ...offer, places }, published))
      return { kind: 'taken', offer: await getOffer(ctx.store, schoolId, id) }
    } catch (err) {
      if (!(err instanceof Error && err.message.includes(STALE_WRITE_MARKER))) throw err
    }
  }
  throw conflict('the rota kept changing while you accepted; try again')
}

/**
 * The accept's write. Every accept moves the published rota's version on, and the guard needs
 * the version the gate judged: of two accepts at once, the second finds the rota moved and
 * starts again from what the first left (acceptOffer), so exactly one takes the last place.
 */
async function acceptStatements(
  ctx: WriteContext,
  schoolId: string,
  staffId: string,
  offer: CoverOffer & { places: number },
  published: StoredRota,
): Promise<CompiledQuery[]> {
  const db = ctx.store.db
  const now = nowIso(ctx)
  const place = { staffId, work: offer.work, date: offer.date, slot: offer.slot }
  const ofSeat = sql<boolean>`rota_id = ${published.id} AND work_code = ${offer.work} AND date = ${offer.date} AND ${seatIs(offer.slot)}`
  const closes = offer.places <= 1
  const hooks: CompiledQuery[] = []
  const assignments = [...published.assignments, place]
  for (const hook of ctx.publishHooks ?? []) {
    hooks.push(...(await hook(ctx, { schoolId, week: offer.week, rotaId: published.id, supersededRotaId: published.id, assignments, now })))
  }
  return [
    guardedAudit(
      ctx,
      { schoolId, entity: 'cover_offer', entityId: offer.id, action: 'accept', before: offer, after: { takenBy: staffId, closes } },
      allOf(sql`EXISTS (SELECT 1 FROM cover_offers WHERE id = ${offer.id} AND status = 'open')`, rotaStillAt(published.id, 'published', published.version)),
    ),
    ...insertAssignments(db, [assignmentRow(published.id, ctx.newId('ras'), place)]),
    // A seat the rota could not fill has its gap recorded; one added since has none to shrink.
    db.updateTable('rota_unfilled').set({ missing: sql<number>`missing - 1` }).where(ofSeat).compile(),
    db.deleteFrom('rota_unfilled').where(ofSeat).where('missing', '<=', 0).compile(),
    db.insertInto('cover_offer_takes').values({ offer_id: offer.id, staff_id: staffId, taken_at: now }).compile(),
    db
      .updateTable('cover_offers')
      .set({ status: closes ? 'taken' : 'open', closed_at: closes ? now : null, version: sql<number>`version + 1` })
      .where('id', '=', offer.id)
      .compile(),
    // The week's version moves on, as a swap's approval moves it: forms read before are stale.
    db
      .updateTable('rotas')
      .set({ version: sql<number>`(SELECT MAX(version) + 1 FROM rotas WHERE school_id = ${schoolId} AND week = ${offer.week})` })
      .where('id', '=', published.id)
      .compile(),
    ...hooks,
  ]
}
