// Swaps from the staff phone page. A offers one of their published assignments to a colleague B,
// optionally asking for one of B's in exchange; B accepts or declines; A may withdraw the offer
// until a manager decides; only an accepted offer goes to a manager, who approves it as any
// other swap (swaps.ts). The phone page offers only colleagues and exchanges that the rule gate
// (swap-rules.ts) would let through, and the gate runs again on every offer and acceptance, so
// a refusal always names the rule. A member of staff sees only the swaps they are part of; the
// note goes to the two of them and to managers; nobody's absence is ever explained.
import type { Store } from '../../db/store.js'
import type { CalendarEntryKind } from '../../db/schema.js'
import type { Deps, WriteContext } from '../platform/deps.js'
import { checkIfMatch } from '../platform/http/etag.js'
import { conflict, fieldError, forbidden, invalid, notFound } from '../platform/http/problem.js'
import { code, isoDate, multiLine, TEXT_MESSAGE } from '../platform/fields.js'
import { z } from 'zod'
import { commit, nowIso } from '../platform/audit.js'
import { mondayOf } from '../ledgers/periods.js'
import { DUTY_TEXT_COLUMNS, dutyText, workRef, type DutyText } from '../me/me.js'
import { todayAtSchool } from '../platform/school-today.js'
import { checkAgainstPublished, createSwap, getSwap, listSwapsOf, placed, publishedGate, type Swap, type SwapStage, type WorkRef } from './swaps.js'
import { sql } from 'kysely'

/** The member of staff behind a phone session. */
export interface StaffMember {
  schoolId: string
  staffId: string
}

export const MAX_NOTE_LENGTH = 500

/** A form's "yard|2026-11-24|break" back into the assignment it names; undefined when malformed. */
export function parseWorkRef(ref: string): WorkRef | undefined {
  const [duty, date, slot, ...rest] = ref.split('|')
  if (rest.length > 0 || duty === undefined || date === undefined || slot === undefined) return undefined
  if (!code.safeParse(duty).success || !isoDate.safeParse(date).success || (slot !== '' && !code.safeParse(slot).success)) return undefined
  return slot === '' ? { duty, date } : { duty, date, slot }
}

const refOf = (w: WorkRef): string => workRef(w.duty, w.date, w.slot ?? null)

/** A colleague in the same school, by id; anyone else (another school's, or nobody) is unknown. */
async function colleague(store: Store, me: StaffMember, staffId: string): Promise<{ id: string; name: string }> {
  const row = await store.db.selectFrom('staff').select(['id', 'name']).where('school_id', '=', me.schoolId).where('id', '=', staffId).executeTakeFirst()
  if (!row) throw notFound(`no colleague with id ${staffId} at your school`)
  if (row.id === me.staffId) throw invalid([fieldError(['to'], 'choose a colleague: a swap needs two people')])
  return row
}

/** SQL: A has no open offer of this assignment (one offer at a time, so two can never both be accepted). */
function noOpenOffer(me: StaffMember, give: WorkRef) {
  return sql<boolean>`NOT EXISTS (SELECT 1 FROM swaps WHERE school_id = ${me.schoolId} AND staff_a_id = ${me.staffId} AND status = 'requested'
    AND proposed_by_staff_id IS NOT NULL AND a_work_code = ${give.duty} AND a_date = ${give.date} AND COALESCE(a_slot_code, '') = ${give.slot ?? ''})`
}

async function openOffers(store: Store, me: StaffMember): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('swaps')
    .innerJoin('staff', 'staff.id', 'swaps.staff_b_id')
    .select(['swaps.a_work_code', 'swaps.a_date', 'swaps.a_slot_code', 'staff.name'])
    .where('swaps.school_id', '=', me.schoolId)
    .where('swaps.staff_a_id', '=', me.staffId)
    .where('swaps.status', '=', 'requested')
    .where('swaps.proposed_by_staff_id', 'is not', null)
    .execute()
  return new Map(rows.map((r) => [workRef(r.a_work_code, r.a_date, r.a_slot_code), r.name]))
}

function notPast(today: string, works: readonly (WorkRef | undefined)[]): void {
  for (const w of works) if (w && w.date < today) throw conflict(`${w.duty} on ${w.date} has already happened: only duties from today on can be swapped`)
}

export interface OfferForm {
  /** my assignment, as workRef */
  give?: string | undefined
  /** the colleague's staff id */
  to?: string | undefined
  /** one of their assignments I take in exchange, as workRef; empty for a handover */
  back?: string | undefined
  note?: string | undefined
}

/** A offers one of their published assignments to B. The offer waits for B's answer. */
export async function offerSwap(ctx: WriteContext, me: StaffMember, form: OfferForm): Promise<Swap> {
  const give = parseWorkRef(form.give ?? '')
  const back = form.back ? parseWorkRef(form.back) : undefined
  const note = form.note?.trim() || null
  const problems = [
    ...(give ? [] : [fieldError(['give'], 'choose one of your duties')]),
    ...(form.to ? [] : [fieldError(['to'], 'choose a colleague')]),
    ...(form.back && !back ? [fieldError(['back'], 'choose one of their duties, or nothing in exchange')] : []),
    ...(note !== null && note.length > MAX_NOTE_LENGTH ? [fieldError(['note'], `keep the note to ${MAX_NOTE_LENGTH} characters`)] : []),
    ...(note !== null && !multiLine(z.string()).safeParse(note).success ? [fieldError(['note'], TEXT_MESSAGE)] : []),
  ]
  if (!give || !form.to || problems.length > 0) throw invalid(problems)
  const taker = await colleague(ctx.store, me, form.to)
  notPast(await todayAtSchool(ctx.store, ctx.clock, me.schoolId), [give, back])
  const offeredTo = (await openOffers(ctx.store, me)).get(refOf(give))
  if (offeredTo !== undefined) throw conflict(`you have already offered this duty to ${offeredTo}: withdraw that offer first`)
  return createSwap(ctx, me.schoolId, { from: me.staffId, give, to: taker.id, back, note }, me.staffId, noOpenOffer(me, give))
}

export type OfferAnswer = 'accept' | 'decline' | 'withdraw'

/** Who may give each answer, from which stages, and what it makes of the swap. */
const ANSWERS: Record<OfferAnswer, { by: 'giver' | 'taker'; from: readonly SwapStage[]; refused: string }> = {
  accept: { by: 'taker', from: ['offered'], refused: 'only the colleague it was offered to can accept it' },
  decline: { by: 'taker', from: ['offered'], refused: 'only the colleague it was offered to can decline it' },
  withdraw: { by: 'giver', from: ['offered', 'agreed'], refused: 'only the person who made the offer can withdraw it' },
}

const STAGE_WORDS: Record<SwapStage, string> = {
  offered: 'waiting for an answer',
  agreed: 'accepted and waiting for a manager',
  approved: 'approved',
  declined: 'declined',
  withdrawn: 'withdrawn',
}

/**
 * B accepts or declines A's offer, or A withdraws it. The write is guarded by the version read,
 * so of two answers at once (two taps, two phones) exactly one is recorded: the other gets 412.
 * `version` is what the form showed; when given, an offer that changed since is refused too.
 */
export async function answerOffer(ctx: WriteContext, me: StaffMember, id: string, answer: OfferAnswer, version?: string): Promise<Swap> {
  const swap = await getSwap(ctx.store, me.schoolId, id)
  const side = swap.a.staffId === me.staffId ? 'giver' : swap.to.staffId === me.staffId ? 'taker' : undefined
  if (side === undefined) throw notFound(`no swap with id ${id} in this school`)
  const rule = ANSWERS[answer]
  if (swap.proposedBy !== 'staff') throw forbidden('a manager recorded this swap: ask them about it')
  if (side !== rule.by) throw forbidden(rule.refused)
  checkIfMatch(version === undefined ? undefined : `"${version}"`, swap.version, 'the offer')
  if (!rule.from.includes(swap.stage)) throw conflict(`the offer is already ${STAGE_WORDS[swap.stage]}`)
  if (answer === 'accept') {
    notPast(await todayAtSchool(ctx.store, ctx.clock, me.schoolId), [swap.a, swap.b ?? undefined])
    // The rota may have moved on since the offer: B must still be able to take it.
    await checkAgainstPublished(ctx.store, me.schoolId, swap.week, swap, 'staff')
  }
  const now = nowIso(ctx)
  const version1 = swap.version + 1
  const after: Swap =
    answer === 'accept'
      ? { ...swap, stage: 'agreed', agreedBy: ctx.actor, agreedAt: now, version: version1 }
      : {
          ...swap,
          status: 'declined',
          stage: answer === 'withdraw' ? 'withdrawn' : 'declined',
          declinedBy: answer === 'decline' ? 'colleague' : null,
          decidedBy: ctx.actor,
          decidedAt: now,
          version: version1,
        }
  const set =
    answer === 'accept'
      ? { agreed_by: ctx.actor, agreed_at: now }
      : { status: 'declined' as const, decided_by: ctx.actor, decided_at: now, closed_by_staff_id: me.staffId }
  await commit(
    ctx,
    { schoolId: me.schoolId, entity: 'swap', entityId: id, action: answer, before: swap, after, expect: { table: 'swaps', version: swap.version } },
    [
      ctx.store.db
        .updateTable('swaps')
        .set({ ...set, version: sql<number>`version + 1` })
        .where('id', '=', id)
        .compile(),
    ],
  )
  return after
}

// ---------------------------------------------------------------------------------------------
// What the phone shows.

async function staffNames(store: Store, schoolId: string): Promise<Map<string, string>> {
  return new Map((await store.db.selectFrom('staff').select(['id', 'name']).where('school_id', '=', schoolId).execute()).map((r) => [r.id, r.name]))
}

/** Descriptions of assignments as the calendar recorded them when published, by workRef. */
async function describe(store: Store, schoolId: string, works: readonly WorkRef[]): Promise<Map<string, DutyText>> {
  const out = new Map<string, DutyText>()
  const codes = [...new Set(works.map((w) => w.duty))]
  const dates = works.map((w) => w.date).sort()
  // Chunked to stay under D1's 100 bound parameters.
  for (let i = 0; i < codes.length; i += 90) {
    const rows = await store.db
      .selectFrom('calendar_entries')
      .select(DUTY_TEXT_COLUMNS)
      .where('school_id', '=', schoolId)
      .where('work_code', 'in', codes.slice(i, i + 90))
      .where('date', '>=', dates[0] ?? '')
      .where('date', '<=', dates.at(-1) ?? '')
      .execute()
    for (const r of rows) {
      const text = dutyText(r)
      if (!out.has(text.ref)) out.set(text.ref, text)
    }
  }
  for (const w of works) {
    const ref = refOf(w)
    if (!out.has(ref)) out.set(ref, { ref, date: w.date, start: '', end: '', kind: 'other' as CalendarEntryKind, what: w.duty, where: null })
  }
  return out
}

export interface MeSwap {
  id: string
  version: number
  /** giver: my assignment goes to the colleague; taker: theirs comes to me */
  side: 'giver' | 'taker'
  colleague: string
  /** the giver's assignment, which the taker takes */
  give: DutyText
  /** the taker's assignment, which the giver takes in exchange; null for a handover */
  back: DutyText | null
  note: string | null
  stage: SwapStage
  declinedBy: Swap['declinedBy']
  proposedBy: Swap['proposedBy']
}

/** The swaps I am part of, from the week of `fromWeek` on, newest first. */
export async function loadMySwaps(store: Store, me: StaffMember, fromWeek: string): Promise<MeSwap[]> {
  const swaps = await listSwapsOf(store, me.schoolId, me.staffId, fromWeek)
  if (swaps.length === 0) return []
  const names = await staffNames(store, me.schoolId)
  const texts = await describe(
    store,
    me.schoolId,
    swaps.flatMap((s) => [s.a, ...(s.b ? [s.b] : [])]),
  )
  return swaps.map((s) => {
    const side = s.a.staffId === me.staffId ? 'giver' : 'taker'
    const other = side === 'giver' ? s.to.staffId : s.a.staffId
    return {
      id: s.id,
      version: s.version,
      side,
      colleague: names.get(other) ?? 'a colleague',
      give: texts.get(refOf(s.a)) as DutyText,
      back: s.b ? (texts.get(refOf(s.b)) as DutyText) : null,
      note: s.note,
      stage: s.stage,
      declinedBy: s.declinedBy,
      proposedBy: s.proposedBy,
    }
  })
}

export interface Colleague {
  staffId: string
  name: string
}

/** The steps of making an offer: which duty, to whom, and what in exchange. */
export interface OfferChoices {
  schoolName: string
  /** my published duties from today on that are not on offer already */
  mine: DutyText[]
  give: DutyText | null
  /** the colleagues who could take `give`, by name */
  takers: Colleague[]
  to: Colleague | null
  /** the chosen colleague's duties I could take in exchange */
  exchanges: DutyText[]
  /** why a choice the page was sent cannot be used */
  problem: string | null
}

async function liveDuties(store: Store, schoolId: string, staffId: string, from: string, week?: string): Promise<DutyText[]> {
  let q = store.db
    .selectFrom('calendar_entries')
    .select(DUTY_TEXT_COLUMNS)
    .where('school_id', '=', schoolId)
    .where('staff_id', '=', staffId)
    .where('removed_at', 'is', null)
    .where('date', '>=', from)
  if (week) q = q.where('week', '=', week)
  return (await q.orderBy('date').orderBy('start_time').orderBy('work_code').execute()).map(dutyText)
}

export async function offerChoices(deps: Deps, me: StaffMember, query: { give?: string | undefined; to?: string | undefined }): Promise<OfferChoices> {
  const { store } = deps
  const school = await store.db.selectFrom('schools').select('name').where('id', '=', me.schoolId).executeTakeFirstOrThrow()
  const today = await todayAtSchool(store, deps.clock, me.schoolId)
  const offered = await openOffers(store, me)
  const mine = (await liveDuties(store, me.schoolId, me.staffId, today)).filter((d) => !offered.has(d.ref))
  const choices: OfferChoices = { schoolName: school.name, mine, give: null, takers: [], to: null, exchanges: [], problem: null }
  if (!query.give) return choices
  const give = mine.find((d) => d.ref === query.give)
  const giveRef = give ? parseWorkRef(give.ref) : undefined
  if (!give || !giveRef) return { ...choices, problem: 'That is not one of your duties from today on, or you have offered it already. Choose one below.' }
  const week = mondayOf(give.date)
  const { gate } = await publishedGate(store, me.schoolId, week)
  const mineNow = placed(me.staffId, giveRef)
  if (gate.isPinned(mineNow))
    return { ...choices, give, problem: 'A manager has fixed this duty to you, so it cannot be swapped. Ask them if you need to change it.' }
  const names = await staffNames(store, me.schoolId)
  const takers = gate
    .takers(mineNow)
    .map((id) => ({ staffId: id, name: names.get(id) ?? id }))
    .sort((x, y) => x.name.localeCompare(y.name, 'en-GB'))
  const withGive = { ...choices, give, takers }
  if (!query.to) return withGive
  const to = takers.find((t) => t.staffId === query.to)
  if (!to) return { ...withGive, problem: 'That colleague cannot take this duty. Choose one of the colleagues below.' }
  const theirs = await liveDuties(store, me.schoolId, to.staffId, today, week)
  const candidates = theirs.flatMap((d) => {
    const w = parseWorkRef(d.ref)
    return w ? [placed(to.staffId, w)] : []
  })
  const possible = new Set(gate.exchanges(mineNow, to.staffId, candidates).map((p) => workRef(p.work, p.date, p.slot)))
  return { ...withGive, to, exchanges: theirs.filter((d) => possible.has(d.ref)) }
}
