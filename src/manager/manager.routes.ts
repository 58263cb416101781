// The manager's pages under /manage: HTTP only. Sign-in, the CSRF rule for cookie sessions
// (same-origin POSTs, which a browser's own form sends) and the school check run before these
// routes (src/auth/mount.ts: managerPageAccess); each handler here reads the form, calls a
// page handler in src/manager/ and turns its result into a response. A row's delete is asked
// first: GET `.../:id/delete` is the question (it changes nothing), POST there deletes.
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { managedSchools } from '../auth/principal.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { parseForm } from '../platform/http/forms.js'
import { ProblemError } from '../platform/http/problem.js'
import type { FormValues } from './form-readers.js'
import { fixGap, gapsPage } from './gap-pages.js'
import {
  absencesPage,
  askRemoveAbsence,
  coverCostsCsv,
  fairnessCsv,
  hoursCsv,
  posterPage,
  rejectAbsence,
  removeAbsence,
  reportsPage,
  submitAbsence,
} from './other-pages.js'
import { html, type PageContext, type PageResult } from './page-kit.js'
import { addManagerFromPage, peoplePage, removeManagerFromPage } from './people-pages.js'
import { MAX_TEXT_BYTES } from '../setup/paste-problems.js'
import * as setup from './setup-pages.js'
import * as edits from './setup-edit-pages.js'
import { makePersonalLink, personalLinkPage, printPersonalLinks, stopPersonalLink } from './staff-link-pages.js'
import { linkMailPage, mailPersonalLinks } from './staff-link-mail-pages.js'
import { authProblem } from '../auth/problems.js'
import {
  cancelGenerate,
  decideSwap,
  generateWeek,
  overrideSeat,
  printPage,
  publishTheWeek,
  removeSeatOverride,
  switchDayWeather,
  thisWeek,
  weekPage,
} from './week-pages.js'
import { ASSET_PATHS, MANAGER_CSS, MANAGER_JS } from './views/assets.js'
import { SchoolsPage } from './views/home-page.js'
import { managerPaths } from './views/paths.js'
import { createElement } from 'hono/jsx'
import { addListRoutes, addRowEdit, id, monday, S, type C, type Handler, type HandlerKit } from './route-kit.js'
import { addTeamRoutes } from './team.routes.js'
import { addCoverAndEventRoutes, addTermEditRoutes } from './cover-events.routes.js'

/** Form fields as text; an uploaded file comes back separately as its text. */
async function readForm(c: C): Promise<{ values: FormValues; file: string | undefined }> {
  const type = c.req.header('content-type') ?? ''
  if (!/^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(type)) return { values: {}, file: undefined }
  const body = await parseForm(c, { all: true })
  const values: FormValues = {}
  let file: string | undefined
  for (const [name, value] of Object.entries(body)) {
    const items = Array.isArray(value) ? value : [value]
    for (const item of items) {
      if (typeof item === 'string') {
        const seen = values[name]
        values[name] = seen === undefined ? item : Array.isArray(seen) ? [...seen, item] : [seen, item]
      } else if (name === 'file' && item.size > 0) {
        file = await item.text()
      }
    }
  }
  return { values, file }
}

function reply(c: C, result: PageResult): Response {
  // Pages hold staff data and absences: never kept by a shared computer's cache.
  c.header('Cache-Control', 'no-store')
  switch (result.kind) {
    case 'html':
      return c.html(result.html, result.status as 200)
    case 'redirect':
      return c.redirect(result.to, 303)
    case 'csv':
      return c.body(result.body, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${result.filename}"` })
  }
}

export function managerRoutes(options: { publicOrigin?: string | undefined } = {}) {
  const kit = handlerKit(options)
  const app = new Hono<AppEnv>()
  // A pasted staff file is the largest thing a manager sends; refuse more before reading it.
  app.use(
    '/manage/*',
    bodyLimit({
      maxSize: MAX_TEXT_BYTES + 64 * 1024,
      onError: () => {
        throw new ProblemError('payloadTooLarge', 'a form or file of more than 576 KB')
      },
    }),
  )

  app.get(ASSET_PATHS.css, (c) => c.body(MANAGER_CSS, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'public, max-age=300' }))
  app.get(ASSET_PATHS.js, (c) => c.body(MANAGER_JS, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'public, max-age=300' }))

  // The schools this person manages; straight to the school when there is one.
  app.get('/manage', async (c) => {
    const principal = c.var.principal
    if (!principal) return c.redirect('/auth/signin', 303)
    const schools = await managedSchools(c.var.deps, principal)
    const only = schools.length === 1 ? schools[0] : undefined
    if (only) return c.redirect(managerPaths(only.id).home, 303)
    return reply(c, await html(createElement(SchoolsPage, { schools })))
  })

  app.get(S, kit.page(setup.homePage))
  addSetupRoutes(app, kit)
  addWeekRoutes(app, kit)
  addAbsenceAndReportRoutes(app, kit)
  addPeopleRoutes(app, kit)
  addTeamRoutes(app, kit)
  addCoverAndEventRoutes(app, kit)
  addEditRoutes(app, kit)
  addTermEditRoutes(app, kit)
  return app
}

function handlerKit(options: { publicOrigin?: string | undefined }): HandlerKit {
  const pc = (c: C): PageContext => ({
    ctx: writeContext(c),
    schoolId: c.req.param('schoolId') ?? '',
    origin: options.publicOrigin ?? new URL(c.req.url).origin,
    flash: c.req.query('done'),
  })
  return {
    page: (handler) => async (c) => reply(c, await handler(pc(c), c)),
    form: (handler) => async (c) => {
      const { values, file } = await readForm(c)
      return reply(c, await handler(pc(c), values, file, c))
    },
  }
}

/** A personal link or a manager's rights belong to people: a script's API token is refused them. */
const peopleOnly = (why: string) => (handler: Handler) => async (c: C) => (c.var.principal?.kind === 'token' ? authProblem('forbidden', why) : handler(c))

function addSetupRoutes(app: Hono<AppEnv>, kit: HandlerKit): void {
  const { page, form } = kit
  addListRoutes(app, kit, `${S}/setup/day`, {
    show: (p) => setup.schoolDayPage(p),
    add: (p, v) => setup.addSlot(p, v),
    askRemove: setup.askRemoveSlot,
    remove: setup.removeSlot,
  })
  app.get(
    `${S}/setup/terms`,
    page((p) => setup.termDatesPage(p)),
  )
  app.post(
    `${S}/setup/terms`,
    form((p, v, file) => setup.addTermDates(p, typeof v.text === 'string' ? v.text : '', file)),
  )
  addListRoutes(app, kit, `${S}/setup/terms/periods`, { askRemove: setup.askRemovePeriod, remove: setup.removePeriod })
  addListRoutes(app, kit, `${S}/setup/terms/closures`, { askRemove: setup.askRemoveClosure, remove: setup.removeClosure })
  addListRoutes(app, kit, `${S}/setup/grades`, {
    show: (p) => setup.gradesPage(p),
    add: (p, v) => setup.addGrade(p, v),
    askRemove: setup.askRemoveGrade,
    remove: setup.removeGrade,
  })
  addListRoutes(app, kit, `${S}/setup/staff`, {
    show: (p) => setup.staffPage(p),
    add: (p, v) => setup.addStaff(p, v),
    askRemove: setup.askRemoveStaff,
    remove: setup.removeStaff,
  })
  app.post(
    `${S}/setup/staff/import`,
    form((p, v, file) => setup.importStaff(p, v, file)),
  )
  // A personal link is a person's credential: a script's API token may not see, mint or stop one.
  const people = peopleOnly('personal links are handed out by a signed-in manager')
  app.get(`${S}/setup/staff/:id/link`, people(page((p, c) => personalLinkPage(p, id(c)))))
  app.post(`${S}/setup/staff/:id/link`, people(form((p, v, _f, c) => makePersonalLink(p, id(c), v))))
  app.post(`${S}/setup/staff/:id/link/stop`, people(form((p, v, _f, c) => stopPersonalLink(p, id(c), v))))
  app.post(`${S}/setup/staff/links/print`, people(page((p) => printPersonalLinks(p))))
  app.get(`${S}/setup/staff/links/email`, people(page((p) => linkMailPage(p))))
  app.post(`${S}/setup/staff/links/email`, people(form((p, v, _f, c) => mailPersonalLinks(p, v, c.var.authDeps.mailer))))
  addListRoutes(app, kit, `${S}/setup/posts`, {
    show: (p) => setup.dutyPostsPage(p),
    add: (p, v) => setup.addDutyPost(p, v),
    askRemove: setup.askRemoveDutyPost,
    remove: setup.removeDutyPost,
  })
}

function addWeekRoutes(app: Hono<AppEnv>, { page, form }: HandlerKit): void {
  app.get(`${S}/week`, page(thisWeek))
  app.get(
    `${S}/week/:monday`,
    page((p, c) => weekPage(p, monday(c), { show: c.req.query('show') })),
  )
  app.get(
    `${S}/week/:monday/print`,
    page((p, c) => printPage(p, monday(c), c.req.query('show'))),
  )
  app.post(
    `${S}/week/:monday/generate`,
    form((p, v, _f, c) => generateWeek(p, monday(c), v)),
  )
  app.post(
    `${S}/week/:monday/jobs/:id/cancel`,
    page((p, c) => cancelGenerate(p, monday(c), id(c))),
  )
  app.post(
    `${S}/week/:monday/publish`,
    form((p, v, _f, c) => publishTheWeek(p, monday(c), v)),
  )
  app.get(
    `${S}/week/:monday/gaps`,
    page((p, c) => gapsPage(p, monday(c))),
  )
  app.post(
    `${S}/week/:monday/gaps/fix`,
    form((p, v, _f, c) => fixGap(p, monday(c), v)),
  )
  app.post(
    `${S}/week/:monday/weather/:date`,
    form((p, v, _f, c) => switchDayWeather(p, monday(c), c.req.param('date') ?? '', v)),
  )
  app.post(
    `${S}/week/:monday/pins`,
    form((p, v, _f, c) => overrideSeat(p, monday(c), 'pin', v)),
  )
  app.post(
    `${S}/week/:monday/bars`,
    form((p, v, _f, c) => overrideSeat(p, monday(c), 'bar', v)),
  )
  app.post(
    `${S}/week/:monday/overrides/:id/delete`,
    page((p, c) => removeSeatOverride(p, monday(c), id(c))),
  )
  app.post(
    `${S}/week/:monday/swaps/:id/approve`,
    form((p, v, _f, c) => decideSwap(p, monday(c), id(c), 'approve', v)),
  )
  app.post(
    `${S}/week/:monday/swaps/:id/decline`,
    form((p, v, _f, c) => decideSwap(p, monday(c), id(c), 'decline', v)),
  )
}

function addAbsenceAndReportRoutes(app: Hono<AppEnv>, { page, form }: HandlerKit): void {
  app.get(
    `${S}/absences`,
    page((p) => absencesPage(p)),
  )
  app.post(
    `${S}/absences`,
    form((p, v) => submitAbsence(p, v)),
  )
  app.get(
    `${S}/absences/:id/delete`,
    page((p, c) => askRemoveAbsence(p, id(c))),
  )
  app.post(
    `${S}/absences/:id/delete`,
    page((p, c) => removeAbsence(p, id(c))),
  )
  app.post(
    `${S}/absences/:id/reject`,
    page((p, c) => rejectAbsence(p, id(c))),
  )

  app.get(
    `${S}/reports`,
    page((p, c) => reportsPage(p, c.req.query('asOf'))),
  )
  app.get(
    `${S}/reports/fairness.csv`,
    page((p, c) => fairnessCsv(p, c.req.query('asOf'))),
  )
  app.get(
    `${S}/reports/hours.csv`,
    page((p, c) => hoursCsv(p, c.req.query('asOf'))),
  )
  app.get(
    `${S}/reports/cover-costs.csv`,
    page((p, c) => coverCostsCsv(p, c.req.query('asOf'))),
  )

  app.get(`${S}/poster`, page(posterPage))
}

function addPeopleRoutes(app: Hono<AppEnv>, { page, form }: HandlerKit): void {
  // Who runs the school: a person's rights are given and taken by a signed-in person, never a token.
  const runners = peopleOnly('managers are added and removed by a signed-in manager or trust admin')
  app.get(`${S}/people`, runners(page((p) => peoplePage(p))))
  app.post(`${S}/people`, runners(form((p, v, _f, c) => addManagerFromPage(p, v, c.var.authDeps.mailer))))
  app.post(`${S}/people/:id/remove`, runners(page((p, c) => removeManagerFromPage(p, id(c)))))
}

// Edit pages (GET shows the thing as saved with its version, POST saves it through the API's
// update use case with that version as If-Match): see src/manager/edit-guard.ts.

/** The two requests of one row's Edit page, at `path/:id/edit`. */
/** Staff, grades and the school's own details. */
function addEditRoutes(app: Hono<AppEnv>, kit: HandlerKit): void {
  addRowEdit(app, kit, `${S}/setup/grades`, { show: edits.editGradePage, save: edits.saveGrade })
  addRowEdit(app, kit, `${S}/setup/staff`, { show: edits.editStaffPage, save: edits.saveStaff })
  app.get(`${S}/setup/school`, kit.page(edits.editSchoolPage))
  app.post(
    `${S}/setup/school`,
    kit.form((p, v) => edits.saveSchool(p, v)),
  )
}
