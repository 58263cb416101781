// The price of every gap in a week, as a manager reads it: each empty seat with the few lawful
// changes that fill it (solver/gap-fixes.ts tries each as a what-if re-plan), in words, with
// what each costs. Additional hours are priced at the person's grade's hourly rate; a duty over
// a weekly cap is directed time (no extra pay, but over what the person agreed to); letting a
// grade do a kind of work costs nothing this week but holds for every week after.
//
// Supply staff plug in as a GapExtension: its candidate source offers `add-staff` changes (the
// solver tries them like any other), `price` says what a booking costs, and the apply step
// (gap-apply.ts) hands the click to its `book`.
import type { Store } from '../../db/store.js'
import { DEFAULT_STEPS } from '../../solver/budget.js'
import { DEFAULT_SOURCES, priceGaps, type CandidateSource, type GapSeat, type Relaxation } from '../../solver/gap-fixes.js'
import type { Rota, Scenario } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { additionalHoursUsedBefore } from '../ledgers/hours.js'
import { draftInput } from './generate.js'

/** What a change costs: pence where money changes hands, and the words either way. */
export interface Cost {
  pence: number | null
  text: string
}

export interface PricedOption {
  relaxation: Relaxation
  /** "ask Nia Khan to do a 5th duty this week (over their cap of 4)" */
  text: string
  cost: Cost
  /** seats the re-plan fills that the week without the change leaves empty (at least this one) */
  fills: number
}

export interface PricedSeat {
  seat: GapSeat
  /** the work by name: "Yard", "Cover: 6B maths", "Parents' evening" */
  name: string
  missing: number
  options: PricedOption[]
}

export interface GapPriceView {
  monday: string
  seats: PricedSeat[]
  /** solver steps the what-ifs took */
  steps: number
  /** the step budget ran out before every candidate was tried */
  cut: boolean
}

/** The people, grades and rates the words and prices are made of. */
export interface PriceFacts {
  staff: Map<string, { name: string; grade: string; allowance: number; used: number }>
  grades: Map<string, { name: string; ratePence: number | null }>
}

/** A source of changes the service does not make itself: supply staff, booked from an agency. */
export interface GapExtension {
  candidates: CandidateSource
  describe: (r: Extract<Relaxation, { kind: 'add-staff' }>) => { text: string; cost: Cost } | undefined
  book: (ctx: WriteContext, schoolId: string, monday: string, r: Extract<Relaxation, { kind: 'add-staff' }>, seat: GapSeat) => Promise<void>
}

/**
 * Steps every what-if of one week may take together. A solve takes the generate's own budget
 * (so the click re-plans to what the what-if showed); a small school's week takes some tens of
 * thousands of steps, so this tries every candidate there and stops a very large week early.
 */
export const WHAT_IF_STEPS = 3_000_000

const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth']
const ordinal = (n: number) => ORDINALS[n - 1] ?? `${n}th`
const KIND_WORDS: Record<string, string> = { break: 'break', lunch: 'lunch', oncall: 'on-call', other: 'other', cover: 'cover', event: 'event' }

export const pounds = (pence: number) => `£${(pence / 100).toFixed(2)}`
const hoursText = (h: number) => `${Number(h.toFixed(2))} additional ${h === 1 ? 'hour' : 'hours'}`

export function describe(r: Relaxation, facts: PriceFacts, extension?: GapExtension): { text: string; cost: Cost } | undefined {
  switch (r.kind) {
    case 'extra-duty': {
      const name = facts.staff.get(r.staff)?.name ?? r.staff
      return {
        text: `ask ${name} to do a ${ordinal(r.cap + 1)} duty this week (over their cap of ${r.cap})`,
        cost: { pence: 0, text: 'no extra pay: directed time, over their weekly limit' },
      }
    }
    case 'additional-hours': {
      const person = facts.staff.get(r.staff)
      const rate = person ? (facts.grades.get(person.grade)?.ratePence ?? null) : null
      const used =
        person === undefined
          ? `${r.remaining} left`
          : person.allowance === 0
            ? 'none in their contract'
            : `${Number(person.used.toFixed(2))} of ${Number(person.allowance.toFixed(2))} used`
      return {
        text: `pay ${person?.name ?? r.staff} ${hoursText(r.hours)} (${used})`,
        cost:
          rate === null
            ? { pence: null, text: 'their grade has no hourly rate set' }
            : { pence: Math.round(r.hours * rate), text: pounds(Math.round(r.hours * rate)) },
      }
    }
    case 'grade-kind': {
      const grade = facts.grades.get(r.grade)?.name ?? r.grade
      return {
        text: `allow ${grade} to do ${KIND_WORDS[r.dutyKind] ?? r.dutyKind} duties`,
        cost: { pence: 0, text: 'no extra pay this week; holds for every week after' },
      }
    }
    case 'add-staff':
      return extension?.describe(r)
  }
}

/** Cheapest first: money that is paid last, a lasting change after a one-week one. */
function cheapestFirst(a: PricedOption, b: PricedOption): number {
  const rank = (o: PricedOption) => (o.relaxation.kind === 'grade-kind' ? 1 : 0)
  const money = (o: PricedOption) => o.cost.pence ?? Number.MAX_SAFE_INTEGER
  return money(a) - money(b) || rank(a) - rank(b) || b.fills - a.fills || a.text.localeCompare(b.text)
}

function workNames(s: Scenario): Map<string, string> {
  const out = new Map<string, string>()
  for (const d of s.duties) out.set(d.id, d.name)
  for (const c of s.cover ?? []) out.set(c.id, `Cover: ${c.label ?? c.id}`)
  for (const e of s.events ?? []) out.set(e.id, e.name)
  return out
}

const filledTotal = (rota: Rota) => Number(rota.stats?.filledTotal ?? 0)

async function priceFacts(store: Store, schoolId: string, monday: string): Promise<PriceFacts> {
  const [staff, grades, used] = await Promise.all([
    store.db
      .selectFrom('staff')
      .innerJoin('grades', 'grades.id', 'staff.grade_id')
      .select(['staff.id', 'staff.code', 'staff.name', 'staff.additional_hours_allowance', 'grades.code as grade'])
      .where('staff.school_id', '=', schoolId)
      .execute(),
    store.db.selectFrom('grades').select(['code', 'name', 'hourly_rate_pence']).where('school_id', '=', schoolId).execute(),
    additionalHoursUsedBefore(store, schoolId, monday),
  ])
  return {
    staff: new Map(staff.map((s) => [s.code, { name: s.name, grade: s.grade, allowance: s.additional_hours_allowance, used: used.get(s.id) ?? 0 }])),
    grades: new Map(grades.map((g) => [g.code, { name: g.name, ratePence: g.hourly_rate_pence }])),
  }
}

export async function gapPrices(ctx: Pick<WriteContext, 'store' | 'clock'>, schoolId: string, monday: string, extension?: GapExtension): Promise<GapPriceView> {
  const { input } = await draftInput(ctx, schoolId, monday)
  const sources = extension ? [...DEFAULT_SOURCES, extension.candidates] : DEFAULT_SOURCES
  const prices = priceGaps(input, { budget: DEFAULT_STEPS, totalSteps: WHAT_IF_STEPS, sources })
  const facts = await priceFacts(ctx.store, schoolId, monday)
  const names = workNames(input)
  const seats = prices.seats.map((s): PricedSeat => {
    const options = s.fixes.flatMap((fix): PricedOption[] => {
      const words = describe(fix.relaxation, facts, extension)
      return words ? [{ relaxation: fix.relaxation, ...words, fills: filledTotal(fix.rota) - filledTotal(prices.baseline) }] : []
    })
    return { seat: s.seat, name: names.get(s.seat.duty) ?? s.seat.duty, missing: s.missing, options: options.sort(cheapestFirst) }
  })
  return { monday, seats, steps: prices.steps, cut: prices.cut }
}
