// The manager's setup and absence forms, read with zod: form fields are text (and lists for
// checkboxes), the services want typed input. A failed read gives one message per field, keyed
// by the field's name, which the pages show next to the field with what was typed.
import { z } from 'zod'
import { WEEKDAYS } from '../../solver/scenario.js'
import type { NewManager } from '../auth/school-managers.js'
import { code, hourlyRate, isoDate, name } from '../platform/fields.js'
import type { AbsenceInput } from '../week/absences.js'
import type { DutyPostInput } from '../setup/duty-posts.js'
import type { GradeInput } from '../setup/grades.js'
import type { SlotInput } from '../setup/slots.js'
import type { StaffInput } from '../setup/staff.js'
import { commitments, decimalHours, hoursPerWeek, pattern, skills, timeOf, wholeNumber } from '../setup/staff-csv-cells.js'

/** Form fields as a browser sends them: text, or several values for checkboxes. */
export type FormValues = Record<string, string | string[]>

export type FormRead<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> }

/** Checkboxes arrive as nothing, one value or several; always a list here. */
const list = z.preprocess((v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.string()))
/** An empty box is a missing value. */
export const text = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (v) =>
      (Array.isArray(v) ? v[0] : v) === undefined || String(Array.isArray(v) ? v[0] : v).trim() === '' ? undefined : String(Array.isArray(v) ? v[0] : v).trim(),
    schema,
  )
export const required = z.string({ error: (issue) => (issue.input === undefined ? 'enter a value' : 'must be text') })

export const time = required.transform((t, ctx) => {
  const out = timeOf(t)
  if (out === undefined) ctx.addIssue({ code: 'custom', message: 'enter a time such as 10:50' })
  return out ?? ''
})
export const date = required.pipe(isoDate)
const weekdays = list.pipe(z.array(z.enum(WEEKDAYS, 'choose days from the list')))

export function afterStart<T extends { start?: string | null | undefined; end?: string | null | undefined }>(value: T, ctx: z.RefinementCtx, what = 'start') {
  if (value.start && value.end && value.end <= value.start)
    ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after the ${what} (${value.start})` })
}

export function read<T>(schema: z.ZodType<T>, values: FormValues): FormRead<T> {
  const result = schema.safeParse(values)
  if (result.success) return { ok: true, value: result.data }
  const errors: Record<string, string> = {}
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '')
    errors[field] ??= issue.message
  }
  return { ok: false, errors }
}

export const slotForm: z.ZodType<SlotInput> = z
  .object({
    code: text(required.pipe(code)),
    kind: text(z.enum(['lesson', 'break', 'lunch', 'other'], 'choose a kind')),
    start: text(time),
    end: text(time),
    days: weekdays,
  })
  .superRefine((v, ctx) => afterStart(v, ctx))
  .transform((v) => ({ ...v, days: v.days.length === 0 ? null : v.days }))

export const gradeForm: z.ZodType<GradeInput> = z.object({
  code: text(required.pipe(code)),
  name: text(required.pipe(name)),
  dutyKinds: list.pipe(z.array(z.enum(['break', 'lunch', 'oncall', 'other', 'cover', 'event'], 'choose kinds from the list'))),
  // An empty box is "no rate": the form always sends the field, so it always says which.
  hourlyRate: text(z.coerce.number({ error: 'enter pounds and pence, e.g. 13.69' }).pipe(hourlyRate).nullable().default(null)),
})

const staffFields = z.object({
  code: text(required.pipe(code)),
  name: text(required.pipe(name)),
  grade: text(z.string({ error: 'choose a grade' })),
  hoursPerWeek: text(required.pipe(hoursPerWeek)),
  pattern: text(required.pipe(pattern)),
  unpaidBreakMinutes: text(wholeNumber(0, 600).default(0)),
  email: text(z.email('enter an email address such as name@school.org').max(320).nullable().default(null)),
  skills: text(skills.default([])),
})

export const staffForm: z.ZodType<StaffInput> = staffFields.transform((v) => ({
  ...v,
  additionalHoursAllowance: 0,
  maxDutiesPerWeek: null,
  commitments: [],
  avoid: [],
  prefer: [],
}))

/** A person's Edit form: the add form's fields and the rest of a contract the API updates. */
export const staffEditForm: z.ZodType<StaffInput> = staffFields
  .extend({
    additionalHoursAllowance: text(decimalHours(10000).default(0)),
    maxDutiesPerWeek: text(wholeNumber(0, 1000).nullable().default(null)),
    commitments: text(commitments.default([])),
    avoid: list,
    prefer: list,
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when another field failed, so a manager sees every problem at once.
      const avoid: unknown = v.avoid
      const both = Array.isArray(v.prefer) && Array.isArray(avoid) ? v.prefer.filter((p) => avoid.includes(p)) : []
      if (both.length > 0) ctx.addIssue({ code: 'custom', path: ['prefer'], message: `${both.join(', ')} cannot be both avoided and preferred` })
    },
    { when: () => true },
  )

/** "first-aid:1; team-teach:1" -> { "first-aid": 1, "team-teach": 1 } */
export const seats = z.string().transform((t, ctx) => {
  const out: Record<string, number> = {}
  for (const part of t
    .split(/[;,]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^([a-z0-9][a-z0-9.-]*)\s*:\s*(\d{1,4})$/i.exec(part)
    if (!m) {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not skill:count, e.g. first-aid:1` })
      return z.NEVER
    }
    out[(m[1] as string).toLowerCase()] = Number(m[2])
  }
  return out
})

export const dutyPostForm: z.ZodType<DutyPostInput> = z
  .object({
    code: text(required.pipe(code)),
    name: text(required.pipe(name)),
    kind: text(z.enum(['break', 'lunch', 'oncall', 'other'], 'choose a kind')),
    slots: list.pipe(z.array(z.string()).min(1, 'tick at least one slot')),
    days: weekdays.pipe(z.array(z.enum(WEEKDAYS)).min(1, 'tick at least one day')),
    peopleNeeded: text(required.pipe(wholeNumber(1, 1000))),
    skillSeats: text(seats.default({})),
    priority: text(wholeNumber(1, 5).default(3)),
    // an empty choice is a post that runs whatever the weather
    wetWeatherFor: text(z.string().nullable().default(null)),
  })
  .superRefine((v, ctx) => {
    const n = Object.values(v.skillSeats).reduce((a, b) => a + b, 0)
    if (n > v.peopleNeeded) ctx.addIssue({ code: 'custom', path: ['skillSeats'], message: `asks for ${n} skilled people but only ${v.peopleNeeded} in all` })
  })

export const absenceForm: z.ZodType<AbsenceInput> = z
  .object({
    staff: text(z.string({ error: 'choose who is absent' })),
    startDate: text(date),
    endDate: text(date.nullable().default(null)),
    start: text(time.nullable().default(null)),
    end: text(time.nullable().default(null)),
    reason: text(
      z.enum(['sickness', 'medical', 'family', 'training', 'trip', 'compassionate', 'other'], 'choose a reason from the list').nullable().default(null),
    ),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when another field failed (see `when`), so only well-formed values are compared.
      const isDate = (d: unknown): d is string => isoDate.safeParse(d).success
      const isTime = (t: unknown): t is string => typeof t === 'string' && /^\d{2}:\d{2}$/.test(t)
      if (isDate(v.startDate) && isDate(v.endDate) && v.endDate < v.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before the first day (${v.startDate})` })
      if (isTime(v.start) !== isTime(v.end) && (v.start === null || v.end === null)) {
        ctx.addIssue({ code: 'custom', path: [v.start === null ? 'start' : 'end'], message: 'give both times, or neither for whole days' })
      }
      if (isTime(v.start) && isTime(v.end)) afterStart(v, ctx, 'time it starts')
    },
    { when: () => true },
  )
  .transform((v) => ({ staff: v.staff, startDate: v.startDate, endDate: v.endDate, startTime: v.start, endTime: v.end, reason: v.reason, detail: null }))

/** Someone to make a manager of the school: who they are and where their sign-in link goes. */
export const managerForm: z.ZodType<NewManager> = z.object({
  name: text(required.pipe(name)),
  email: text(required.pipe(z.email('enter an email address such as name@school.org')).pipe(z.string().max(254, 'must be at most 254 characters'))),
})
