// A week's grants: what a manager agreed to fill a gap (the price of a gap), for that week only.
// One duty over someone's weekly cap, or additional hours beyond what they have left. They are
// added to the week's scenario where it is planned (school-week.ts), never to the staff rows,
// so the next week plans with the person's own limits again and an export of the week still
// round-trips. The cover cost ledger counts the hours granted at the rate kept with each grant.
import type { Store } from '../../db/store.js'
import type { WeekGrantKind } from '../../db/schema.js'
import type { Scenario } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { commit, nowIso } from '../platform/audit.js'

export interface WeekGrant {
  id: string
  week: string
  staffId: string
  staffCode: string
  kind: WeekGrantKind
  amount: number
  ratePence: number | null
  workCode: string
  date: string
  slotCode: string | null
  createdAt: string
}

export type NewGrant = Omit<WeekGrant, 'id' | 'staffCode' | 'createdAt'>

/** The grants of weeks in [from, to] (Mondays), or of one week. */
export async function listGrants(store: Store, schoolId: string, from: string, to = from): Promise<WeekGrant[]> {
  const rows = await store.db
    .selectFrom('week_grants as g')
    .innerJoin('staff as s', 's.id', 'g.staff_id')
    .selectAll('g')
    .select('s.code as staff_code')
    .where('g.school_id', '=', schoolId)
    .where('g.week', '>=', from)
    .where('g.week', '<=', to)
    .orderBy('g.week')
    .orderBy('g.created_at')
    .orderBy('g.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    week: r.week,
    staffId: r.staff_id,
    staffCode: r.staff_code,
    kind: r.kind,
    amount: r.amount,
    ratePence: r.rate_pence,
    workCode: r.work_code,
    date: r.date,
    slotCode: r.slot_code,
    createdAt: r.created_at,
  }))
}

export async function addGrant(ctx: WriteContext, schoolId: string, grant: NewGrant): Promise<string> {
  const id = ctx.newId('wgr')
  const row = {
    id,
    school_id: schoolId,
    week: grant.week,
    staff_id: grant.staffId,
    kind: grant.kind,
    amount: grant.amount,
    rate_pence: grant.ratePence,
    work_code: grant.workCode,
    date: grant.date,
    slot_code: grant.slotCode,
    created_at: nowIso(ctx),
  }
  await commit(ctx, { schoolId, entity: 'week-grant', entityId: id, action: 'create', after: grant }, [
    ctx.store.db.insertInto('week_grants').values(row).compile(),
  ])
  return id
}

/** The week's scenario with its grants added to each person's limits. */
export function withGrants(scenario: Scenario, grants: readonly Pick<WeekGrant, 'staffCode' | 'kind' | 'amount'>[]): Scenario {
  if (grants.length === 0) return scenario
  const sum = (code: string, kind: WeekGrantKind) => grants.filter((g) => g.staffCode === code && g.kind === kind).reduce((n, g) => n + g.amount, 0)
  return {
    ...scenario,
    staff: scenario.staff.map((s) => {
      const duties = sum(s.id, 'extra-duty')
      const hours = sum(s.id, 'additional-hours')
      if (duties === 0 && hours === 0) return s
      const out = { ...s }
      // Without a cap there is nothing to go over: an extra duty changes nothing then.
      if (duties > 0 && s.maxDutiesPerWeek !== undefined) out.maxDutiesPerWeek = s.maxDutiesPerWeek + duties
      if (hours > 0) out.additionalHoursRemaining = Math.round(((s.additionalHoursRemaining ?? 0) + hours) * 100) / 100
      return out
    }),
  }
}
