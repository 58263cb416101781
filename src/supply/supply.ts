// Who the school's supply people are, what they cost and on which days their Single Central
// Record checks let them work. This is the one reader of the supply tables: the week's scenario
// (scenario/load.ts), the Supply pages and API, the booking form and anything that prices a gap
// read people, rates and check validity here, so "may work that day" has one definition.
// Reads only, no writes: the writes are in supply-people.ts and bookings.ts.
import type { Kysely } from 'kysely'
import type { Database, RateUnit, ScrCheckKind } from '../../db/schema.js'

export const SCR_CHECK_KINDS = ['dbs', 'agency_confirmation', 'identity'] as const satisfies readonly ScrCheckKind[]

/** What managers call each check, in their words. */
export const SCR_CHECK_NAMES: Record<ScrCheckKind, string> = {
  dbs: 'DBS seen',
  agency_confirmation: 'Agency confirmation',
  identity: 'Identity checked',
}

/**
 * The absence reason category a supply person gets on a booked day their checks do not cover,
 * so every reader of the scenario format keeps them off that day (hard rule 3).
 */
export const CHECKS_MISSING_REASON = 'checks-missing'

export interface ScrCheck {
  checkedOn: string
  /** the last day the check counts; null when it does not expire */
  expiresOn: string | null
}

export type ScrChecks = Partial<Record<ScrCheckKind, ScrCheck>>

export interface SupplyPerson {
  staffId: string
  code: string
  name: string
  agency: string
  /** whole pence per `rateUnit` */
  ratePence: number
  rateUnit: RateUnit
  checks: ScrChecks
  version: number
}

export interface SupplyBooking {
  id: string
  staffId: string
  date: string
  start: string
  end: string
}

/** Why a check does not let the person work on a date, for a manager to fix. */
export interface CheckProblem {
  kind: ScrCheckKind
  problem: 'missing' | 'not-yet' | 'expired'
  /** the date that makes it so: the check's date (not yet) or its expiry (expired) */
  on?: string
}

/** Every check the person would need on `date` and does not have; empty: they may work. */
export function checkProblemsOn(checks: ScrChecks, date: string): CheckProblem[] {
  return SCR_CHECK_KINDS.flatMap((kind): CheckProblem[] => {
    const c = checks[kind]
    if (c === undefined) return [{ kind, problem: 'missing' }]
    if (c.checkedOn > date) return [{ kind, problem: 'not-yet', on: c.checkedOn }]
    if (c.expiresOn !== null && c.expiresOn < date) return [{ kind, problem: 'expired', on: c.expiresOn }]
    return []
  })
}

export const checksValidOn = (checks: ScrChecks, date: string): boolean => checkProblemsOn(checks, date).length === 0

/** "DBS seen expired 2026-11-30; Identity checked missing". */
export function describeProblems(problems: readonly CheckProblem[]): string {
  return problems
    .map((p) => {
      const what = SCR_CHECK_NAMES[p.kind]
      if (p.problem === 'missing') return `${what} missing`
      if (p.problem === 'expired') return `${what} expired ${p.on}`
      return `${what} not until ${p.on}`
    })
    .join('; ')
}

/** Every supply person of the school by code, or only `staffId`. */
export async function readSupplyPeople(db: Kysely<Database>, schoolId: string, staffId?: string): Promise<SupplyPerson[]> {
  let q = db
    .selectFrom('supply_staff as p')
    .innerJoin('staff as s', 's.id', 'p.staff_id')
    .select(['p.staff_id', 's.code', 's.name', 'p.agency', 'p.rate_pence', 'p.rate_unit', 'p.version'])
    .where('p.school_id', '=', schoolId)
  if (staffId !== undefined) q = q.where('p.staff_id', '=', staffId)
  const people = await q.orderBy('s.code').execute()
  if (people.length === 0) return []
  let checkQuery = db
    .selectFrom('scr_checks as c')
    .innerJoin('supply_staff as p', 'p.staff_id', 'c.staff_id')
    .select(['c.staff_id', 'c.kind', 'c.checked_on', 'c.expires_on'])
    .where('p.school_id', '=', schoolId)
  if (staffId !== undefined) checkQuery = checkQuery.where('c.staff_id', '=', staffId)
  const checks = new Map<string, ScrChecks>()
  for (const c of await checkQuery.execute()) {
    const held = checks.get(c.staff_id) ?? {}
    held[c.kind] = { checkedOn: c.checked_on, expiresOn: c.expires_on }
    checks.set(c.staff_id, held)
  }
  return people.map((p) => ({
    staffId: p.staff_id,
    code: p.code,
    name: p.name,
    agency: p.agency,
    ratePence: p.rate_pence,
    rateUnit: p.rate_unit,
    checks: checks.get(p.staff_id) ?? {},
    version: p.version,
  }))
}

/** The bookings of the school between two dates, both included, by date then person. */
export async function readBookings(db: Kysely<Database>, schoolId: string, from: string, to: string): Promise<SupplyBooking[]> {
  const rows = await db
    .selectFrom('supply_bookings')
    .select(['id', 'staff_id', 'date', 'start_time', 'end_time'])
    .where('school_id', '=', schoolId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('staff_id')
    .execute()
  return rows.map((r) => ({ id: r.id, staffId: r.staff_id, date: r.date, start: r.start_time, end: r.end_time }))
}

/** What a week's plan needs of supply: who is supply, the days they are booked, whether their checks hold then. */
export interface SupplyWeek {
  /** by staff id: every supply person, booked this week or not */
  people: ReadonlyMap<string, SupplyPerson>
  bookings: readonly SupplyBooking[]
}

export async function readSupplyWeek(db: Kysely<Database>, schoolId: string, dates: readonly string[]): Promise<SupplyWeek> {
  const [people, bookings] = await Promise.all([readSupplyPeople(db, schoolId), readBookings(db, schoolId, dates[0] ?? '', dates[dates.length - 1] ?? '')])
  return { people: new Map(people.map((p) => [p.staffId, p])), bookings }
}
