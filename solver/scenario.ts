// The two interchange formats, duty-rota/scenario@1 and duty-rota/rota@1, as zod schemas.
// Everything that crosses the seam between the service and the solver (imports, exports, the
// CLI, tests, benchmarks) is parsed here, so a bad file is rejected in one place with one
// message per bad path.
import { z } from 'zod'

export const SCENARIO_FORMAT = 'duty-rota/scenario@1'
export const ROTA_FORMAT = 'duty-rota/rota@1'

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const
export type Weekday = (typeof WEEKDAYS)[number]

export const DUTY_KINDS = ['break', 'lunch', 'oncall', 'other'] as const
export type DutyKind = (typeof DUTY_KINDS)[number]
/** Kinds a grade may allow: recurring duties plus cover requests and events. */
export const WORK_KINDS = [...DUTY_KINDS, 'cover', 'event'] as const
export type WorkKind = (typeof WORK_KINDS)[number]

export const SLOT_KINDS = ['lesson', 'break', 'lunch', 'other'] as const

/**
 * An object that rejects unknown keys, except `x-` extension keys, which the format says are
 * kept and ignored. Zod's strict objects cannot express that exception, so unknown keys are
 * caught by a refinement that names each one.
 */
function record<Shape extends z.ZodRawShape>(shape: Shape) {
  const known = new Set(Object.keys(shape))
  return z
    .object(shape)
    .catchall(z.unknown())
    .superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (!known.has(key) && !key.startsWith('x-')) {
          ctx.addIssue({ code: 'custom', path: [key], message: `unknown field "${key}" (extension fields must start with "x-")` })
        }
      }
    })
}

const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/
export const timeOfDay = z.string().regex(TIME_RE, 'expected a time "HH:MM" (24-hour)')

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/
export const isoDate = z
  .string()
  .regex(DATE_RE, 'expected a date "YYYY-MM-DD"')
  .refine((s) => isRealDate(s), 'no such calendar date')

function isRealDate(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  const probe = new Date(Date.UTC(y, m - 1, d))
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d
}

const id = z.string().min(1, 'must not be empty').max(200)
const weekday = z.enum(WEEKDAYS)
const skillCounts = z.record(z.string().min(1), z.number().int().min(0).max(1000))
const priority = z.number().int().min(1).max(5)
const peopleNeeded = z.number().int().min(1).max(1000)

/** Minutes since midnight of an "HH:MM" time. */
export function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5))
}

function endsAfterStart<T extends { start: string; end: string }>(value: T, ctx: z.RefinementCtx): void {
  if (minutesOf(value.end) <= minutesOf(value.start)) {
    ctx.addIssue({ code: 'custom', path: ['end'], message: `must be after start (${value.start})` })
  }
}

export const slotSchema = record({
  id,
  kind: z.enum(SLOT_KINDS),
  start: timeOfDay,
  end: timeOfDay,
  days: z.array(weekday).min(1).optional(),
}).superRefine(endsAfterStart)

export const gradeSchema = record({
  id,
  name: z.string().min(1).max(200),
  dutyKinds: z.array(z.enum(WORK_KINDS)),
})

export const workingDaySchema = record({ start: timeOfDay, end: timeOfDay }).superRefine(endsAfterStart)

export const commitmentSchema = record({
  day: weekday,
  start: timeOfDay,
  end: timeOfDay,
  label: z.string().max(500).optional(),
}).superRefine(endsAfterStart)

export const staffSchema = record({
  id,
  name: z.string().min(1).max(200),
  grade: id,
  hoursPerWeek: z.number().gt(0, 'must be more than 0').max(168),
  pattern: z.partialRecord(weekday, workingDaySchema),
  unpaidBreakMinutes: z.number().int().min(0).max(600).optional(),
  skills: z.array(z.string().min(1).max(100)).optional(),
  maxDutiesPerWeek: z.number().int().min(0).max(1000).optional(),
  additionalHoursRemaining: z.number().min(0).max(10000).optional(),
  dutiesThisTerm: z.number().int().min(0).max(100000).optional(),
  commitments: z.array(commitmentSchema).optional(),
  avoid: z.array(id).optional(),
  prefer: z.array(id).optional(),
})

export const dutySchema = record({
  id,
  name: z.string().min(1).max(200),
  kind: z.enum(DUTY_KINDS),
  slots: z.array(id).min(1),
  days: z.array(weekday).min(1),
  staff: peopleNeeded,
  skills: skillCounts.optional(),
  priority: priority.optional(),
})

export const absenceSchema = record({
  staff: id,
  date: isoDate,
  start: timeOfDay.optional(),
  end: timeOfDay.optional(),
  reason: z.string().max(100).optional(),
}).superRefine((value, ctx) => {
  if (value.start !== undefined && value.end !== undefined) endsAfterStart({ start: value.start, end: value.end }, ctx)
})

export const coverSchema = record({
  id,
  date: isoDate,
  slot: id,
  label: z.string().max(500).optional(),
  staff: peopleNeeded.optional(),
  skills: skillCounts.optional(),
  priority: priority.optional(),
})

export const eventSchema = record({
  id,
  name: z.string().min(1).max(200),
  date: isoDate,
  start: timeOfDay,
  end: timeOfDay,
  staff: peopleNeeded.optional(),
  skills: skillCounts.optional(),
  priority: priority.optional(),
}).superRefine(endsAfterStart)

export const assignmentSchema = record({
  staff: id,
  duty: id,
  date: isoDate,
  slot: id.optional(),
})

export const schoolSchema = record({
  name: z.string().min(1).max(200),
  timezone: z.string().min(1).max(100),
  fullTimeHours: z.number().gt(0).max(168).optional(),
})

/** Size caps: a week of a very large school fits well inside them; anything beyond is abuse. */
export const LIMITS = {
  slots: 100,
  grades: 200,
  staff: 2000,
  duties: 500,
  absences: 20000,
  cover: 20000,
  events: 500,
  assignments: 100000,
} as const

const scenarioShape = record({
  format: z.literal(SCENARIO_FORMAT),
  school: schoolSchema,
  week: isoDate,
  closed: z.array(isoDate).optional(),
  slots: z.array(slotSchema).min(1).max(LIMITS.slots),
  grades: z.array(gradeSchema).max(LIMITS.grades),
  staff: z.array(staffSchema).max(LIMITS.staff),
  duties: z.array(dutySchema).max(LIMITS.duties),
  absences: z.array(absenceSchema).max(LIMITS.absences).optional(),
  cover: z.array(coverSchema).max(LIMITS.cover).optional(),
  events: z.array(eventSchema).max(LIMITS.events).optional(),
  previous: z.array(assignmentSchema).max(LIMITS.assignments).optional(),
  pins: z.array(assignmentSchema).max(LIMITS.assignments).optional(),
})

export type Slot = z.infer<typeof slotSchema>
export type Grade = z.infer<typeof gradeSchema>
export type WorkingDay = z.infer<typeof workingDaySchema>
export type Commitment = z.infer<typeof commitmentSchema>
export type Staff = z.infer<typeof staffSchema>
export type Duty = z.infer<typeof dutySchema>
export type Absence = z.infer<typeof absenceSchema>
export type CoverRequest = z.infer<typeof coverSchema>
export type SchoolEvent = z.infer<typeof eventSchema>
export type Assignment = z.infer<typeof assignmentSchema>
export type Scenario = z.infer<typeof scenarioShape>

/** The seven dates of the week starting on `monday`, Monday first. */
export function datesOfWeek(monday: string): string[] {
  const [y, m, d] = monday.split('-').map(Number) as [number, number, number]
  return WEEKDAYS.map((_, i) => new Date(Date.UTC(y, m - 1, d + i)).toISOString().slice(0, 10))
}

function isMonday(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay() === 1
}

/**
 * References between lists, checked after each field is well formed: unique ids, every id
 * that points elsewhere names something that exists, and dates fall in the planned week.
 */
function checkReferences(sc: Scenario, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message })
  const uniqueIds = (list: { id: string }[], name: string) => {
    const seen = new Set<string>()
    list.forEach((item, i) => {
      if (seen.has(item.id)) issue([name, i, 'id'], `duplicate id "${item.id}"`)
      seen.add(item.id)
    })
  }
  uniqueIds(sc.slots, 'slots')
  uniqueIds(sc.grades, 'grades')
  uniqueIds(sc.staff, 'staff')
  uniqueIds(sc.duties, 'duties')
  uniqueIds(sc.cover ?? [], 'cover')
  uniqueIds(sc.events ?? [], 'events')
  const workIds = new Map<string, string>()
  for (const [list, name] of [[sc.duties, 'duties'], [sc.cover ?? [], 'cover'], [sc.events ?? [], 'events']] as const) {
    list.forEach((item, i) => {
      const other = workIds.get(item.id)
      if (other && other !== name) issue([name, i, 'id'], `id "${item.id}" is also used in ${other}: duties, cover and events share one namespace`)
      workIds.set(item.id, name)
    })
  }

  if (!isMonday(sc.week)) issue(['week'], 'must be a Monday')
  const weekDates = new Set(datesOfWeek(sc.week))
  const inWeek = (date: string, path: (string | number)[]) => {
    if (!weekDates.has(date)) issue(path, `${date} is not in the week starting ${sc.week}`)
  }

  const slotIds = new Set(sc.slots.map((s) => s.id))
  const gradeIds = new Set(sc.grades.map((g) => g.id))
  const staffIds = new Set(sc.staff.map((s) => s.id))
  const dutyIds = new Set(sc.duties.map((d) => d.id))

  sc.closed?.forEach((date, i) => inWeek(date, ['closed', i]))
  sc.staff.forEach((person, i) => {
    if (!gradeIds.has(person.grade)) issue(['staff', i, 'grade'], `unknown grade "${person.grade}"`)
    person.avoid?.forEach((d, j) => {
      if (!dutyIds.has(d)) issue(['staff', i, 'avoid', j], `unknown duty "${d}"`)
    })
    person.prefer?.forEach((d, j) => {
      if (!dutyIds.has(d)) issue(['staff', i, 'prefer', j], `unknown duty "${d}"`)
    })
  })
  sc.duties.forEach((duty, i) => {
    duty.slots.forEach((s, j) => {
      if (!slotIds.has(s)) issue(['duties', i, 'slots', j], `unknown slot "${s}"`)
    })
    checkSkillSeats(duty.skills, duty.staff, ['duties', i, 'skills'], issue)
  })
  sc.absences?.forEach((a, i) => {
    if (!staffIds.has(a.staff)) issue(['absences', i, 'staff'], `unknown staff "${a.staff}"`)
    if ((a.start === undefined) !== (a.end === undefined)) issue(['absences', i, a.start === undefined ? 'start' : 'end'], 'give both start and end, or neither for the whole day')
  })
  sc.cover?.forEach((c, i) => {
    if (!slotIds.has(c.slot)) issue(['cover', i, 'slot'], `unknown slot "${c.slot}"`)
    inWeek(c.date, ['cover', i, 'date'])
    checkSkillSeats(c.skills, c.staff ?? 1, ['cover', i, 'skills'], issue)
  })
  sc.events?.forEach((e, i) => {
    inWeek(e.date, ['events', i, 'date'])
    checkSkillSeats(e.skills, e.staff ?? 1, ['events', i, 'skills'], issue)
  })
  for (const listName of ['previous', 'pins'] as const) {
    sc[listName]?.forEach((a, i) => {
      if (!staffIds.has(a.staff)) issue([listName, i, 'staff'], `unknown staff "${a.staff}"`)
      if (!workIds.has(a.duty)) issue([listName, i, 'duty'], `unknown duty, cover request or event "${a.duty}"`)
      if (a.slot !== undefined && !slotIds.has(a.slot)) issue([listName, i, 'slot'], `unknown slot "${a.slot}"`)
      inWeek(a.date, [listName, i, 'date'])
    })
  }
}

function checkSkillSeats(
  skills: Record<string, number> | undefined,
  people: number,
  path: (string | number)[],
  issue: (path: (string | number)[], message: string) => void,
): void {
  const seats = Object.values(skills ?? {}).reduce((a, b) => a + b, 0)
  if (seats > people) issue(path, `asks for ${seats} skill seats but only ${people} people`)
}

export const scenarioSchema = scenarioShape.superRefine(checkReferences)

export const unfilledSchema = record({
  duty: id,
  date: isoDate,
  slot: id.optional(),
  missing: z.number().int().min(1),
  reason: z.string().min(1),
})

export const rotaSchema = record({
  format: z.literal(ROTA_FORMAT),
  assignments: z.array(assignmentSchema).max(LIMITS.assignments),
  unfilled: z.array(unfilledSchema).max(LIMITS.assignments),
  stats: z.record(z.string(), z.unknown()).optional(),
})

export type Unfilled = z.infer<typeof unfilledSchema>
export type Rota = z.infer<typeof rotaSchema>

export interface FieldProblem {
  /** JSON path of the bad field, e.g. "staff[3].pattern.mon.end"; "" for the whole file. */
  path: string
  message: string
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; problems: FieldProblem[] }

export function formatPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else out += out === '' ? String(part) : `.${String(part)}`
  }
  return out
}

export function problemsOf(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }))
}

function parseWith<T>(schema: z.ZodType<T>, input: unknown): Parsed<T> {
  const result = schema.safeParse(input)
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: problemsOf(result.error) }
}

export function parseScenario(input: unknown): Parsed<Scenario> {
  return parseWith(scenarioSchema, input)
}

export function parseRota(input: unknown): Parsed<Rota> {
  return parseWith(rotaSchema, input)
}
