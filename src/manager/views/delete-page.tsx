// The question before a delete. Every list's Delete button opens this page (a GET, so it works
// without a script and changes nothing): it names the thing as people call it, says what goes
// with it, counted from the database, and only then offers the button that deletes (a POST to
// the same address) beside a way back. A thing still in use is not offered for deletion: the
// page says what uses it instead.
import type { Child, FC } from 'hono/jsx'
import type { Absence } from '../../week/absences.js'
import type { CalendarPeriod, Closure } from '../../setup/calendar.js'
import type { DutyPostDeletionImpact, StaffDeletionImpact } from '../../setup/deletion-impact.js'
import type { Grade } from '../../setup/grades.js'
import type { Slot } from '../../setup/slots.js'
import { longDate, shortDate } from '../../ui/dates.js'
import { ButtonForm } from '../../ui/form-fields.js'
import { ManagerLayout, type PageFrame, type Section } from './layout.js'

export interface DeleteQuestion {
  /** what people call it; the heading asks "Delete <what>?" */
  what: string
  section: Section
  /** the list it is on, where "Keep it" leads, and what that list is called */
  back: { href: string; name: string }
  /** where the Delete button posts */
  action: string
  /** what deleting it does besides, one phrase each, after "If you delete <what>:" */
  goes: string[]
  /** what still uses it, one phrase each: while there is any, no Delete button is offered */
  inUse: Child[]
  /** what to do about what uses it */
  fix?: string
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

export const DeletePage: FC<{ frame: Omit<PageFrame, 'title' | 'section'>; question: DeleteQuestion }> = ({ frame, question: q }) =>
  q.inUse.length > 0 ? (
    <ManagerLayout {...frame} title={`${capitalised(q.what)} cannot be deleted yet`} section={q.section}>
      <p>It is still in use:</p>
      <ul>
        {q.inUse.map((u) => (
          <li>{u}</li>
        ))}
      </ul>
      {q.fix ? <p>{q.fix}</p> : null}
      <p>
        <a href={q.back.href}>Back to {q.back.name}</a>
      </p>
    </ManagerLayout>
  ) : (
    <ManagerLayout {...frame} title={`Delete ${q.what}?`} section={q.section}>
      {q.goes.length > 0 ? (
        <>
          <p>If you delete {q.what}:</p>
          <ul>
            {q.goes.map((g) => (
              <li>{g}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Nothing else goes with it.</p>
      )}
      <p>You cannot undo this.</p>
      <div class="actions">
        <ButtonForm action={q.action} text={`Delete ${q.what}`} class="danger solid" />
        <a href={q.back.href}>Keep it</a>
      </div>
    </ManagerLayout>
  )

// What each kind of thing is called, and what goes with it.

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`
const isAre = (n: number) => (n === 1 ? 'is' : 'are')
const stay = (n: number) => (n === 1 ? 'stays' : 'stay')
const withYear = (iso: string) => `${shortDate(iso)} ${iso.slice(0, 4)}`

export const slotName = (s: Slot) => `slot ${s.code} (${s.start}-${s.end})`
export const periodName = (p: CalendarPeriod) => `${p.name} (${withYear(p.startDate)} to ${withYear(p.endDate)})`
export const closureName = (c: Closure) => `${c.name} on ${longDate(c.date)} ${c.date.slice(0, 4)}`
export const gradeName = (g: Grade) => (g.name === g.code ? `grade ${g.code}` : `grade ${g.code} (${g.name})`)
export const dutyPostName = (p: { name: string }) => `duty post ${p.name}`

export function absenceName(a: Absence, who: string): string {
  const days =
    a.endDate === null
      ? `from ${shortDate(a.startDate)}, no end date yet`
      : a.endDate === a.startDate
        ? `on ${shortDate(a.startDate)}`
        : `from ${shortDate(a.startDate)} to ${shortDate(a.endDate)}`
  return `${who}'s absence ${days}`
}

export function staffGoes(i: StaffDeletionImpact): string[] {
  return [
    ...(i.absences ? [`${count(i.absences, 'absence')} ${isAre(i.absences)} deleted`] : []),
    ...(i.published
      ? [
          `${count(i.published, 'duty', 'duties')} in published rotas ${isAre(i.published)} taken off them, and nobody takes their place until you generate those weeks again`,
        ]
      : []),
    ...(i.drafts ? [`${count(i.drafts, 'duty', 'duties')} in drafts ${isAre(i.drafts)} taken off them`] : []),
    ...(i.overrides ? [`${count(i.overrides, 'pin or bar', 'pins and bars')} ${isAre(i.overrides)} deleted`] : []),
    ...(i.swaps ? [`${count(i.swaps, 'swap')} ${isAre(i.swaps)} deleted`] : []),
    'the fairness and hours reports no longer show them',
    ...(i.personalLink ? ['their personal link stops working, and a phone signed in with it is signed out'] : []),
    ...(i.calendarFeed ? ['their calendar link stops working'] : []),
  ]
}

export function dutyPostGoes(i: DutyPostDeletionImpact): string[] {
  return [
    'it is left out of every week you generate from now on',
    ...(i.published
      ? [
          `${count(i.published, 'duty', 'duties')} in published rotas ${stay(i.published)} with the staff who have them until you generate and publish those weeks again`,
        ]
      : []),
    ...(i.drafts ? [`${count(i.drafts, 'duty', 'duties')} in drafts ${stay(i.drafts)} there until you generate those weeks again`] : []),
    ...(i.feeds ? [`${i.feeds === 1 ? 'its calendar feed stops' : `its ${i.feeds} calendar feeds stop`} working`] : []),
  ]
}

export const periodGoes = (p: CalendarPeriod) => [
  `the fairness and hours reports no longer treat these dates as ${p.kind === 'term' ? 'term time' : 'a holiday'}`,
]
export const closureGoes = (c: Closure) => [`${longDate(c.date)} is planned as a school day the next time you generate its week`]
export const absenceGoes = (who: string) => [`${who} can be given duties on those days again the next time you generate the week`]

/** What runs in a slot; each duty post links to its Edit page (`postHref`), where it can be moved off the slot. */
export function slotInUse(
  users: { posts: { id: string; name: string }[]; cover: { code: string; label: string | null; date: string }[] },
  postHref: (id: string) => string,
): Child[] {
  return [
    ...users.posts.map((p) => (
      <>
        duty post <a href={postHref(p.id)}>{p.name}</a> runs in it
      </>
    )),
    ...users.cover.map((c) => `cover request ${c.label ?? c.code} on ${shortDate(c.date)} is in it`),
  ]
}

/** The first ten by name, then how many more. */
export function namesInUse(people: { name: string }[], doing: string): string[] {
  const shown = people.slice(0, 10).map((p) => `${p.name} ${doing}`)
  return people.length > 10 ? [...shown, `and ${people.length - 10} more`] : shown
}
