// The links to the week before and after, over any half term or holiday between: a week with
// nothing to plan is stepped over, and the link says what it steps over, so the manager knows
// why "Next" jumps a fortnight.
import type { FC } from 'hono/jsx'
import { longDate } from '../../ui/dates.js'
import type { ManagerPaths } from './paths.js'

export interface WeekStep {
  monday: string
  /** the holidays between, e.g. ["October half term 2026"] */
  skipped: string[]
}

const StepLink: FC<{ paths: ManagerPaths; step: WeekStep; way: 'Previous' | 'Next' }> = ({ paths, step, way }) => (
  <li>
    <a href={paths.week(step.monday)}>
      {step.skipped.length === 0
        ? `${way} week`
        : `${way} school week, ${longDate(step.monday)} (${way === 'Next' ? 'after' : 'before'} ${step.skipped.join(', ')})`}
    </a>
  </li>
)

export const WeekSteps: FC<{ paths: ManagerPaths; previous: WeekStep; next: WeekStep }> = ({ paths, previous, next }) => (
  <>
    <StepLink paths={paths} step={previous} way="Previous" />
    <StepLink paths={paths} step={next} way="Next" />
  </>
)
