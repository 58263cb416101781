// Reports: the fairness ledger and the hours ledger, each a table with a small chart of every
// person against their fair share (or allowance) and a CSV download; links to the print view
// of the week and the staffroom QR code.
import type { FC } from 'hono/jsx'
import { shareTally, type FairnessReport } from '../../ledgers/fairness.js'
import { FIGURES } from '../../ledgers/figure-definitions.js'
import type { HoursReport } from '../../ledgers/hours.js'
import { COST_KIND_LABELS, type CostFigure, type CoverCostReport } from '../../ledgers/cover-costs.js'
import { longDate } from '../../ui/dates.js'
import { BarChart } from '../../ui/charts.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

type Paths = PageFrame['paths']

export const ReportsPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  asOf: string
  monday: string
  fairness: FairnessReport
  hours: HoursReport
  costs: CoverCostReport
}> = ({ frame, asOf, monday, fairness, hours, costs }) => (
  <ManagerLayout {...frame} title="Reports" section="reports">
    <form method="get" action={frame.paths.reports} class="actions">
      <div class="field">
        <label for="as-of">Figures as of</label>
        <input id="as-of" name="asOf" type="date" value={asOf} />
      </div>
      <button type="submit">Show</button>
    </form>
    <ul class="links">
      <li>
        <a href={frame.paths.print(monday)}>Print the week of {longDate(monday)} (A4 landscape)</a>
      </li>
      <li>
        <a href={frame.paths.poster}>Staffroom QR code for the staff phone page</a>
      </li>
    </ul>
    <FairnessSection paths={frame.paths} asOf={asOf} fairness={fairness} />
    <HoursSection paths={frame.paths} asOf={asOf} hours={hours} />
    <CoverCostSection paths={frame.paths} asOf={asOf} costs={costs} />
  </ManagerLayout>
)

const FairnessSection: FC<{ paths: Paths; asOf: string; fairness: FairnessReport }> = ({ paths, asOf, fairness }) => {
  const hasTerm = fairness.periods.term !== null
  const shareName = hasTerm ? 'this term' : 'this school year'
  // Without term dates the term figure would repeat the year's, so its columns are left out.
  const figures = [FIGURES.week, FIGURES.halfTerm, ...(hasTerm ? [FIGURES.term] : []), FIGURES.year, FIGURES.carried, FIGURES.fairShare, FIGURES.perFte]
  return (
    <section aria-labelledby="fairness">
      <h2 id="fairness">Fairness ledger</h2>
      <p>
        Duties and cover from published rotas. "Per FTE" scales everyone to full time ({fairness.fullTimeHours} hours), so part-time colleagues compare fairly.{' '}
        <a href={`${paths.fairnessCsv}?asOf=${asOf}`} download>
          Download the fairness ledger (CSV)
        </a>
      </p>
      <BarChart
        caption={`Duties and cover ${shareName} against each person's fair share`}
        rows={fairness.staff.map((r) => ({ label: r.name, value: shareTally(r).total, reference: r.fairShare }))}
        valueLabel="Duties and cover"
        referenceLabel="Fair share"
      />
      <RecordsTable
        items={fairness.staff}
        scroll="Fairness ledger table"
        caption={<>Fairness ledger as of {longDate(asOf)}</>}
        columns={['Person', 'FTE', ...figures.map((f) => f.label)]}
        row={(r) => (
          <>
            <th scope="row">{r.name}</th>
            <td>{r.fte}</td>
            <td>{r.week.total}</td>
            <td>{r.halfTerm ? r.halfTerm.total : '-'}</td>
            {r.term ? <td>{r.term.total}</td> : null}
            <td>{r.year.total}</td>
            <td>{r.year.carried}</td>
            <td>{r.fairShare}</td>
            <td>{shareTally(r).perFte}</td>
          </>
        )}
      />
      <dl class="definitions">
        {figures.map((f) => (
          <div>
            <dt>{f.label}</dt>
            <dd>{f.explains}</dd>
          </div>
        ))}
      </dl>
    </section>
  )
}

const HoursSection: FC<{ paths: Paths; asOf: string; hours: HoursReport }> = ({ paths, asOf, hours }) => (
  <section aria-labelledby="hours">
    <h2 id="hours">Hours ledger</h2>
    <p>
      Contracted hours this school year ({hours.contractedWeeks} working weeks) and the additional hours that INSET days and evening events use.{' '}
      <a href={`${paths.hoursCsv}?asOf=${asOf}`} download>
        Download the hours ledger (CSV)
      </a>
    </p>
    <BarChart
      caption="Additional hours used against each person's allowance"
      rows={hours.staff.map((r) => ({ label: r.name, value: r.additional.used, reference: r.additional.allowance }))}
      valueLabel="Hours used"
      referenceLabel="Allowance"
    />
    <RecordsTable
      items={hours.staff}
      scroll="Hours ledger table"
      caption={<>Hours ledger as of {longDate(asOf)}</>}
      columns={['Person', 'Hours a week', 'Contracted hours this year', 'Additional allowance', 'INSET hours', 'Evening hours', 'Remaining']}
      row={(r) => (
        <>
          <th scope="row">{r.name}</th>
          <td>{r.hoursPerWeek}</td>
          <td>{r.contractedHours}</td>
          <td>{r.additional.allowance}</td>
          <td>{r.additional.insetHours}</td>
          <td>{r.additional.eveningHours}</td>
          <td>
            {r.additional.remaining}
            {r.additional.over > 0 ? <span class="flag gap">Over by {r.additional.over}</span> : null}
          </td>
        </>
      )}
    />
  </section>
)

const costText = (f: CostFigure | null) =>
  f === null
    ? '-'
    : `${f.hours} h${f.pence === null ? ', no rate' : f.pence > 0 ? `, £${(f.pence / 100).toFixed(2)}` : ''}${f.pence !== null && f.unpriced > 0 ? ' (some without a rate)' : ''}`

/** Each person's figure for the year, all kinds together, for the charts. */
function perPerson(costs: CoverCostReport, value: (f: CostFigure) => number) {
  const out = new Map<string, { label: string; value: number }>()
  for (const r of costs.rows) {
    const had = out.get(r.who.id) ?? { label: r.who.name, value: 0 }
    out.set(r.who.id, { label: had.label, value: Math.round((had.value + value(r.year)) * 100) / 100 })
  }
  return [...out.values()]
}

const CoverCostSection: FC<{ paths: Paths; asOf: string; costs: CoverCostReport }> = ({ paths, asOf, costs }) => {
  const hasTerm = costs.periods.term !== null
  return (
    <section aria-labelledby="cover-costs">
      <h2 id="cover-costs">Cover cost ledger</h2>
      <p>
        What filling gaps cost: additional hours paid to fill a seat (at the grade's hourly rate, once the week is published) and cover done in directed time
        (no extra pay, but hours of someone's day).{' '}
        <a href={`${paths.coverCostsCsv}?asOf=${asOf}`} download>
          Download the cover cost ledger (CSV)
        </a>
      </p>
      {costs.rows.length === 0 ? (
        <p>No cover has cost anything this school year yet.</p>
      ) : (
        <>
          <BarChart
            caption="Additional pay for cover this school year, in pounds"
            rows={perPerson(costs, (f) => (f.pence ?? 0) / 100)}
            valueLabel="Pounds paid"
            referenceLabel="(no line)"
          />
          <BarChart caption="Hours of cover this school year" rows={perPerson(costs, (f) => f.hours)} valueLabel="Hours" referenceLabel="(no line)" />
        </>
      )}
      <RecordsTable
        items={costs.totals}
        scroll="Cover cost totals"
        caption={<>Cover costs by kind as of {longDate(asOf)}</>}
        columns={['Kind', 'This week', ...(hasTerm ? ['This term'] : []), 'This school year']}
        row={(t) => (
          <>
            <th scope="row">{COST_KIND_LABELS[t.kind] ?? t.kind}</th>
            <td>{costText(t.week)}</td>
            {hasTerm ? <td>{costText(t.term)}</td> : null}
            <td>{costText(t.year)}</td>
          </>
        )}
      />
      <RecordsTable
        items={costs.rows}
        empty="Nobody yet."
        scroll="Cover cost ledger table"
        caption={<>Cover cost ledger per person as of {longDate(asOf)}</>}
        columns={['Person', 'Kind', 'This week', ...(hasTerm ? ['This term'] : []), 'This school year']}
        row={(r) => (
          <>
            <th scope="row">{r.who.name}</th>
            <td>{COST_KIND_LABELS[r.kind] ?? r.kind}</td>
            <td>{costText(r.week)}</td>
            {hasTerm ? <td>{costText(r.term)}</td> : null}
            <td>{costText(r.year)}</td>
          </>
        )}
      />
    </section>
  )
}
