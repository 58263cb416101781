// Absences: record one, see at once the cover it creates (the re-plan of every published week
// it clashes with, person by person), and go on to review and publish that re-plan.
import type { FC } from 'hono/jsx'
import type { Assignment } from '../../../solver/scenario.js'
import type { Absence } from '../../week/absences.js'
import type { CodeNames } from '../../week/code-names.js'
import type { RotaDiff } from '../../week/rotas.js'
import { longDate, shortDate } from '../../ui/dates.js'
import { AddSection, ButtonForm, SelectField, TextField, type FormState, type Option } from '../../ui/form-fields.js'
import type { AbsenceReport } from '../../leave/absence-reports.js'
import { ABSENCE_REASON_LABELS, optionsOf } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

export const ABSENCE_FORM = 'absence'
export const ABSENCE_LABELS: Record<string, string> = {
  staff: 'Who',
  startDate: 'First day',
  endDate: 'Last day',
  start: 'From',
  end: 'Until',
  reason: 'Reason',
}

/** A re-plan drafted for one week because of the absence just recorded. */
export interface ReplanSummary {
  monday: string
  diff: RotaDiff | null
  /** seats the re-plan could not fill */
  unfilled: number
  /** why the week could not be re-planned; the absence is recorded all the same */
  failure?: string | undefined
  /** the week is big enough that its re-plan is solving in the background */
  solving?: boolean | undefined
}

/** What the cover's codes are called; see src/week/code-names.ts. */
export type Names = CodeNames

function describe(a: Assignment, monday: string, names: Names): string {
  return `${names.weekly.get(monday)?.get(a.duty) ?? names.work.get(a.duty) ?? a.duty}, ${shortDate(a.date)}${a.slot ? ` (${a.slot})` : ''}`
}

/** What the re-plans were for: an absence recorded (the default words) or one rejected. */
export interface ReplansShown {
  who: string
  replans: ReplanSummary[]
  names: Names
  heading?: string | undefined
  /** said when no week needed re-planning */
  none?: string | undefined
}

export const CoverCreated: FC<ReplansShown & { weekHref: (monday: string) => string }> = ({ who, replans, names, heading, none, weekHref }) => (
  <section class="diff" aria-labelledby="cover-created">
    <h2 id="cover-created">{heading ?? 'The cover this creates'}</h2>
    {replans.length === 0 ? (
      <p>{none ?? `${who} has no published duties at those times, so no rota needs to change.`}</p>
    ) : (
      replans.map((r) => (
        <>
          <h3>Week of {longDate(r.monday)}</h3>
          {r.failure !== undefined ? (
            <p role="alert">This week could not be re-planned: {r.failure} Open the week to generate it again.</p>
          ) : r.solving ? (
            <p>The re-plan of this week is being worked out in the background; its page shows the changes when they are ready.</p>
          ) : r.diff && r.diff.people.length > 0 ? (
            <ul>
              {r.diff.people.map((p) => (
                <li>
                  <strong>{names.staff.get(p.staff) ?? p.staff}</strong>
                  {p.removed.length > 0 ? <> no longer has: {p.removed.map((a) => describe(a, r.monday, names)).join('; ')}.</> : null}
                  {p.added.length > 0 ? <> Covers: {p.added.map((a) => describe(a, r.monday, names)).join('; ')}.</> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p>The re-plan changes nothing.</p>
          )}
          {r.unfilled > 0 ? <p>{r.unfilled === 1 ? 'One seat stays unfilled' : `${r.unfilled} seats stay unfilled`}: see the week for why.</p> : null}
          <p>
            <a href={weekHref(r.monday)}>Review and publish the re-plan for the week of {longDate(r.monday)}</a>
          </p>
        </>
      ))
    )}
  </section>
)

function period(a: Absence): string {
  const days =
    a.endDate === null
      ? `from ${longDate(a.startDate)}, no end date yet`
      : a.endDate === a.startDate
        ? longDate(a.startDate)
        : `${longDate(a.startDate)} to ${longDate(a.endDate)}`
  return a.startTime && a.endTime ? `${days}, ${a.startTime} to ${a.endTime}` : `${days}, all day`
}

const nameOf = (staff: Option[], a: Absence) => staff.find((s) => s.value === a.staff)?.label ?? a.staff

/**
 * Absences staff reported on their phones, each with their note for the cover: standing as
 * reported (the re-plan is drafted already), to be edited like any absence or rejected.
 */
const ReportedByStaff: FC<{
  absences: Absence[]
  reported: ReadonlyMap<string, AbsenceReport>
  staff: Option[]
  frame: Omit<PageFrame, 'title' | 'section'>
}> = ({ absences, reported, staff, frame }) =>
  absences.length === 0 ? null : (
    <section aria-labelledby="absences-reported">
      <h2 id="absences-reported">Reported by staff</h2>
      <p>
        These stand as reported, and the weeks they clash with are re-planned as drafts. Edit one like any absence, or reject it: it is deleted, and they see on
        their phone that it was rejected.
      </p>
      <ul>
        {absences.map((a) => {
          const note = reported.get(a.id)?.coverNote
          const context = `absence of ${nameOf(staff, a)} from ${longDate(a.startDate)}`
          return (
            <li>
              <p>
                <strong>{nameOf(staff, a)}</strong>: {period(a)}
              </p>
              <p>{note ? <>Note for whoever covers: {note}</> : 'No note for whoever covers.'}</p>
              <div class="row-actions">
                <a href={frame.paths.edit(frame.paths.absences, a.id)} class="small-link">
                  Edit<span class="visually-hidden"> {context}</span>
                </a>
                <ButtonForm action={frame.paths.rejectAbsence(a.id)} text="Reject" context={context} class="small danger" />
              </div>
            </li>
          )
        })}
      </ul>
    </section>
  )

/** An absence's fields, the same on its record form and its Edit page. */
export const AbsenceFields: FC<{ form: string; state: FormState; staff: Option[] }> = ({ form, state, staff }) => (
  <>
    <SelectField
      form={form}
      state={state}
      name="staff"
      label={ABSENCE_LABELS.staff as string}
      placeholder="Choose a member of staff"
      options={staff}
      required
    />
    <div class="row">
      <TextField form={form} state={state} name="startDate" type="date" label={ABSENCE_LABELS.startDate as string} required />
      <TextField form={form} state={state} name="endDate" type="date" label={ABSENCE_LABELS.endDate as string} hint="Leave empty if not known yet" />
    </div>
    <div class="row">
      <TextField form={form} state={state} name="start" type="time" label={ABSENCE_LABELS.start as string} hint="For part of each day only" />
      <TextField form={form} state={state} name="end" type="time" label={ABSENCE_LABELS.end as string} hint="For part of each day only" />
    </div>
    <SelectField
      form={form}
      state={state}
      name="reason"
      label={ABSENCE_LABELS.reason as string}
      hint="Optional. Kept private: colleagues and calendars only ever see that someone is absent."
      placeholder="Not given"
      options={optionsOf(ABSENCE_REASON_LABELS)}
    />
  </>
)

export const AbsencesPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  staff: Option[]
  absences: Absence[]
  form: FormState
  recorded?: ReplansShown | undefined
  /** the standing absences staff reported themselves, by absence id */
  reported?: ReadonlyMap<string, AbsenceReport> | undefined
}> = ({ frame, staff, absences, form, recorded, reported = new Map() }) => (
  <ManagerLayout {...frame} title="Absences" section="absences">
    {recorded ? <CoverCreated {...recorded} weekHref={frame.paths.week} /> : null}
    <ReportedByStaff absences={absences.filter((a) => reported.has(a.id))} reported={reported} staff={staff} frame={frame} />
    <AddSection
      id="absence-add"
      heading="Record an absence"
      intro={
        <p>Recording an absence re-plans every published week it clashes with, changing as little as possible. You review the re-plan before staff see it.</p>
      }
      form={ABSENCE_FORM}
      state={form}
      labels={ABSENCE_LABELS}
      action={frame.paths.absences}
      busy="Recording the absence and re-planning…"
      submit="Record absence and re-plan"
    >
      <AbsenceFields form={ABSENCE_FORM} state={form} staff={staff} />
    </AddSection>
    <section aria-labelledby="absences-now">
      <h2 id="absences-now">Recorded absences</h2>
      <RecordsTable
        items={absences}
        empty="None."
        caption="Absences, by first day"
        columns={['Who', 'When', 'Reason']}
        row={(a) => (
          <>
            <th scope="row">{nameOf(staff, a)}</th>
            <td>
              {period(a)}
              {reported.has(a.id) ? ' (reported on their phone)' : ''}
            </td>
            <td>{a.reason ? ABSENCE_REASON_LABELS[a.reason] : 'Not given'}</td>
          </>
        )}
        edit={(a) => ({ href: frame.paths.edit(frame.paths.absences, a.id), context: `absence of ${nameOf(staff, a)} from ${longDate(a.startDate)}` })}
        remove={(a) => ({ action: frame.paths.remove(frame.paths.absences, a.id), context: `absence of ${nameOf(staff, a)} from ${longDate(a.startDate)}` })}
      />
    </section>
  </ManagerLayout>
)
