// The tables the manager's pages list saved things in. One shape for all of them, so every list
// has a caption, column headers with scope, a row header, and (where rows can go) a Delete button
// whose accessible name says which row it deletes. The button only asks: it opens a page that
// says what goes with the row, and the delete is that page's own button (a POST to the same URL).
import type { Child } from 'hono/jsx'
import { ButtonForm } from './form-fields.js'

export interface RecordsTableProps<T> {
  items: readonly T[]
  caption: Child
  /** the column headers; the first heads the row headers `row` starts with */
  columns: Child[]
  /** one row's cells, starting with its `<th scope="row">` */
  row: (item: T) => Child
  /** where a row's Delete button leads (the question; its answer posts there), and what it is read out as deleting; no column without it */
  remove?: (item: T) => { action: string; context: string }
  /** where a row's Edit link leads (its Edit page), and what it is read out as editing */
  edit?: (item: T) => { href: string; context: string }
  /** said instead of an empty table; without it the table is always shown */
  empty?: string
  /** the name of the region the table scrolls in (a caption that is plain text names it otherwise) */
  scroll?: string
}

/** A row's Edit: a link to its page (a GET changes nothing), read out with which row it edits. */
const EditLink = (p: { href: string; context: string }) => (
  <a href={p.href} class="small-link">
    Edit<span class="visually-hidden"> {p.context}</span>
  </a>
)

export function RecordsTable<T>(p: RecordsTableProps<T>) {
  if (p.empty !== undefined && p.items.length === 0) return <p class="quiet">{p.empty}</p>
  const { remove, edit } = p
  const actions = remove !== undefined || edit !== undefined
  const table = (
    <table>
      <caption>{p.caption}</caption>
      <thead>
        <tr>
          {p.columns.map((c) => (
            <th scope="col">{c}</th>
          ))}
          {actions ? (
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {p.items.map((item) => (
          <tr>
            {p.row(item)}
            {actions ? (
              <td>
                <div class="row-actions">
                  {edit ? <EditLink {...edit(item)} /> : null}
                  {remove ? <ButtonForm {...remove(item)} method="get" text="Delete" class="small danger" /> : null}
                </div>
              </td>
            ) : null}
          </tr>
        ))}
      </tbody>
    </table>
  )
  // Every list scrolls inside its own region, so a table wider than a phone (a post's slots, a
  // term's dates) never makes the whole page scroll sideways; the region takes focus so a
  // keyboard can scroll it too.
  const region = p.scroll ?? (typeof p.caption === 'string' ? p.caption : 'Table')
  return (
    <div class="scroll" role="region" aria-label={region} tabindex={0}>
      {table}
    </div>
  )
}
