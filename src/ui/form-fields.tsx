// Form pieces for the setup pages. Every field is shown again with what the manager typed, and
// a field with a problem says so next to it (linked by aria-describedby, marked aria-invalid)
// and in a summary at the top that links to it: nothing typed is lost to a validation error.
import type { Child, FC } from 'hono/jsx'

/** What a form shows: the values as typed and, after a failed submit, one message per field. */
export interface FormState {
  values: Record<string, string | string[]>
  errors: Record<string, string>
}

export const emptyForm = (values: Record<string, string | string[]> = {}): FormState => ({ values, errors: {} })

export function fieldValue(form: FormState, name: string): string {
  const v = form.values[name]
  return Array.isArray(v) ? (v[0] ?? '') : (v ?? '')
}

export function valuesOf(form: FormState, name: string): string[] {
  const v = form.values[name]
  return Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]
}

/** A form's field ids are prefixed with the form's id, so two forms on a page never clash. */
const fieldId = (form: string, name: string) => `${form}-${name}`

/** How many problems a summary heads, in the words both summaries (fields, pasted lines) use. */
export const problemCount = (n: number): string => (n === 1 ? 'There is a problem' : `There are ${n} problems`)

/**
 * The box at the top of a form after a failed submit; it is an alert that takes focus, and its
 * items link to what they are about. The field summary and the pasted-lines summary share it.
 */
export const SummaryBox: FC<{ form: string; heading: Child; children?: Child }> = ({ form, heading, children }) => (
  <div class="error-summary" role="alert" aria-labelledby={`${form}-errors`} tabindex={-1}>
    <h2 id={`${form}-errors`}>{heading}</h2>
    <ul>{children}</ul>
  </div>
)

export const ErrorSummary: FC<{ form: string; state: FormState; labels: Record<string, string> }> = ({ form, state, labels }) => {
  const entries = Object.entries(state.errors)
  if (entries.length === 0) return null
  return (
    <SummaryBox form={form} heading={problemCount(entries.length)}>
      {entries.map(([name, message]) => (
        <li>
          <a href={`#${fieldId(form, name)}`}>
            {labels[name] ?? name}: {message}
          </a>
        </li>
      ))}
    </SummaryBox>
  )
}

interface FieldProps {
  form: string
  state: FormState
  name: string
  label: string
  hint?: string
  wide?: boolean
}

function describedBy(form: string, name: string, hint: string | undefined, error: string | undefined): string | undefined {
  const ids = [hint ? `${fieldId(form, name)}-hint` : '', error ? `${fieldId(form, name)}-error` : ''].filter((s) => s !== '')
  return ids.length ? ids.join(' ') : undefined
}

const FieldNotes: FC<{ id: string; hint: string | undefined; error: string | undefined }> = ({ id, hint, error }) => (
  <>
    {hint ? (
      <span class="hint" id={`${id}-hint`}>
        {hint}
      </span>
    ) : null}
    {error ? (
      <span class="field-error" id={`${id}-error`}>
        <span class="visually-hidden">Error: </span>
        {error}
      </span>
    ) : null}
  </>
)

export const TextField: FC<
  FieldProps & {
    type?: 'text' | 'time' | 'date' | 'number' | 'email'
    required?: boolean
    step?: string
    min?: string
    max?: string
    autocomplete?: string
    inputmode?: 'numeric' | 'decimal' | 'email' | 'text'
  }
> = (p) => {
  const id = fieldId(p.form, p.name)
  const error = p.state.errors[p.name]
  return (
    <div class={p.wide ? 'field wide' : 'field'}>
      <label for={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={error} />
      <input
        id={id}
        name={p.name}
        type={p.type ?? 'text'}
        value={fieldValue(p.state, p.name)}
        required={p.required}
        step={p.step}
        min={p.min}
        max={p.max}
        autocomplete={p.autocomplete ?? 'off'}
        inputmode={p.inputmode}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.form, p.name, p.hint, error)}
      />
    </div>
  )
}

export const TextArea: FC<FieldProps & { rows?: number; required?: boolean }> = (p) => {
  const id = fieldId(p.form, p.name)
  const error = p.state.errors[p.name]
  return (
    <div class="field wide">
      <label for={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={error} />
      <textarea
        id={id}
        name={p.name}
        rows={p.rows ?? 8}
        required={p.required}
        spellcheck={false}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.form, p.name, p.hint, error)}
      >
        {fieldValue(p.state, p.name)}
      </textarea>
    </div>
  )
}

export interface Option {
  value: string
  label: string
}

export const SelectField: FC<FieldProps & { options: Option[]; placeholder?: string; required?: boolean }> = (p) => {
  const id = fieldId(p.form, p.name)
  const error = p.state.errors[p.name]
  const current = fieldValue(p.state, p.name)
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={error} />
      <select
        id={id}
        name={p.name}
        required={p.required}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(p.form, p.name, p.hint, error)}
      >
        {p.placeholder !== undefined ? <option value="">{p.placeholder}</option> : null}
        {p.options.map((o) => (
          <option value={o.value} selected={o.value === current}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  )
}

/** Checkboxes in a fieldset; the first box carries the id the error summary links to. */
export const CheckboxGroup: FC<FieldProps & { options: Option[] }> = (p) => {
  const id = fieldId(p.form, p.name)
  const error = p.state.errors[p.name]
  const chosen = new Set(valuesOf(p.state, p.name))
  return (
    <fieldset aria-describedby={describedBy(p.form, p.name, p.hint, error)}>
      <legend>{p.label}</legend>
      <FieldNotes id={id} hint={p.hint} error={error} />
      {p.options.map((o, i) => (
        <label class="choice">
          <input
            type="checkbox"
            id={i === 0 ? id : `${id}-${i}`}
            name={p.name}
            value={o.value}
            checked={chosen.has(o.value)}
            aria-invalid={error ? 'true' : undefined}
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  )
}

export const FileField: FC<{ form: string; name: string; label: string; hint?: string; accept: string; fill?: string }> = (p) => {
  const id = fieldId(p.form, p.name)
  return (
    <div class="field">
      <label for={id}>{p.label}</label>
      <FieldNotes id={id} hint={p.hint} error={undefined} />
      <input
        id={id}
        name={p.name}
        type="file"
        accept={p.accept}
        data-fill={p.fill ? fieldId(p.form, p.fill) : undefined}
        aria-describedby={p.hint ? `${id}-hint` : undefined}
      />
    </div>
  )
}

/** A POST form; `busy` adds the progress line a script reveals while the server works. */
export const PostForm: FC<{ action: string; id?: string; multipart?: boolean; busy?: string | undefined; class?: string; children?: Child }> = (p) => (
  <form method="post" action={p.action} id={p.id} class={p.class} enctype={p.multipart ? 'multipart/form-data' : undefined} novalidate>
    {p.children}
    {p.busy ? (
      <p class="progress" data-progress hidden role="status">
        <progress aria-label={p.busy} />
        <span>{p.busy}</span>
      </p>
    ) : null}
  </form>
)

/**
 * A one-button form, e.g. delete this row. `context` is read out after the visible text
 * ("Delete" + " slot break"), so the accessible name starts with what sighted users see.
 * `method="get"` only asks for a page (the question before a delete); it changes nothing.
 */
export const ButtonForm: FC<{ action: string; text: string; context?: string; hidden?: Record<string, string>; class?: string; method?: 'get' | 'post' }> = (
  p,
) => (
  <form method={p.method ?? 'post'} action={p.action}>
    {Object.entries(p.hidden ?? {}).map(([name, value]) => (
      <input type="hidden" name={name} value={value} />
    ))}
    <button type="submit" class={p.class ?? 'small'}>
      {p.text}
      {p.context ? <span class="visually-hidden"> {p.context}</span> : null}
    </button>
  </form>
)

/**
 * A section holding one form that adds something: the summary of a failed submit sits between
 * the heading and the fields, where focus lands, and the form keeps the id its fields are named by.
 */
export const AddSection: FC<{
  id: string
  heading: string
  intro?: Child
  form: string
  state: FormState
  labels: Record<string, string>
  action: string
  busy?: string
  submit: string
  children?: Child
}> = (p) => (
  <section aria-labelledby={p.id}>
    <h2 id={p.id}>{p.heading}</h2>
    {p.intro}
    <ErrorSummary form={p.form} state={p.state} labels={p.labels} />
    <PostForm action={p.action} id={p.form} busy={p.busy}>
      {p.children}
      <button type="submit" class="primary">
        {p.submit}
      </button>
    </PostForm>
  </section>
)
