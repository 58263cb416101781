// Handing a member of staff their personal link from the pages: see whether one is in use,
// make one (a new one stops the old, for a lost phone), or stop it. The link is shown once,
// on the answer to the POST that made it, and never kept.
import { createElement } from 'hono/jsx'
import { issueFirstStaffLinks, issueStaffLink, liveStaffLink, staffWithLiveLinks, stopStaffLink, type StaffLinkOptions } from '../auth/staff-links.js'
import { hasLiveFeed } from '../calendar/feed-tokens.js'
import { schoolTimeZone } from '../schools/schools.js'
import { listStaff, staffName } from '../setup/staff.js'
import { bySurname } from '../ui/names.js'
import { LinkSheetPage } from './views/link-sheet-page.js'
import { NewPersonalLinkPage, PersonalLinkPage } from './views/staff-link-page.js'
import type { FormValues } from './form-readers.js'
import { all, frameOf, html, redirect, type PageContext, type PageResult } from './page-kit.js'
import { staffPage } from './setup-pages.js'

/** The person, in this school only: another school's staff id is as unknown as a made-up one. */
async function personOf(pc: PageContext, staffId: string): Promise<{ id: string; name: string } | undefined> {
  const name = await staffName(pc.ctx.store, pc.schoolId, staffId)
  return name === undefined ? undefined : { id: staffId, name }
}

const unknownPerson = (pc: PageContext) =>
  staffPage(pc, undefined, undefined, 404, 'That member of staff is not in this school any more; the list below is as it is now.')

const optionsOf = (values: FormValues): StaffLinkOptions => ({ alsoStopCalendar: values.alsoStopCalendar === 'yes' })

export async function personalLinkPage(pc: PageContext, staffId: string, refused?: { alert: string; status: number }): Promise<PageResult> {
  const person = await personOf(pc, staffId)
  if (!person) return unknownPerson(pc)
  const [frame, live, hasCalendarFeed, timezone] = await Promise.all([
    frameOf(pc).then((f) => ({ ...f, alert: refused?.alert })),
    liveStaffLink(pc.ctx, person.id),
    hasLiveFeed(pc.ctx, { scope: 'person', schoolId: pc.schoolId, staffId: person.id }),
    schoolTimeZone(pc.ctx.store, pc.schoolId),
  ])
  const link = frame.paths.personalLink(person.id)
  const view = { staffName: person.name, actions: { make: link, stop: `${link}/stop` }, timezone, liveSince: live?.createdAt ?? null, hasCalendarFeed }
  return html(createElement(PersonalLinkPage, { frame, view }), refused?.status)
}

export async function makePersonalLink(pc: PageContext, staffId: string, values: FormValues): Promise<PageResult> {
  const person = await personOf(pc, staffId)
  if (!person) return unknownPerson(pc)
  const link = await issueStaffLink(pc.ctx, pc.schoolId, person.id, pc.origin, optionsOf(values))
  return html(createElement(NewPersonalLinkPage, { frame: await frameOf(pc), staffName: person.name, url: link.url }), 201)
}

export async function stopPersonalLink(pc: PageContext, staffId: string, values: FormValues): Promise<PageResult> {
  const person = await personOf(pc, staffId)
  if (!person) return unknownPerson(pc)
  // Nothing to stop (a second click, or another manager got there first): say so, change nothing.
  if (!(await stopStaffLink(pc.ctx, pc.schoolId, person.id, optionsOf(values)))) {
    return personalLinkPage(pc, person.id, { alert: `${person.name} has no personal link in use, so there was nothing to stop.`, status: 404 })
  }
  return redirect((await frameOf(pc)).paths.personalLink(person.id), 'link-stopped')
}

/**
 * A first personal link for everyone in the school who has none in use, in one write, answered
 * as a sheet to print. Anyone with a link in use is only named: re-issuing stops the link on
 * their phone, which is a choice made on their own page, never in bulk.
 */
export async function printPersonalLinks(pc: PageContext): Promise<PageResult> {
  const [frame, staff, live] = await Promise.all([frameOf(pc), all(listStaff, pc.ctx.store, pc.schoolId), staffWithLiveLinks(pc.ctx, pc.schoolId)])
  const people = [...staff].sort(bySurname)
  const without = people.filter((s) => !live.has(s.id))
  const urls = new Map(
    (
      await issueFirstStaffLinks(
        pc.ctx,
        pc.schoolId,
        without.map((s) => s.id),
        pc.origin,
      )
    ).map((l) => [l.staffId, l.url]),
  )
  const view = {
    schoolName: frame.schoolName,
    paths: frame.paths,
    issued: without.map((s) => ({ name: s.name, url: urls.get(s.id) ?? '' })),
    skipped: people.filter((s) => live.has(s.id)).map((s) => s.name),
  }
  return html(createElement(LinkSheetPage, { view }))
}
