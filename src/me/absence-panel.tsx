// "Report an absence" on /me: today, tomorrow or other days, the whole day or part of it, a
// reason only managers see and a note for whoever covers. A plain form that works without
// script; each bad field is named beside it and what was typed is kept. Below it, the person's
// own reports and what became of them.
import { Fold, answered } from './fold.js'
import type { FC } from 'hono/jsx'
import { MAX_NOTE, reportWhen, type AbsenceReport } from '../leave/absence-reports.js'
import { ABSENCE_REASON_LABELS } from '../manager/views/labels.js'
import { Field, FieldError, type TypedForm } from './leave-panel.js'
import { Choice } from './swaps-page.js'

export const ABSENCE_ACTION = '/me/absence'

export interface AbsencePanel extends TypedForm {
  list: AbsenceReport[]
  message?: string | undefined
}

function answer(r: AbsenceReport): string {
  if (r.status === 'rejected') return 'rejected by a manager: you are expected in'
  return r.absenceId === null ? 'taken off by a manager' : 'reported: your managers can see it'
}

const WHEN = { today: 'Today', tomorrow: 'Tomorrow', dates: 'Other days (give the dates below)' } as const

export const Absence: FC<{ panel: AbsencePanel }> = ({ panel }) => {
  const when = panel.typed?.when ?? 'today'
  const reasonError = panel.errors?.reason
  const noteError = panel.errors?.coverNote
  return (
    <Fold id="absence" title="Report an absence" open={answered(panel)}>
      {panel.message ? (
        <p role="status" class="notice">
          {panel.message}
        </p>
      ) : null}
      {panel.list.length > 0 ? (
        <ul class="duties">
          {panel.list.map((r) => (
            <li>
              <p>
                Absent {reportWhen(r)}: {answer(r)}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      <form method="post" action={ABSENCE_ACTION} novalidate>
        <fieldset>
          <legend>When</legend>
          {Object.entries(WHEN).map(([value, label]) => (
            <Choice name="when" value={value} id={`absence-when-${value}`} label={label} checked={when === value} />
          ))}
        </fieldset>
        <Field id="absence-start" name="startDate" label="First day (other days only)" type="date" panel={panel} />
        <Field id="absence-end" name="endDate" label="Last day (empty for one day)" type="date" panel={panel} />
        <Field id="absence-from" name="startTime" label="From (part of the day only)" type="time" panel={panel} />
        <Field id="absence-until" name="endTime" label="Until (part of the day only)" type="time" panel={panel} />
        <p>
          <label for="absence-reason">Reason (only your managers see it)</label>
          <select
            id="absence-reason"
            name="reason"
            aria-invalid={reasonError ? 'true' : undefined}
            aria-describedby={reasonError ? 'absence-reason-error' : undefined}
          >
            <option value="">Not given</option>
            {Object.entries(ABSENCE_REASON_LABELS).map(([value, label]) => (
              <option value={value} selected={panel.typed?.reason === value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id="absence-reason" error={reasonError} />
        </p>
        <p>
          <label for="absence-note">Note for whoever covers you (they see it with the duty)</label>
          <textarea
            id="absence-note"
            name="coverNote"
            maxlength={MAX_NOTE}
            aria-invalid={noteError ? 'true' : undefined}
            aria-describedby={noteError ? 'absence-note-error' : undefined}
          >
            {panel.typed?.coverNote ?? ''}
          </textarea>
          <FieldError id="absence-note" error={noteError} />
        </p>
        <button type="submit">Report my absence</button>
      </form>
    </Fold>
  )
}
