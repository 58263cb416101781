// "Leave" on /me: ask for annual leave, an appointment, training or unpaid leave (whole days or
// part of one day, with a note for the manager), and see each request's answer. Plain forms
// that work without script; each bad field is named beside it and what was typed is kept.
import { Fold, answered } from './fold.js'
import type { FC } from 'hono/jsx'
import { LEAVE_KINDS, type LeaveRequest } from '../leave/leave.js'
import { shortDate } from '../ui/dates.js'

export const LEAVE_ACTIONS = {
  request: '/me/leave',
  withdraw: (id: string) => `/me/leave/${encodeURIComponent(id)}/withdraw`,
} as const

export interface LeavePanel {
  list: LeaveRequest[]
  typed?: Record<string, string> | undefined
  errors?: Record<string, string> | undefined
  message?: string | undefined
}

const STATUS: Record<LeaveRequest['status'], string> = {
  requested: 'waiting for a manager',
  approved: 'approved',
  declined: 'declined',
  withdrawn: 'withdrawn by you',
}

/** What a phone form shows again after a refusal: the fields as typed, one message per bad field. */
export interface TypedForm {
  typed?: Record<string, string> | undefined
  errors?: Record<string, string> | undefined
}

/** Why a field of a /me form was refused, beside it; its input points here with aria-describedby. */
export const FieldError: FC<{ id: string; error: string | undefined }> = ({ id, error }) =>
  error ? (
    <span id={`${id}-error`} class="field-error">
      {error}
    </span>
  ) : null

/** A labelled input that keeps what was typed and says beside it what was wrong. */
export const Field: FC<{ id: string; name: string; label: string; type: string; panel: TypedForm }> = ({ id, name, label, type, panel }) => {
  const error = panel.errors?.[name]
  return (
    <p>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={panel.typed?.[name] ?? ''}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <FieldError id={id} error={error} />
    </p>
  )
}

/** What the person asked for and its answer, each with Withdraw while no manager has answered. */
export const Requests: FC<{ items: { id: string; text: string; withdraw: string | undefined }[] }> = ({ items }) =>
  items.length === 0 ? null : (
    <ul class="duties">
      {items.map((item) => (
        <li>
          <p id={item.id}>{item.text}</p>
          {item.withdraw ? (
            <form method="post" action={item.withdraw}>
              <button type="submit" aria-describedby={item.id}>
                Withdraw
              </button>
            </form>
          ) : null}
        </li>
      ))}
    </ul>
  )

const when = (r: LeaveRequest) =>
  `${shortDate(r.startDate)}${r.endDate !== r.startDate ? ` to ${shortDate(r.endDate)}` : ''}${r.startTime ? `, ${r.startTime}-${r.endTime}` : ''}`

export const Leave: FC<{ panel: LeavePanel }> = ({ panel }) => (
  <Fold id="leave" title="Leave" open={answered(panel)}>
    {panel.message ? (
      <p role="status" class="notice">
        {panel.message}
      </p>
    ) : null}
    <Requests
      items={panel.list.map((r) => ({
        id: `leave-${r.id}`,
        text: `${LEAVE_KINDS[r.kind]}, ${when(r)}: ${STATUS[r.status]}`,
        withdraw: r.status === 'requested' ? LEAVE_ACTIONS.withdraw(r.id) : undefined,
      }))}
    />
    <form method="post" action={LEAVE_ACTIONS.request} novalidate>
      <p>
        <label for="leave-kind">What for</label>
        <select id="leave-kind" name="kind">
          {Object.entries(LEAVE_KINDS).map(([value, label]) => (
            <option value={value} selected={(panel.typed?.kind ?? 'annual') === value}>
              {label}
            </option>
          ))}
        </select>
      </p>
      <Field id="leave-start" name="startDate" label="First day" type="date" panel={panel} />
      <Field id="leave-end" name="endDate" label="Last day (the same day for one day)" type="date" panel={panel} />
      <Field id="leave-from" name="startTime" label="From (part of a day only)" type="time" panel={panel} />
      <Field id="leave-until" name="endTime" label="Until (part of a day only)" type="time" panel={panel} />
      <p>
        <label for="leave-note">Note for your manager (only they see it)</label>
        <textarea id="leave-note" name="note" maxlength={500}>
          {panel.typed?.note ?? ''}
        </textarea>
      </p>
      <button type="submit">Ask for leave</button>
    </form>
  </Fold>
)
