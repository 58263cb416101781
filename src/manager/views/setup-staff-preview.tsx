// The preview of a staff file that changes people already in Duty Rota: how many are added,
// who changes and how, how many stay as they are, and an Apply button that sends the same file
// with the digest of this preview, so an edit made meanwhile is noticed instead of overwritten.
import type { FC } from 'hono/jsx'
import type { FieldChange, StaffImportPlan } from '../../setup/staff-import-plan.js'
import type { ColumnMapping } from '../../setup/staff-csv.js'
import { ButtonForm } from '../../ui/form-fields.js'
import { patternText, skillsText } from './labels.js'

export interface StaffPreview {
  plan: StaffImportPlan
  digest: string
  stale: boolean
  /** the column choices the file was read with, sent again on Apply */
  mapping: ColumnMapping
}

const FIELD_WORDS: Record<FieldChange['field'], string> = {
  name: 'name',
  grade: 'grade',
  hoursPerWeek: 'hours',
  pattern: 'pattern',
  skills: 'skills',
  email: 'email',
  unpaidBreakMinutes: 'unpaid break',
  additionalHoursAllowance: 'additional hours',
  maxDutiesPerWeek: 'most duties a week',
}

function valueText(c: FieldChange, which: 'before' | 'after'): string {
  if (c.field === 'pattern') return patternText(c[which])
  if (c.field === 'skills') return skillsText(c[which]) || 'none'
  const v = c[which]
  return v === null || v === '' ? 'none' : String(v)
}

/** "grade TA2 -> TA3; hours 30 -> 32.5" */
export const changesText = (changes: readonly FieldChange[]): string =>
  changes.map((c) => `${FIELD_WORDS[c.field]} ${valueText(c, 'before')} -> ${valueText(c, 'after')}`).join('; ')

/** "2 to add, 3 to update (T101 Amira Patel: grade TA2 -> TA3; ...), 14 unchanged" */
export function previewSummary(plan: StaffImportPlan): string {
  const updates = plan.updates.map((u) => `${u.member.code} ${u.member.name}: ${changesText(u.changes)}`)
  return `${plan.adds.length} to add, ${plan.updates.length} to update${updates.length > 0 ? ` (${updates.join('; ')})` : ''}, ${plan.unchanged.length} unchanged`
}

export const StaffImportPreview: FC<{ preview: StaffPreview; action: string; text: string }> = ({ preview, action, text }) => {
  const { plan } = preview
  const hidden: Record<string, string> = { text, digest: preview.digest }
  for (const [field, header] of Object.entries(preview.mapping)) if (header !== undefined) hidden[`map-${field}`] = header
  const nothing = plan.adds.length === 0 && plan.updates.length === 0
  return (
    <section aria-labelledby="staff-preview" class="notice">
      <h3 id="staff-preview">What this file would change</h3>
      <p>{previewSummary(plan)}.</p>
      {plan.adds.length > 0 ? <p>New: {plan.adds.map((s) => `${s.code} ${s.name}`).join(', ')}</p> : null}
      {plan.updates.length > 0 ? (
        <ul>
          {plan.updates.map((u) => (
            <li>
              {u.member.code} {u.member.name}: {changesText(u.changes)}
            </li>
          ))}
        </ul>
      ) : null}
      <p class="hint">Nobody is deleted: people not in the file stay as they are. Columns the file does not have are left as they are.</p>
      {nothing ? (
        <p>Everyone in the file is already up to date; there is nothing to apply.</p>
      ) : (
        <ButtonForm action={action} text="Apply these changes" hidden={hidden} class="primary" />
      )}
    </section>
  )
}
