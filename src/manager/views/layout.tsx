// The frame of every manager page: a skip link, the school's name, one navigation list (the
// current page marked with aria-current), a sign-out button, and the page in <main>. The look
// is the staff phone page's, widened for a desk (assets.ts).
import type { Child, FC } from 'hono/jsx'
import { FAVICON_PATH } from '../../ui/favicon.js'
import { ASSET_PATHS } from './assets.js'
import type { ManagerPaths } from './paths.js'

export type Section =
  | 'home'
  | 'week'
  | 'cover'
  | 'events'
  | 'absences'
  | 'leave'
  | 'availability'
  | 'supply'
  | 'reports'
  | 'messages'
  | 'day'
  | 'terms'
  | 'grades'
  | 'staff'
  | 'posts'
  | 'poster'
  | 'people'

export interface PageFrame {
  title: string
  schoolName: string
  paths: ManagerPaths
  section: Section
  /** one line confirming what the last action did ("Slot p1 added.") */
  flash?: string | undefined
  /** why the last action was refused, when it was not a form with fields (a delete, a pin) */
  alert?: string | undefined
  /** reload the page after this many seconds (a generate still running); works without script */
  refreshSeconds?: number | undefined
}

const NAV: readonly [Section, string, (p: ManagerPaths) => string][] = [
  ['home', 'Start', (p) => p.home],
  ['day', 'School day', (p) => p.day],
  ['terms', 'Term dates', (p) => p.terms],
  ['grades', 'Grades', (p) => p.grades],
  ['staff', 'Staff', (p) => p.staff],
  ['posts', 'Duty posts', (p) => p.posts],
  ['week', 'The week', (p) => p.weekNow],
  ['cover', 'Cover', (p) => p.coverNow],
  ['events', 'Events', (p) => p.events],
  ['absences', 'Absences', (p) => p.absences],
  ['leave', 'Leave requests', (p) => p.leave],
  ['availability', 'When staff cannot', (p) => p.availability],
  ['supply', 'Supply staff', (p) => p.supply],
  ['reports', 'Reports', (p) => p.reports],
  ['messages', 'Messages to staff', (p) => p.messages],
  ['poster', 'Staffroom QR code', (p) => p.poster],
  ['people', 'Managers', (p) => p.people],
]

export const Head: FC<{ title: string; refreshSeconds?: number | undefined }> = ({ title, refreshSeconds }) => (
  <head>
    <meta charset="utf-8" />
    {refreshSeconds ? <meta http-equiv="refresh" content={String(refreshSeconds)} /> : null}
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>{title} · Duty Rota</title>
    <link rel="icon" href={FAVICON_PATH} type="image/svg+xml" />
    <link rel="stylesheet" href={ASSET_PATHS.css} />
    <script src={ASSET_PATHS.js} defer />
  </head>
)

export const ManagerLayout: FC<PageFrame & { children?: Child }> = (p) => (
  <html lang="en-GB">
    <Head title={`${p.title} · ${p.schoolName}`} refreshSeconds={p.refreshSeconds} />
    <body>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header>
        <div class="site">
          <p>
            <strong>Duty Rota</strong> · {p.schoolName}
          </p>
          <form method="post" action="/auth/signout" class="signout">
            <button type="submit">Sign out</button>
          </form>
        </div>
        <nav aria-label="Manager">
          <ul>
            {NAV.map(([section, label, href]) => (
              <li>
                <a href={href(p.paths)} aria-current={section === p.section ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="main" tabindex={-1}>
        <h1>{p.title}</h1>
        {p.flash ? (
          <p class="success" role="status">
            {p.flash}
          </p>
        ) : null}
        {p.alert ? (
          <div class="error-summary" role="alert">
            <h2>That could not be done</h2>
            <p>{p.alert}</p>
          </div>
        ) : null}
        {p.children}
      </main>
    </body>
  </html>
)

/** The whole document; "<!doctype html>" keeps browsers out of quirks mode. */
export async function renderDocument(page: Child): Promise<string> {
  const body = await Promise.resolve(page === null || page === undefined ? '' : (page as { toString(): string | Promise<string> }).toString())
  return `<!doctype html>${body}`
}
