// "When you cannot do duties" and "Duties you would rather do or not" on /me. A time marked
// here (every week, or one date) waits for a manager: only once approved does the rota keep it
// free, and the page says which marks bind. Preferences need no answer: the rota honours them
// where it can. Plain forms that work without script; a bad field is named beside it and what
// was typed is kept.
import { Fold, answered } from './fold.js'
import type { FC } from 'hono/jsx'
import { DAY_NAMES, markWhen, type Unavailability } from '../leave/unavailability.js'
import type { MyPreferences } from '../leave/preferences.js'
import { Field, Requests, type TypedForm } from './leave-panel.js'

export const AVAILABILITY_ACTIONS = {
  mark: '/me/unavailability',
  withdraw: (id: string) => `/me/unavailability/${encodeURIComponent(id)}/withdraw`,
  preferences: '/me/preferences',
} as const

export interface AvailabilityPanel extends TypedForm {
  marks: Unavailability[]
  slots: { code: string; start: string; end: string; days: string[] | null }[]
  preferences: MyPreferences
  /** which form `typed` and `errors` belong to */
  form?: 'weekly' | 'once' | 'preferences' | undefined
  message?: string | undefined
  /** a refused preferences form's choices, as ticked */
  typedPreferences?: { prefer: string[]; avoid: string[] } | undefined
}

const STATUS: Record<Unavailability['status'], string> = {
  requested: 'waiting for a manager: until then the rota may still give you duties then',
  approved: 'approved: the rota keeps you free',
  declined: 'declined',
  withdrawn: 'withdrawn by you',
}

/** The form's own fields only: another form's refusal leaves this one empty. */
const own = (panel: AvailabilityPanel, form: AvailabilityPanel['form']): TypedForm => (panel.form === form ? panel : {})

/** A refusal no field on the page can show beside it (a form naming someone else). */
const NotSaved: FC<{ error: string | undefined }> = ({ error }) =>
  error ? (
    <p role="alert" class="alert">
      Not saved: {error}.
    </p>
  ) : null

const FieldError: FC<{ id: string; error: string | undefined }> = ({ id, error }) =>
  error ? (
    <span id={id} class="field-error">
      {error}
    </span>
  ) : null

const Choice: FC<{ id: string; name: string; label: string; value: string; panel: TypedForm; options: { value: string; label: string }[] }> = (p) => {
  const error = p.panel.errors?.[p.name]
  return (
    <p>
      <label for={p.id}>{p.label}</label>
      <select id={p.id} name={p.name} aria-invalid={error ? 'true' : undefined} aria-describedby={error ? `${p.id}-error` : undefined}>
        {p.options.map((o) => (
          <option value={o.value} selected={(p.panel.typed?.[p.name] ?? p.value) === o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${p.id}-error`} error={error} />
    </p>
  )
}

const Weekly: FC<{ panel: AvailabilityPanel }> = ({ panel }) => {
  const typed = own(panel, 'weekly')
  return (
    <form method="post" action={AVAILABILITY_ACTIONS.mark} novalidate>
      <h3>Every week</h3>
      <input type="hidden" name="repeat" value="weekly" />
      <Choice
        id="una-day"
        name="day"
        label="Day"
        value=""
        panel={typed}
        options={[{ value: '', label: 'Choose a day' }, ...Object.entries(DAY_NAMES).map(([value, label]) => ({ value, label }))]}
      />
      <Choice
        id="una-slot"
        name="slot"
        label="Part of the day (or give the times below)"
        value=""
        panel={typed}
        options={[{ value: '', label: 'Times below' }, ...panel.slots.map((s) => ({ value: s.code, label: `${s.code}, ${s.start}-${s.end}` }))]}
      />
      <Field id="una-weekly-start" name="start" label="From" type="time" panel={typed} />
      <Field id="una-weekly-end" name="end" label="Until" type="time" panel={typed} />
      <Note id="una-weekly-note" panel={typed} />
      <button type="submit">Ask to be free every week</button>
    </form>
  )
}

const Once: FC<{ panel: AvailabilityPanel }> = ({ panel }) => {
  const typed = own(panel, 'once')
  return (
    <form method="post" action={AVAILABILITY_ACTIONS.mark} novalidate>
      <h3>One date</h3>
      <input type="hidden" name="repeat" value="once" />
      <Field id="una-date" name="date" label="Date" type="date" panel={typed} />
      <Field id="una-once-start" name="start" label="From (part of the day only)" type="time" panel={typed} />
      <Field id="una-once-end" name="end" label="Until (part of the day only)" type="time" panel={typed} />
      <Note id="una-once-note" panel={typed} />
      <button type="submit">Ask to be free that day</button>
    </form>
  )
}

const Note: FC<{ id: string; panel: TypedForm }> = ({ id, panel }) => (
  <p>
    <label for={id}>Why, for your manager (only they see it)</label>
    <textarea
      id={id}
      name="note"
      maxlength={500}
      aria-invalid={panel.errors?.note ? 'true' : undefined}
      aria-describedby={panel.errors?.note ? `${id}-error` : undefined}
    >
      {panel.typed?.note ?? ''}
    </textarea>
    <FieldError id={`${id}-error`} error={panel.errors?.note} />
  </p>
)

export const Availability: FC<{ panel: AvailabilityPanel }> = ({ panel }) => (
  <Fold id="availability" title="When you cannot do duties" open={panel.form !== 'preferences' && answered(panel)}>
    {panel.message && panel.form !== 'preferences' ? (
      <p role="status" class="notice">
        {panel.message}
      </p>
    ) : null}
    <NotSaved error={panel.form !== 'preferences' ? panel.errors?.staff : undefined} />
    <p class="quiet">Your manager answers each one; once approved, the rota keeps you free then.</p>
    <Requests
      items={panel.marks.map((m) => ({
        id: `una-${m.id}`,
        text: `${markWhen(m)}: ${STATUS[m.status]}`,
        withdraw: m.status === 'requested' ? AVAILABILITY_ACTIONS.withdraw(m.id) : undefined,
      }))}
    />
    <Weekly panel={panel} />
    <Once panel={panel} />
  </Fold>
)

const PostBoxes: FC<{ list: 'prefer' | 'avoid'; legend: string; panel: AvailabilityPanel }> = ({ list, legend, panel }) => {
  const chosen = new Set(panel.typedPreferences?.[list] ?? panel.preferences[list])
  const error = panel.form === 'preferences' ? panel.errors?.[list] : undefined
  return (
    <fieldset aria-describedby={error ? `pref-${list}-error` : undefined}>
      <legend>{legend}</legend>
      <FieldError id={`pref-${list}-error`} error={error} />
      {panel.preferences.posts.map((p) => (
        <p class="choice">
          <input type="checkbox" id={`pref-${list}-${p.code}`} name={list} value={p.code} checked={chosen.has(p.code)} />
          <label for={`pref-${list}-${p.code}`}>{p.name}</label>
        </p>
      ))}
    </fieldset>
  )
}

export const Preferences: FC<{ panel: AvailabilityPanel }> = ({ panel }) =>
  panel.preferences.posts.length === 0 ? null : (
    <Fold id="preferences" title="Duties you would rather do, or not" open={panel.form === 'preferences' && answered(panel)}>
      {panel.message && panel.form === 'preferences' ? (
        <p role="status" class="notice">
          {panel.message}
        </p>
      ) : null}
      <NotSaved error={panel.form === 'preferences' ? panel.errors?.staff : undefined} />
      <p class="quiet">The rota follows these where it can, after covering every duty fairly.</p>
      <form method="post" action={AVAILABILITY_ACTIONS.preferences}>
        <input type="hidden" name="version" value={String(panel.preferences.version)} />
        <PostBoxes list="prefer" legend="I would rather do" panel={panel} />
        <PostBoxes list="avoid" legend="I would rather not do" panel={panel} />
        <button type="submit">Save my preferences</button>
      </form>
    </Fold>
  )
