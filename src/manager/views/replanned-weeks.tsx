// What an approval re-planned: a link to each week's re-plan draft, to review and publish before
// staff see it. Approving leave and approving a time someone cannot do both answer with it.
import type { FC } from 'hono/jsx'
import { longDate } from '../../ui/dates.js'

export const ReplannedWeeks: FC<{ heading: string; weeks: readonly string[]; weekHref: (monday: string) => string }> = ({ heading, weeks, weekHref }) =>
  weeks.length === 0 ? null : (
    <section class="notice" aria-labelledby="replanned">
      <h2 id="replanned">{heading}</h2>
      <ul>
        {weeks.map((monday) => (
          <li>
            <a href={weekHref(monday)}>Review and publish the re-plan of the week of {longDate(monday)}</a>
          </li>
        ))}
      </ul>
    </section>
  )
