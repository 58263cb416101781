// The manager's view of a week's open cover: the empty seats of its published rota, each with
// how many staff the rules let take it and whether it is on offer, and every offer with who
// took its places. Names, never codes: it is read by a person deciding what to do.
import type { Store } from '../../db/store.js'
import { findPublishedWeek, listOffers, seatKey, type CoverOffer, type Seat } from './offers.js'

export interface EmptySeatRow extends Seat {
  name: string
  /** minutes after midnight */
  start: number
  places: number
  /** how many staff the rule gate lets take a place */
  couldTake: number
  /** the open offer of this seat, if any */
  offerId: string | null
}

export interface OfferRow extends CoverOffer {
  name: string
  takenByNames: string[]
}

export interface OfferBoard {
  published: boolean
  empty: EmptySeatRow[]
  offers: OfferRow[]
}

export async function offerBoard(store: Store, schoolId: string, week: string): Promise<OfferBoard> {
  const loaded = await findPublishedWeek(store, schoolId, week)
  // Nothing published: the page says to publish first rather than answering an error.
  if (!loaded) return { published: false, empty: [], offers: [] }
  const { gate, empty } = loaded
  const [offers, staff] = await Promise.all([
    listOffers(store, schoolId, week),
    store.db.selectFrom('staff').select(['id', 'name']).where('school_id', '=', schoolId).execute(),
  ])
  const nameOf = new Map(staff.map((s) => [s.id, s.name]))
  const openAt = new Map(offers.filter((o) => o.status === 'open').map((o) => [seatKey(o), o.id]))
  return {
    published: true,
    empty: [...empty.values()]
      .map((e) => ({ ...e, couldTake: gate.seatTakers(e).length, offerId: openAt.get(seatKey(e)) ?? null }))
      .sort((a, b) => a.date.localeCompare(b.date) || a.start - b.start || a.name.localeCompare(b.name)),
    offers: offers.map((o) => ({
      ...o,
      name: gate.seatOf(o)?.name ?? o.work,
      takenByNames: o.takenBy.map((id) => nameOf.get(id) ?? 'someone who has left'),
    })),
  }
}
