// The week page's "Book supply": for the days whose seats the rota cannot fill, pick a supply
// person, the day and their times; booking plans the draft again with them in it. Someone whose
// checks do not cover a day is named with why, so the manager knows before choosing them.
import type { FC } from 'hono/jsx'
import { shortDate } from '../../ui/dates.js'
import { emptyForm, PostForm, SelectField, TextField } from '../../ui/form-fields.js'
import type { ManagerPaths } from './paths.js'

export interface SupplyOffer {
  /** days of the week with unfilled seats, and how many */
  days: { date: string; seats: number }[]
  people: { id: string; name: string; agency: string; cannot: { date: string; why: string }[] }[]
}

const FORM = 'book-supply'

export const BookSupplySection: FC<{ offer: SupplyOffer; paths: ManagerPaths; monday: string }> = ({ offer, paths, monday }) => {
  if (offer.days.length === 0) return null
  const bookable = offer.people.filter((p) => p.cannot.length < offer.days.length)
  const blocked = offer.people.filter((p) => p.cannot.length > 0)
  const state = emptyForm({ date: offer.days[0]?.date ?? '', start: '08:30', end: '15:30' })
  return (
    <section aria-labelledby="book-supply">
      <h2 id="book-supply">Book supply for the unfilled days</h2>
      <p>
        Seats are unfilled on {offer.days.map((d) => `${shortDate(d.date)} (${d.seats})`).join(', ')}. Booking a supply person gives them that day, and the
        week's draft is planned again with them in it.
      </p>
      {blocked.length > 0 ? (
        <ul>
          {blocked.flatMap((p) =>
            p.cannot.map((c) => (
              <li>
                {p.name} cannot work {shortDate(c.date)}: {c.why}
              </li>
            )),
          )}
        </ul>
      ) : null}
      {bookable.length === 0 ? (
        <p class="quiet">
          No supply person's checks cover these days. <a href={paths.supply}>Add one, or record their checks</a>.
        </p>
      ) : (
        <PostForm action={paths.bookSupply(monday)} id={FORM} busy="Booking and planning the week again…">
          <div class="row">
            <SelectField
              form={FORM}
              state={state}
              name="staff"
              label="Supply person"
              options={bookable.map((p) => ({ value: p.id, label: `${p.name} (${p.agency})` }))}
              required
            />
            <SelectField
              form={FORM}
              state={state}
              name="date"
              label="Day"
              options={offer.days.map((d) => ({ value: d.date, label: shortDate(d.date) }))}
              required
            />
          </div>
          <div class="row">
            <TextField form={FORM} state={state} name="start" type="time" label="From" required />
            <TextField form={FORM} state={state} name="end" type="time" label="Until" required />
          </div>
          <button type="submit" class="primary">
            Book supply
          </button>
        </PostForm>
      )}
    </section>
  )
}
