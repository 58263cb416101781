// The week: where it stands (nothing yet, a draft under review, published), the actions
// (generate, re-generate, publish), the difference a re-plan makes shown before it can be
// published, what could not be filled and why, the two grids, and the load chart.
import type { FC } from 'hono/jsx'
import type { Assignment } from '../../../solver/scenario.js'
import type { WeekModel } from '../week-model.js'
import type { Swap } from '../../swaps/swaps.js'
import type { RotaDiff } from '../../week/rotas.js'
import { localWhen, longDate, shortDate } from '../../ui/dates.js'
import { BarChart } from '../../ui/charts.js'
import { PostForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame } from './layout.js'
import { PeopleGrid, PostsGrid } from './week-grids.js'
import { ReasonsSection, SeatsSection, StaleNotice } from './week-seats.js'
import { AbsentOnDutyNotice } from './week-absent-notice.js'
import { GeneratingNotice } from './week-generating.js'
import type { SolveJob } from '../../jobs/jobs.js'
import type { SetupChange } from '../../week/setup-print.js'
import { WeekSteps, type WeekStep } from './week-steps.js'
import type { WeekReceipts } from '../../notifications/receipts.js'
import { ReceiptsSection } from './week-receipts.js'
import { BookSupplySection, type SupplyOffer } from './week-supply.js'
import { WeatherSection, type WeekWeather } from './week-weather.js'

export interface WeekStatus {
  /** the week's version: what a publish must name, so it publishes what was reviewed (a hidden field only: drafts and swaps move it too) */
  version: number
  /** the manager's numbers: the published rota is the week's n-th publication */
  published: { publication: number; publishedAt: string | null } | null
  /** a draft is told by when it was made */
  draft: { createdAt: string; replan: boolean } | null
  /** the number the next publish will carry */
  nextPublication: number
  /** which rota the grids show */
  showing: 'draft' | 'published' | 'none'
  /** the school's zone, in which publish and draft times are told */
  timezone: string
}

export interface WeekPageProps {
  frame: Omit<PageFrame, 'title' | 'section'>
  model: WeekModel
  status: WeekStatus
  /** the draft against the published rota (a re-plan); null on a first publish */
  diff: RotaDiff | null
  previous: WeekStep
  next: WeekStep
  /** a problem the last action ran into, e.g. a pin that breaks a rule */
  problem?: { title: string; details: string[] } | undefined
  /** swaps of the week that both people agreed, waiting for a manager */
  swaps?: Swap[] | undefined
  /** what in the setup changed since the shown rota was made */
  changes?: SetupChange[] | undefined
  /** a generate of this week that is queued or solving */
  job?: SolveJob | undefined
  /** whether a solving generate can still be stopped here (a background runner runs it) */
  stoppable?: boolean | undefined
  /** who has seen the latest publish's changes, when it was a re-plan */
  receipts?: WeekReceipts | undefined
  /** the days with unfilled seats and the supply people who could be booked for them */
  supply?: SupplyOffer | undefined
  /** the wet-weather switches of the days still to come */
  weather?: WeekWeather | undefined
}

/** "Yard, Tue 24 Nov (break)" for an assignment of the week. */
export function describeAssignment(a: Assignment, model: WeekModel): string {
  const row = model.posts.find((p) => p.work === a.duty && (p.slot ?? undefined) === a.slot)
  return `${row?.what ?? a.duty}, ${shortDate(a.date)}${a.slot ? ` (${a.slot})` : ''}`
}

const nameOf = (model: WeekModel, staff: string) => model.people.find((p) => p.staff === staff)?.name ?? staff

const when = (instant: string | null, timezone: string): string => (instant ? localWhen(instant, timezone) : '')

export const DiffPanel: FC<{ diff: RotaDiff; model: WeekModel }> = ({ diff, model }) => (
  <section class="diff" aria-labelledby="diff-title">
    <h2 id="diff-title">What this re-plan changes</h2>
    {diff.people.length === 0 ? (
      <p>Nothing: the draft is the same as the published rota.</p>
    ) : (
      <>
        <p>
          Against the published rota: {diff.removed} {diff.removed === 1 ? 'assignment is' : 'assignments are'} taken off and {diff.added}{' '}
          {diff.added === 1 ? 'is' : 'are'} given, for {diff.people.length} {diff.people.length === 1 ? 'person' : 'people'}. Staff see these changes marked on
          their phones once you publish.
        </p>
        <ul>
          {diff.people.map((p) => (
            <li>
              <strong>{nameOf(model, p.staff)}</strong>
              {p.removed.length > 0 ? <> no longer has: {p.removed.map((a) => describeAssignment(a, model)).join('; ')}.</> : null}
              {p.added.length > 0 ? <> Now has: {p.added.map((a) => describeAssignment(a, model)).join('; ')}.</> : null}
            </li>
          ))}
        </ul>
      </>
    )}
  </section>
)

/** Swaps both people agreed (on their phones, or as a manager recorded them), to approve or decline. */
export const SwapsPanel: FC<{ swaps: Swap[]; model: WeekModel; paths: PageFrame['paths']; timezone: string }> = ({ swaps, model, paths, timezone }) => (
  <section aria-labelledby="swaps-title">
    <h2 id="swaps-title">Swaps waiting for your approval</h2>
    <p>Approving changes the published rota at once. A swap counts against nobody's fairness: each duty still counts for the person first given it.</p>
    <ul class="swaps">
      {swaps.map((s) => {
        const [a, b] = [nameOf(model, s.a.staff), nameOf(model, s.to.staff)]
        return (
          <li>
            <p id={`swap-${s.id}`}>
              <strong>{a}</strong> gives {describeAssignment({ staff: s.a.staff, duty: s.a.duty, date: s.a.date, slot: s.a.slot }, model)} to{' '}
              <strong>{b}</strong>
              {s.b ? <>, and takes {describeAssignment({ staff: s.b.staff, duty: s.b.duty, date: s.b.date, slot: s.b.slot }, model)} in exchange</> : null}.
            </p>
            <p class="quiet">
              {s.proposedBy === 'staff'
                ? `${a} offered it on their phone; ${b} accepted ${when(s.agreedAt, timezone)}.`
                : `Recorded ${when(s.requestedAt, timezone)}.`}
            </p>
            {s.note ? <p>Note: {s.note}</p> : null}
            <div class="actions">
              {(['approve', 'decline'] as const).map((action) => (
                <PostForm action={paths.swap(model.monday, s.id, action)}>
                  <input type="hidden" name="version" value={String(s.version)} />
                  <button type="submit" class={action === 'approve' ? 'primary' : undefined} aria-describedby={`swap-${s.id}`}>
                    {action === 'approve' ? 'Approve' : 'Decline'}
                  </button>
                </PostForm>
              ))}
            </div>
          </li>
        )
      })}
    </ul>
  </section>
)

const Status: FC<{ status: WeekStatus }> = ({ status }) => (
  <dl class="summary">
    <dt>Published</dt>
    <dd>{status.published ? `Publication ${status.published.publication}, ${when(status.published.publishedAt, status.timezone)}` : 'Not yet'}</dd>
    <dt>Draft</dt>
    <dd>
      {status.draft
        ? `Draft made ${when(status.draft.createdAt, status.timezone)}${status.draft.replan ? ' (a re-plan)' : ''}: review it below, then publish it as publication ${status.nextPublication}`
        : 'None waiting'}
    </dd>
  </dl>
)

type Paths = PageFrame['paths']

export const WeekPage: FC<WeekPageProps> = ({
  frame,
  model,
  status,
  diff,
  previous,
  next,
  problem,
  swaps,
  changes = [],
  job,
  stoppable = false,
  receipts,
  supply,
  weather,
}) => {
  const paths = frame.paths
  const monday = model.monday
  const generated = status.showing !== 'none'
  // The stale notice carries its own "Generate again"; a second button doing the same below it
  // only makes the manager wonder which one to press.
  const stale = generated && (changes.length > 0 || model.unplanned > 0)
  const caption = (what: string) =>
    `${what}, week of ${longDate(monday)} (${status.showing === 'draft' ? 'draft' : status.showing === 'published' ? 'published' : 'not generated yet'})`
  return (
    <ManagerLayout {...frame} title={`Week of ${longDate(monday)}`} section="week">
      <WeekNav paths={paths} monday={monday} previous={previous} next={next} />
      {problem ? <ProblemSummary problem={problem} /> : null}
      {job ? <GeneratingNotice job={job} paths={paths} monday={monday} stoppable={stoppable} /> : null}
      <Status status={status} />
      {weather ? <WeatherSection weather={weather} paths={paths} monday={monday} version={status.version} /> : null}
      {receipts ? <ReceiptsSection receipts={receipts} timezone={status.timezone} /> : null}
      {stale ? <StaleNotice changes={changes} unplanned={model.unplanned} paths={paths} monday={monday} version={status.version} /> : null}
      {status.showing !== 'none' && model.absentOnDuty.length > 0 ? (
        <AbsentOnDutyNotice absent={model.absentOnDuty} showing={status.showing} paths={paths} monday={monday} version={status.version} />
      ) : null}
      {status.draft && status.published ? <ShowOtherRota paths={paths} monday={monday} showing={status.showing} /> : null}
      {stale ? null : (
        <div class="actions">
          <PostForm action={paths.generate(monday)} busy="Generating the week. A large school can take a minute; this page updates when it is done.">
            <input type="hidden" name="version" value={String(status.version)} />
            <button type="submit" class={status.draft ? undefined : 'primary'}>
              {generated ? 'Re-generate the week' : 'Generate the week'}
            </button>
          </PostForm>
        </div>
      )}
      {swaps && swaps.length > 0 ? <SwapsPanel swaps={swaps} model={model} paths={paths} timezone={status.timezone} /> : null}
      {status.draft && diff ? <DiffPanel diff={diff} model={model} /> : null}
      {status.draft ? (
        <PublishForm paths={paths} monday={monday} version={status.version} publication={status.nextPublication} replaces={diff !== null} />
      ) : null}
      <SeatsSection model={model} generated={generated} />
      <section aria-labelledby="by-post">
        <h2 id="by-post">By duty post</h2>
        <PostsGrid model={model} caption={caption('Duty posts by day')} actions={{ paths, monday }} generated={generated} />
      </section>
      <ReasonsSection groups={model.reasonGroups} paths={paths} gapsHref={paths.gaps(monday)} />
      {generated && supply ? <BookSupplySection offer={supply} paths={paths} monday={monday} /> : null}
      <section aria-labelledby="by-person">
        <h2 id="by-person">By person</h2>
        <PeopleGrid model={model} caption={caption('Staff by day')} />
        {generated && model.people.length > 0 ? (
          <BarChart
            caption="Duties this week against each person's fair share (in proportion to contracted hours)"
            rows={model.people.map((p) => ({ label: p.name, value: p.load, reference: p.fairShare }))}
            valueLabel="Duties given"
            referenceLabel="Fair share"
          />
        ) : null}
      </section>
    </ManagerLayout>
  )
}

const WeekNav: FC<{ paths: Paths; monday: string; previous: WeekStep; next: WeekStep }> = ({ paths, monday, previous, next }) => (
  <nav aria-label="Weeks" class="no-print">
    <ul>
      <WeekSteps href={paths.week} previous={previous} next={next} />
      <li>
        <a href={paths.cover(monday)}>Cover for this week</a>
      </li>
      <li>
        <a href={`${paths.events}?from=${monday}`}>Events</a>
      </li>
      <li>
        <a href={paths.print(monday)}>Print this week (A4 landscape)</a>
      </li>
      <li>
        <a href={paths.offers(monday)}>Open cover: offer empty seats to staff</a>
      </li>
    </ul>
  </nav>
)

export const ProblemSummary: FC<{ problem: { title: string; details: string[] } }> = ({ problem }) => (
  <div class="error-summary" role="alert" tabindex={-1}>
    <h2>{problem.title}</h2>
    {problem.details.length > 0 ? (
      <ul>
        {problem.details.map((d) => (
          <li>{d}</li>
        ))}
      </ul>
    ) : null}
  </div>
)

/** With both a draft and a published rota, the way to the one the grids do not show. */
const ShowOtherRota: FC<{ paths: Paths; monday: string; showing: WeekStatus['showing'] }> = ({ paths, monday, showing }) => (
  <p class="no-print">
    {showing === 'draft' ? (
      <a href={`${paths.week(monday)}?show=published`}>Show the published rota instead of the draft</a>
    ) : (
      <a href={paths.week(monday)}>Show the draft under review</a>
    )}
  </p>
)

/** `replaces`: a rota is published already, so this draft takes its place. */
const PublishForm: FC<{ paths: Paths; monday: string; version: number; publication: number; replaces: boolean }> = ({
  paths,
  monday,
  version,
  publication,
  replaces,
}) => (
  <PostForm action={paths.publish(monday)} busy="Publishing…">
    <input type="hidden" name="version" value={String(version)} />
    <p>{replaces ? 'Publishing replaces the published rota with this draft.' : 'Publishing sends this rota to staff phones and calendars.'}</p>
    <button type="submit" class="primary">
      Publish as publication {publication}
    </button>
  </PostForm>
)

/** The week of a school that cannot plan one yet (no school day): what to do first. */
export const WeekNotReadyPage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; monday: string; reason: string }> = ({ frame, monday, reason }) => (
  <ManagerLayout {...frame} title={`Week of ${longDate(monday)}`} section="week">
    <p class="notice">There is no week to plan yet: {reason}.</p>
    <p>
      <a href={frame.paths.home}>See what is left to set up</a>
    </p>
  </ManagerLayout>
)
