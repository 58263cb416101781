// Cell readers for the staff import, as zod schemas so every bad cell becomes one named problem.
// They accept what a management information system or a spreadsheet tends to write: "8:30" for
// 08:30, "36:40" hours for 36 h 40 min, "Mon-Fri 08:00-15:50" for a working pattern, and
// "First aid (30/06/2027)" for a skill with its certificate's expiry.
import { z } from 'zod'
import { WEEKDAYS, type Weekday } from '../../solver/scenario.js'
import { isoDate } from '../platform/fields.js'
import type { CommitmentInput, SkillHeld, WorkingHours } from './staff.js'

const FULL_DAYS: Record<Weekday, string> = { mon: 'monday', tue: 'tuesday', wed: 'wednesday', thu: 'thursday', fri: 'friday', sat: 'saturday', sun: 'sunday' }

/** "Mon", "monday", "Tues", "Thurs", "Weds" -> the weekday; undefined for anything else. */
export function weekdayOf(word: string): Weekday | undefined {
  const w = word.trim().toLowerCase().replace(/\.$/, '')
  if (w.length < 3) return undefined
  const day = WEEKDAYS.find((d) => FULL_DAYS[d].startsWith(w) || (d === 'wed' && w === 'weds'))
  return day
}

/** "8:30", "08.30", "0830" -> "08:30"; undefined when it is not a time of day. */
export function timeOf(text: string): string | undefined {
  const m = /^(\d{1,2})[:.]?(\d{2})$/.exec(text.trim())
  if (!m) return undefined
  const h = Number(m[1])
  const min = Number(m[2])
  if (h > 23 || min > 59) return undefined
  return `${String(h).padStart(2, '0')}:${m[2]}`
}

const TIME_RANGE = /^(.*?)\s*(\d{1,2}[:.]?\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}[:.]?\d{2})$/i

/** "08:00-15:50" (one day's hours). */
export const hoursOfDay = z.string().transform((text, ctx): WorkingHours => {
  const m = TIME_RANGE.exec(text.trim())
  const start = m && m[1] === '' ? timeOf(m[2] as string) : undefined
  const end = m ? timeOf(m[3] as string) : undefined
  if (!start || !end) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not start-end, e.g. 08:00-15:50` })
    return z.NEVER
  }
  if (end <= start) {
    ctx.addIssue({ code: 'custom', message: `ends (${end}) before it starts (${start})` })
    return z.NEVER
  }
  return { start, end }
})

/** The days of "Mon-Fri", "Mon, Wed & Fri", "Tue/Thu". */
function daysOf(spec: string): Weekday[] | string {
  const out: Weekday[] = []
  for (const token of spec
    .replace(/\s*[-–]\s*/g, '-')
    .split(/[,/&\s]+|\band\b/i)
    .filter((t) => t !== '')) {
    const range = /^([a-z.]+)\s*[-–]\s*([a-z.]+)$/i.exec(token)
    if (range) {
      const from = weekdayOf(range[1] as string)
      const to = weekdayOf(range[2] as string)
      if (!from || !to) return `"${token}" is not a range of days, e.g. Mon-Fri`
      const a = WEEKDAYS.indexOf(from)
      const b = WEEKDAYS.indexOf(to)
      if (b < a) return `"${token}" runs backwards`
      out.push(...WEEKDAYS.slice(a, b + 1))
      continue
    }
    const day = weekdayOf(token)
    if (!day) return `"${token}" is not a day`
    out.push(day)
  }
  if (out.length === 0) return 'names no day'
  return out
}

/**
 * A week's working pattern in one cell: parts separated by ";" (or "|" or a line break), each
 * some days and their hours: "Mon-Thu 08:00-15:50; Fri 08:00-13:00".
 */
export const pattern = z.string().transform((text, ctx) => {
  const out: Partial<Record<Weekday, WorkingHours>> = {}
  const parts = text
    .split(/[;|\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
  if (parts.length === 0) {
    ctx.addIssue({ code: 'custom', message: 'is empty; write e.g. "Mon-Fri 08:00-15:50"' })
    return z.NEVER
  }
  for (const part of parts) {
    const m = TIME_RANGE.exec(part)
    if (!m || (m[1] as string).trim() === '') {
      ctx.addIssue({ code: 'custom', message: `"${part}" is not days and hours, e.g. "Mon-Fri 08:00-15:50"` })
      return z.NEVER
    }
    const days = daysOf(m[1] as string)
    const hours = hoursOfDay.safeParse(`${m[2]}-${m[3]}`)
    if (typeof days === 'string' || !hours.success) {
      ctx.addIssue({
        code: 'custom',
        message: typeof days === 'string' ? `"${part}": ${days}` : `"${part}": ${hours.error?.issues[0]?.message ?? 'bad hours'}`,
      })
      return z.NEVER
    }
    for (const day of days) {
      if (out[day]) {
        ctx.addIssue({ code: 'custom', message: `gives ${FULL_DAYS[day]} twice` })
        return z.NEVER
      }
      out[day] = hours.data
    }
  }
  return out
})

/** "36.67", "32.5", "36:40" (hours and minutes), "37 h" -> hours a week, two decimals. */
export const hoursPerWeek = z.string().transform((text, ctx) => {
  const t = text.trim().replace(/\s*(?:h|hrs?|hours)$/i, '')
  const hm = /^(\d{1,3}):([0-5]\d)$/.exec(t)
  const value = hm ? Number(hm[1]) + Number(hm[2]) / 60 : /^\d{1,3}(?:\.\d+)?$/.test(t) ? Number(t) : NaN
  if (!Number.isFinite(value)) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a number of hours, e.g. 32.5 or 36:40` })
    return z.NEVER
  }
  if (value <= 0 || value > 168) {
    ctx.addIssue({ code: 'custom', message: 'must be more than 0 and at most 168' })
    return z.NEVER
  }
  return Math.round(value * 100) / 100
})

/** A whole number within bounds. */
export const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.number().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))

/** A number of hours such as an allowance: 0 or more, decimals allowed. */
export const decimalHours = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+(?:\.\d+)?$/, 'must be a number, e.g. 22.5')
    .transform(Number)
    .pipe(z.number().max(max, `must be at most ${max}`))

/** A date as ISO or UK day/month/year -> ISO. */
export const ukOrIsoDate = z.string().transform((text, ctx) => {
  const t = text.trim()
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t)
  const iso = uk ? `${uk[3]}-${(uk[2] as string).padStart(2, '0')}-${(uk[1] as string).padStart(2, '0')}` : t
  const checked = isoDate.safeParse(iso)
  if (!checked.success) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not a date (YYYY-MM-DD or DD/MM/YYYY)` })
    return z.NEVER
  }
  return checked.data
})

/** "First aid" -> "first-aid": the form duty posts' skill seats use. */
export function skillKey(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-')
}

const SKILL_KEY = /^[a-z0-9][a-z0-9.-]*$/
const DATE_IN = /(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\/\d{1,2}\/\d{4})/

/**
 * Skills held, separated by ";" or ",": "first-aid (2027-06-30); team-teach until 31/08/2027;
 * dsl". A date after a skill is when its certificate expires.
 */
export const skills = z.string().transform((text, ctx) => {
  const out: SkillHeld[] = []
  for (const part of text
    .split(/[;,|]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = DATE_IN.exec(part)
    let name = part
    let expiresOn: string | null = null
    if (m) {
      const after = part.slice(m.index + m[0].length).trim()
      name = part
        .slice(0, m.index)
        .replace(/[\s(:]*(?:expires|expiry|exp\.?|until|to)?[\s(:]*$/i, '')
        .trim()
      const date = ukOrIsoDate.safeParse(m[0])
      if (after.replace(/^\)$/, '') !== '' || !date.success) {
        ctx.addIssue({ code: 'custom', message: `"${part}" is not a skill with an expiry date, e.g. "first-aid (2027-06-30)"` })
        return z.NEVER
      }
      expiresOn = date.data
    }
    const skill = skillKey(name)
    if (!SKILL_KEY.test(skill) || skill.length > 100) {
      ctx.addIssue({ code: 'custom', message: `"${name}" is not a skill name (letters, digits and hyphens)` })
      return z.NEVER
    }
    if (out.some((s) => s.skill === skill)) {
      ctx.addIssue({ code: 'custom', message: `lists "${skill}" twice` })
      return z.NEVER
    }
    out.push({ skill, expiresOn })
  }
  return out
})

const COMMITMENT = /^([a-z.]+)\s+(\d{1,2}[:.]?\d{2})\s*(?:-|–|—|to)\s*(\d{1,2}[:.]?\d{2})(?:\s+(.+))?$/i

/** Written after a commitment's label, it asks for cover whenever its holder is away. */
export const NEEDS_COVER_MARK = '(needs cover)'
const NEEDS_COVER = /\s*\(needs cover\)$/i

/** Fixed commitments the rota works around, ";" between them: "Tue 12:10-12:40 Choir; Thu 15:30-16:30". */
export const commitments = z.string().transform((text, ctx) => {
  const out: CommitmentInput[] = []
  for (const part of text
    .split(/[;|\n]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = COMMITMENT.exec(part)
    const day = m ? weekdayOf(m[1] as string) : undefined
    const start = m ? timeOf(m[2] as string) : undefined
    const end = m ? timeOf(m[3] as string) : undefined
    const written = m?.[4]?.trim() ?? null
    const needsCover = written !== null && NEEDS_COVER.test(written)
    const label = needsCover ? written.replace(NEEDS_COVER, '').trim() || null : written
    const problem =
      !day || !start || !end
        ? `"${part}" is not a day and its times, e.g. "Tue 12:10-12:40 Choir" or "Mon 09:00-10:00 1:1 reading (needs cover)"`
        : end <= start
          ? `"${part}" ends (${end}) before it starts (${start})`
          : label !== null && label.length > 500
            ? `"${label.slice(0, 20)}..." is over 500 characters`
            : undefined
    if (problem !== undefined || !day || !start || !end) {
      ctx.addIssue({ code: 'custom', message: problem ?? '' })
      return z.NEVER
    }
    out.push({ day, start, end, label, needsCover })
  }
  return out
})
