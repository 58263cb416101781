// Words the pages use for the data's codes, and compact text for patterns and skills, written
// in the same grammar the forms and the staff import read back (src/setup/staff-csv-cells.ts).
import { WEEKDAYS, type Weekday } from '../../../solver/scenario.js'
import type { CommitmentInput, SkillHeld, WorkingHours } from '../../setup/staff.js'
import { NEEDS_COVER_MARK } from '../../setup/staff-csv-cells.js'
import type { Option } from '../../ui/form-fields.js'
import { WEEKDAY_LONG } from '../../ui/dates.js'

export const WEEKDAY_SHORT: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' }
export { WEEKDAY_LONG }

export const SCHOOL_DAYS: Option[] = WEEKDAYS.slice(0, 5).map((d) => ({ value: d, label: WEEKDAY_LONG[d] }))
export const ALL_DAYS: Option[] = WEEKDAYS.map((d) => ({ value: d, label: WEEKDAY_LONG[d] }))

export const SLOT_KIND_LABELS = { lesson: 'Lesson', break: 'Break', lunch: 'Lunch', other: 'Other (before or after school)' } as const
export const DUTY_KIND_LABELS = { break: 'Break', lunch: 'Lunch', oncall: 'On-call behaviour support', other: 'Other' } as const
export const WORK_KIND_LABELS = { ...DUTY_KIND_LABELS, cover: 'Cover', event: 'Events (INSET, evenings)' } as const
export const CLOSURE_KIND_LABELS = { inset: 'INSET day', bank_holiday: 'Bank holiday', other: 'Closed' } as const
export const PERIOD_KIND_LABELS = { term: 'Term', half_term: 'Half term' } as const
export const ABSENCE_REASON_LABELS = {
  sickness: 'Sickness',
  medical: 'Medical appointment',
  family: 'Family',
  training: 'Training',
  trip: 'School trip',
  compassionate: 'Compassionate',
  other: 'Other',
} as const

export const optionsOf = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }))

/** "Mon-Fri" for a run of three or more days, else "Mon, Wed". */
export function daysText(days: readonly Weekday[] | null | undefined): string {
  if (!days || days.length === 0) return 'Every day'
  const idx = [...days].map((d) => WEEKDAYS.indexOf(d)).sort((a, b) => a - b)
  const runs: number[][] = []
  for (const i of idx) {
    const last = runs[runs.length - 1]
    if (last && last[last.length - 1] === i - 1) last.push(i)
    else runs.push([i])
  }
  return runs
    .flatMap((r) => {
      const names = r.map((i) => WEEKDAY_SHORT[WEEKDAYS[i] as Weekday])
      return r.length >= 3 ? [`${names[0]}-${names[names.length - 1]}`] : names
    })
    .join(', ')
}

/** "Mon-Thu 08:00-15:50; Fri 08:00-13:00": days with the same hours together. */
export function patternText(pattern: Partial<Record<Weekday, WorkingHours>>): string {
  const groups = new Map<string, Weekday[]>()
  for (const d of WEEKDAYS) {
    const h = pattern[d]
    if (!h) continue
    const k = `${h.start}-${h.end}`
    groups.set(k, [...(groups.get(k) ?? []), d])
  }
  return [...groups.entries()].map(([hours, days]) => `${daysText(days).replace(/, /g, ',')} ${hours}`).join('; ')
}

/** "first-aid (2027-06-30); dsl" */
export function skillsText(skills: readonly SkillHeld[]): string {
  return skills.map((s) => (s.expiresOn ? `${s.skill} (${s.expiresOn})` : s.skill)).join('; ')
}

/** "first-aid:1; team-teach:1" */
export function seatsText(seats: Record<string, number>): string {
  return Object.entries(seats)
    .map(([skill, n]) => `${skill}:${n}`)
    .join('; ')
}

/** "Tue 12:10-12:40 Choir; Thu 15:30-16:30" */
export function commitmentsText(commitments: readonly CommitmentInput[]): string {
  return commitments
    .map((c) => `${WEEKDAY_SHORT[c.day]} ${c.start}-${c.end}${c.label ? ` ${c.label}` : ''}${c.needsCover ? ` ${NEEDS_COVER_MARK}` : ''}`)
    .join('; ')
}
