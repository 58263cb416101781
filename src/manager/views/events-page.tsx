// Events: one-off work outside the usual day (parents' evening, INSET, an open evening), paid
// from additional hours. Listed week by week from this week on, each week with where its rota
// stands (an event added after the rota was made is not in it until the week is generated
// again), and the form that adds one on any date.
import type { FC } from 'hono/jsx'
import type { SchoolEvent } from '../../week/events.js'
import { longDate } from '../../ui/dates.js'
import { AddSection, TextField, type FormState } from '../../ui/form-fields.js'
import { RecordsTable } from '../../ui/tables.js'
import type { SeatState, WeekRotaState } from '../work-seats.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { NeedsCells, RotaLine, SEAT_LABELS, SeatFields } from './work-views.js'

type Frame = Omit<PageFrame, 'title' | 'section'>

export const EVENT_FORM = 'event'
export const EVENT_LABELS: Record<string, string> = { name: 'Name', date: 'Date', start: 'From', end: 'Until', ...SEAT_LABELS }

export interface EventLine {
  event: SchoolEvent
  seat: SeatState
}

export interface EventWeek {
  monday: string
  rota: WeekRotaState
  lines: EventLine[]
}

export const EventFields: FC<{ form: string; state: FormState }> = ({ form, state }) => (
  <>
    <TextField form={form} state={state} name="name" label={EVENT_LABELS.name as string} hint={`e.g. "Parents' evening" or "Twilight INSET"`} wide required />
    <div class="row">
      <TextField form={form} state={state} name="date" type="date" label={EVENT_LABELS.date as string} required />
      <TextField form={form} state={state} name="start" type="time" label={EVENT_LABELS.start as string} required />
      <TextField form={form} state={state} name="end" type="time" label={EVENT_LABELS.end as string} required />
    </div>
    <SeatFields form={form} state={state} labels={EVENT_LABELS} />
    <TextField form={form} state={state} name="code" label={EVENT_LABELS.code as string} hint="Optional: left empty, one is made from the name" />
  </>
)

const WeekEvents: FC<{ week: EventWeek; frame: Frame }> = ({ week, frame }) => {
  const weekName = `week of ${longDate(week.monday)}`
  return (
    <section aria-labelledby={`events-${week.monday}`}>
      <h2 id={`events-${week.monday}`}>Week of {longDate(week.monday)}</h2>
      <RotaLine state={week.rota} paths={frame.paths} monday={week.monday} weekName={weekName} />
      <RecordsTable
        items={week.lines}
        caption={`Events, ${weekName}`}
        scroll={`Events, ${weekName}`}
        columns={['Event', 'When', 'Needs', 'Priority', 'Seats']}
        row={(l) => (
          <>
            <th scope="row">{l.event.name}</th>
            <td>
              {longDate(l.event.date)}, {l.event.start}-{l.event.end}
            </td>
            <NeedsCells work={l.event} seat={l.seat} />
          </>
        )}
        edit={(l) => ({ href: frame.paths.edit(frame.paths.events, l.event.id), context: `${l.event.name} on ${longDate(l.event.date)}` })}
        remove={(l) => ({ action: frame.paths.remove(frame.paths.events, l.event.id), context: `${l.event.name} on ${longDate(l.event.date)}` })}
      />
    </section>
  )
}

export const EventsPage: FC<{ frame: Frame; from: string; earlier: string; weeks: EventWeek[]; form: FormState }> = ({ frame, from, earlier, weeks, form }) => (
  <ManagerLayout {...frame} title="Events" section="events">
    <p>
      Parents' evenings, INSET, open evenings: work outside the usual day, given to people like any other seat and paid from their additional hours. Listed from
      the week of {longDate(from)}. <a href={`${frame.paths.events}?from=${earlier}`}>Show earlier events</a>
    </p>
    {weeks.length === 0 ? <p class="quiet">No events from then on.</p> : weeks.map((w) => <WeekEvents week={w} frame={frame} />)}
    <AddSection
      id="event-add"
      heading="Add an event"
      intro={<p>Its week needs generating again for its seats to be filled.</p>}
      form={EVENT_FORM}
      state={form}
      labels={EVENT_LABELS}
      action={frame.paths.events}
      submit="Add event"
    >
      <EventFields form={EVENT_FORM} state={form} />
    </AddSection>
  </ManagerLayout>
)
