// The two grids of the week: duty posts x days (who fills each seat, with pin, unpin and bar
// buttons, every unfilled seat and every seat the rota never planned marked in words; the
// reasons are listed under the grid) and people x days (each person's week, with their load
// against their fair share).
import type { FC } from 'hono/jsx'
import type { Cell, PersonRow, PostRow, SeatPerson, WeekDay, WeekModel } from '../week-model.js'
import { shortDate } from '../../ui/dates.js'
import { ButtonForm } from '../../ui/form-fields.js'
import type { ManagerPaths } from './paths.js'

export interface SeatActions {
  paths: ManagerPaths
  monday: string
}

const DayHead: FC<{ day: WeekDay }> = ({ day }) => (
  <th scope="col">
    <time datetime={day.date}>{shortDate(day.date)}</time>
    {day.closed ? <span class="flag">Closed</span> : null}
  </th>
)

const occurrence = (row: PostRow, cell: Cell) => ({ duty: row.work, date: cell.date, ...(row.slot === undefined ? {} : { slot: row.slot }) })

const Person: FC<{ person: SeatPerson; row: PostRow; cell: Cell; actions: SeatActions | undefined }> = ({ person, row, cell, actions }) => {
  const where = `${row.what}, ${shortDate(cell.date)}`
  return (
    <li>
      {person.name}
      {person.pinId ? <span class="flag">Pinned</span> : null}
      {actions ? (
        <span class="seat-actions">
          {person.pinId ? (
            <ButtonForm action={actions.paths.unpin(actions.monday, person.pinId)} text="Unpin" context={`${person.name}, ${where}`} />
          ) : (
            <ButtonForm
              action={actions.paths.pin(actions.monday)}
              text="Pin"
              context={`${person.name}, ${where}`}
              hidden={{ staff: person.staff, ...occurrence(row, cell) }}
            />
          )}
          <ButtonForm
            action={actions.paths.bar(actions.monday)}
            text="Bar"
            context={`${person.name} from ${where}`}
            hidden={{ staff: person.staff, ...occurrence(row, cell) }}
          />
        </span>
      ) : null}
    </li>
  )
}

const SeatCell: FC<{ row: PostRow; cell: Cell; day: WeekDay; actions: SeatActions | undefined; generated: boolean }> = ({
  row,
  cell,
  day,
  actions,
  generated,
}) => {
  if (!cell.runs) {
    return (
      <td class={day.closed ? 'closed' : 'off'}>
        <span aria-hidden="true">–</span>
        <span class="visually-hidden">{day.closed ? 'School closed' : 'Does not run'}</span>
      </td>
    )
  }
  return (
    <td class={cell.missing > 0 ? 'unfilled' : undefined}>
      {cell.people.length > 0 ? (
        <ul>
          {cell.people.map((p) => (
            <Person person={p} row={row} cell={cell} actions={actions} />
          ))}
        </ul>
      ) : null}
      {cell.missing > 0 ? (
        <p>
          <span class="flag gap">Unfilled: {cell.missing}</span>
        </p>
      ) : null}
      {cell.unplanned > 0 ? (
        <p>
          <span class="flag gap">Not planned: {cell.unplanned}</span>
        </p>
      ) : null}
      {cell.over > 0 && cell.people.length === 0 ? <span class="quiet">Already over</span> : null}
      {!generated ? <span class="quiet">Needs {cell.needed}</span> : null}
      {cell.barred.length > 0 ? (
        <ul>
          {cell.barred.map((b) => (
            <li>
              Barred: {b.name}
              {actions ? (
                <span class="seat-actions">
                  <ButtonForm
                    action={actions.paths.unpin(actions.monday, b.barId)}
                    text="Lift bar"
                    context={`on ${b.name}, ${row.what}, ${shortDate(cell.date)}`}
                  />
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </td>
  )
}

const SECTION_HEAD = { duty: 'Duty posts', cover: 'Cover', event: 'Events' } as const

export const PostsGrid: FC<{ model: WeekModel; caption: string; actions?: SeatActions; generated: boolean }> = ({ model, caption, actions, generated }) => (
  <div class="scroll" role="region" aria-label={caption} tabindex={0}>
    <table class="grid">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Duty</th>
          {model.days.map((d) => (
            <DayHead day={d} />
          ))}
        </tr>
      </thead>
      {(['duty', 'cover', 'event'] as const).map((section) => {
        const rows = model.posts.filter((p) => p.section === section)
        if (rows.length === 0) return null
        return (
          <tbody>
            {section !== 'duty' ? (
              <tr>
                <th scope="rowgroup" colspan={model.days.length + 1}>
                  {SECTION_HEAD[section]}
                </th>
              </tr>
            ) : null}
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  {row.what}
                  <span class="time">
                    {row.slot ? `${row.slot}, ` : ''}
                    {row.time}
                  </span>
                </th>
                {row.cells.map((cell, i) => (
                  <SeatCell row={row} cell={cell} day={model.days[i] as WeekDay} actions={actions} generated={generated} />
                ))}
              </tr>
            ))}
          </tbody>
        )
      })}
    </table>
  </div>
)

const PersonDay: FC<{ day: PersonRow['days'][number]; closed: boolean }> = ({ day, closed }) => {
  if (day.absent) {
    return (
      <td class="absent">
        <span class="flag">Absent</span>
      </td>
    )
  }
  if (!day.worksToday || closed) {
    return (
      <td class="off">
        <span class="quiet">{closed ? 'Closed' : 'Not working'}</span>
      </td>
    )
  }
  return (
    <td>
      {day.duties.length === 0 ? (
        <span class="quiet">Free</span>
      ) : (
        <ul>
          {day.duties.map((d) => (
            <li>
              {d.what}
              <span class="time">{d.time}</span>
              {d.pinned ? <span class="flag">Pinned</span> : null}
            </li>
          ))}
        </ul>
      )}
    </td>
  )
}

export const PeopleGrid: FC<{ model: WeekModel; caption: string }> = ({ model, caption }) => (
  <div class="scroll" role="region" aria-label={caption} tabindex={0}>
    <table class="grid">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Person</th>
          {model.days.map((d) => (
            <DayHead day={d} />
          ))}
          <th scope="col">Duties this week</th>
          <th scope="col">Fair share</th>
        </tr>
      </thead>
      <tbody>
        {model.people.map((p) => (
          <tr>
            <th scope="row">
              {p.name}
              <span class="time">{p.hoursPerWeek} h a week</span>
            </th>
            {p.days.map((d, i) => (
              <PersonDay day={d} closed={model.days[i]?.closed ?? false} />
            ))}
            <td>{p.load}</td>
            <td>
              {p.fairShare}
              {p.load > p.fairShare + 1 ? <span class="flag">Above</span> : p.load < p.fairShare - 1 ? <span class="flag">Below</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  </div>
)
