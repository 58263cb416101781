// The price of the week's gaps: each day with an empty seat, each seat with the changes that
// would fill it (each a what-if re-plan), what each costs, and one button that makes it and
// re-plans. The buttons are plain forms, so the page needs no script.
import type { FC } from 'hono/jsx'
import type { GapPriceView, PricedOption, PricedSeat } from '../../week/gap-prices.js'
import { longDate } from '../../ui/dates.js'
import { PostForm } from '../../ui/form-fields.js'
import type { ReasonGroup } from '../unfilled-groups.js'
import { groupHeadline } from './week-seats.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { ProblemSummary } from './week-page.js'

/** The option's fields as the fix form sends them back. */
function fields(seat: PricedSeat, option: PricedOption): Record<string, string> {
  const at: Record<string, string> = { duty: seat.seat.duty, date: seat.seat.date, ...(seat.seat.slot === undefined ? {} : { slot: seat.seat.slot }) }
  const r = option.relaxation
  switch (r.kind) {
    case 'extra-duty':
      return { kind: r.kind, staff: r.staff, cap: String(r.cap), ...at }
    case 'additional-hours':
      return { kind: r.kind, staff: r.staff, hours: String(r.hours), ...at }
    case 'grade-kind':
      return { kind: r.kind, grade: r.grade, dutyKind: r.dutyKind, ...at }
    case 'add-staff':
      return { kind: r.kind, ...at }
  }
}

const seatName = (s: PricedSeat) => `${s.name}${s.seat.slot ? ` (${s.seat.slot})` : ''}`

const Options: FC<{ seat: PricedSeat; action: string; n: number }> = ({ seat, action, n }) =>
  seat.options.length === 0 ? (
    <p>No one change of a weekly limit, additional hours or a grade fills this seat: see why on the week page.</p>
  ) : (
    <ul class="gap-options">
      {seat.options.map((o, i) => {
        const id = `gap-${n}-${i}`
        return (
          <li>
            <span id={id}>
              {o.text.charAt(0).toUpperCase() + o.text.slice(1)}: <strong>{o.cost.text}</strong>
              {o.fills > 1 ? ` (fills ${o.fills} empty seats)` : ''}
            </span>
            <PostForm action={action} busy="Making the change and re-planning the week.">
              {Object.entries(fields(seat, o)).map(([name, value]) => (
                <input type="hidden" name={name} value={value} />
              ))}
              <button type="submit" class="small" aria-describedby={id}>
                Apply and re-plan
              </button>
            </PostForm>
          </li>
        )
      })}
    </ul>
  )

export const GapsPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  monday: string
  view: GapPriceView
  groups: ReasonGroup[]
  problem?: { title: string; details: string[] } | undefined
}> = ({ frame, monday, view, groups, problem }) => {
  const days = [...new Set(view.seats.map((s) => s.seat.date))].sort()
  let n = 0
  return (
    <ManagerLayout {...frame} title={`What would fill the gaps, week of ${longDate(monday)}`} section="week">
      {problem ? <ProblemSummary problem={problem} /> : null}
      <p>
        <a href={frame.paths.week(monday)}>Back to the week</a>
      </p>
      <p>
        Each change below was tried as a re-plan of the week: it is shown only if that re-plan fills the seat and leaves no other seat empty. Apply one and the
        week is re-planned as a draft, with what moved, for you to publish.
      </p>
      {groups.length > 0 ? (
        <section aria-labelledby="gap-groups">
          <h2 id="gap-groups">The gaps, by cause</h2>
          <ul class="reasons">
            {groups.map((g) => (
              <li>
                <strong>{groupHeadline(g)}:</strong> {g.why}.
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {view.seats.length === 0 ? <p>Every seat of the week is filled: there is nothing to price.</p> : null}
      {days.map((day) => (
        <section aria-labelledby={`day-${day}`}>
          <h2 id={`day-${day}`}>{longDate(day)}</h2>
          {view.seats
            .filter((s) => s.seat.date === day)
            .map((s) => (
              <div class="gap-seat">
                <h3>
                  {seatName(s)}: {s.missing} {s.missing === 1 ? 'seat' : 'seats'} empty
                </h3>
                <Options seat={s} action={frame.paths.gapFix(monday)} n={n++} />
              </div>
            ))}
        </section>
      ))}
      {view.cut ? <p>The planner stopped trying changes to keep this page quick: some seats may have more options than shown.</p> : null}
    </ManagerLayout>
  )
}
