// One click on a priced option of a gap: make the change it names, then re-plan the week the
// way Generate does, so the week page shows the draft and its difference from what was
// published. A duty over a cap and additional hours are this week's grants (week-grants.ts);
// letting a grade do a kind of work is an edit of the grade, audited and versioned as any.
// A supply booking (GapExtension.book, gap-prices.ts) is one more case here once a source exists.
import { z } from 'zod'
import { WORK_KINDS } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { code, isoDate } from '../platform/fields.js'
import { conflict, notFound } from '../platform/http/problem.js'
import { generateThroughJob } from '../jobs/jobs.js'
import { getGrade, updateGrade } from '../setup/grades.js'
import { addGrant, listGrants } from './week-grants.js'
import { requireMonday } from './generate.js'

const seat = { duty: code, date: isoDate, slot: code.optional() }

/** An option as a form or a script sends it back: the change and the seat it was for. */
export const gapFixInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('extra-duty'), staff: code, cap: z.coerce.number().int('must be a whole number').min(0), ...seat }),
  z.strictObject({
    kind: z.literal('additional-hours'),
    staff: code,
    hours: z.coerce.number().gt(0, 'must be more than 0').max(24, 'must be at most 24'),
    ...seat,
  }),
  z.strictObject({ kind: z.literal('grade-kind'), grade: code, dutyKind: z.enum(WORK_KINDS), ...seat }),
])

export type GapFixInput = z.infer<typeof gapFixInput>

async function staffByCode(ctx: WriteContext, schoolId: string, staffCode: string) {
  const row = await ctx.store.db
    .selectFrom('staff')
    .innerJoin('grades', 'grades.id', 'staff.grade_id')
    .select(['staff.id', 'staff.name', 'staff.max_duties_per_week', 'grades.hourly_rate_pence'])
    .where('staff.school_id', '=', schoolId)
    .where('staff.code', '=', staffCode)
    .executeTakeFirst()
  if (!row) throw notFound(`no member of staff with code ${staffCode} in this school`)
  return row
}

async function gradeByCode(ctx: WriteContext, schoolId: string, gradeCode: string) {
  const row = await ctx.store.db.selectFrom('grades').select('id').where('school_id', '=', schoolId).where('code', '=', gradeCode).executeTakeFirst()
  if (!row) throw notFound(`no grade with code ${gradeCode} in this school`)
  return getGrade(ctx.store, schoolId, row.id)
}

/** Makes the change; nothing is re-planned yet. */
async function makeChange(ctx: WriteContext, schoolId: string, monday: string, fix: GapFixInput): Promise<void> {
  const at = { workCode: fix.duty, date: fix.date, slotCode: fix.slot ?? null, week: monday }
  switch (fix.kind) {
    case 'extra-duty': {
      const person = await staffByCode(ctx, schoolId, fix.staff)
      if (person.max_duties_per_week === null) throw conflict(`${person.name} has no weekly limit to go over`)
      const granted = (await listGrants(ctx.store, schoolId, monday)).filter((g) => g.staffId === person.id && g.kind === 'extra-duty')
      const cap = person.max_duties_per_week + granted.reduce((n, g) => n + g.amount, 0)
      // The option named the cap it would go over: a second click, or a colleague's, must not
      // quietly ask for one more duty again.
      if (cap !== fix.cap) throw conflict(`${person.name}'s limit this week is ${cap} now, not ${fix.cap}; look at the options again`)
      await addGrant(ctx, schoolId, { ...at, staffId: person.id, kind: 'extra-duty', amount: 1, ratePence: null })
      return
    }
    case 'additional-hours': {
      const person = await staffByCode(ctx, schoolId, fix.staff)
      await addGrant(ctx, schoolId, { ...at, staffId: person.id, kind: 'additional-hours', amount: fix.hours, ratePence: person.hourly_rate_pence })
      return
    }
    case 'grade-kind': {
      const grade = await gradeByCode(ctx, schoolId, fix.grade)
      if (grade.dutyKinds.includes(fix.dutyKind)) return
      await updateGrade(ctx, schoolId, grade.id, { code: grade.code, name: grade.name, dutyKinds: [...grade.dutyKinds, fix.dutyKind] }, String(grade.version))
      return
    }
  }
}

/**
 * Applies one option and re-plans. The change is written first, on its own: a re-plan that
 * fails (or waits in the job queue) leaves it in place, and the next Generate plans with it.
 */
export async function applyGapFix(ctx: WriteContext, schoolId: string, monday: string, fix: GapFixInput) {
  requireMonday(monday)
  await makeChange(ctx, schoolId, monday, fix)
  return generateThroughJob(ctx, schoolId, monday)
}
