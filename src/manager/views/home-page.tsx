// Where a manager starts: the setup steps in order with how far each has got, then the week.
// And, for someone who manages several schools, the list to choose from.
import type { FC } from 'hono/jsx'
import { Head, ManagerLayout, type PageFrame } from './layout.js'
import { managerPaths } from './paths.js'

export interface SetupCounts {
  slots: number
  periods: number
  grades: number
  staff: number
  posts: number
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

export const HomePage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; counts: SetupCounts; monday: string }> = ({ frame, counts, monday }) => {
  const p = frame.paths
  // Term dates are the one step the week can do without: with none, every week counts as a
  // school week, so the page must not claim the week needs them.
  const steps: [string, string, string, boolean, boolean][] = [
    ['School day', p.day, plural(counts.slots, 'slot', 'slots'), counts.slots > 0, true],
    ['Term dates', p.terms, plural(counts.periods, 'term or half term', 'terms and half terms'), counts.periods > 0, false],
    ['Grades', p.grades, plural(counts.grades, 'grade', 'grades'), counts.grades > 0, true],
    ['Staff', p.staff, plural(counts.staff, 'person', 'people'), counts.staff > 0, true],
    ['Duty posts', p.posts, plural(counts.posts, 'duty post', 'duty posts'), counts.posts > 0, true],
  ]
  const ready = steps.every(([, , , done, needed]) => done || !needed)
  return (
    <ManagerLayout {...frame} title="Start" section="home">
      <h2>Set up the school</h2>
      <ol class="steps">
        {steps.map(([label, href, count, done, needed]) => (
          <li>
            <a href={href}>{label}</a>: {count}
            {done ? <span class="flag">Done</span> : needed ? <span class="flag gap">To do</span> : <span class="flag">Optional</span>}
          </li>
        ))}
      </ol>
      <h2>Run the week</h2>
      <p>
        {ready ? 'Everything the week needs is set up.' : 'Finish the steps marked To do first; the week needs each of them.'}{' '}
        {counts.periods === 0 ? 'Without term dates every week counts as a school week, holidays included. ' : ''}
        <a href={p.week(monday)}>Go to this week</a>
      </p>
    </ManagerLayout>
  )
}

export const SchoolsPage: FC<{ schools: { id: string; name: string }[] }> = ({ schools }) => (
  <html lang="en-GB">
    <Head title="Your schools" />
    <body>
      <main id="main">
        <h1>Your schools</h1>
        {schools.length === 0 ? (
          <p>You do not manage any school yet. Ask your trust's administrator to add you as a manager.</p>
        ) : (
          <ul class="links">
            {schools.map((s) => (
              <li>
                <a href={managerPaths(s.id).home}>{s.name}</a>
              </li>
            ))}
          </ul>
        )}
        <form method="post" action="/auth/signout">
          <button type="submit">Sign out</button>
        </form>
      </main>
    </body>
  </html>
)
