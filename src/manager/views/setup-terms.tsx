// Setup: term dates, pasted or uploaded (src/setup/term-dates-text.ts reads them).
import type { FC } from 'hono/jsx'
import type { LineProblem } from '../../setup/paste-problems.js'
import { describeProblem } from '../../setup/paste-problems.js'
import type { CalendarPeriod, Closure } from '../../setup/calendar.js'
import { longDate } from '../../ui/dates.js'
import { FileField, PostForm, problemCount, SummaryBox, TextArea, type FormState } from '../../ui/form-fields.js'
import { CLOSURE_KIND_LABELS, PERIOD_KIND_LABELS } from './labels.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { RecordsTable } from '../../ui/tables.js'

export const TERMS_FORM = 'terms'

const EXAMPLE = ['Autumn term 2026-09-03 2026-12-18', 'Half term 2026-10-26 2026-10-30', 'INSET 2026-09-02', 'Bank holiday 2026-05-04'].join('\n')

/** Problems with the paste, listed under the text they are about (which is kept as typed). */
export const LineProblems: FC<{ form: string; field: string; problems: LineProblem[]; what: string }> = ({ form, field, problems, what }) =>
  problems.length === 0 ? null : (
    <SummaryBox
      form={form}
      heading={
        <>
          {problemCount(problems.length)} with the {what}; nothing was saved
        </>
      }
    >
      {problems.map((p) => (
        <li>
          <a href={`#${form}-${field}`}>{describeProblem(p)}</a>
        </li>
      ))}
    </SummaryBox>
  )

export const TermDatesPage: FC<{
  frame: Omit<PageFrame, 'title' | 'section'>
  periods: CalendarPeriod[]
  closures: Closure[]
  form: FormState
  problems: LineProblem[]
}> = ({ frame, periods, closures, form, problems }) => (
  <ManagerLayout {...frame} title="Term dates" section="terms">
    <p>Terms and half terms say which weeks are school weeks and how the fairness ledger groups them. Closure days (INSET, bank holidays) have no duties.</p>
    <section aria-labelledby="terms-add">
      <h2 id="terms-add">Paste or upload term dates</h2>
      <LineProblems form={TERMS_FORM} field="text" problems={problems} what="term dates" />
      <PostForm action={frame.paths.terms} id={TERMS_FORM} multipart>
        <TextArea
          form={TERMS_FORM}
          state={{ ...form, errors: problems.length ? { text: 'See the problems above.' } : {} }}
          name="text"
          label="Term dates, one per line"
          hint={`A name, then one date or two (YYYY-MM-DD, DD/MM/YYYY or "3 September 2026"). For example: ${EXAMPLE.replace(/\n/g, ' / ')}`}
          rows={10}
        />
        <FileField
          form={TERMS_FORM}
          name="file"
          label="Or upload a text or CSV file"
          hint="A file is read instead of the box above."
          accept=".txt,.csv,text/plain,text/csv"
          fill="text"
        />
        <button type="submit" class="primary">
          Save term dates
        </button>
      </PostForm>
    </section>
    <section aria-labelledby="terms-now">
      <h2 id="terms-now">Terms and half terms</h2>
      <RecordsTable
        items={periods}
        empty="None yet."
        caption="Terms and half terms, by date"
        columns={['Name', 'Kind', 'From', 'To']}
        row={(p) => (
          <>
            <th scope="row">{p.name}</th>
            <td>{PERIOD_KIND_LABELS[p.kind]}</td>
            <td>
              <time datetime={p.startDate}>{longDate(p.startDate)}</time> {p.startDate.slice(0, 4)}
            </td>
            <td>
              <time datetime={p.endDate}>{longDate(p.endDate)}</time> {p.endDate.slice(0, 4)}
            </td>
          </>
        )}
        edit={(p) => ({ href: frame.paths.edit(`${frame.paths.terms}/periods`, p.id), context: `${p.name} ${p.startDate}` })}
        remove={(p) => ({ action: frame.paths.remove(`${frame.paths.terms}/periods`, p.id), context: `${p.name} ${p.startDate}` })}
      />
      <h2>Closure days</h2>
      <RecordsTable
        items={closures}
        empty="None yet."
        caption="INSET days, bank holidays and other closures"
        columns={['Date', 'Kind', 'Name']}
        row={(c) => (
          <>
            <th scope="row">
              <time datetime={c.date}>{longDate(c.date)}</time> {c.date.slice(0, 4)}
            </th>
            <td>{CLOSURE_KIND_LABELS[c.kind]}</td>
            <td>{c.name}</td>
          </>
        )}
        edit={(c) => ({ href: frame.paths.edit(`${frame.paths.terms}/closures`, c.id), context: `closure ${c.date}` })}
        remove={(c) => ({ action: frame.paths.remove(`${frame.paths.terms}/closures`, c.id), context: `closure ${c.date}` })}
      />
    </section>
  </ManagerLayout>
)
