// The fairness ledger: duty and cover assignments per person from published rotas, over the
// week, half term, term and school year of a date, absolute and per FTE. The same counting
// feeds `dutiesThisTerm` of the next week's scenario (dutiesThisTermBefore, used by
// scenario-load.ts), so the figure a manager reads is the figure the solver balances.
//
// Counting rules:
//   - duty = an assignment with a slot whose work is not a cover request; cover = one whose
//     work is a cover request; events (no slot) are hours, not duties (ledger-hours.ts);
//   - an assignment that reached its holder through an approved swap counts for the person it
//     was originally given to (swaps.*_credit_staff_id): a swap counts against nobody;
//   - duty_balances carries duties done this term before Duty Rota planned them: the latest
//     balance in the term stands for everything before its as_of date. A duty done this term was
//     done this school year too, so the carried figure counts in both (never in a week or half
//     term, which it cannot be placed in), and is shown beside them as carried in.
//   - a fair share is the period's duties and cover shared out in proportion to FTE: the figure
//     the solver balances towards. figure-definitions.ts says each in one line.
import type { Store } from '../../db/store.js'
import { loadCalendar, mondayOf, periodsOf, plusDays, termOf, type Period } from './periods.js'

export type CountedKind = 'duty' | 'cover'

export interface Counted {
  /** whom it counts for */
  staffId: string
  /** who holds it in the published rota */
  holderId: string
  date: string
  kind: CountedKind
}

const key = (staffId: string, work: string, date: string, slot: string | null) => `${staffId}|${work}|${date}|${slot ?? ''}`

/** Published duty and cover assignments dated within [from, to], each with whom it counts for. */
export async function countedWork(store: Store, schoolId: string, from: string, to: string): Promise<Counted[]> {
  const db = store.db
  const [assignments, coverCodes, swaps] = await Promise.all([
    db
      .selectFrom('rota_assignments as a')
      .innerJoin('rotas as r', 'r.id', 'a.rota_id')
      .select(['r.week', 'a.staff_id', 'a.work_code', 'a.date', 'a.slot_code'])
      .where('r.school_id', '=', schoolId)
      .where('r.status', '=', 'published')
      .where('a.slot_code', 'is not', null)
      .where('a.date', '>=', from)
      .where('a.date', '<=', to)
      .execute(),
    db.selectFrom('cover_requests').select(['week', 'code']).where('school_id', '=', schoolId).where('date', '>=', from).where('date', '<=', to).execute(),
    swapCredits(store, schoolId, from, to),
  ])
  // A cover code names a cover request only within its week.
  const cover = new Set(coverCodes.map((c) => `${c.week}|${c.code}`))
  return assignments.map((a) => ({
    staffId: swaps.get(key(a.staff_id, a.work_code, a.date, a.slot_code)) ?? a.staff_id,
    holderId: a.staff_id,
    date: a.date,
    kind: cover.has(`${a.week}|${a.work_code}`) ? 'cover' : 'duty',
  }))
}

/** Holder-and-assignment -> whom it counts for, from approved swaps; later swaps win. */
async function swapCredits(store: Store, schoolId: string, from: string, to: string): Promise<Map<string, string>> {
  const rows = await store.db
    .selectFrom('swaps')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('status', '=', 'approved')
    .where('week', '>=', mondayOf(from))
    .where('week', '<=', to)
    .orderBy('decided_at')
    .orderBy('id')
    .execute()
  const out = new Map<string, string>()
  for (const s of rows) {
    out.set(key(s.staff_b_id, s.a_work_code, s.a_date, s.a_slot_code), s.a_credit_staff_id ?? s.staff_a_id)
    if (s.b_work_code !== null && s.b_date !== null) out.set(key(s.staff_a_id, s.b_work_code, s.b_date, s.b_slot_code), s.b_credit_staff_id ?? s.staff_b_id)
  }
  return out
}

/**
 * Duties this term before the week of `monday`: the latest duty_balances row on or before the
 * Monday (and not before the term began) plus duty and cover assignments of published rotas
 * from its as_of date up to the day before the Monday. Without a balance row the count starts
 * at the term's first day. The term is the latest term starting on or before the Monday; with
 * no terms recorded, every published duty counts.
 */
export async function dutiesThisTermBefore(store: Store, schoolId: string, monday: string): Promise<Map<string, number>> {
  const calendar = await loadCalendar(store, schoolId)
  const termStart = latestTermStart(calendar, monday) ?? '0000-01-01'
  // A balance recorded for this very week counts even when its term opens mid-week.
  const balances = await latestBalances(store, schoolId, termStart <= monday ? termStart : monday, monday)
  const out = new Map<string, number>()
  for (const [staffId, b] of balances) out.set(staffId, b.duties)
  if (monday > termStart) {
    const dayBefore = plusDays(monday, -1)
    for (const c of await countedWork(store, schoolId, termStart, dayBefore)) {
      if (c.date >= (balances.get(c.staffId)?.asOf ?? termStart)) out.set(c.staffId, (out.get(c.staffId) ?? 0) + 1)
    }
  }
  return out
}

/**
 * The term a week belongs to is the latest one started by its Sunday: a term that opens on a
 * Wednesday owns its first week, so last term's duties do not count as this term's.
 */
function latestTermStart(calendar: readonly { kind: string; start_date: string }[], monday: string): string | undefined {
  const sunday = plusDays(monday, 6)
  return calendar
    .filter((p) => p.kind === 'term' && p.start_date <= sunday)
    .map((p) => p.start_date)
    .sort()
    .pop()
}

async function latestBalances(store: Store, schoolId: string, from: string, to: string): Promise<Map<string, { asOf: string; duties: number }>> {
  const rows = await store.db
    .selectFrom('duty_balances as b')
    .innerJoin('staff as s', 's.id', 'b.staff_id')
    .select(['b.staff_id', 'b.as_of', 'b.duties'])
    .where('s.school_id', '=', schoolId)
    .where('b.as_of', '>=', from)
    .where('b.as_of', '<=', to)
    .execute()
  const latest = new Map<string, { asOf: string; duties: number }>()
  for (const b of rows) {
    const seen = latest.get(b.staff_id)
    if (!seen || b.as_of > seen.asOf) latest.set(b.staff_id, { asOf: b.as_of, duties: b.duties })
  }
  return latest
}

export interface Tally {
  duties: number
  cover: number
  /** duties + cover (+ carried, for the term) */
  total: number
  /** total / FTE, two decimals: what "in proportion to their hours" compares */
  perFte: number
}

export interface TermTally extends Tally {
  /** duties before Duty Rota planned the term (duty_balances), already in `total` */
  carried: number
}

/** The school year: the term's carried duties are in it too, already in `total`. */
export type YearTally = TermTally

export interface FairnessRow {
  staffId: string
  staff: string
  name: string
  fte: number
  week: Tally
  halfTerm: Tally | null
  term: TermTally | null
  year: YearTally
  /** this term's (or, with no terms, this year's) duties and cover shared in proportion to FTE */
  fairShare: number
}

export interface FairnessReport {
  asOf: string
  fullTimeHours: number
  periods: { week: Period; halfTerm: Period | null; term: Period | null; year: Period }
  staff: FairnessRow[]
}

export async function fairnessReport(store: Store, schoolId: string, asOf: string): Promise<FairnessReport> {
  const [school, staff, calendar] = await Promise.all([
    store.db.selectFrom('schools').select('full_time_hours').where('id', '=', schoolId).executeTakeFirstOrThrow(),
    store.db.selectFrom('staff').select(['id', 'code', 'name', 'hours_per_week']).where('school_id', '=', schoolId).orderBy('code').execute(),
    loadCalendar(store, schoolId),
  ])
  const periods = periodsOf(calendar, asOf)
  const starts = [periods.week.from, periods.year.from, ...(periods.term ? [periods.term.from] : [])].sort()
  const ends = [periods.week.to, periods.year.to, ...(periods.term ? [periods.term.to] : [])].sort()
  const work = await countedWork(store, schoolId, starts[0] ?? asOf, ends[ends.length - 1] ?? asOf)
  const term = periods.term ? termOf(calendar, asOf) : undefined
  const balances = term ? await latestBalances(store, schoolId, term.start_date, term.end_date) : new Map<string, { asOf: string; duties: number }>()

  const rows = staff.map((s): FairnessRow => {
    const fte = s.hours_per_week / school.full_time_hours
    const mine = work.filter((w) => w.staffId === s.id)
    const tally = (p: Period, since = p.from, carried = 0, skip = (_: Counted) => false): Tally => {
      const within = mine.filter((w) => w.date >= since && w.date <= p.to && !skip(w))
      const duties = within.filter((w) => w.kind === 'duty').length
      const cover = within.length - duties
      const total = duties + cover + carried
      return { duties, cover, total, perFte: fte > 0 ? Math.round((total / fte) * 100) / 100 : 0 }
    }
    const balance = balances.get(s.id)
    const carried = balance?.duties ?? 0
    // The balance stands for the term's duties before its date, so the year skips those days.
    const skipped = (w: Counted) => periods.term !== null && balance !== undefined && w.date >= periods.term.from && w.date < balance.asOf
    return {
      staffId: s.id,
      staff: s.code,
      name: s.name,
      fte: Math.round(fte * 1000) / 1000,
      week: tally(periods.week),
      halfTerm: periods.halfTerm ? tally(periods.halfTerm) : null,
      term: periods.term ? { ...tally(periods.term, balance?.asOf ?? periods.term.from, carried), carried } : null,
      year: { ...tally(periods.year, periods.year.from, carried, skipped), carried },
      fairShare: 0,
    }
  })
  return { asOf, fullTimeHours: school.full_time_hours, periods, staff: withFairShares(rows) }
}

/** The fair-share period's figure: the term when terms are recorded, else the school year. */
export const shareTally = (r: FairnessRow): TermTally => r.term ?? r.year

function withFairShares(rows: FairnessRow[]): FairnessRow[] {
  const total = rows.reduce((sum, r) => sum + shareTally(r).total, 0)
  const fte = rows.reduce((sum, r) => sum + r.fte, 0)
  return rows.map((r) => ({ ...r, fairShare: fte > 0 ? Math.round(((total * r.fte) / fte) * 10) / 10 : 0 }))
}

/** The report as CSV rows, one per person (see csv.ts for quoting). */
export function fairnessTable(report: FairnessReport): string[][] {
  const blocks = ['week', 'half_term', 'term', 'year'] as const
  const header = ['staff', 'name', 'fte', ...blocks.flatMap((b) => [`${b}_duties`, `${b}_cover`, `${b}_total`, `${b}_per_fte`]), 'carried_in', 'fair_share']
  const cells = (t: Tally | null) => (t ? [t.duties, t.cover, t.total, t.perFte].map(String) : ['', '', '', ''])
  return [
    header,
    ...report.staff.map((r) => [
      r.staff,
      r.name,
      String(r.fte),
      ...cells(r.week),
      ...cells(r.halfTerm),
      ...cells(r.term),
      ...cells(r.year),
      String(r.year.carried),
      String(r.fairShare),
    ]),
  ]
}
