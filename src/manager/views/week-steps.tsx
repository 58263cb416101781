// The links to the week before and after, over any half term or holiday between: a week with
// nothing to plan is stepped over, and the link says what it steps over, so the manager knows
// why "Next" jumps a fortnight. The week page and the Cover page step alike, each to its own page.
import type { FC } from 'hono/jsx'
import { longDate } from '../../ui/dates.js'

export interface WeekStep {
  monday: string
  /** the holidays between, e.g. ["October half term 2026"] */
  skipped: string[]
}

/** Where a step goes: the same page for another week, e.g. `paths.week` or `paths.cover`. */
export type WeekHref = (monday: string) => string

const StepLink: FC<{ href: WeekHref; step: WeekStep; way: 'Previous' | 'Next' }> = ({ href, step, way }) => (
  <li>
    <a href={href(step.monday)}>
      {step.skipped.length === 0
        ? `${way} week`
        : `${way} school week, ${longDate(step.monday)} (${way === 'Next' ? 'after' : 'before'} ${step.skipped.join(', ')})`}
    </a>
  </li>
)

export const WeekSteps: FC<{ href: WeekHref; previous: WeekStep; next: WeekStep }> = ({ href, previous, next }) => (
  <>
    <StepLink href={href} step={previous} way="Previous" />
    <StepLink href={href} step={next} way="Next" />
  </>
)
