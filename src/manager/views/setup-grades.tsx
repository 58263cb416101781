// Setup: grades, and the kinds of work each allows its staff to be given.
import type { FC } from 'hono/jsx'
import type { Grade } from '../../setup/grades.js'
import { AddSection, CheckboxGroup, TextField, type FormState } from '../../ui/form-fields.js'
import { optionsOf, WORK_KIND_LABELS } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

export const GRADE_FORM = 'grade'
export const GRADE_LABELS: Record<string, string> = {
  code: 'Short name',
  name: 'Name',
  dutyKinds: 'Work this grade may be given',
  hourlyRate: 'Hourly rate (£)',
}

/** A rate as pay reads: "£13.69 an hour". */
export const rateText = (rate: number | null) => (rate === null ? 'Not set' : `£${rate.toFixed(2)} an hour`)

/** A grade's fields, the same on its add form and its Edit page. */
export const GradeFields: FC<{ form: string; state: FormState }> = ({ form, state }) => (
  <>
    <div class="row">
      <TextField form={form} state={state} name="code" label={GRADE_LABELS.code as string} hint='e.g. "G4"' required />
      <TextField form={form} state={state} name="name" label={GRADE_LABELS.name as string} hint='e.g. "Grade 4 (NJC 9-17)"' required />
    </div>
    <CheckboxGroup form={form} state={state} name="dutyKinds" label={GRADE_LABELS.dutyKinds as string} options={optionsOf(WORK_KIND_LABELS)} />
    <TextField
      form={form}
      state={state}
      name="hourlyRate"
      label={GRADE_LABELS.hourlyRate as string}
      hint="Pounds an hour for additional hours, e.g. 13.69 (NJC scale 5 is about £26,421 a year over 52.14 weeks of 37 hours); leave empty if not paid by the hour"
      inputmode="decimal"
    />
  </>
)

export const GradesPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; grades: Grade[]; form: FormState }> = ({ frame, grades, form }) => (
  <ManagerLayout {...frame} title="Grades" section="grades">
    <p>
      A contract's grade says what its holder may be asked to do: teachers may not be required to supervise lunch, and cover falls to grades whose job includes
      it.
    </p>
    <section aria-labelledby="grades-now">
      <h2 id="grades-now">Grades</h2>
      <RecordsTable
        items={grades}
        empty="No grades yet."
        caption="Grades and the work each allows"
        columns={['Short name', 'Name', 'May be given', 'Hourly rate']}
        row={(g) => (
          <>
            <th scope="row">{g.code}</th>
            <td>{g.name}</td>
            <td>{g.dutyKinds.length === 0 ? 'Nothing' : g.dutyKinds.map((k) => WORK_KIND_LABELS[k]).join(', ')}</td>
            <td>{rateText(g.hourlyRate)}</td>
          </>
        )}
        edit={(g) => ({ href: frame.paths.edit(frame.paths.grades, g.id), context: `grade ${g.code}` })}
        remove={(g) => ({ action: frame.paths.remove(frame.paths.grades, g.id), context: `grade ${g.code}` })}
      />
    </section>
    <AddSection id="grade-add" heading="Add a grade" form={GRADE_FORM} state={form} labels={GRADE_LABELS} action={frame.paths.grades} submit="Add grade">
      <GradeFields form={GRADE_FORM} state={form} />
    </AddSection>
  </ManagerLayout>
)
