// The week on paper for the staffroom wall: both grids without buttons, on A4 landscape (the
// stylesheet's @page rule), people on a page of their own.
import type { FC } from 'hono/jsx'
import type { WeekModel } from '../week-model.js'
import { longDate } from '../../ui/dates.js'
import { Head } from './layout.js'
import type { ManagerPaths } from './paths.js'
import { PeopleGrid, PostsGrid } from './week-grids.js'

export const PrintPage: FC<{ schoolName: string; model: WeekModel; label: string; generated: boolean; paths: ManagerPaths }> = ({
  schoolName,
  model,
  label,
  generated,
  paths,
}) => (
  <html lang="en-GB">
    <Head title={`Print: week of ${longDate(model.monday)} · ${schoolName}`} />
    <body>
      <main id="main">
        <h1>
          {schoolName}: duty rota, week of {longDate(model.monday)} ({label})
        </h1>
        <p class="no-print actions">
          <button type="button" data-print hidden>
            Print
          </button>
          <a href={paths.week(model.monday)}>Back to the week</a>
        </p>
        <PostsGrid model={model} caption={`Duty posts by day, ${label}`} generated={generated} />
        <div class="page-break">
          <PeopleGrid model={model} caption={`Staff by day, ${label}`} />
        </div>
      </main>
    </body>
  </html>
)
