// Deleting a row of a list, in two steps. The list's Delete button asks (GET `${rows}/${id}/delete`:
// the question page, which changes nothing); the question's own button deletes (POST to the
// same address) and goes back to the list. Either step refused (an id the school does not
// have: 404; a row still in use: 409) shows the list again with why.
import { createElement } from 'hono/jsx'
import { ProblemError } from '../platform/http/problem.js'
import { DeletePage, type DeleteQuestion } from './views/delete-page.js'
import type { Section } from './views/layout.js'
import { managerPaths } from './views/paths.js'
import { frameOf, html, problemText, redirect, type FlashKey, type PageContext, type PageResult } from './page-kit.js'

/** The list a row is on. */
export interface RowsOf {
  section: Section
  /** the list's page, and what it is called after "Back to" */
  page: string
  name: string
  /** where its rows' addresses start (the page, unless the page holds two lists) */
  rows?: string
  /** the list again, with why a step was refused */
  refused: (alert: string, status: number) => Promise<PageResult>
}

/** What the question says of one row; the rest comes from the list it is on. */
export type Answer = Pick<DeleteQuestion, 'what' | 'goes'> & Partial<Pick<DeleteQuestion, 'inUse' | 'fix'>>

async function unlessRefused<T>(step: () => Promise<T>, list: RowsOf, then: (value: T) => Promise<PageResult>): Promise<PageResult> {
  let value: T
  try {
    value = await step()
  } catch (err) {
    return list.refused(problemText(err), err instanceof ProblemError ? err.problem.status : 400)
  }
  return then(value)
}

/** The question before a delete: what it is, what goes with it, or what still uses it. */
export const askBeforeDelete = (pc: PageContext, list: RowsOf, id: string, ask: () => Promise<Answer>): Promise<PageResult> =>
  unlessRefused(ask, list, async (answer) => {
    const question: DeleteQuestion = {
      inUse: [],
      ...answer,
      section: list.section,
      back: { href: list.page, name: list.name },
      action: managerPaths(pc.schoolId).remove(list.rows ?? list.page, id),
    }
    return html(createElement(DeletePage, { frame: await frameOf(pc), question }))
  })

/** The answer yes: deleted, then back to the list saying so. */
export const deleteRow = (list: RowsOf, remove: () => Promise<unknown>, flash: FlashKey): Promise<PageResult> =>
  unlessRefused(remove, list, async () => redirect(list.page, flash))
