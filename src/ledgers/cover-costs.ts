// The cover cost ledger: what covering gaps cost, per person and per kind, over the week, the
// term and the school year a date falls in. Two sources today: additional hours paid (the hours
// a manager granted to fill a gap, at the grade's rate kept with the grant, counted once the
// week is published) and cover done in directed time (cover requests staff took in a published
// rota: hours of their working time, no extra pay). A supply source (days booked, at the
// agency's rate) is one more CostSource in COST_SOURCES: the report, the CSV and the chart read
// whatever kinds the sources give.
import type { Store } from '../../db/store.js'
import { hoursBetween, roundHours } from '../scenario/week-dates.js'
import { loadCalendar, periodsOf, type Period } from './periods.js'

export type CostKind = 'additional-hours' | 'directed-cover' | (string & {})

/** One piece of cover that cost time or money, on one day. */
export interface CostEntry {
  kind: CostKind
  /** the member of staff, or whoever the source names (a supply agency's person) */
  who: { id: string; code: string; name: string }
  date: string
  hours: number
  /** money paid on top of salary; 0 for directed time, null where no rate is known */
  pence: number | null
}

export interface CostSource {
  kind: CostKind
  /** What the source counted between `from` and `to` (inclusive dates). */
  entries: (store: Store, schoolId: string, from: string, to: string) => Promise<CostEntry[]>
}

export const COST_KIND_LABELS: Record<string, string> = {
  'additional-hours': 'Additional hours paid',
  'directed-cover': 'Cover in directed time',
  supply: 'Supply days booked',
}

/** Hours granted to fill a gap, in weeks whose rota is published (a draft's grant is not yet paid). */
export const grantedHours: CostSource = {
  kind: 'additional-hours',
  entries: async (store, schoolId, from, to) => {
    const rows = await store.db
      .selectFrom('week_grants as g')
      .innerJoin('staff as s', 's.id', 'g.staff_id')
      .select(['s.id', 's.code', 's.name', 'g.date', 'g.amount', 'g.rate_pence'])
      .where('g.school_id', '=', schoolId)
      .where('g.kind', '=', 'additional-hours')
      .where('g.date', '>=', from)
      .where('g.date', '<=', to)
      .where(({ exists, selectFrom }) =>
        exists(
          selectFrom('rotas as r')
            .select('r.id')
            .whereRef('r.school_id', '=', 'g.school_id')
            .whereRef('r.week', '=', 'g.week')
            .where('r.status', '=', 'published'),
        ),
      )
      .execute()
    return rows.map((r) => ({
      kind: 'additional-hours',
      who: { id: r.id, code: r.code, name: r.name },
      date: r.date,
      hours: r.amount,
      pence: r.rate_pence === null ? null : Math.round(r.amount * r.rate_pence),
    }))
  },
}

/** Cover requests taken in published rotas: the slot's hours, in the person's own working time. */
export const directedCover: CostSource = {
  kind: 'directed-cover',
  entries: async (store, schoolId, from, to) => {
    const rows = await store.db
      .selectFrom('rota_assignments as a')
      .innerJoin('rotas as r', 'r.id', 'a.rota_id')
      .innerJoin('cover_requests as c', (join) =>
        join.onRef('c.code', '=', 'a.work_code').onRef('c.school_id', '=', 'r.school_id').onRef('c.week', '=', 'r.week'),
      )
      .innerJoin('slots as t', 't.id', 'c.slot_id')
      .innerJoin('staff as s', 's.id', 'a.staff_id')
      .select(['s.id', 's.code', 's.name', 'a.date', 't.start_time', 't.end_time'])
      .where('r.school_id', '=', schoolId)
      .where('r.status', '=', 'published')
      .where('a.date', '>=', from)
      .where('a.date', '<=', to)
      .execute()
    return rows.map((r) => ({
      kind: 'directed-cover',
      who: { id: r.id, code: r.code, name: r.name },
      date: r.date,
      hours: hoursBetween(r.start_time, r.end_time),
      pence: 0,
    }))
  },
}

export const COST_SOURCES: CostSource[] = [grantedHours, directedCover]

export interface CostFigure {
  hours: number
  /** null when some of it had no rate to price it */
  pence: number | null
  /** entries without a rate, whose money is not in `pence` */
  unpriced: number
}

export interface CostRow {
  who: CostEntry['who']
  kind: CostKind
  week: CostFigure
  term: CostFigure | null
  year: CostFigure
}

export interface CoverCostReport {
  asOf: string
  periods: { week: Period; term: Period | null; year: Period }
  rows: CostRow[]
  /** per kind, everyone together */
  totals: { kind: CostKind; week: CostFigure; term: CostFigure | null; year: CostFigure }[]
}

function figure(entries: readonly CostEntry[], period: Period): CostFigure {
  const inside = entries.filter((e) => e.date >= period.from && e.date <= period.to)
  const unpriced = inside.filter((e) => e.pence === null).length
  const pence = inside.reduce((n, e) => n + (e.pence ?? 0), 0)
  return { hours: roundHours(inside.reduce((n, e) => n + e.hours, 0)), pence: unpriced > 0 && pence === 0 ? null : pence, unpriced }
}

function grouped(entries: readonly CostEntry[], key: (e: CostEntry) => string): Map<string, CostEntry[]> {
  const out = new Map<string, CostEntry[]>()
  for (const e of entries) out.set(key(e), [...(out.get(key(e)) ?? []), e])
  return out
}

export async function coverCostReport(store: Store, schoolId: string, asOf: string, sources: readonly CostSource[] = COST_SOURCES): Promise<CoverCostReport> {
  const { week, term, year } = periodsOf(await loadCalendar(store, schoolId), asOf)
  const from = term && term.from < year.from ? term.from : year.from
  const to = term && term.to > year.to ? term.to : year.to
  const entries = (await Promise.all(sources.map((s) => s.entries(store, schoolId, from, to)))).flat()
  const figures = (list: CostEntry[]) => ({ week: figure(list, week), term: term ? figure(list, term) : null, year: figure(list, year) })
  const rows = [...grouped(entries, (e) => `${e.who.name}\u0000${e.who.id}\u0000${e.kind}`).values()]
    .map((list): CostRow => ({ who: (list[0] as CostEntry).who, kind: (list[0] as CostEntry).kind, ...figures(list) }))
    .sort((a, b) => a.who.name.localeCompare(b.who.name) || a.who.code.localeCompare(b.who.code) || a.kind.localeCompare(b.kind))
  const kinds = [...new Set([...sources.map((s) => s.kind), ...entries.map((e) => e.kind)])]
  const totals = kinds.map((kind) => ({ kind, ...figures(entries.filter((e) => e.kind === kind)) }))
  return { asOf, periods: { week, term, year }, rows, totals }
}

const money = (f: CostFigure | null) => (f === null || f.pence === null ? '' : (f.pence / 100).toFixed(2))

export function coverCostTable(report: CoverCostReport): string[][] {
  return [
    ['staff', 'name', 'kind', 'week_hours', 'week_cost', 'term_hours', 'term_cost', 'year_hours', 'year_cost', 'unpriced_entries'],
    ...report.rows.map((r) => [
      r.who.code,
      r.who.name,
      r.kind,
      String(r.week.hours),
      money(r.week),
      r.term ? String(r.term.hours) : '',
      money(r.term),
      String(r.year.hours),
      money(r.year),
      String(r.year.unpriced),
    ]),
  ]
}
