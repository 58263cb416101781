// E-mailing personal links from the pages: each chosen person (or everyone with an address) is
// sent a new link of their own through the app's mailer. A link is written only once the mail
// server took its message, so a refused message leaves the person's old link working. The link
// is in the message alone: never on the page, in a log or in an error.
import { createElement } from 'hono/jsx'
import { issueStaffLinkBy, staffWithLiveLinks } from '../auth/staff-links.js'
import type { Mailer } from '../platform/mailer.js'
import { listStaff } from '../setup/staff.js'
import { bySurname } from '../ui/names.js'
import type { FormValues } from './form-readers.js'
import { all, frameOf, html, type PageContext, type PageResult } from './page-kit.js'
import { LinkMailPage, type LinkMailView, type MailablePerson } from './views/link-mail-page.js'

async function peopleOf(pc: PageContext): Promise<MailablePerson[]> {
  const [staff, live] = await Promise.all([all(listStaff, pc.ctx.store, pc.schoolId), staffWithLiveLinks(pc.ctx, pc.schoolId)])
  return [...staff].sort(bySurname).map((s) => ({ id: s.id, name: s.name, email: s.email, hasLink: live.has(s.id) }))
}

async function page(pc: PageContext, outcome: Pick<LinkMailView, 'sent' | 'failed'>, alert?: string, status = 200): Promise<PageResult> {
  const [frame, people] = await Promise.all([frameOf(pc), peopleOf(pc)])
  const view = { people, action: frame.paths.linkMail, ...outcome }
  return html(createElement(LinkMailPage, { frame: { ...frame, alert }, view }), status)
}

export const linkMailPage = (pc: PageContext): Promise<PageResult> => page(pc, {})

export function linkMessage(name: string, schoolName: string, url: string): { subject: string; text: string } {
  return {
    subject: `Your duties at ${schoolName}, on your phone`,
    text: [
      `Hello ${name},`,
      '',
      `This is your personal link to your duties at ${schoolName}. Open it on your phone and keep the page (add it to your home screen):`,
      '',
      url,
      '',
      'It works like a password, so keep it to yourself. If you lose your phone, ask your business manager for a new link: that stops this one.',
    ].join('\n'),
  }
}

export async function mailPersonalLinks(pc: PageContext, values: FormValues, mailer: Mailer): Promise<PageResult> {
  const people = (await peopleOf(pc)).filter((p) => p.email !== null)
  const picked = new Set(([] as string[]).concat(values.staff ?? []))
  // Only people of this school with an address: an id from elsewhere is simply not among them.
  const chosen = values.everyone === 'yes' ? people : people.filter((p) => picked.has(p.id))
  if (chosen.length === 0) {
    const none =
      people.length === 0 ? 'Nobody has an e-mail address yet: add one on their Edit page.' : 'Choose at least one person, or e-mail everyone with an address.'
    return page(pc, {}, none, 400)
  }
  const { schoolName } = await frameOf(pc)
  const sent: string[] = []
  const failed: string[] = []
  // One at a time, so a mail server is not flooded and each person's outcome is their own.
  for (const person of chosen) {
    try {
      await issueStaffLinkBy(pc.ctx, pc.schoolId, person.id, pc.origin, async (url) => {
        const message = linkMessage(person.name, schoolName, url)
        await mailer.send(person.email as string, message.subject, message.text)
      })
      sent.push(person.name)
    } catch {
      // Whatever the transport said may quote the message; the page says only who missed out.
      failed.push(person.name)
    }
  }
  return page(pc, { sent, failed }, undefined, failed.length > 0 && sent.length === 0 ? 502 : 200)
}
