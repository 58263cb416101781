// A member of staff's personal link, from the manager's side: whether one is in use, making a
// new one (which stops the old one, for a lost phone), stopping it, and, once, the new link
// itself with a QR code the person can scan from the manager's screen.
import type { FC } from 'hono/jsx'
import { localWhen } from '../../ui/dates.js'
import { QrCode, qrMatrix } from '../../ui/qr-code.js'
import { ManagerLayout, type PageFrame } from './layout.js'

export interface PersonalLinkView {
  staffName: string
  /** what the page's forms post to */
  actions: { make: string; stop: string }
  timezone: string
  /** when the link in use was made; none when the person has no link */
  liveSince: string | null
  hasCalendarFeed: boolean
}

const StopCalendarChoice: FC<{ id: string; view: PersonalLinkView }> = ({ id, view }) =>
  view.hasCalendarFeed ? (
    <div class="field">
      <label class="choice" for={id}>
        <input type="checkbox" id={id} name="alsoStopCalendar" value="yes" aria-describedby={`${id}-hint`} />
        Also stop their calendar link
      </label>
      <span class="hint" id={`${id}-hint`}>
        Choose this if the phone was lost with the calendar on it. They can make a new calendar link from their page.
      </span>
    </div>
  ) : null

export const PersonalLinkPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; view: PersonalLinkView }> = ({ frame, view }) => (
  <ManagerLayout {...frame} title={`Personal link for ${view.staffName}`} section="staff">
    <p>
      <a href={frame.paths.staff}>Back to staff</a>
    </p>
    <section aria-labelledby="link-now">
      <h2 id="link-now">{view.staffName}'s personal link</h2>
      <p>
        {view.liveSince === null
          ? `${view.staffName} has no personal link yet. With one, they see their duties on their phone without an account or a password.`
          : `A personal link made on ${localWhen(view.liveSince, view.timezone)} is in use. Links are not kept, so it cannot be shown again: make a new one if it was lost.`}
      </p>
      <form method="post" action={view.actions.make}>
        {view.liveSince === null ? null : <StopCalendarChoice id="make-stop-calendar" view={view} />}
        <button type="submit" class="primary">
          {view.liveSince === null ? 'Make a personal link' : 'Make a new personal link'}
        </button>
        {view.liveSince === null ? null : <p class="hint">The old link stops working at once, and any phone signed in with it is signed out.</p>}
      </form>
    </section>
    {view.liveSince === null ? null : (
      <section aria-labelledby="link-stop">
        <h2 id="link-stop">Stop the link without a new one</h2>
        <p>For someone who has left or no longer needs it.</p>
        <form method="post" action={view.actions.stop}>
          <StopCalendarChoice id="stop-stop-calendar" view={view} />
          <button type="submit" class="danger">
            Stop {view.staffName}'s personal link
          </button>
        </form>
      </section>
    )}
  </ManagerLayout>
)

export const NewPersonalLinkPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; staffName: string; url: string }> = ({ frame, staffName, url }) => {
  // none when the address is too long for the codes we draw: the link is still there as text
  const matrix = qrMatrix(url)
  return (
    <ManagerLayout {...frame} title={`New personal link for ${staffName}`} section="staff">
      <p role="status" class="notice">
        This is the only time the link is shown. Anyone who has it sees {staffName}'s duties, so give it to {staffName} alone.
      </p>
      <section aria-labelledby="link-new">
        <h2 id="link-new">Give this to {staffName}</h2>
        {matrix === null ? null : (
          <>
            <p>{staffName} can scan this with their phone's camera:</p>
            <div class="qr">
              <QrCode matrix={matrix} label={`QR code of ${staffName}'s personal link`} />
            </div>
          </>
        )}
        <div class="field wide">
          <label for="personal-link">Or send them the link</label>
          <input id="personal-link" type="text" readonly value={url} />
        </div>
        {/* Without a script the link is selectable text above; the script shows the button. */}
        <p class="actions">
          <button type="button" data-copy="personal-link" hidden>
            Copy the link
          </button>
          <span data-copied role="status" class="hint" />
        </p>
      </section>
      <p>
        <a href={frame.paths.staff}>Back to staff</a>
      </p>
    </ManagerLayout>
  )
}
