// The pieces every Edit page shares. An edit form is the add form's fields pre-filled with what is
// saved, plus the version it was read at (a hidden field): the save sends that version as If-Match,
// so a change someone else saved meanwhile is never silently overwritten. When it was, the answer
// is the conflict page: their saved values beside what was typed, with the choice of keeping
// theirs or applying yours over them (a form that carries what was typed and the version now
// saved). All of it works without a script: the choices are a link and a plain POST.
import type { Child, FC } from 'hono/jsx'
import { ErrorSummary, PostForm, type FormState } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame, type Section } from './layout.js'

/** The hidden field an edit form carries the version it was read at in. */
export const VERSION_FIELD = 'version'

/** An edit form's state: the values (as saved, or as typed), their problems, and the version read. */
export interface EditState extends FormState {
  version: number
}

type Frame = Omit<PageFrame, 'title' | 'section'>

/** Where "back" leads and what that page is called ("Back to staff"). */
export interface BackTo {
  href: string
  name: string
}

/** Form values as hidden fields, several for a list (ticked boxes), so a POST sends them as typed. */
const Hidden: FC<{ values: Record<string, string | string[]> }> = ({ values }) => (
  <>
    {Object.entries(values)
      .filter(([name]) => name !== VERSION_FIELD)
      .flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => <input type="hidden" name={name} value={v} />))}
  </>
)

/** What an edit form needs besides its fields (the children). */
export interface EditFormProps {
  form: string
  state: EditState
  labels: Record<string, string>
  action: string
  submit: string
  back: BackTo
  children?: Child
}

/**
 * The form of an Edit page: the summary of a failed save where focus lands, the fields (children),
 * the version read, Save and a way back that saves nothing.
 */
export const EditForm: FC<EditFormProps> = (p) => (
  <>
    <ErrorSummary form={p.form} state={p.state} labels={p.labels} />
    <PostForm action={p.action} id={p.form}>
      <input type="hidden" name={VERSION_FIELD} value={String(p.state.version)} />
      {p.children}
      <div class="actions">
        <button type="submit" class="primary">
          {p.submit}
        </button>
        <a href={p.back.href}>Cancel: back to {p.back.name}</a>
      </div>
    </PostForm>
  </>
)

/** A whole Edit page: the frame, an optional line of what saving does, and the form. */
export const EditPage: FC<EditFormProps & { frame: Frame; section: Section; title: string; intro?: Child }> = (p) => (
  <ManagerLayout {...p.frame} title={p.title} section={p.section}>
    {p.intro}
    <EditForm form={p.form} state={p.state} labels={p.labels} action={p.action} submit={p.submit} back={p.back}>
      {p.children}
    </EditForm>
  </ManagerLayout>
)

/** What the conflict page shows: the saved thing and the typed form, field by field. */
export interface EditConflict {
  /** what the manager calls it: "grade G4", "Amira Patel" */
  what: string
  section: Section
  back: BackTo
  /** the edit page: "Apply mine" posts there, and a GET of it starts again from theirs */
  action: string
  /** the fields in the form's order, each with its label */
  labels: Record<string, string>
  /** as saved now, one line per field */
  theirs: Record<string, string>
  /** as typed, one line per field */
  yours: Record<string, string>
  /** what was typed, exactly as it was sent, for "Apply mine" */
  typed: Record<string, string | string[]>
  /** the version saved now: "Apply mine" is a save over it, refused again if it moves on */
  version: number
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Someone else saved the thing after this form was opened: both versions, and a choice. */
export const EditConflictPage: FC<{ frame: Frame; conflict: EditConflict }> = ({ frame, conflict: c }) => {
  const fields = Object.keys(c.labels)
  const differs = fields.filter((f) => (c.theirs[f] ?? '') !== (c.yours[f] ?? ''))
  return (
    <ManagerLayout {...frame} title={`Someone else changed ${c.what}`} section={c.section}>
      <div class="diff" role="alert">
        <p>
          <strong>Your changes are not saved yet.</strong> {capitalised(c.what)} was saved by someone else after you opened it, so saving yours now would undo
          theirs without you seeing it.{' '}
          {differs.length === 0
            ? 'What they saved is the same as what you typed.'
            : `${differs.length === 1 ? 'One field differs' : `${differs.length} fields differ`}: ${differs.map((f) => c.labels[f] ?? f).join(', ')}.`}
        </p>
      </div>
      <div class="scroll" role="region" aria-label="Their saved values and yours" tabindex={0}>
        <table class="compare">
          <caption>Their saved values and what you typed</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Saved now</th>
              <th scope="col">You typed</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr class={differs.includes(f) ? 'differs' : undefined}>
                <th scope="row">
                  {c.labels[f]}
                  {differs.includes(f) ? <span class="flag">differs</span> : null}
                </th>
                <td>{c.theirs[f] || '-'}</td>
                <td>{c.yours[f] || '-'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>What would you like to do?</h2>
      <div class="actions">
        <a href={c.back.href}>Keep theirs: back to {c.back.name}, nothing of yours saved</a>
        <PostForm action={c.action}>
          <Hidden values={c.typed} />
          <input type="hidden" name={VERSION_FIELD} value={String(c.version)} />
          <button type="submit" class="primary">
            Apply mine over theirs
          </button>
        </PostForm>
      </div>
      <p>
        Or <a href={c.action}>edit again starting from theirs</a>.
      </p>
    </ManagerLayout>
  )
}

/** The thing was deleted after the form was opened: nothing to save over, and what was typed. */
export const EditGonePage: FC<{ frame: Frame; what: string; section: Section; back: BackTo; labels: Record<string, string>; yours: Record<string, string> }> = (
  p,
) => (
  <ManagerLayout {...p.frame} title={`${capitalised(p.what)} is no longer there`} section={p.section}>
    <div class="diff" role="alert">
      <p>
        <strong>Nothing was saved.</strong> Someone deleted it after you opened it. What you typed is below, to add it again if it should still exist.
      </p>
    </div>
    <dl class="summary">
      {Object.keys(p.labels).map((f) => (
        <>
          <dt>{p.labels[f]}</dt>
          <dd>{p.yours[f] || '-'}</dd>
        </>
      ))}
    </dl>
    <p>
      <a href={p.back.href}>Back to {p.back.name}</a>
    </p>
  </ManagerLayout>
)
