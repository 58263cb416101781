// What a rota was made from, kept in the rota's stats so the week page can tell the manager
// later what in the setup has changed since (a duty post added, a grade changed) and that the
// week needs generating again. Timestamps cannot tell this (a test clock stands still, and the
// audit log says what was written, not what the solver read); a print of the scenario can.
// Names are kept beside the codes so a removed post or person can still be named.
import type { Commitment, Scenario } from '../../solver/scenario.js'

export const SETUP_PRINT_FORMAT = 1

/** code -> [name, ...the fields the manager can be told about, in order] */
export interface SetupPrint {
  format: typeof SETUP_PRINT_FORMAT
  staff: Record<string, [name: string, grade: string, skills: string, hours: string]>
  duties: Record<string, [name: string, kind: string, when: string, people: string, skills: string, priority: string]>
  grades: Record<string, [name: string, kinds: string]>
  slots: Record<string, [name: string, times: string]>
  /** absent from prints made before cover and events were printed: those are not compared */
  cover?: Record<string, [name: string, when: string, people: string, skills: string, priority: string]>
  events?: Record<string, [name: string, when: string, people: string, skills: string, priority: string]>
}

/** A short stable digest (FNV-1a): enough to see that a working pattern changed, not to store it. */
function digest(value: unknown): string {
  let h = 0x811c9dc5
  for (const ch of JSON.stringify(value)) {
    h ^= ch.charCodeAt(0)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h.toString(16)
}

const skillsOf = (skills: Readonly<Record<string, number>> | undefined): string =>
  Object.entries(skills ?? {})
    .filter(([, n]) => n > 0)
    .map(([k, n]) => `${k}:${n}`)
    .sort()
    .join(',')

/** A commitment as the solve reads it: its extension keys (a needs-cover mark) do not change a rota. */
const solverSees = (c: Commitment) => ({ day: c.day, start: c.start, end: c.end, label: c.label })

export function setupPrint(s: Scenario): SetupPrint {
  return {
    format: SETUP_PRINT_FORMAT,
    staff: Object.fromEntries(
      s.staff.map((p) => [
        p.id,
        [
          p.name,
          p.grade,
          [...(p.skills ?? [])].sort().join(','),
          digest([p.hoursPerWeek, p.pattern, p.unpaidBreakMinutes, p.maxDutiesPerWeek, p.commitments?.map(solverSees), p.avoid, p.prefer]),
        ],
      ]),
    ),
    duties: Object.fromEntries(
      s.duties.map((d) => [d.id, [d.name, d.kind, digest([d.slots, d.days]), String(d.staff), skillsOf(d.skills), String(d.priority ?? 3)]]),
    ),
    grades: Object.fromEntries(s.grades.map((g) => [g.id, [g.name, [...g.dutyKinds].sort().join(',')]])),
    slots: Object.fromEntries(s.slots.map((t) => [t.id, [t.id, digest([t.kind, t.start, t.end, t.days])]])),
    cover: Object.fromEntries(
      (s.cover ?? []).map((c) => [c.id, [c.label ?? c.id, `${c.date} ${c.slot}`, String(c.staff ?? 1), skillsOf(c.skills), String(c.priority ?? 3)]]),
    ),
    events: Object.fromEntries(
      (s.events ?? []).map((e) => [e.id, [e.name, `${e.date} ${e.start}-${e.end}`, String(e.staff ?? 1), skillsOf(e.skills), String(e.priority ?? 3)]]),
    ),
  }
}

/** The print stored with a rota, if it has one (rotas made before prints, or imported, do not). */
export function storedPrint(stats: Readonly<Record<string, unknown>>): SetupPrint | undefined {
  const p = stats.setup
  if (typeof p !== 'object' || p === null) return undefined
  const print = p as Partial<SetupPrint>
  return print.format === SETUP_PRINT_FORMAT && print.staff && print.duties && print.grades && print.slots ? (print as SetupPrint) : undefined
}

export type SetupListName = 'staff' | 'duties' | 'grades' | 'slots' | 'cover' | 'events'

export interface SetupChange {
  list: SetupListName
  code: string
  name: string
  /** 'added', 'removed', or the fields that differ, by their place in the print's tuple */
  change: 'added' | 'removed' | { fields: number[] }
}

/** What differs between the setup a rota was made from and the setup now, list by list. */
export function setupChanges(then: SetupPrint, now: SetupPrint): SetupChange[] {
  const out: SetupChange[] = []
  for (const list of ['duties', 'staff', 'grades', 'slots', 'cover', 'events'] as const) {
    const before: Record<string, readonly string[]> | undefined = then[list]
    const after: Record<string, readonly string[]> = now[list] ?? {}
    if (before === undefined) continue
    for (const [code, row] of Object.entries(after)) {
      const old = before[code]
      const name = row[0] ?? code
      if (!old) out.push({ list, code, name, change: 'added' })
      else {
        // A field a print made before it was kept (a duty's priority) cannot be compared: not a change.
        const fields = row.flatMap((v, i) => (i > 0 && i < old.length && v !== old[i] ? [i] : []))
        if (fields.length > 0) out.push({ list, code, name, change: { fields } })
      }
    }
    for (const [code, row] of Object.entries(before)) if (!(code in after)) out.push({ list, code, name: row[0] ?? code, change: 'removed' })
  }
  return out
}
