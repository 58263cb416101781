// The school's setup lists in a file (grades, slots, duty posts) as row syncs: each entry is
// created or updated by its code, and the rows the file no longer lists come back as removals
// for import-plan.ts to run last, after the rows that point at them. Staff: import-staff.ts.
import type { CompiledQuery } from 'kysely'
import { WORK_KINDS } from '../../solver/scenario.js'
import type { Synced } from '../platform/sync-rows.js'
import { dutyPostRow, insertDutyPosts, insertPostSlots, postSlotRows } from '../setup/duty-posts.js'
import { gradeRow, insertGrades } from '../setup/grades.js'
import { insertSlots, slotRow } from '../setup/slots.js'
import { deleteWhereIn } from '../platform/insert-rows.js'
import { sortSkillSeats, sortWeekdays } from './columns.js'
import { countAlsoChanged, json, must, syncByCode, unique, type PlanContext } from './import-context.js'

export function syncGrades(p: PlanContext): Synced {
  const school = p.state.school.id
  return syncByCode(p, 'grades', {
    table: 'grades',
    have: p.state.grades.map((g) => gradeRow(school, g.id, g)),
    want: p.sc.grades.map((g) =>
      gradeRow(school, must(p.ids.grades, g.id), { code: g.id, name: g.name, dutyKinds: WORK_KINDS.filter((k) => g.dutyKinds.includes(k)) }),
    ),
    compare: ['name', 'duty_kinds'],
    write: (rows, update) => insertGrades(p.db, rows, update),
  })
}

export function syncSlots(p: PlanContext): Synced {
  const school = p.state.school.id
  return syncByCode(p, 'slots', {
    table: 'slots',
    have: p.state.slots.map((s) => slotRow(school, s.id, s)),
    want: p.sc.slots.map((s, position) =>
      slotRow(school, must(p.ids.slots, s.id), {
        code: s.id,
        kind: s.kind,
        start: s.start,
        end: s.end,
        days: s.days === undefined ? null : sortWeekdays(s.days),
        position,
      }),
    ),
    compare: ['kind', 'start_time', 'end_time', 'days', 'position'],
    write: (rows, update) => insertSlots(p.db, rows, update),
  })
}

/** Posts, then their slot lists: a post whose slots changed gets its list written again. */
export function syncDuties(p: PlanContext): { synced: Synced; statements: CompiledQuery[] } {
  const { db, state, sc, ids } = p
  const school = state.school.id
  const synced = syncByCode(p, 'duties', {
    table: 'duty_posts',
    have: state.duties.map((d) => dutyPostRow(school, d.id, { ...d, skillSeats: sortSkillSeats(d.skillSeats) })),
    want: sc.duties.map((d) =>
      dutyPostRow(school, must(ids.duties, d.id), {
        code: d.id,
        name: d.name,
        kind: d.kind,
        days: sortWeekdays(d.days),
        peopleNeeded: d.staff,
        skillSeats: sortSkillSeats(d.skills),
        priority: d.priority ?? 3,
      }),
    ),
    compare: ['name', 'kind', 'days', 'people_needed', 'skill_seats', 'priority'],
    write: (rows, update) => insertDutyPosts(db, rows, update),
  })
  const before = new Map(state.duties.map((d) => [d.code, d]))
  const reslotted: string[] = []
  const slotLists = sc.duties.flatMap((duty) => {
    const slots = unique(duty.slots)
    const old = before.get(duty.id)
    if (old && json(old.slotCodes) === json(slots)) return []
    if (old) reslotted.push(duty.id)
    return postSlotRows(
      must(ids.duties, duty.id),
      slots.map((code) => must(ids.slots, code)),
    )
  })
  countAlsoChanged(p.counts, 'duties', synced, reslotted)
  const statements = [
    ...synced.writes,
    ...deleteWhereIn(
      db,
      'duty_post_slots',
      'duty_post_id',
      reslotted.map((code) => must(ids.duties, code)),
    ),
    ...insertPostSlots(db, slotLists),
  ]
  return { synced, statements }
}
