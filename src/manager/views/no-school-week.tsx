// A week the term dates leave without pupils (a holiday, a half term, every day closed): the
// page says so in place of seats to fill and a Generate button, which would plan a rota no one
// should work, and links to the weeks either side and to the term dates that decided it.
import type { FC } from 'hono/jsx'
import { longDate } from '../../ui/dates.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { WeekSteps, type WeekStep } from './week-steps.js'

export interface NoSchoolWeekProps {
  frame: Omit<PageFrame, 'title' | 'section'>
  monday: string
  /** "the week of 21 December 2026 has no school day: it is outside every term (Christmas holiday)" */
  reason: string
  previous: WeekStep
  next: WeekStep
}

export const NoSchoolWeekPage: FC<NoSchoolWeekProps> = ({ frame, monday, reason, previous, next }) => (
  <ManagerLayout {...frame} title={`Week of ${longDate(monday)}`} section="week">
    <p class="notice" role="status">
      No rota to plan: {reason}.
    </p>
    <p>
      The <a href={frame.paths.terms}>term dates</a> decide which weeks are school weeks.
    </p>
    <nav aria-label="Weeks" class="no-print">
      <ul>
        <WeekSteps href={frame.paths.week} previous={previous} next={next} />
      </ul>
    </nav>
  </ManagerLayout>
)
