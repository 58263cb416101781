// The week's seat count and its unfilled seats grouped by cause, each group with a link to the
// page that puts it right; and the notice that the setup changed since the rota was made. The
// reasons sit in their own region below the count, not in the grid, so the grid's cells stay
// narrow enough for a name and its Pin and Bar buttons on one line.
import type { FC } from 'hono/jsx'
import type { SetupChange } from '../../week/setup-print.js'
import { PostForm } from '../../ui/form-fields.js'
import type { ReasonGroup, NextStepPage } from '../unfilled-groups.js'
import type { SeatsProof, WeekModel } from '../week-model.js'
import { daysText } from './labels.js'
import type { ManagerPaths } from './paths.js'

const stepHref = (paths: ManagerPaths, page: NextStepPage): string =>
  ({ staff: paths.staff, grades: paths.grades, absences: paths.absences, posts: paths.posts })[page]

const seatWord = (n: number) => (n === 1 ? 'seat' : 'seats')

/** "9 on-call seats on Mon-Fri (Library, Yard)" */
export function groupHeadline(g: ReasonGroup): string {
  return `${g.seats} ${g.kind} ${seatWord(g.seats)} on ${daysText(g.days)} (${g.what.join(', ')})`
}

const ReasonList: FC<{ groups: ReasonGroup[]; paths: ManagerPaths }> = ({ groups, paths }) => (
  <ul class="reasons">
    {groups.map((g) => (
      <li>
        <strong>{groupHeadline(g)}:</strong> {g.why}.
        <ul class="next-steps">
          {g.steps.map((s) => (
            <li>
              <a href={stepHref(paths, s.page)}>{s.text}</a>
            </li>
          ))}
        </ul>
      </li>
    ))}
  </ul>
)

/** Why seats are unfilled, by cause: its own region under the grid. */
export const ReasonsSection: FC<{ groups: ReasonGroup[]; paths: ManagerPaths; gapsHref: string }> = ({ groups, paths, gapsHref }) =>
  groups.length === 0 ? null : (
    <section aria-labelledby="why-unfilled">
      <h2 id="why-unfilled">Why seats are unfilled</h2>
      <ReasonList groups={groups} paths={paths} />
      <p>
        <a href={gapsHref}>What would fill these seats, and what each way costs</a>
      </p>
    </section>
  )

/**
 * Whether the empty seats could be filled at all: "best possible" only where the solver proved
 * that no rota fills more, otherwise how many more might be.
 */
const ProofLine: FC<{ proof: SeatsProof }> = ({ proof }) =>
  proof.best ? (
    <p class="proof">This is the best possible with these staff and rules: no rota can fill more of these seats.</p>
  ) : (
    <p class="proof">
      {proof.more} more {seatWord(proof.more)} might be possible with these staff and rules: the planner could not rule {proof.more === 1 ? 'it' : 'them'} out.
    </p>
  )

/** How many seats are filled; the reasons for the others follow the grid. */
export const SeatsSection: FC<{ model: WeekModel; generated: boolean }> = ({ model, generated }) => {
  const missing = model.unfilled.reduce((n, u) => n + u.missing, 0)
  return (
    <section aria-labelledby="seats">
      <h2 id="seats">Seats</h2>
      {generated ? (
        <p>
          {model.seats.filled} of {model.seats.needed} seats filled. {missing === 0 && model.unplanned === 0 ? 'Every seat is filled.' : null}
          {missing > 0 ? `${missing} unfilled` : null}
          {missing > 0 && model.unplanned > 0 ? '; ' : null}
          {model.unplanned > 0 ? `${model.unplanned} not planned (the rota was made before they existed)` : null}
          {missing > 0 || model.unplanned > 0 ? '.' : null}
          {model.over > 0
            ? ` ${model.over} more ${seatWord(model.over)} had already started or ended when this rota was made, so ${model.over === 1 ? 'it stays' : 'they stay'} as ${model.over === 1 ? 'it was' : 'they were'} and ${model.over === 1 ? 'is' : 'are'} not counted.`
            : null}
        </p>
      ) : (
        <p class="quiet">{model.seats.needed} seats to fill. Generate the week to fill them.</p>
      )}
      {generated && missing > 0 && model.proof ? <ProofLine proof={model.proof} /> : null}
      {model.reasonGroups.length > 0 ? (
        <p>
          <a href="#why-unfilled">Why, and what to do about it</a>
        </p>
      ) : null}
      <p class="quiet">Pin keeps a person in a seat at the next generate; Bar keeps them out of it. Both take effect when you re-generate.</p>
    </section>
  )
}

const STAFF_FIELDS = ['name', 'grade', 'skills', 'working pattern or limits']
const POST_FIELDS = ['name', 'kind of duty', 'days or times', 'number of people', 'skills needed', 'priority']
const WORK_FIELDS = ['name', 'day or time', 'number of people', 'skills needed', 'priority']
const LIST_WORDS = { duties: 'Duty post', staff: 'Staff', grades: 'Grade', slots: 'Slot', cover: 'Cover', events: 'Event' } as const
const LIST_FIELDS = {
  duties: POST_FIELDS,
  staff: STAFF_FIELDS,
  grades: ['name', 'duties allowed'],
  slots: ['name', 'times'],
  cover: WORK_FIELDS,
  events: WORK_FIELDS,
}

/** "Duty post 'Library' added", "Staff Nia Khan's grade changed" */
export function changeText(c: SetupChange): string {
  const thing = c.list === 'staff' ? `Staff ${c.name}` : `${LIST_WORDS[c.list]} '${c.name}'`
  if (c.change === 'added' || c.change === 'removed') return `${thing} ${c.change}`
  const fields = LIST_FIELDS[c.list]
  const what = c.change.fields.map((i) => fields[i] ?? 'details').join(' and ')
  return c.list === 'staff' ? `${thing}'s ${what} changed` : `${thing}: ${what} changed`
}

const SHOWN_AT_MOST = 8

/** The setup moved on since this rota was made: what changed, and the way to a rota that fits it. */
export const StaleNotice: FC<{ changes: SetupChange[]; unplanned: number; paths: ManagerPaths; monday: string; version: number }> = ({
  changes,
  unplanned,
  paths,
  monday,
  version,
}) => (
  <section class="notice" aria-labelledby="stale-title">
    <h2 id="stale-title">The setup changed after this rota was made: generate the week again</h2>
    <ul>
      {changes.slice(0, SHOWN_AT_MOST).map((c) => (
        <li>{changeText(c)} after this rota was made.</li>
      ))}
      {changes.length > SHOWN_AT_MOST ? <li>And {changes.length - SHOWN_AT_MOST} more changes.</li> : null}
      {unplanned > 0 ? (
        <li>
          {unplanned} {seatWord(unplanned)} this rota never planned: {unplanned === 1 ? 'it is' : 'they are'} counted as not planned, not as filled.
        </li>
      ) : null}
    </ul>
    <PostForm action={paths.generate(monday)} busy="Generating the week. A large school can take a minute; this page updates when it is done.">
      <input type="hidden" name="version" value={String(version)} />
      <button type="submit" class="primary">
        Generate again
      </button>
    </PostForm>
  </section>
)
