// The Edit pages of a grade, a member of staff and the school itself: the add forms' fields,
// pre-filled with what is saved, in the shared Edit frame (edit-conflict.tsx) that carries the
// version the page was read at.
import type { FC } from 'hono/jsx'
import type { DutyPost } from '../../setup/duty-posts.js'
import type { Grade } from '../../setup/grades.js'
import type { StaffMember } from '../../setup/staff.js'
import { CheckboxGroup, TextField } from '../../ui/form-fields.js'
import { EditPage, type BackTo, type EditState } from './edit-conflict.js'
import type { PageFrame } from './layout.js'
import { GRADE_LABELS, GradeFields } from './setup-grades.js'
import { STAFF_LABELS, StaffFields } from './setup-staff.js'

type Frame = Omit<PageFrame, 'title' | 'section'>

interface EditView {
  frame: Frame
  state: EditState
  action: string
  back: BackTo
}

export const GRADE_EDIT_FORM = 'grade-edit'
export const STAFF_EDIT_FORM = 'staff-edit'
export const SCHOOL_EDIT_FORM = 'school-edit'

export const STAFF_EDIT_LABELS: Record<string, string> = {
  ...STAFF_LABELS,
  additionalHoursAllowance: 'Additional hours allowance',
  maxDutiesPerWeek: 'Most duties a week',
  commitments: 'Fixed commitments',
  avoid: 'Duties to avoid',
  prefer: 'Duties to prefer',
}

export const SCHOOL_LABELS: Record<string, string> = { name: 'School name', timezone: 'Time zone', fullTimeHours: 'Full-time hours a week' }

/** Saving a change to who may do what keeps every published duty: the week then says to generate again. */
const KeptDuties: FC<{ what: string }> = ({ what }) => (
  <p>
    Saving changes {what} only: duties already published stay as they are. The week pages then say the setup changed since the rota was generated, and the next
    Generate uses the change.
  </p>
)

type TextFieldProps = Parameters<typeof TextField>[0]

/** The text fields of one edit form, each labelled from the form's labels. */
const fieldsOf = (form: string, state: EditState, labels: Record<string, string>) => (props: Omit<TextFieldProps, 'form' | 'state' | 'label'>) => (
  <TextField form={form} state={state} label={labels[props.name] ?? props.name} {...props} />
)

export const GradeEditPage: FC<EditView & { grade: Grade }> = (p) => (
  <EditPage
    {...p}
    section="grades"
    title={`Edit grade ${p.grade.code}`}
    intro={<KeptDuties what="the grade" />}
    form={GRADE_EDIT_FORM}
    labels={GRADE_LABELS}
    submit="Save grade"
  >
    <GradeFields form={GRADE_EDIT_FORM} state={p.state} />
  </EditPage>
)

export const StaffEditPage: FC<EditView & { member: StaffMember; grades: Grade[]; posts: Pick<DutyPost, 'code' | 'name'>[] }> = (p) => {
  const postOptions = p.posts.map((d) => ({ value: d.code, label: d.name }))
  const Field = fieldsOf(STAFF_EDIT_FORM, p.state, STAFF_EDIT_LABELS)
  return (
    <EditPage
      {...p}
      section="staff"
      title={`Edit ${p.member.name}`}
      intro={<KeptDuties what="their contract" />}
      form={STAFF_EDIT_FORM}
      labels={STAFF_EDIT_LABELS}
      submit="Save changes"
    >
      <StaffFields form={STAFF_EDIT_FORM} state={p.state} grades={p.grades} />
      <div class="row">
        <Field
          name="additionalHoursAllowance"
          hint="Hours beyond their contract they may be asked to work (events, evenings); 0 for none"
          inputmode="decimal"
        />
        <Field name="maxDutiesPerWeek" hint="Leave empty for no limit" inputmode="numeric" />
      </div>
      {postOptions.length === 0 ? null : (
        <>
          <CheckboxGroup form={STAFF_EDIT_FORM} state={p.state} name="avoid" label={STAFF_EDIT_LABELS.avoid as string} options={postOptions} />
          <CheckboxGroup form={STAFF_EDIT_FORM} state={p.state} name="prefer" label={STAFF_EDIT_LABELS.prefer as string} options={postOptions} />
        </>
      )}
      <Field
        name="commitments"
        hint='Times the rota keeps them free, e.g. "Tue 12:10-12:40 Choir; Mon 09:00-10:00 1:1 reading (needs cover)": a commitment marked (needs cover) gets a cover request whenever they are away'
        wide
      />
    </EditPage>
  )
}

export const SchoolEditPage: FC<EditView & { schoolName: string }> = (p) => {
  const Field = fieldsOf(SCHOOL_EDIT_FORM, p.state, SCHOOL_LABELS)
  return (
    <EditPage
      {...p}
      section="day"
      title={`Edit ${p.schoolName}`}
      intro={
        <p>
          The time zone decides which day and week it is at the school. Full-time hours set each person's fair share of duties: their hours a week over full
          time.
        </p>
      }
      form={SCHOOL_EDIT_FORM}
      labels={SCHOOL_LABELS}
      submit="Save school"
    >
      <Field name="name" required wide />
      <div class="row">
        <Field name="timezone" hint='A time zone name such as "Europe/London"' required />
        <Field name="fullTimeHours" hint="e.g. 37" inputmode="decimal" required />
      </div>
    </EditPage>
  )
}

/** The school's own details on the School day page, with the way to edit them. */
export const SchoolDetails: FC<{ school: { name: string; timezone: string; fullTimeHours: number }; edit: string }> = ({ school, edit }) => (
  <section aria-labelledby="school-details">
    <h2 id="school-details">The school</h2>
    <dl class="summary">
      <dt>{SCHOOL_LABELS.name}</dt>
      <dd>{school.name}</dd>
      <dt>{SCHOOL_LABELS.timezone}</dt>
      <dd>{school.timezone}</dd>
      <dt>{SCHOOL_LABELS.fullTimeHours}</dt>
      <dd>{school.fullTimeHours}</dd>
    </dl>
    <p>
      <a href={edit} class="small-link">
        Edit the school's details
      </a>
    </p>
  </section>
)
