// The staff phone page (/me). Server-rendered, no script: it works on any phone, loads in one
// small response, and a screen reader gets plain landmarks, headings, lists and one table.
// Changes are marked in words ("Changed", "New"), never by colour alone.
import { FIGURES } from '../ledgers/figure-definitions.js'
import type { FC } from 'hono/jsx'
import type { MeDay, MeDuty, MeView } from './me.js'
import type { MeSwap } from '../swaps/staff-swaps.js'
import { longDate, shortDate } from '../ui/dates.js'
import { namesList } from '../calendar/entry-text.js'
import { DutySwap, SWAP_ACTIONS, Swaps, type SwapsPanel } from './swaps-page.js'
import { CoverOffers, type CoverOffersPanel } from './cover-offers-panel.js'
import { Notifications, type NotifyPanel } from './notify-panel.js'
import { Leave, type LeavePanel } from './leave-panel.js'
import { Absence, type AbsencePanel } from './absence-panel.js'
import { Availability, Preferences, type AvailabilityPanel } from './availability-panel.js'
import { PhoneDocument, renderPhoneDocument } from '../ui/phone-document.js'
import { dutyAnchor, SEEN_ACTION, SeenForm, ToSeeNotice } from './seen-panel.js'
import { Fold } from './fold.js'

/** What the page knows about the person's calendar feed. */
export interface CalendarPanel {
  /** a live feed exists (its URL cannot be shown again: only its digest is kept) */
  hasFeed: boolean
  /** set on the response that has just issued a feed: the only time its URL is shown */
  issued?: { https: string; webcal: string; google: string }
  /** the live feed's id, sent back by the form so that a replay of it rotates nothing */
  feedId?: string | undefined
  /** the post came from a form that was already used (or an older copy of the page) */
  stale?: boolean
}

/** What the issue form says there is to replace: the live feed's id, or that there is none. */
export const NO_FEED = 'none'

export const ME_ACTIONS = {
  issueFeed: '/me/calendar',
  revokeFeed: '/me/calendar/revoke',
  signOut: '/auth/signout',
  seen: SEEN_ACTION,
  ...SWAP_ACTIONS,
} as const

/** Swaps, on the week's duties: a duty from today on can be offered, once at a time. */
interface DutySwaps {
  today: string
  /** the duties on offer now, by ref, with the colleague they are offered to */
  offered: ReadonlyMap<string, string>
}

const Duty: FC<{ duty: MeDuty; list: 'today' | 'duty'; swaps?: DutySwaps | undefined }> = ({ duty, list, swaps }) => {
  const change = duty.change ?? duty.toSee?.change ?? null
  const id = dutyAnchor(list, duty.uid)
  return (
    <li class={change ? 'duty changed' : 'duty'} id={id}>
      <p class="what" id={`${id}-what`}>
        <time datetime={`${duty.date}T${duty.start}`}>{duty.start}</time> to <time datetime={`${duty.date}T${duty.end}`}>{duty.end}</time>: {duty.what}
        {change ? <span class="tag">{change === 'added' ? 'New' : 'Changed'}</span> : null}
      </p>
      {duty.where ? <p>Where: {duty.where}</p> : null}
      <p>{duty.colleagues.length === 0 ? 'On your own' : `With ${namesList(duty.colleagues)}`}</p>
      {duty.coverNote ? (
        <p class="cover-note">
          Covering for {duty.coverNote.from}, who left a note: {duty.coverNote.note}
        </p>
      ) : null}
      <SeenForm duty={duty} describedBy={`${id}-what`} />
      {swaps && duty.date >= swaps.today ? <DutySwap duty={duty} offeredTo={swaps.offered.get(duty.ref)} /> : null}
    </li>
  )
}

const Duties: FC<{ duties: MeDuty[]; none: string; list: 'today' | 'duty'; swaps?: DutySwaps | undefined }> = ({ duties, none, list, swaps }) =>
  duties.length === 0 ? (
    <p class="quiet">{none}</p>
  ) : (
    <ul class="duties">
      {duties.map((d) => (
        <Duty duty={d} list={list} swaps={swaps} />
      ))}
    </ul>
  )

/** A day under its heading: h3 in the week shown, h4 under a later week's own h3. */
const Day: FC<{ day: MeDay; today: string; swaps: DutySwaps; nested?: boolean }> = ({ day, today, swaps, nested }) => {
  const title = `${longDate(day.date)}${day.date === today ? ' (today)' : ''}`
  return (
    <>
      {nested ? <h4>{title}</h4> : <h3>{title}</h3>}
      <Duties duties={day.duties} none="No duties." list="duty" swaps={swaps} />
    </>
  )
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

const Changes: FC<{ view: MeView }> = ({ view }) => {
  const c = view.changes
  if (!c) return null
  const parts = [
    c.added > 0 ? plural(c.added, 'new duty', 'new duties') : '',
    c.updated > 0 ? plural(c.updated, 'changed duty', 'changed duties') : '',
    c.removed.length > 0 ? plural(c.removed.length, 'duty taken off', 'duties taken off') : '',
  ].filter((p) => p !== '')
  return (
    <section class="notice" aria-labelledby="changes">
      <h2 id="changes">Changed since the last rota</h2>
      <p>
        The rota was updated on {longDate(c.date)} at {c.time}. {parts.length === 0 ? 'Nothing changed for you.' : `For you: ${parts.join(', ')}.`}
      </p>
      {c.removed.length > 0 ? (
        <>
          <p>No longer yours:</p>
          <ul>
            {c.removed.map((d) => (
              <li>
                {shortDate(d.date)}, {d.start} to {d.end}: {d.what}
                {d.where ? `, ${d.where}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  )
}

const Figures: FC<{ view: MeView }> = ({ view }) => {
  const f = view.figures
  const periodFigure = f.periodName.startsWith('school year') ? FIGURES.year : FIGURES.term
  return (
    <section aria-labelledby="fairness">
      <h2 id="fairness">Your share of duties</h2>
      <p>Duties and cover you have been given, beside your fair share and the school's average.</p>
      {/* A list rather than a table: each figure reads as one sentence and reflows at any zoom. */}
      <dl class="figures">
        <div>
          <dt>{FIGURES.week.label}</dt>
          <dd>
            You: <strong>{f.mine.week}</strong>. School average: {f.average.week}.
          </dd>
        </div>
        <div>
          <dt>This {f.periodName}</dt>
          <dd>
            You: <strong>{f.mine.period}</strong>
            {f.mine.carried > 0 ? ` (${f.mine.carried} carried in from before Duty Rota)` : ''}. Your fair share: {f.fairShare}. School average:{' '}
            {f.average.period}.<span class="quiet"> {periodFigure.explains}</span>
          </dd>
        </div>
        <div>
          <dt>This {f.periodName}, per full-time post</dt>
          <dd>
            You: <strong>{f.mine.perFte}</strong>. School average: {f.average.perFte}.<span class="quiet"> {FIGURES.perFte.explains}</span>
          </dd>
        </div>
      </dl>
      <p class="quiet">{FIGURES.fairShare.explains}</p>
    </section>
  )
}

const Hours: FC<{ view: MeView }> = ({ view }) => {
  const f = view.figures
  return (
    <section aria-labelledby="hours">
      <h2 id="hours">Additional hours</h2>
      {f.hours ? (
        <p>
          <strong>{f.hours.remaining} hours left</strong> of your {f.hours.allowance} additional hours this school year ({f.hours.used} used on INSET days and
          evenings).
        </p>
      ) : (
        <p class="quiet">Your contract has no additional hours for INSET days or evenings.</p>
      )}
    </section>
  )
}

const Calendar: FC<{ panel: CalendarPanel }> = ({ panel }) => (
  <Fold id="calendar" title="Your duties in your calendar" open={panel.issued !== undefined || panel.stale === true}>
    <p>Calendar apps refresh slowly: Google Calendar checks every 8 to 24 hours. A change made today shows on this page first, so check here on the day.</p>
    {panel.issued ? (
      <>
        <p role="status">Your calendar link is ready. It is shown only now: add it straight away.</p>
        <ul class="links">
          <li>
            <a href={panel.issued.webcal}>Add to your phone's calendar (Apple, Outlook)</a>
          </li>
          <li>
            <a href={panel.issued.google} rel="noreferrer">
              Add to Google Calendar
            </a>
          </li>
        </ul>
        <label for="feed-url">Or copy the link into another calendar app</label>
        <input id="feed-url" type="text" readonly value={panel.issued.https} />
        <p class="quiet">Keep the link to yourself: anyone who has it can see your duties.</p>
      </>
    ) : panel.stale ? (
      <p role="status">
        {panel.hasFeed
          ? 'Your calendar link was already made, so nothing was changed: the link you added still works. If you have lost it, get a new one below.'
          : 'That form was out of date, so nothing was changed.'}
      </p>
    ) : panel.hasFeed ? (
      <p>Your calendar link is on. If you have lost it, get a new one: the old link then stops working.</p>
    ) : null}
    <form method="post" action={ME_ACTIONS.issueFeed}>
      <input type="hidden" name="replaces" value={panel.feedId ?? NO_FEED} />
      <button type="submit">{panel.hasFeed || panel.issued ? 'Get a new calendar link' : 'Get a calendar link'}</button>
    </form>
    {panel.hasFeed || panel.issued ? (
      <form method="post" action={ME_ACTIONS.revokeFeed}>
        <button type="submit">Stop my calendar link</button>
      </form>
    ) : null}
  </Fold>
)

/** The page's optional sections, each loaded by the route beside the person's week. */
export interface MeExtras {
  notify?: NotifyPanel | undefined
  leave?: LeavePanel | undefined
  absence?: AbsencePanel | undefined
  /** said once after a Seen button */
  seenMessage?: string | undefined
  availability?: AvailabilityPanel | undefined
}

export const MePage: FC<{ view: MeView; calendar: CalendarPanel; swaps: SwapsPanel; coverOffers: CoverOffersPanel; extras: MeExtras }> = ({
  view,
  calendar,
  swaps,
  coverOffers,
  extras,
}) => {
  const offered = new Map(
    swaps.list
      .filter((s) => s.side === 'giver' && s.proposedBy === 'staff' && (s.stage === 'offered' || s.stage === 'agreed'))
      .map((s: MeSwap) => [s.give.ref, s.colleague]),
  )
  const dutySwaps: DutySwaps = { today: view.today, offered }
  return (
    <PhoneDocument
      title="Your duties"
      schoolName={view.schoolName}
      footer={
        <form method="post" action={ME_ACTIONS.signOut}>
          <button type="submit">Sign out on this phone</button>
        </form>
      }
    >
      <h1>Your duties, {view.staffName}</h1>
      <ToSeeNotice view={view} message={extras.seenMessage} />
      <Changes view={view} />
      <CoverOffers panel={coverOffers} />
      <section aria-labelledby="today">
        <h2 id="today">Today, {longDate(view.today)}</h2>
        <Duties duties={view.todays} list="today" none={view.published || view.week.next ? 'No duties today.' : 'No rota is published for this week yet.'} />
      </section>
      <section aria-labelledby="week">
        <h2 id="week">{view.week.next ? 'Next week' : 'This week'}</h2>
        {view.published ? (
          view.week.days.map((d) => <Day day={d} today={view.today} swaps={dutySwaps} />)
        ) : (
          <p class="quiet">No rota is published for {view.week.next ? 'next' : 'this'} week yet.</p>
        )}
      </section>
      <LaterWeeks view={view} swaps={dutySwaps} />
      {/* Folded, so the duties are the page and a phone does not scroll past seven forms to
          reach the figures; each opens with no script, and on its own when it has an answer. */}
      <section aria-labelledby="office">
        <h2 id="office">Ask or tell the office</h2>
        {extras.absence ? <Absence panel={extras.absence} /> : null}
        {extras.leave ? <Leave panel={extras.leave} /> : null}
        {extras.availability ? <Availability panel={extras.availability} /> : null}
        {extras.availability ? <Preferences panel={extras.availability} /> : null}
        <Swaps panel={swaps} />
        {extras.notify ? <Notifications panel={extras.notify} /> : null}
        <Calendar panel={calendar} />
      </section>
      <Figures view={view} />
      <Hours view={view} />
    </PhoneDocument>
  )
}

/** Weeks published beyond the one shown, so on Friday the coming Monday can be checked. */
const LaterWeeks: FC<{ view: MeView; swaps: DutySwaps }> = ({ view, swaps }) =>
  view.later.length === 0 ? null : (
    <section aria-labelledby="later">
      <h2 id="later">Later weeks</h2>
      {view.later.map((w) => (
        <section aria-label={`Week of ${longDate(w.monday)}`}>
          <h3>Week of {longDate(w.monday)}</h3>
          {w.days.map((d) => (
            <Day day={d} today={view.today} swaps={swaps} nested />
          ))}
        </section>
      ))}
    </section>
  )

export async function renderMePage(
  view: MeView,
  calendar: CalendarPanel,
  swaps: SwapsPanel = { list: [] },
  coverOffers: CoverOffersPanel = { list: [] },
  extras: MeExtras = {},
): Promise<string> {
  return renderPhoneDocument(<MePage view={view} calendar={calendar} swaps={swaps} coverOffers={coverOffers} extras={extras} />)
}

/** /me without a staff session: the personal link is the way in; staff have no password. */
export async function renderMeSignedOutPage(): Promise<string> {
  return renderPhoneDocument(
    <PhoneDocument title="Open your personal link">
      <h1>Open your personal link</h1>
      <p>
        To see your duties, open the personal link your manager gave you (by message, email or the QR code in the staff room). This phone then remembers you for
        30 days.
      </p>
      <p>Lost it? Ask your manager for a new one; the old link stops working when they do.</p>
    </PhoneDocument>,
  )
}
