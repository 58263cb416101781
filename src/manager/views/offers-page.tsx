// Open cover for a week: each empty seat of the published rota with how many staff the rules
// let take it, a button to offer it (or every empty seat of a day) to all of them, and the
// offers so far with who took them. Staff see open offers on their phones; the first to accept
// gets the place.
import type { FC } from 'hono/jsx'
import type { EmptySeatRow, OfferBoard, OfferRow } from '../../offers/board.js'
import { clockTime, longDate, shortDate } from '../../ui/dates.js'
import { PostForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`

const SeatFields: FC<{ seat: { work: string; date: string; slot: string | null } }> = ({ seat }) => (
  <>
    <input type="hidden" name="work" value={seat.work} />
    <input type="hidden" name="date" value={seat.date} />
    <input type="hidden" name="slot" value={seat.slot ?? ''} />
  </>
)

const EmptySeatItem: FC<{ seat: EmptySeatRow; action: string }> = ({ seat, action }) => (
  <li>
    <p id={`seat-${seat.work}-${seat.date}-${seat.slot ?? ''}`}>
      <strong>{seat.name}</strong>, {shortDate(seat.date)} at {clockTime(seat.start)}: {seat.places} {seat.places === 1 ? 'place' : 'places'} empty.{' '}
      {seat.couldTake === 0 ? 'Nobody the rules allow is free then.' : `${people(seat.couldTake)} could take it.`}
    </p>
    {seat.offerId ? (
      <p class="quiet">On offer: it shows on their phones now.</p>
    ) : seat.couldTake > 0 ? (
      <PostForm action={action}>
        <SeatFields seat={seat} />
        <button type="submit" class="small" aria-describedby={`seat-${seat.work}-${seat.date}-${seat.slot ?? ''}`}>
          Offer to staff
        </button>
      </PostForm>
    ) : null}
  </li>
)

const OfferItem: FC<{ offer: OfferRow; withdraw: string }> = ({ offer, withdraw }) => (
  <li>
    <p id={`offer-${offer.id}`}>
      <strong>{offer.name}</strong>, {shortDate(offer.date)}: {offer.status === 'open' ? 'open' : offer.status === 'taken' ? 'taken' : 'withdrawn'}
      {offer.takenByNames.length > 0 ? `; taken by ${offer.takenByNames.join(', ')}` : ''}.
    </p>
    {offer.status === 'open' ? (
      <PostForm action={withdraw}>
        <input type="hidden" name="version" value={String(offer.version)} />
        <button type="submit" class="small" aria-describedby={`offer-${offer.id}`}>
          Withdraw
        </button>
      </PostForm>
    ) : null}
  </li>
)

export const OffersPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; monday: string; board: OfferBoard }> = ({ frame, monday, board }) => {
  const paths = frame.paths
  const days = [...new Set(board.empty.filter((e) => e.offerId === null && e.couldTake > 0).map((e) => e.date))]
  return (
    <ManagerLayout {...frame} title={`Open cover, week of ${longDate(monday)}`} section="week">
      <p>
        <a href={paths.week(monday)}>Back to the week</a>
      </p>
      {!board.published ? (
        <p class="notice">Nothing is published for this week yet. Publish it first: only empty seats of a published rota can be offered.</p>
      ) : (
        <>
          <section aria-labelledby="empty-seats">
            <h2 id="empty-seats">Empty seats</h2>
            <p>
              An offer shows on the phone of everyone the rules let take it (grade, working hours, absences, clashes, breaks and limits). The first to accept
              gets the place, and it counts towards their fair share like any duty.
            </p>
            {board.empty.length === 0 ? (
              <p class="quiet">Every seat of the published rota is filled.</p>
            ) : (
              <ul class="seats">
                {board.empty.map((seat) => (
                  <EmptySeatItem seat={seat} action={paths.offers(monday)} />
                ))}
              </ul>
            )}
            {days.map((date) => (
              <PostForm action={paths.offers(monday)}>
                {board.empty
                  .filter((e) => e.date === date && e.offerId === null && e.couldTake > 0)
                  .map((e) => (
                    <input type="hidden" name="seat" value={`${e.work}|${e.date}|${e.slot ?? ''}`} />
                  ))}
                <button type="submit">Offer every empty seat on {longDate(date)}</button>
              </PostForm>
            ))}
          </section>
          <section aria-labelledby="offers">
            <h2 id="offers">Offers</h2>
            {board.offers.length === 0 ? (
              <p class="quiet">No offers yet this week.</p>
            ) : (
              <ul class="offers">
                {board.offers.map((offer) => (
                  <OfferItem offer={offer} withdraw={paths.withdrawOffer(monday, offer.id)} />
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </ManagerLayout>
  )
}
