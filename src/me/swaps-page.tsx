// Swaps on the phone: the Swaps section of /me (offers to answer, offers waiting, what was
// decided) and the offer page (/me/swaps/new), three short steps of plain forms that work
// without script: which duty, to whom, and what in exchange (with an optional note).
// Buttons are named by their visible word and described by the swap they act on.
import { Fold } from './fold.js'
import type { FC } from 'hono/jsx'
import type { DutyText } from './me.js'
import type { MeSwap, OfferAnswer, OfferChoices } from '../swaps/staff-swaps.js'
import { MAX_NOTE_LENGTH } from '../swaps/staff-swaps.js'
import { shortDate } from '../ui/dates.js'
import { PhoneDocument, renderPhoneDocument } from '../ui/phone-document.js'

export const SWAP_ACTIONS = {
  offerPage: '/me/swaps/new',
  offer: '/me/swaps',
  answer: (id: string, answer: OfferAnswer) => `/me/swaps/${encodeURIComponent(id)}/${answer}`,
} as const

/** What /me may say after a swap form; keys only, so no text can be injected through the URL. */
export const SWAP_FLASH = {
  offered: 'Your offer is sent. Your colleague sees it on their phone and can accept or decline it.',
  accepted: 'You accepted. A manager now approves the swap; until then the rota stays as it is.',
  declined: 'You declined the offer. Nothing changes.',
  withdrawn: 'You withdrew the offer. Nothing changes.',
} as const

export type SwapFlash = keyof typeof SWAP_FLASH

export const swapFlashText = (key: string | undefined): string | undefined =>
  key !== undefined && key in SWAP_FLASH ? SWAP_FLASH[key as SwapFlash] : undefined

export interface SwapsPanel {
  list: MeSwap[]
  /** a SWAP_FLASH text, after a swap form succeeded */
  flash?: string | undefined
  /** why the swap form just sent was refused */
  problem?: string | undefined
}

/** "Tue 24 Nov, 10:50 to 11:10: Break duty, Yard" */
export function dutyLine(d: DutyText): string {
  return `${shortDate(d.date)}${d.start ? `, ${d.start} to ${d.end}` : ''}: ${d.what}${d.where ? `, ${d.where}` : ''}`
}

/** Why the form just sent was refused, where the page starts to read. */
const Alert: FC<{ text: string | null | undefined }> = ({ text }) =>
  text ? (
    <div role="alert" class="alert">
      <p>{text}</p>
    </div>
  ) : null

/** Under a duty of the week: offer it, or where its offer stands. */
export const DutySwap: FC<{ duty: DutyText; offeredTo: string | undefined }> = ({ duty, offeredTo }) =>
  offeredTo !== undefined ? (
    <p class="quiet">Offered to {offeredTo}: see Swaps below.</p>
  ) : (
    <p>
      <a href={`${SWAP_ACTIONS.offerPage}?give=${encodeURIComponent(duty.ref)}`} aria-label={`Offer a swap: ${dutyLine(duty)}`}>
        Offer a swap
      </a>
    </p>
  )

function standing(s: MeSwap): string {
  const mine = s.side === 'giver'
  switch (s.stage) {
    case 'offered':
      return mine ? `Waiting for ${s.colleague} to answer.` : 'If you accept, a manager then approves it; until then the rota stays as it is.'
    case 'agreed':
      return s.proposedBy === 'manager'
        ? 'Waiting for a manager to approve it.'
        : `${mine ? `${s.colleague} accepted` : 'You accepted'}: waiting for a manager to approve it.`
    case 'approved':
      return 'Approved: the rota is changed.'
    case 'declined':
      return s.declinedBy === 'manager' ? 'A manager declined it: nothing changed.' : `${mine ? `${s.colleague} declined` : 'You declined'}: nothing changed.`
    case 'withdrawn':
      return `${mine ? 'You' : s.colleague} withdrew it: nothing changed.`
  }
}

const Answer: FC<{ swap: MeSwap; answer: OfferAnswer; label: string; primary?: boolean }> = ({ swap, answer, label, primary }) => (
  <form method="post" action={SWAP_ACTIONS.answer(swap.id, answer)}>
    <input type="hidden" name="version" value={String(swap.version)} />
    <button type="submit" class={primary ? 'primary' : undefined} aria-describedby={`swap-${swap.id}`}>
      {label}
    </button>
  </form>
)

const SwapCard: FC<{ swap: MeSwap }> = ({ swap }) => {
  const mine = swap.side === 'giver'
  const [take, give] = mine ? [swap.back, swap.give] : [swap.give, swap.back]
  const title =
    swap.proposedBy === 'manager'
      ? `Swap with ${swap.colleague}, recorded by a manager`
      : mine
        ? `Your offer to ${swap.colleague}`
        : swap.stage === 'offered'
          ? `${swap.colleague} offers you a swap`
          : `Offer from ${swap.colleague}`
  const open = swap.stage === 'offered' || swap.stage === 'agreed'
  return (
    <li class="duty">
      <p class="what" id={`swap-${swap.id}`}>
        {title}
      </p>
      <p>You take: {take ? dutyLine(take) : 'nothing in exchange'}</p>
      <p>You give: {give ? dutyLine(give) : 'nothing in exchange'}</p>
      {swap.note ? <p>Note: {swap.note}</p> : null}
      <p class="quiet">{standing(swap)}</p>
      {swap.proposedBy === 'staff' && open ? (
        <div class="actions">
          {!mine && swap.stage === 'offered' ? (
            <>
              <Answer swap={swap} answer="accept" label="Accept" primary />
              <Answer swap={swap} answer="decline" label="Decline" />
            </>
          ) : null}
          {mine ? <Answer swap={swap} answer="withdraw" label="Withdraw the offer" /> : null}
        </div>
      ) : null}
    </li>
  )
}

const SwapList: FC<{ heading: string; swaps: MeSwap[] }> = ({ heading, swaps }) =>
  swaps.length === 0 ? null : (
    <>
      <h3>{heading}</h3>
      <ul class="duties">
        {swaps.map((s) => (
          <SwapCard swap={s} />
        ))}
      </ul>
    </>
  )

export const Swaps: FC<{ panel: SwapsPanel }> = ({ panel }) => {
  const toAnswer = panel.list.filter((s) => s.side === 'taker' && s.stage === 'offered' && s.proposedBy === 'staff')
  const waiting = panel.list.filter((s) => !toAnswer.includes(s) && (s.stage === 'offered' || s.stage === 'agreed'))
  const decided = panel.list.filter((s) => s.stage !== 'offered' && s.stage !== 'agreed')
  return (
    // Open also while a colleague's offer waits for this person's answer: it is theirs to give.
    <Fold
      id="swaps"
      title={toAnswer.length > 0 ? `Swaps (${toAnswer.length} to answer)` : 'Swaps'}
      open={panel.flash !== undefined || panel.problem !== undefined || toAnswer.length > 0}
    >
      {panel.flash ? (
        <p role="status" class="notice">
          {panel.flash}
        </p>
      ) : null}
      <Alert text={panel.problem} />
      <SwapList heading="Offered to you" swaps={toAnswer} />
      <SwapList heading="Waiting" swaps={waiting} />
      <SwapList heading="Decided" swaps={decided} />
      {panel.list.length === 0 ? (
        <p class="quiet">
          Can't do a duty? Offer it to a colleague, or swap it for one of theirs. They accept or decline on their phone, then a manager approves it.
        </p>
      ) : null}
      <p>
        <a href={SWAP_ACTIONS.offerPage}>Offer one of your duties to a colleague</a>
      </p>
    </Fold>
  )
}

// ---------------------------------------------------------------------------------------------
// The offer page.

export interface OfferPageProps {
  choices: OfferChoices
  /** why the offer just sent was refused */
  problem?: string | undefined
  /** what the refused form said, so nothing typed is lost */
  values?: { back?: string | undefined; note?: string | undefined }
}

/** One radio button of a /me form, boxed so the whole row is the target. */
export const Choice: FC<{ name: string; value: string; id: string; label: string; checked?: boolean; required?: boolean }> = ({
  name,
  value,
  id,
  label,
  checked,
  required,
}) => (
  <div class="choice">
    <input type="radio" name={name} id={id} value={value} checked={checked} required={required} />
    <label for={id}>{label}</label>
  </div>
)

const offerPath = (give?: string, to?: string) =>
  `${SWAP_ACTIONS.offerPage}${give ? `?give=${encodeURIComponent(give)}${to ? `&to=${encodeURIComponent(to)}` : ''}` : ''}`

const ChooseDuty: FC<{ mine: DutyText[] }> = ({ mine }) =>
  mine.length === 0 ? (
    <p>You have no duties from today on that are not already on offer.</p>
  ) : (
    <form method="get" action={SWAP_ACTIONS.offerPage}>
      <fieldset>
        <legend>Which of your duties?</legend>
        {mine.map((d, i) => (
          <Choice name="give" value={d.ref} id={`give-${i}`} label={dutyLine(d)} required={i === 0} />
        ))}
      </fieldset>
      <button type="submit" class="primary">
        Next: choose a colleague
      </button>
    </form>
  )

const ChooseColleague: FC<{ choices: OfferChoices & { give: DutyText } }> = ({ choices }) =>
  choices.problem !== null && choices.takers.length === 0 ? null : choices.takers.length === 0 ? (
    <p>Nobody else can take this duty: everyone whose grade includes it is busy, away or not working then.</p>
  ) : (
    <form method="get" action={SWAP_ACTIONS.offerPage}>
      <input type="hidden" name="give" value={choices.give.ref} />
      <fieldset>
        <legend>Who could take it?</legend>
        <p class="quiet">Only colleagues who are free then and whose grade includes this duty are listed.</p>
        {choices.takers.map((t, i) => (
          <Choice name="to" value={t.staffId} id={`to-${i}`} label={t.name} required={i === 0} />
        ))}
      </fieldset>
      <button type="submit" class="primary">
        Next: what in exchange
      </button>
    </form>
  )

const ChooseExchange: FC<{ choices: OfferChoices & { give: DutyText; to: NonNullable<OfferChoices['to']> }; values: OfferPageProps['values'] }> = ({
  choices,
  values,
}) => {
  const back = values?.back ?? ''
  return (
    <form method="post" action={SWAP_ACTIONS.offer}>
      <input type="hidden" name="give" value={choices.give.ref} />
      <input type="hidden" name="to" value={choices.to.staffId} />
      <fieldset>
        <legend>Do you take one of {choices.to.name}'s duties in exchange?</legend>
        <Choice
          name="back"
          value=""
          id="back-none"
          label={`No: ${choices.to.name} just takes yours`}
          checked={back === '' || !choices.exchanges.some((d) => d.ref === back)}
        />
        {choices.exchanges.length === 0 ? <p class="quiet">None of {choices.to.name}'s duties from today on is one you could take.</p> : null}
        {choices.exchanges.map((d, i) => (
          <Choice name="back" value={d.ref} id={`back-${i}`} label={`Yes, I take: ${dutyLine(d)}`} checked={d.ref === back} />
        ))}
      </fieldset>
      <label for="note">A note for {choices.to.name} (optional)</label>
      <textarea id="note" name="note" maxlength={MAX_NOTE_LENGTH} aria-describedby="note-hint">
        {values?.note ?? ''}
      </textarea>
      <p class="quiet" id="note-hint">
        Only {choices.to.name} and your managers see it.
      </p>
      <button type="submit" class="primary">
        Send the offer to {choices.to.name}
      </button>
    </form>
  )
}

export const OfferPage: FC<OfferPageProps> = ({ choices, problem, values }) => {
  const { give, to } = choices
  return (
    <PhoneDocument title="Offer a swap" schoolName={choices.schoolName}>
      <h1>Offer a swap</h1>
      <Alert text={problem ?? choices.problem} />
      {give ? (
        <dl class="figures">
          <div>
            <dt>Your duty</dt>
            <dd>
              {dutyLine(give)} <a href={offerPath()}>Choose another duty</a>
            </dd>
          </div>
          {to ? (
            <div>
              <dt>To</dt>
              <dd>
                {to.name} <a href={offerPath(give.ref)}>Choose someone else</a>
              </dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      {!give ? (
        <ChooseDuty mine={choices.mine} />
      ) : !to ? (
        <ChooseColleague choices={{ ...choices, give }} />
      ) : (
        <ChooseExchange choices={{ ...choices, give, to }} values={values} />
      )}
      <p>
        <a href="/me">Back to your duties</a>
      </p>
    </PhoneDocument>
  )
}

export async function renderOfferPage(props: OfferPageProps): Promise<string> {
  return renderPhoneDocument(<OfferPage {...props} />)
}
