// Handlers of the page that lists who runs the school, adds a manager (who is emailed a sign-in
// link) and removes one. Tokens never get here (src/manager/manager.routes.ts refuses them): every
// caller is a signed-in manager or trust admin, named by the context's actor.
import { createElement } from 'hono/jsx'
import type { Mailer } from '../platform/mailer.js'
import { addManager, listSchoolPeople, removeManager } from '../auth/school-managers.js'
import { userName } from '../auth/users.js'
import { ProblemError } from '../platform/http/problem.js'
import { emptyForm, type FormState } from '../ui/form-fields.js'
import { PeoplePage, type PersonRow } from './views/people-page.js'
import { MANAGE_ROOT, managerPaths } from './views/paths.js'
import { managerForm, read, type FormValues } from './form-readers.js'
import { formErrors, frameOf, html, problemText, redirect, type PageContext, type PageResult } from './page-kit.js'

const isMe = (pc: PageContext, userId: string) => pc.ctx.actor === `user:${userId}`

export async function peoplePage(pc: PageContext, form: FormState = emptyForm(), status = 200, alert?: string): Promise<PageResult> {
  const [frame, people] = await Promise.all([frameOf(pc), listSchoolPeople(pc.ctx, pc.schoolId)])
  const managers = people.filter((p) => p.role === 'manager').length
  const someoneElseRunsIt = managers > 1 || people.some((p) => p.role === 'trust_admin')
  const rows: PersonRow[] = people.map((p) => ({ ...p, you: isMe(pc, p.id), removable: someoneElseRunsIt }))
  return html(createElement(PeoplePage, { frame: { ...frame, alert }, people: rows, form }), status)
}

export async function addManagerFromPage(pc: PageContext, values: FormValues, mailer: Mailer): Promise<PageResult> {
  const r = read(managerForm, values)
  if (!r.ok) return peoplePage(pc, { values, errors: r.errors }, 400)
  const by = (await userName(pc.ctx, pc.ctx.actor.replace(/^user:/, ''))) ?? 'A manager'
  let added: Awaited<ReturnType<typeof addManager>>
  try {
    added = await addManager({ ...pc.ctx, mailer }, pc.schoolId, r.value, pc.origin, by)
  } catch (err) {
    return peoplePage(pc, { values, errors: formErrors(err, ['name', 'email']) }, err instanceof ProblemError ? err.problem.status : 400)
  }
  const flash = !added.created ? 'manager-already' : added.mailed ? 'manager-added' : 'manager-added-unmailed'
  return redirect(managerPaths(pc.schoolId).people, flash)
}

/** Removing yourself (while someone else runs the school) leads to the schools you still have. */
export async function removeManagerFromPage(pc: PageContext, userId: string): Promise<PageResult> {
  try {
    await removeManager(pc.ctx, pc.schoolId, userId)
  } catch (err) {
    return peoplePage(pc, undefined, err instanceof ProblemError ? err.problem.status : 400, problemText(err))
  }
  if (isMe(pc, userId)) return redirect(MANAGE_ROOT)
  return redirect(managerPaths(pc.schoolId).people, 'manager-removed')
}
