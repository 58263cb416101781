// A save refused because someone else saved the same thing after this form was opened: what they
// saved and what this manager typed, side by side, field by field. The form below it keeps what
// was typed and now carries the new version, so saving again is a choice made with both in view.
import type { FC } from 'hono/jsx'

export interface ConflictRow {
  label: string
  saved: string
  yours: string
}

export const EditConflict: FC<{ what: string; rows: ConflictRow[] }> = ({ what, rows }) => (
  <section class="error-summary" role="alert" aria-labelledby="conflict-title" tabindex={-1}>
    <h2 id="conflict-title">Someone else changed {what} after you opened it</h2>
    <p>Nothing you typed was saved. Here are both; the form below still holds yours. Save again to replace theirs, or change it first.</p>
    <div class="scroll" role="region" aria-label="Their change and yours" tabindex={0}>
      <table>
        <caption>Saved now, and what you typed</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Saved now</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr class={r.saved === r.yours ? undefined : 'changed'}>
              <th scope="row">{r.label}</th>
              <td>{r.saved}</td>
              <td>{r.yours}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  </section>
)
