// "Cover you could take" on /me: open cover a manager offered that this person's contract,
// hours and week allow, each with an Accept button. The first to accept gets the place; the
// answer says plainly when someone else was quicker.
import type { FC } from 'hono/jsx'
import type { OfferForStaff } from '../offers/offers.js'
import { clockTime, shortDate } from '../ui/dates.js'

export const COVER_OFFER_ACTIONS = {
  accept: (id: string) => `/me/cover-offers/${encodeURIComponent(id)}/accept`,
} as const

/** What /me may say after an Accept; keys only, so no text can be injected through the URL. */
export const COVER_OFFER_FLASH = {
  taken: 'It is yours: the duty is in your week below and in your calendar.',
  gone: 'Someone else took it first: that cover is filled. Thank you for offering.',
} as const

export type CoverOfferFlash = keyof typeof COVER_OFFER_FLASH

export const coverOfferFlashText = (key: string | undefined): string | undefined =>
  key !== undefined && key in COVER_OFFER_FLASH ? COVER_OFFER_FLASH[key as CoverOfferFlash] : undefined

export interface CoverOffersPanel {
  list: OfferForStaff[]
  flash?: string | undefined
  /** why the Accept just sent was refused */
  problem?: string | undefined
}

export const CoverOffers: FC<{ panel: CoverOffersPanel }> = ({ panel }) =>
  panel.list.length === 0 && !panel.flash && !panel.problem ? null : (
    <section aria-labelledby="cover-offers">
      <h2 id="cover-offers">Cover you could take</h2>
      {panel.flash ? (
        <p role="status" class="notice">
          {panel.flash}
        </p>
      ) : null}
      {panel.problem ? (
        <p role="alert" class="alert">
          {panel.problem}
        </p>
      ) : null}
      {panel.list.length > 0 ? (
        <ul class="duties">
          {panel.list.map((o) => (
            <li>
              <p id={`cover-offer-${o.id}`}>
                {shortDate(o.date)}, from {clockTime(o.start)}: {o.name}
              </p>
              <form method="post" action={COVER_OFFER_ACTIONS.accept(o.id)}>
                <button type="submit" aria-describedby={`cover-offer-${o.id}`}>
                  Accept
                </button>
              </form>
            </li>
          ))}
        </ul>
      ) : null}
      {panel.list.length > 0 ? <p class="quiet">Your manager offered these to everyone who could take them: the first to accept gets each one.</p> : null}
    </section>
  )
