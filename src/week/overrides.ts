// A manager's hand-made decisions for one week, kept in week_overrides: a pin keeps an
// assignment whatever the solver would prefer, a bar keeps one person out of one occurrence.
// Both take effect at the next generate. Pins are part of the scenario format; bars are not,
// so they reach the solver as an absence of that person for exactly the time of the
// occurrence (see withBars): the same effect on eligibility, and the exported file stays the
// format everyone else reads.
import type { Store } from '../../db/store.js'
import type { Scenario } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { conflict, fieldError, invalid, notFound } from '../platform/http/problem.js'
import { commit, nowIso } from '../platform/audit.js'
import { resolveRef } from '../setup/refs.js'
import { isMondayDate, weekRange } from '../scenario/week-dates.js'
import { insertOverrides, overrideRow } from './week-rows.js'

export type OverrideKind = 'pin' | 'bar'

export interface OverrideInput {
  kind: OverrideKind
  /** id or code of the staff member */
  staff: string
  /** code of a duty post, cover request or event */
  duty: string
  date: string
  /** slot code; left out for an event */
  slot?: string | undefined
}

export interface Override {
  id: string
  week: string
  kind: OverrideKind
  staff: string
  staffId: string
  duty: string
  date: string
  slot?: string
  createdAt: string
}

export async function listOverrides(store: Store, schoolId: string, week: string): Promise<Override[]> {
  const rows = await store.db
    .selectFrom('week_overrides as o')
    .innerJoin('staff as s', 's.id', 'o.staff_id')
    .selectAll('o')
    .select('s.code as staff_code')
    .where('o.school_id', '=', schoolId)
    .where('o.week', '=', week)
    .orderBy('o.date')
    .orderBy('o.slot_code')
    .orderBy('o.work_code')
    .orderBy('s.code')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    week: r.week,
    kind: r.kind,
    staff: r.staff_code,
    staffId: r.staff_id,
    duty: r.work_code,
    date: r.date,
    ...(r.slot_code === null ? {} : { slot: r.slot_code }),
    createdAt: r.created_at,
  }))
}

/**
 * What the work code names, so a pin or bar can only point at an occurrence that can exist.
 * Duty posts are the school's; cover request and event codes are looked up in the pin's week.
 */
async function checkOccurrence(store: Store, schoolId: string, week: string, input: OverrideInput): Promise<void> {
  const db = store.db
  const [post, cover, event] = await Promise.all([
    db
      .selectFrom('duty_posts as d')
      .leftJoin('duty_post_slots as ds', 'ds.duty_post_id', 'd.id')
      .leftJoin('slots as s', 's.id', 'ds.slot_id')
      .select(['d.id', 's.code as slot_code'])
      .where('d.school_id', '=', schoolId)
      .where('d.code', '=', input.duty)
      .execute(),
    db
      .selectFrom('cover_requests as c')
      .innerJoin('slots as s', 's.id', 'c.slot_id')
      .select(['c.date', 's.code as slot_code'])
      .where('c.school_id', '=', schoolId)
      .where('c.week', '=', week)
      .where('c.code', '=', input.duty)
      .executeTakeFirst(),
    db.selectFrom('events').select('date').where('school_id', '=', schoolId).where('week', '=', week).where('code', '=', input.duty).executeTakeFirst(),
  ])
  if (post.length > 0) {
    const slots = post.map((p) => p.slot_code).filter((s): s is string => s !== null)
    if (input.slot === undefined || !slots.includes(input.slot)) {
      throw invalid([fieldError(['slot'], `duty ${input.duty} runs in ${slots.join(', ') || 'no slot'}; give one of them`)])
    }
  } else if (cover) {
    if (cover.date !== input.date) throw invalid([fieldError(['date'], `cover request ${input.duty} is on ${cover.date}`)])
    if (input.slot !== cover.slot_code) throw invalid([fieldError(['slot'], `cover request ${input.duty} is in slot ${cover.slot_code}`)])
  } else if (event) {
    if (event.date !== input.date) throw invalid([fieldError(['date'], `event ${input.duty} is on ${event.date}`)])
    if (input.slot !== undefined) throw invalid([fieldError(['slot'], 'an event has no slot; leave it out')])
  } else {
    throw invalid([fieldError(['duty'], `no duty post with code "${input.duty}" in this school, nor cover request or event in the week of ${week}`)])
  }
}

export async function addOverride(ctx: WriteContext, schoolId: string, week: string, input: OverrideInput): Promise<Override> {
  if (!isMondayDate(week)) throw invalid([fieldError(['monday'], 'must be the date of a Monday', 'params')])
  if (!weekRange(week).dates.includes(input.date)) throw invalid([fieldError(['date'], `${input.date} is not in the week starting ${week}`)])
  const staff = await resolveRef(ctx.store, 'staff', schoolId, input.staff, ['staff'])
  await checkOccurrence(ctx.store, schoolId, week, input)
  const existing = await ctx.store.db
    .selectFrom('week_overrides')
    .select(['id', 'kind'])
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .where('staff_id', '=', staff.id)
    .where('work_code', '=', input.duty)
    .where('date', '=', input.date)
    .where((eb) => (input.slot === undefined ? eb('slot_code', 'is', null) : eb('slot_code', '=', input.slot)))
    .executeTakeFirst()
  if (existing) throw conflict(`${staff.code} already has a ${existing.kind} on this occurrence (override ${existing.id}); remove it first`)

  const override: Override = {
    id: ctx.newId('ovr'),
    week,
    kind: input.kind,
    staff: staff.code,
    staffId: staff.id,
    duty: input.duty,
    date: input.date,
    ...(input.slot === undefined ? {} : { slot: input.slot }),
    createdAt: nowIso(ctx),
  }
  await commit(ctx, { schoolId, entity: 'week_override', entityId: override.id, action: 'create', after: override }, [
    ...insertOverrides(ctx.store.db, [
      overrideRow(schoolId, override.id, {
        week,
        kind: input.kind,
        staffId: staff.id,
        work: input.duty,
        date: input.date,
        slot: input.slot ?? null,
        createdAt: override.createdAt,
      }),
    ]),
  ])
  return override
}

export async function removeOverride(ctx: WriteContext, schoolId: string, week: string, id: string): Promise<void> {
  const before = (await listOverrides(ctx.store, schoolId, week)).find((o) => o.id === id)
  if (!before) throw notFound(`no pin or bar with id ${id} in this week`)
  await commit(ctx, { schoolId, entity: 'week_override', entityId: id, action: 'delete', before }, [
    ctx.store.db.deleteFrom('week_overrides').where('id', '=', id).where('school_id', '=', schoolId).compile(),
  ])
}

/**
 * The scenario the solver sees: each bar becomes an absence of the barred person for exactly
 * the occurrence's time, which makes them ineligible for it (rule 3) and for nothing that does
 * not overlap it. A bar naming something the week no longer has is simply void.
 */
export function withBars(scenario: Scenario, bars: readonly Override[]): Scenario {
  if (bars.length === 0) return scenario
  const slotTimes = new Map(scenario.slots.map((s) => [s.id, s]))
  const eventTimes = new Map((scenario.events ?? []).map((e) => [e.id, e]))
  const staff = new Set(scenario.staff.map((s) => s.id))
  const extra = bars.flatMap((b) => {
    if (!staff.has(b.staff)) return []
    const times = b.slot === undefined ? eventTimes.get(b.duty) : slotTimes.get(b.slot)
    return times ? [{ staff: b.staff, date: b.date, start: times.start, end: times.end }] : []
  })
  return extra.length === 0 ? scenario : { ...scenario, absences: [...(scenario.absences ?? []), ...extra] }
}
