// The unfilled seats of a week told the way a manager acts on them: grouped by cause, in names
// (never the codes the solver speaks), each group with the page where it can be put right. The
// solver's own reason (solver/explain.ts) stays as it is for the API and the CLI; this reads the
// same scenario the solver read and says which of the setup's rules left the seats empty.
import { LocalDate } from '@js-joda/core'
import { WEEKDAYS, type Scenario, type Weekday } from '../../solver/scenario.js'

/** Where a manager puts a cause right. */
export type NextStepPage = 'staff' | 'grades' | 'absences' | 'posts'

export interface NextStep {
  page: NextStepPage
  text: string
}

export interface ReasonGroup {
  /** seats left empty in this group */
  seats: number
  /** "on-call", "break", "cover" */
  kind: string
  /** the posts (or cover, events) the seats belong to, by name */
  what: string[]
  days: Weekday[]
  /** why, in a sentence without its first capital: "nobody working then holds Team Teach" */
  why: string
  steps: NextStep[]
}

export interface SeatGap {
  work: string
  date: string
  missing: number
}

/** Short names of the kinds of work, as a manager says them in a sentence. */
const KIND_WORDS: Record<string, string> = { break: 'break', lunch: 'lunch', oncall: 'on-call', other: 'other', cover: 'cover', event: 'event' }

/** A skill typed as a code ("team-teach") reads as words ("Team Teach"); one typed in words is kept. */
export function skillName(skill: string): string {
  if (!/^[a-z0-9]+([-_][a-z0-9]+)*$/.test(skill)) return skill
  return skill
    .split(/[-_]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ')
}

const orList = (words: readonly string[]) => (words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`)
const people = (n: number) => (n === 1 ? '1 person' : `${n} people`)
const named = (names: ReadonlySet<string>) => (names.size > 0 && names.size <= 4 ? ` (${[...names].sort().join(', ')})` : '')

type Cause = 'no-holder' | 'no-holder-then' | 'grade' | 'nobody-working' | 'busy'

interface Work {
  kind: string
  name: string
  skills: string[]
}

function worksOf(s: Scenario): Map<string, Work> {
  const skillList = (k: Readonly<Record<string, number>> | undefined) => Object.keys(k ?? {}).filter((x) => (k?.[x] ?? 0) > 0)
  const out = new Map<string, Work>()
  for (const d of s.duties) out.set(d.id, { kind: d.kind, name: d.name, skills: skillList(d.skills) })
  for (const c of s.cover ?? []) out.set(c.id, { kind: 'cover', name: `Cover: ${c.label ?? c.id}`, skills: skillList(c.skills) })
  for (const e of s.events ?? []) out.set(e.id, { kind: 'event', name: e.name, skills: skillList(e.skills) })
  return out
}

interface Diagnosis {
  cause: Cause
  /** names of people who hold what is needed and work then, but whose grade does not allow the kind */
  gradeBlocked: string[]
  /** names of people who could, were they not absent */
  absent: string[]
}

/** Which rule of the setup leaves one seat empty, from who works that day, holds the skill and may do the kind. */
function diagnose(s: Scenario, work: Work, date: string): Diagnosis {
  const weekday = WEEKDAYS[LocalDate.parse(date).dayOfWeek().value() - 1] as Weekday
  const allowed = new Set(s.grades.filter((g) => (g.dutyKinds as readonly string[]).includes(work.kind)).map((g) => g.id))
  const away = new Set((s.absences ?? []).filter((a) => a.date === date && a.start === undefined).map((a) => a.staff))
  const holders = work.skills.length === 0 ? s.staff : s.staff.filter((p) => work.skills.some((k) => p.skills?.includes(k)))
  const working = holders.filter((p) => p.pattern[weekday] !== undefined)
  const present = working.filter((p) => !away.has(p.id))
  const gradeBlocked = present.filter((p) => !allowed.has(p.grade)).map((p) => p.name)
  const absent = working.filter((p) => away.has(p.id) && allowed.has(p.grade)).map((p) => p.name)
  const able = present.filter((p) => allowed.has(p.grade))
  let cause: Cause = 'busy'
  if (able.length === 0) {
    if (work.skills.length > 0 && holders.length === 0) cause = 'no-holder'
    else if (present.length > 0) cause = 'grade'
    else cause = work.skills.length > 0 ? 'no-holder-then' : 'nobody-working'
  }
  return { cause, gradeBlocked, absent }
}

interface Gathered {
  seats: number
  kind: string
  skills: string[]
  cause: Cause
  what: Set<string>
  days: Set<Weekday>
  gradeBlocked: Set<string>
  absent: Set<string>
}

export function groupUnfilled(s: Scenario, gaps: readonly SeatGap[]): ReasonGroup[] {
  const works = worksOf(s)
  const groups = new Map<string, Gathered>()
  for (const gap of gaps) {
    const work = works.get(gap.work) ?? { kind: 'other', name: gap.work, skills: [] }
    const d = diagnose(s, work, gap.date)
    const key = `${d.cause}|${work.kind}|${[...work.skills].sort().join(',')}`
    const g = groups.get(key) ?? {
      seats: 0,
      kind: work.kind,
      skills: work.skills,
      cause: d.cause,
      what: new Set(),
      days: new Set(),
      gradeBlocked: new Set(),
      absent: new Set(),
    }
    g.seats += gap.missing
    g.what.add(work.name)
    g.days.add(WEEKDAYS[LocalDate.parse(gap.date).dayOfWeek().value() - 1] as Weekday)
    for (const n of d.gradeBlocked) g.gradeBlocked.add(n)
    for (const n of d.absent) g.absent.add(n)
    groups.set(key, g)
  }
  return [...groups.values()].map(told).sort((a, b) => b.seats - a.seats || a.kind.localeCompare(b.kind))
}

/** One group in words, with the next step for its cause and for each thing that would also help. */
function told(g: Gathered): ReasonGroup {
  const kind = KIND_WORDS[g.kind] ?? g.kind
  const skill = orList(g.skills.map(skillName))
  const staffStep: NextStep = {
    page: 'staff',
    text: g.skills.length > 0 ? `Add ${skill} to someone on the Staff page` : 'Change working days or weekly limits on the Staff page',
  }
  const gradeStep: NextStep = { page: 'grades', text: `Allow ${kind} duties for a grade on the Grades page` }
  const main: Record<Cause, [string, NextStep]> = {
    'no-holder': [`nobody on the staff holds ${skill}`, staffStep],
    'no-holder-then': [`nobody working then holds ${skill}`, staffStep],
    grade: [
      g.skills.length > 0 ? `nobody working then whose grade allows ${kind} holds ${skill}` : `nobody working then has a grade that allows ${kind}`,
      gradeStep,
    ],
    'nobody-working': ['nobody is working then', staffStep],
    busy: [
      'everyone who could is already on other work, at their weekly limit or outside their hours then',
      { page: 'staff', text: 'Ease a weekly limit or add someone on the Staff page' },
    ],
  }
  const [why, step] = main[g.cause]
  const parts = [why]
  const steps = [step]
  if (g.gradeBlocked.size > 0 && g.cause !== 'grade') {
    parts.push(`${people(g.gradeBlocked.size)} could if their grade allowed ${kind}${named(g.gradeBlocked)}`)
    steps.push(gradeStep)
  } else if (g.cause === 'grade') {
    parts[0] = `${why}; ${people(g.gradeBlocked.size)} could if their grade allowed ${kind}${named(g.gradeBlocked)}`
    if (g.skills.length > 0) steps.push(staffStep)
  }
  if (g.absent.size > 0) {
    parts.push(`${people(g.absent.size)} who could ${g.absent.size === 1 ? 'is' : 'are'} absent${named(g.absent)}`)
    steps.push({ page: 'absences', text: 'See the absences and ask for cover on the Absences page' })
  }
  const days = WEEKDAYS.filter((d) => g.days.has(d))
  return { seats: g.seats, kind, what: [...g.what].sort(), days, why: parts.join('; '), steps }
}
