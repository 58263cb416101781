// "Seen" on /me: after a re-plan, each changed duty carries a Seen button (a plain form, no
// script), and the top of the page lists what is still to be marked seen, linking to each duty.
// The change messages link here (#to-see), so a tap from the e-mail or notification lands on it.
import type { FC } from 'hono/jsx'
import { shortDate } from '../ui/dates.js'
import type { MeDuty, MeView } from './me.js'
import { TO_SEE_ANCHOR } from '../notifications/receipts.js'

export const SEEN_ACTION = '/me/seen'

export { TO_SEE_ANCHOR }

/** The id of a duty's item in a list: `today` for today's list, `duty` for the week's (the one the links go to). */
export const dutyAnchor = (list: 'today' | 'duty', uid: string): string => `${list}-${uid}`

export const SeenForm: FC<{ duty: MeDuty; describedBy: string }> = ({ duty, describedBy }) =>
  duty.toSee ? (
    <form method="post" action={SEEN_ACTION} class="seen">
      <input type="hidden" name="entry" value={duty.uid} />
      <input type="hidden" name="publish" value={duty.toSee.publishId} />
      <button type="submit" aria-describedby={describedBy}>
        Seen
      </button>
    </form>
  ) : null

/** Every duty still to be marked seen, once each, with the anchor of the list it shows in. */
function toSee(view: MeView): { duty: MeDuty; anchor: string }[] {
  const listed = [...view.week.days, ...view.later.flatMap((w) => w.days)].flatMap((d) => d.duties)
  const inLists = new Set(listed.map((d) => d.uid))
  return [
    ...view.todays.filter((d) => !inLists.has(d.uid)).map((duty) => ({ duty, anchor: dutyAnchor('today', duty.uid) })),
    ...listed.map((duty) => ({ duty, anchor: dutyAnchor('duty', duty.uid) })),
  ].filter((x) => x.duty.toSee !== null)
}

export const ToSeeNotice: FC<{ view: MeView; message?: string | undefined }> = ({ view, message }) => {
  const waiting = toSee(view)
  if (waiting.length === 0 && message === undefined) return null
  return (
    <section class="notice" aria-labelledby={TO_SEE_ANCHOR}>
      <h2 id={TO_SEE_ANCHOR}>Changes to mark as seen</h2>
      {message ? <p role="status">{message}</p> : null}
      {waiting.length === 0 ? (
        <p>You have seen every change.</p>
      ) : (
        <>
          <p>These duties of yours changed. Press Seen beside each one, so the office knows you have read it.</p>
          <ul>
            {waiting.map(({ duty, anchor }) => (
              <li>
                <a href={`#${anchor}`}>
                  {shortDate(duty.date)}, {duty.start} to {duty.end}: {duty.what}
                  {duty.where ? `, ${duty.where}` : ''}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
