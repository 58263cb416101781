// Who has seen the latest re-plan's changes: per changed duty, the people on it who pressed
// Seen on their phones (and when) and those who have not yet, so the office knows whom to chase
// before the day starts. Plain lists, so it reads at 390 px without a table to scroll.
import type { FC } from 'hono/jsx'
import type { WeekReceipts } from '../../notifications/receipts.js'
import { localWhen, shortDate } from '../../ui/dates.js'

export const ReceiptsSection: FC<{ receipts: WeekReceipts; timezone: string }> = ({ receipts, timezone }) => {
  const waiting = [...new Set(receipts.duties.flatMap((d) => d.notYet))].sort()
  return (
    <section aria-labelledby="receipts-title">
      <h2 id="receipts-title">Who has seen the changes</h2>
      <p>
        Publication {receipts.ordinal} ({localWhen(receipts.publishedAt, timezone)}) changed{' '}
        {receipts.duties.length === 0
          ? 'no duty anyone still has (it only took duties off), so nobody has anything to mark seen.'
          : `${receipts.duties.length === 1 ? 'one duty' : `${receipts.duties.length} duties`}. Each person on a changed duty presses Seen on their phone.`}
      </p>
      {receipts.duties.length === 0 ? null : waiting.length === 0 ? (
        <p>Everyone has seen their changes.</p>
      ) : (
        <p>
          <strong>Not yet seen by:</strong> {waiting.join(', ')}.
        </p>
      )}
      <ul class="receipts">
        {receipts.duties.map((d) => (
          <li>
            <p>
              <strong>
                {shortDate(d.date)}, {d.start} to {d.end}: {d.what}
              </strong>
            </p>
            {d.seen.length > 0 ? <p>Seen: {d.seen.map((s) => `${s.name} (${localWhen(s.at, timezone)})`).join(', ')}</p> : null}
            {d.notYet.length > 0 ? <p>Not yet: {d.notYet.join(', ')}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  )
}
