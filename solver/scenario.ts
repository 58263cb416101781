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
    .superRefine(
      (value, ctx) => {
        if (typeof value !== 'object' || value === null) return
        for (const key of Object.keys(value)) {
          if (!known.has(key) && !key.startsWith('x-')) {
            ctx.addIssue({ code: 'custom', path: [key], message: `unknown field "${key}" (extension fields must start with "x-")` })
          }
        }
      },
      { when: () => true },
    )
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
// Set from measurement (bench/README.md, "The limits"): the largest week these accept (2,000
// staff; a crisis with 9,540 cover requests) finishes inside the default step budget in under
// 30 s of CPU and 512 MB. 20,000 cover requests had blocked a solve for minutes.
export const LIMITS = {
  slots: 100,
  grades: 200,
  staff: 2000,
  duties: 500,
  absences: 20000,
  cover: 10000,
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
 * References between lists: unique ids, every id that points elsewhere names something that
 * exists, and dates fall in the planned week. It runs even when some fields are malformed, so
 * that a file comes back with every bad path in one answer; it therefore reads the input
 * loosely and skips anything not well formed (that already has its own problem).
 */
type Loose = Record<string, unknown>
type Path = (string | number)[]

const asLoose = (value: unknown): Loose | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : undefined)
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined)
const entries = (value: unknown): [Loose, number][] =>
  Array.isArray(value)
    ? value.flatMap((item, i): [Loose, number][] => {
        const r = asLoose(item)
        return r ? [[r, i]] : []
      })
    : []
const texts = (value: unknown): [string, number][] =>
  Array.isArray(value) ? value.flatMap((item, i): [string, number][] => (typeof item === 'string' ? [[item, i]] : [])) : []

function checkReferences(input: unknown, ctx: z.RefinementCtx): void {
  const sc = asLoose(input)
  if (!sc) return
  const issue = (path: Path, message: string) => ctx.addIssue({ code: 'custom', path, message })
  const idsOf = (listName: string): Set<string> => {
    const seen = new Set<string>()
    for (const [item, i] of entries(sc[listName])) {
      const itemId = text(item.id)
      if (itemId === undefined) continue
      if (seen.has(itemId)) issue([listName, i, 'id'], `duplicate id "${itemId}"`)
      seen.add(itemId)
    }
    return seen
  }
  const slotIds = idsOf('slots')
  const gradeIds = idsOf('grades')
  const staffIds = idsOf('staff')
  const dutyIds = idsOf('duties')
  idsOf('cover')
  idsOf('events')
  const workIds = new Map<string, string>()
  for (const listName of ['duties', 'cover', 'events']) {
    for (const [item, i] of entries(sc[listName])) {
      const itemId = text(item.id)
      if (itemId === undefined) continue
      const other = workIds.get(itemId)
      if (other && other !== listName) issue([listName, i, 'id'], `id "${itemId}" is also used in ${other}: duties, cover and events share one namespace`)
      workIds.set(itemId, listName)
    }
  }

  const week = text(sc.week)
  const weekKnown = week !== undefined && isoDate.safeParse(week).success
  if (weekKnown && !isMonday(week)) issue(['week'], 'must be a Monday')
  const weekDates = new Set(weekKnown ? datesOfWeek(week) : [])
  const inWeek = (date: unknown, path: Path) => {
    if (weekKnown && typeof date === 'string' && isoDate.safeParse(date).success && !weekDates.has(date)) {
      issue(path, `${date} is not in the week starting ${week}`)
    }
  }
  const known = (ids: Set<string>, value: unknown, path: Path, what: string) => {
    if (typeof value === 'string' && !ids.has(value)) issue(path, `unknown ${what} "${value}"`)
  }

  for (const [date, i] of texts(sc.closed)) inWeek(date, ['closed', i])
  for (const [person, i] of entries(sc.staff)) {
    known(gradeIds, person.grade, ['staff', i, 'grade'], 'grade')
    for (const listName of ['avoid', 'prefer']) {
      for (const [d, j] of texts(person[listName])) known(dutyIds, d, ['staff', i, listName, j], 'duty')
    }
  }
  for (const [duty, i] of entries(sc.duties)) {
    for (const [s, j] of texts(duty.slots)) known(slotIds, s, ['duties', i, 'slots', j], 'slot')
    checkSkillSeats(duty.skills, duty.staff, ['duties', i, 'skills'], issue)
  }
  for (const [a, i] of entries(sc.absences)) {
    known(staffIds, a.staff, ['absences', i, 'staff'], 'staff')
    if ((a.start === undefined) !== (a.end === undefined)) {
      issue(['absences', i, a.start === undefined ? 'start' : 'end'], 'give both start and end, or neither for the whole day')
    }
  }
  for (const [c, i] of entries(sc.cover)) {
    known(slotIds, c.slot, ['cover', i, 'slot'], 'slot')
    inWeek(c.date, ['cover', i, 'date'])
    checkSkillSeats(c.skills, c.staff ?? 1, ['cover', i, 'skills'], issue)
  }
  for (const [e, i] of entries(sc.events)) {
    inWeek(e.date, ['events', i, 'date'])
    checkSkillSeats(e.skills, e.staff ?? 1, ['events', i, 'skills'], issue)
  }
  for (const listName of ['previous', 'pins']) {
    for (const [a, i] of entries(sc[listName])) {
      known(staffIds, a.staff, [listName, i, 'staff'], 'staff')
      if (typeof a.duty === 'string' && !workIds.has(a.duty)) issue([listName, i, 'duty'], `unknown duty, cover request or event "${a.duty}"`)
      known(slotIds, a.slot, [listName, i, 'slot'], 'slot')
      inWeek(a.date, [listName, i, 'date'])
    }
  }
}

function checkSkillSeats(skills: unknown, people: unknown, path: Path, issue: (path: Path, message: string) => void): void {
  const counts = asLoose(skills)
  if (!counts || typeof people !== 'number') return
  const seats = Object.values(counts).reduce<number>((sum, n) => sum + (typeof n === 'number' ? n : 0), 0)
  if (seats > people) issue(path, `asks for ${seats} skill seats but only ${people} people`)
}

// `when` makes the check run even when some fields failed, so every bad path is reported at once.
export const scenarioSchema = scenarioShape.superRefine(checkReferences, { when: () => true })

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
