// The JSON text columns the scenario reads and writes, parsed with zod at the repository edge
// so a malformed row fails loudly here instead of leaking untyped values into a scenario.
import { z } from 'zod'
import { WEEKDAYS, WORK_KINDS, type Weekday } from '../../solver/scenario.js'

const weekday = z.enum(WEEKDAYS)
const weekdays = z.array(weekday)
const workKinds = z.array(z.enum(WORK_KINDS))
const codes = z.array(z.string())
const skillSeats = z.record(z.string(), z.number().int().min(0))
const pattern = z.partialRecord(weekday, z.object({ start: z.string(), end: z.string() }))

function column<T>(schema: z.ZodType<T>, what: string) {
  return (text: string): T => {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new Error(`stored ${what} is not JSON`)
    }
    const parsed = schema.safeParse(json)
    if (!parsed.success) throw new Error(`stored ${what} is malformed: ${parsed.error.message}`)
    return parsed.data
  }
}

export const readWeekdays = column(weekdays, 'weekday list')
export const readWorkKinds = column(workKinds, 'duty kinds')
export const readCodes = column(codes, 'code list')
export const readSkillSeats = column(skillSeats, 'skill seats')
export const readPattern = column(pattern, 'working pattern')

export type Pattern = z.infer<typeof pattern>

/** Weekdays in calendar order, so equal sets are stored as equal text. */
export function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return [...new Set(days)].sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b))
}

/** A pattern's days in calendar order, so equal patterns are stored as equal text. */
export function sortPattern(p: Pattern): Pattern {
  const out: Pattern = {}
  for (const day of WEEKDAYS) {
    const hours = p[day]
    if (hours) out[day] = { start: hours.start, end: hours.end }
  }
  return out
}

/** Skill seats with keys sorted, so equal seats are stored as equal text. */
export function sortSkillSeats(seats: Record<string, number> | undefined): Record<string, number> {
  const out: Record<string, number> = {}
  for (const key of Object.keys(seats ?? {}).sort()) out[key] = seats?.[key] ?? 0
  return out
}
