// What the Cover and Events pages share: where a request's or an event's seats stand in the
// week's rota, which rota that is, and the fields both forms have (people, skills, priority).
import type { FC } from 'hono/jsx'
import { SelectField, TextField, type FormState } from '../../ui/form-fields.js'
import type { SeatState, WeekRotaState } from '../work-seats.js'
import { seatsText } from './labels.js'
import type { ManagerPaths } from './paths.js'
import { StaleNotice } from './week-seats.js'

const names = (people: readonly string[]) => people.join(', ')

/** One seat state in words: "Filled by Ben Jones", "Unfilled: nobody working then holds Team Teach". */
export function seatText(s: SeatState): string {
  switch (s.kind) {
    case 'not-generated':
      return 'Not generated yet'
    case 'no-week':
      return `No rota: ${s.reason}`
    case 'closed':
      return 'The school is closed that day'
    case 'filled':
      return `Filled by ${names(s.people)}`
    case 'unfilled':
      return `${s.people.length > 0 ? `${names(s.people)}; ` : ''}${s.missing} unfilled: ${s.why}`
    case 'not-planned':
      return 'Not in the rota yet: generate the week again'
  }
}

export const SeatCellText: FC<{ state: SeatState }> = ({ state }) => (
  <td class={state.kind === 'unfilled' || state.kind === 'not-planned' ? 'unfilled' : undefined}>{seatText(state)}</td>
)

/** What a request or event needs, its priority and, once it has one, where its seat stands: three table cells (two without a seat). */
export const NeedsCells: FC<{ work: { peopleNeeded: number; skillSeats: Record<string, number>; priority: number }; seat?: SeatState | undefined }> = ({
  work,
  seat,
}) => (
  <>
    <td>
      {work.peopleNeeded === 1 ? '1 person' : `${work.peopleNeeded} people`}
      {Object.keys(work.skillSeats).length > 0 ? `, ${seatsText(work.skillSeats)}` : ''}
    </td>
    <td>{work.priority}</td>
    {seat ? <SeatCellText state={seat} /> : null}
  </>
)

/** Which rota the seats are read from, and, when that rota is older than the week's work, the way to a new one. */
export const RotaLine: FC<{ state: WeekRotaState; paths: ManagerPaths; monday: string; weekName: string }> = ({ state, paths, monday, weekName }) => {
  const data = state.data
  if (!data)
    return (
      <p class="notice">
        There is no rota to plan for the {weekName}: {state.noWeek}.
      </p>
    )
  const changes = data.changes
  return (
    <>
      <p>
        {state.showing === 'none' ? (
          <>The {weekName} is not generated yet: generate it for these seats to be filled. </>
        ) : (
          <>
            Seats as the {weekName}'s {state.showing === 'draft' ? 'draft under review (not published yet)' : 'published rota'} has them.{' '}
          </>
        )}
        <a href={paths.week(monday)}>Open the {weekName}</a>
      </p>
      {state.showing !== 'none' && (changes.length > 0 || data.model.unplanned > 0) ? (
        <StaleNotice changes={changes} unplanned={data.model.unplanned} paths={paths} monday={monday} version={state.version} />
      ) : null}
    </>
  )
}

export const PRIORITY_OPTIONS = [
  { value: '1', label: '1 (highest)' },
  { value: '2', label: '2' },
  { value: '3', label: '3 (usual)' },
  { value: '4', label: '4' },
  { value: '5', label: '5 (lowest)' },
]

/** People, skills and priority: the part of a cover request and an event that says what the seats need. */
export const SeatFields: FC<{ form: string; state: FormState; labels: Record<string, string> }> = ({ form, state, labels }) => (
  <div class="row">
    <TextField form={form} state={state} name="peopleNeeded" label={labels.peopleNeeded as string} inputmode="numeric" />
    <TextField form={form} state={state} name="skillSeats" label={labels.skillSeats as string} hint='Optional, e.g. "first-aid:1"' />
    <SelectField form={form} state={state} name="priority" label={labels.priority as string} options={PRIORITY_OPTIONS} />
  </div>
)

export const SEAT_LABELS = { peopleNeeded: 'People needed', skillSeats: 'Skills needed', priority: 'Priority', code: 'Code' }

/** Said on an Edit page: the rota follows a change only when its week is generated again. */
export const GENERATE_AGAIN = <p class="quiet">Saving changes this only: generate its week again for the rota to follow.</p>
