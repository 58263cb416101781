// Setup: staff and their contracts, one at a time or from a CSV export of the school's
// management information system (src/setup/staff-csv.ts reads it).
import type { FC } from 'hono/jsx'
import type { LineProblem } from '../../setup/paste-problems.js'
import { FIELD_LABELS, STAFF_FIELDS, type ColumnMapping } from '../../setup/staff-csv.js'
import type { Grade } from '../../setup/grades.js'
import type { StaffMember } from '../../setup/staff.js'
import { AddSection, FileField, PostForm, SelectField, TextArea, TextField, type FormState } from '../../ui/form-fields.js'
import { patternText, skillsText } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { LineProblems } from './setup-terms.js'
import { StaffImportPreview, type StaffPreview } from './setup-staff-preview.js'
import { RecordsTable } from '../../ui/tables.js'
import { bySurname } from '../../ui/names.js'

export const STAFF_FORM = 'staff'
export const IMPORT_FORM = 'import'
export const STAFF_LABELS: Record<string, string> = {
  code: 'Staff code',
  name: 'Name',
  grade: 'Grade',
  hoursPerWeek: 'Hours per week',
  pattern: 'Working pattern',
  unpaidBreakMinutes: 'Unpaid break (minutes)',
  skills: 'Skills',
  email: 'Email',
}

export interface ImportPanel {
  form: FormState
  problems: LineProblem[]
  /** the file's headers once it has been read, so columns can be chosen by hand */
  headers: string[]
  mapping: ColumnMapping
  /** set when the file changes people already there: shown, with Apply, before anything is written */
  preview?: StaffPreview
}

const Mapping: FC<{ panel: ImportPanel }> = ({ panel }) =>
  panel.headers.length === 0 ? null : (
    <fieldset>
      <legend>Which column holds what</legend>
      <span class="hint">Guessed from the headers; change any that are wrong, then import again.</span>
      <div class="row">
        {STAFF_FIELDS.map((field) => (
          <SelectField
            form={IMPORT_FORM}
            state={{ values: { [`map-${field}`]: panel.mapping[field] ?? '' }, errors: {} }}
            name={`map-${field}`}
            label={FIELD_LABELS[field]}
            placeholder="(none)"
            options={panel.headers.map((h) => ({ value: h, label: h }))}
          />
        ))}
      </div>
    </fieldset>
  )

type Frame = Omit<PageFrame, 'title' | 'section'>

const StaffList: FC<{ frame: Frame; staff: StaffMember[] }> = ({ frame, staff }) => (
  <section aria-labelledby="staff-now">
    <h2 id="staff-now">Staff</h2>
    {/* By surname, as a school lists people; the API keeps code order, which its paging uses. */}
    <RecordsTable
      items={[...staff].sort(bySurname)}
      empty="No staff yet. Add people one at a time, or import the export of your management information system."
      scroll="Staff list"
      caption="Staff and their contracts"
      columns={['Name', 'Code', 'Grade', 'Hours a week', 'Working pattern', 'Skills', 'Phone']}
      row={(s) => (
        <>
          <th scope="row">{s.name}</th>
          <td>{s.code}</td>
          <td>{s.grade}</td>
          <td>{s.hoursPerWeek}</td>
          <td>{patternText(s.pattern)}</td>
          <td>{skillsText(s.skills) || '-'}</td>
          <td>
            <a href={frame.paths.personalLink(s.id)}>
              Personal link<span class="visually-hidden"> for {s.name}</span>
            </a>
          </td>
        </>
      )}
      edit={(s) => ({ href: frame.paths.edit(frame.paths.staff, s.id), context: s.name })}
      remove={(s) => ({ action: frame.paths.remove(frame.paths.staff, s.id), context: s.name })}
    />
    {staff.length === 0 ? null : (
      <PostForm action={frame.paths.linkSheet} class="actions">
        <button type="submit">Print personal links for everyone without one</button>
        <span class="hint">A sheet of cards to hand out. People who already have a link are named, not given a new one.</span>
      </PostForm>
    )}
    {staff.length === 0 ? null : (
      <p>
        <a href={frame.paths.linkMail}>E-mail personal links</a> to the people who have an e-mail address.
      </p>
    )}
  </section>
)

/** A person's contract fields, the same on the add form and their Edit page. */
export const StaffFields: FC<{ form: string; state: FormState; grades: Grade[] }> = ({ form, state, grades }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="name" label={STAFF_LABELS.name as string} autocomplete="off" required />
      <TextField form={form} state={state} name="code" label={STAFF_LABELS.code as string} hint='Short and unique, e.g. initials "AP"' required />
      <SelectField
        form={form}
        state={state}
        name="grade"
        label={STAFF_LABELS.grade as string}
        placeholder="Choose a grade"
        options={grades.map((g) => ({ value: g.code, label: `${g.code}: ${g.name}` }))}
        required
      />
      <TextField
        form={form}
        state={state}
        name="hoursPerWeek"
        label={STAFF_LABELS.hoursPerWeek as string}
        hint="e.g. 32.5 or 36:40"
        inputmode="decimal"
        required
      />
    </div>
    <TextField
      form={form}
      state={state}
      name="pattern"
      label={STAFF_LABELS.pattern as string}
      hint='Days and hours, e.g. "Mon-Fri 08:00-15:50" or "Mon-Thu 08:30-15:00; Fri 08:30-12:30"'
      wide
      required
    />
    <div class="row">
      <TextField
        form={form}
        state={state}
        name="unpaidBreakMinutes"
        label={STAFF_LABELS.unpaidBreakMinutes as string}
        hint="The break they keep free each day"
        inputmode="numeric"
      />
      <TextField form={form} state={state} name="email" type="email" label={STAFF_LABELS.email as string} hint="Optional" />
    </div>
    <TextField
      form={form}
      state={state}
      name="skills"
      label={STAFF_LABELS.skills as string}
      hint='Optional, with certificate expiry dates, e.g. "first-aid (2027-06-30); team-teach; dsl"'
      wide
    />
  </>
)

const AddStaffSection: FC<{ frame: Frame; grades: Grade[]; form: FormState }> = ({ frame, grades, form }) => (
  <AddSection
    id="staff-add"
    heading="Add a member of staff"
    intro={grades.length === 0 ? <p class="notice">Add a grade first: every member of staff has one.</p> : null}
    form={STAFF_FORM}
    state={form}
    labels={STAFF_LABELS}
    action={frame.paths.staff}
    submit="Add member of staff"
  >
    <StaffFields form={STAFF_FORM} state={form} grades={grades} />
  </AddSection>
)

const ImportStaffSection: FC<{ frame: Frame; importPanel: ImportPanel }> = ({ frame, importPanel }) => (
  <section aria-labelledby="staff-import">
    <h2 id="staff-import">Import staff from a CSV file</h2>
    <p>
      For example the staff export of SIMS or Arbor. The first line names the columns: staff code, name (or first and last name), grade, hours, working pattern
      (or one column per day headed Mon, Tue...), and optionally skills, email, unpaid break, additional hours and most duties a week. Other columns are
      ignored. If any row has a problem, nobody is imported and every problem is listed. A staff code already in Duty Rota updates that person (only the columns
      the file has), after you have seen the changes; nobody is deleted. To change a few things for people already here, the staff code and those columns are
      enough, e.g. a file headed "code,hours"; such a file cannot add anyone new.
    </p>
    <LineProblems form={IMPORT_FORM} field="text" problems={importPanel.problems} what="file" />
    {importPanel.preview ? (
      <StaffImportPreview preview={importPanel.preview} action={frame.paths.staffImport} text={String(importPanel.form.values.text ?? '')} />
    ) : null}
    <PostForm action={frame.paths.staffImport} id={IMPORT_FORM} multipart busy="Importing staff…">
      <FileField form={IMPORT_FORM} name="file" label="CSV file" accept=".csv,text/csv" fill="text" />
      <TextArea form={IMPORT_FORM} state={importPanel.form} name="text" label="Or paste the CSV here" hint="A file, if chosen, is read instead." rows={8} />
      <Mapping panel={importPanel} />
      <button type="submit" class="primary">
        Import staff
      </button>
    </PostForm>
  </section>
)

export const StaffPage: FC<{
  frame: Frame
  staff: StaffMember[]
  grades: Grade[]
  form: FormState
  importPanel: ImportPanel
}> = ({ frame, staff, grades, form, importPanel }) => (
  <ManagerLayout {...frame} title="Staff" section="staff">
    <StaffList frame={frame} staff={staff} />
    <AddStaffSection frame={frame} grades={grades} form={form} />
    <ImportStaffSection frame={frame} importPanel={importPanel} />
  </ManagerLayout>
)
