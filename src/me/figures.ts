// A person's fairness figures beside the school's average, and their additional hours, read
// through the week's ledgers (ledger-fairness.ts, ledger-hours.ts): the numbers a member of
// staff sees are the ones their manager sees and the solver balances.
import type { LocalDate } from '@js-joda/core'
import type { Deps } from '../platform/deps.js'
import type { Store } from '../../db/store.js'
import { fairnessReport, shareTally, type FairnessReport, type FairnessRow } from '../ledgers/fairness.js'
import { hoursReport, type HoursReport } from '../ledgers/hours.js'

export interface Figure {
  /** duty and cover assignments in the week */
  week: number
  /** ... in the term (with duties carried in from before Duty Rota), or the school year without terms */
  period: number
  /** of `period`, the duties carried in from before Duty Rota (a starting balance) */
  carried: number
  /** the period's count per full-time equivalent: what "in proportion to their hours" compares */
  perFte: number
}

export interface MeFigures {
  /** "Autumn term" or "school year 2026-27" */
  periodName: string
  mine: Figure
  /** the mean over the school's staff with contracted hours */
  average: Figure
  /** the period's duties and cover shared in proportion to FTE: what the solver balances towards */
  fairShare: number
  /** null when their contract has no additional hours */
  hours: { allowance: number; used: number; remaining: number } | null
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10

interface SchoolReports {
  fairness: FairnessReport
  hours: HoursReport
}

/**
 * The school's two reports, made once per school epoch and date (db/migrations/0009): every
 * person's first page after a publish reads the same whole-school ledgers, and a school of 500
 * would otherwise count them 500 times. The epoch is read before the reports, so a change
 * landing meanwhile files them under an epoch nobody reads any more.
 */
const reportsByStore = new WeakMap<Store, Map<string, Promise<SchoolReports>>>()
const KEPT_REPORTS = 8

async function schoolReports(store: Store, schoolId: string, date: string): Promise<SchoolReports> {
  const epoch = await store.db.selectFrom('view_epochs').select('epoch').where('school_id', '=', schoolId).executeTakeFirst()
  const make = async () => {
    const [fairness, hours] = await Promise.all([fairnessReport(store, schoolId, date), hoursReport(store, schoolId, date)])
    return { fairness, hours }
  }
  if (!epoch) return make()
  const kept = reportsByStore.get(store) ?? new Map<string, Promise<SchoolReports>>()
  reportsByStore.set(store, kept)
  const key = `${schoolId}|${epoch.epoch}|${date}`
  const found = kept.get(key)
  if (found) return found
  const made = make()
  kept.set(key, made)
  // A failed read is not kept; the oldest entries go first.
  made.catch(() => kept.delete(key))
  while (kept.size > KEPT_REPORTS) kept.delete(kept.keys().next().value ?? key)
  return made
}

export async function loadMeFigures(deps: Deps, schoolId: string, staffId: string, asOf: LocalDate): Promise<MeFigures> {
  const { fairness, hours } = await schoolReports(deps.store, schoolId, asOf.toString())
  const mineRow = fairness.staff.find((r) => r.staffId === staffId)
  const counted = fairness.staff.filter((r) => r.fte > 0)
  const mean = (pick: (r: FairnessRow) => number) => (counted.length === 0 ? 0 : oneDecimal(counted.reduce((s, r) => s + pick(r), 0) / counted.length))
  const figure = (r: FairnessRow | undefined): Figure =>
    r
      ? { week: r.week.total, period: shareTally(r).total, carried: shareTally(r).carried, perFte: oneDecimal(shareTally(r).perFte) }
      : { week: 0, period: 0, carried: 0, perFte: 0 }
  const myHours = hours.staff.find((r) => r.staffId === staffId)?.additional
  return {
    periodName: fairness.periods.term ? fairness.periods.term.name : `school year ${fairness.periods.year.name}`,
    mine: figure(mineRow),
    average: {
      week: mean((r) => r.week.total),
      period: mean((r) => shareTally(r).total),
      carried: mean((r) => shareTally(r).carried),
      perFte: mean((r) => shareTally(r).perFte),
    },
    fairShare: mineRow?.fairShare ?? 0,
    hours: myHours && myHours.allowance > 0 ? { allowance: myHours.allowance, used: myHours.used, remaining: myHours.remaining } : null,
  }
}
