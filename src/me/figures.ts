// A person's fairness figures beside the school's average, and their additional hours, read
// through the week's ledgers (ledger-fairness.ts, ledger-hours.ts): the numbers a member of
// staff sees are the ones their manager sees and the solver balances.
import type { LocalDate } from '@js-joda/core'
import type { Deps } from '../platform/deps.js'
import { fairnessReport, shareTally, type FairnessRow } from '../ledgers/fairness.js'
import { hoursReport } from '../ledgers/hours.js'

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

export async function loadMeFigures(deps: Deps, schoolId: string, staffId: string, asOf: LocalDate): Promise<MeFigures> {
  const date = asOf.toString()
  const [fairness, hours] = await Promise.all([fairnessReport(deps.store, schoolId, date), hoursReport(deps.store, schoolId, date)])
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
