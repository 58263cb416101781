// What a staff CSV would do to the school, before it does it: who is new, who changes and how,
// who stays as they are. A re-import is how a school keeps Duty Rota in step with its
// management information system, so a known code updates that person, and a column the file
// does not have leaves their value alone (an export without emails must not erase them). A
// file may be update-only, just the code and the columns to change ("code,hours"): it changes
// those fields of people already there and cannot add anyone (src/setup/imports.ts says so).
// Nobody is ever deleted: leaving a person out of the file is not a way to remove them.
import { WEEKDAYS } from '../../solver/scenario.js'
import type { ColumnMapping, NeededField, StaffRow } from './staff-csv.js'
import type { StaffInput, StaffMember } from './staff.js'

/** The fields a file can change, in the order a change is described. */
export const COMPARED = [
  'name',
  'grade',
  'hoursPerWeek',
  'pattern',
  'skills',
  'email',
  'unpaidBreakMinutes',
  'additionalHoursAllowance',
  'maxDutiesPerWeek',
] as const
export type ComparedField = (typeof COMPARED)[number]

export type FieldChange = { [K in ComparedField]: { field: K; before: StaffInput[K]; after: StaffInput[K] } }[ComparedField]

export interface StaffUpdate {
  member: StaffMember
  /** the whole person as they will be: the file's values over what they have now */
  input: StaffInput
  changes: FieldChange[]
}

export interface StaffImportPlan {
  adds: StaffRow[]
  updates: StaffUpdate[]
  unchanged: StaffMember[]
}

/** Optional columns and the field each one fills; without the column, the field is kept. */
const OPTIONAL: readonly (readonly ['skills' | 'email' | 'break' | 'additional' | 'maxDuties', ComparedField])[] = [
  ['skills', 'skills'],
  ['email', 'email'],
  ['break', 'unpaidBreakMinutes'],
  ['additional', 'additionalHoursAllowance'],
  ['maxDuties', 'maxDutiesPerWeek'],
]

/** Pattern and skills compare by content, whatever order their keys or items came in. */
function sameValue(field: ComparedField, a: unknown, b: unknown): boolean {
  if (field === 'pattern') {
    const text = (p: StaffInput['pattern']) => WEEKDAYS.map((d) => (p[d] ? `${d} ${p[d]?.start}-${p[d]?.end}` : '')).join(';')
    return text(a as StaffInput['pattern']) === text(b as StaffInput['pattern'])
  }
  if (field === 'skills') {
    const text = (s: StaffInput['skills']) =>
      [...s]
        .sort((x, y) => x.skill.localeCompare(y.skill))
        .map((k) => `${k.skill}@${k.expiresOn ?? ''}`)
        .join(';')
    return text(a as StaffInput['skills']) === text(b as StaffInput['skills'])
  }
  return a === b
}

/** The person as the file would leave them: its cells, and their own values where it has no column. */
export function mergedInput(member: StaffMember, row: StaffRow, mapping: ColumnMapping, absent: readonly NeededField[] = []): StaffInput {
  const { line: _line, ...fromFile } = row
  const input: StaffInput = {
    ...fromFile,
    commitments: member.commitments.map(({ id: _id, ...c }) => c),
    avoid: member.avoid,
    prefer: member.prefer,
  }
  const kept: Partial<StaffInput> = {}
  for (const [column, field] of OPTIONAL) if (mapping[column] === undefined) Object.assign(kept, { [field]: member[field] })
  for (const field of absent) Object.assign(kept, { [field]: member[field] })
  return { ...input, ...kept }
}

export function planStaffImport(
  rows: readonly StaffRow[],
  existing: ReadonlyMap<string, StaffMember>,
  mapping: ColumnMapping,
  absent: readonly NeededField[] = [],
): StaffImportPlan {
  const plan: StaffImportPlan = { adds: [], updates: [], unchanged: [] }
  for (const row of rows) {
    const member = existing.get(row.code)
    if (!member) {
      plan.adds.push(row)
      continue
    }
    const input = mergedInput(member, row, mapping, absent)
    const changes = COMPARED.filter((f) => !sameValue(f, member[f], input[f])).map((f) => ({ field: f, before: member[f], after: input[f] }) as FieldChange)
    if (changes.length === 0) plan.unchanged.push(member)
    else plan.updates.push({ member, input, changes })
  }
  return plan
}

/**
 * What a preview showed, as one short text: the file, its column choices and the version of
 * everyone it names. An apply that brings another digest is of a different preview.
 */
export async function planDigest(text: string, mapping: ColumnMapping, plan: StaffImportPlan): Promise<string> {
  const people = [...plan.updates.map((u) => u.member), ...plan.unchanged].map((m) => `${m.id}@${m.version}`).sort()
  const mapped = Object.entries(mapping).sort(([a], [b]) => a.localeCompare(b))
  // An uploaded file's lines may end in LF; the same text sent back from the preview's hidden
  // field arrives with CRLF, as browsers send form text. Both are the same file.
  const lines = text.replace(/\r\n?/g, '\n')
  const bytes = new TextEncoder().encode(JSON.stringify([lines, mapped, people]))
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return [...digest].map((b) => b.toString(16).padStart(2, '0')).join('')
}
