// Messages to a school's managers: when an absence leaves seats empty, each of them is told once,
// by e-mail, with the weeks and how many seats; the draft still waits for them to publish it.
// Names of the absent person only, never the reason.
import type { CompiledQuery } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { nowIso } from '../platform/audit.js'
import { longDate, shortDate } from '../ui/dates.js'

/**
 * Stands for the service's public address in a stored message: the outbox fills it in when it
 * delivers (outbox.ts), so a message queued before a move of domain still links to the right place.
 */
export const ORIGIN_MARK = '{{origin}}'

/** The week's page, where its draft is reviewed and published: one tap from a manager's phone. */
const weekLink = (schoolId: string, monday: string) => `  Review and publish it: ${ORIGIN_MARK}/manage/${schoolId}/week/${monday}`

export interface GapWeek {
  monday: string
  /** seats the re-plan could not fill */
  empty: number
}

async function managerStatements(ctx: WriteContext, schoolId: string, subject: string, body: string): Promise<CompiledQuery[]> {
  const managers = await ctx.store.db.selectFrom('memberships').select('user_id').where('role', '=', 'manager').where('school_id', '=', schoolId).execute()
  const now = nowIso(ctx)
  return managers.map((m) =>
    ctx.store.db
      .insertInto('outbox')
      .values({
        id: ctx.newId('msg'),
        school_id: schoolId,
        staff_id: null,
        user_id: m.user_id,
        channel: 'email',
        subject,
        body,
        status: 'queued',
        next_attempt_at: now,
        last_error: null,
        created_at: now,
        sent_at: null,
      })
      .compile(),
  )
}

/** Tells the managers that the re-plans around `who`'s absence leave seats empty; nothing when none do. */
export async function tellManagersOfGaps(ctx: WriteContext, schoolId: string, who: string, from: string, weeks: readonly GapWeek[]): Promise<void> {
  const gaps = weeks.filter((w) => w.empty > 0)
  if (gaps.length === 0) return
  const total = gaps.reduce((n, w) => n + w.empty, 0)
  const subject = `Cover needed: ${total} ${total === 1 ? 'seat' : 'seats'} empty after ${who}'s absence`
  const body = [
    'Hello,',
    '',
    `${who} is recorded absent from ${shortDate(from)}. The re-plan leaves seats nobody can take:`,
    ...gaps.flatMap((w) => [`- Week of ${longDate(w.monday)}: ${w.empty} ${w.empty === 1 ? 'seat' : 'seats'} empty`, weekLink(schoolId, w.monday)]),
    '',
    'The re-plan waits as a draft: review it, offer the empty seats to staff or add cover, then publish it.',
  ].join('\n')
  const statements = await managerStatements(ctx, schoolId, subject, body)
  if (statements.length > 0) await ctx.store.atomic(statements)
}

/** What a staff member reported on their phone, as the managers' message says it. */
export interface ReportedAbsence {
  who: string
  /** "Tue 24 Nov", "Tue 24 Nov to Fri 27 Nov, 09:00 to 12:00" */
  when: string
  hasCoverNote: boolean
  /** the weeks re-planned at once, with the seats left empty */
  weeks: readonly GapWeek[]
  /** weeks whose re-plan failed */
  failed: readonly string[]
}

/**
 * Tells the managers, once, that someone reported their own absence: when, and what the re-plan
 * made of it (so a gap needs no second message). The reason is theirs and their manager's to
 * read on the absence itself, never in an e-mail that may be forwarded or read on a shared screen.
 */
export async function tellManagersOfReport(ctx: WriteContext, schoolId: string, report: ReportedAbsence): Promise<void> {
  const empty = report.weeks.reduce((n, w) => n + w.empty, 0)
  const subject = `Absence reported: ${report.who}, ${report.when}${empty > 0 ? ` (${empty} ${empty === 1 ? 'seat' : 'seats'} empty)` : ''}`
  const body = [
    'Hello,',
    '',
    `${report.who} reported on their phone that they are absent: ${report.when}.`,
    ...(report.hasCoverNote ? ['They left a note for whoever covers them; it is with the absence on the Absences page.'] : []),
    '',
    ...(report.weeks.length === 0 && report.failed.length === 0 ? ['They have no published duties at those times, so no rota needs to change.'] : []),
    ...report.weeks.flatMap((w) => [
      `- Week of ${longDate(w.monday)}: re-planned as a draft${w.empty > 0 ? `, ${w.empty} ${w.empty === 1 ? 'seat' : 'seats'} empty` : ''}`,
      weekLink(schoolId, w.monday),
    ]),
    ...report.failed.map((monday) => `- Week of ${longDate(monday)}: could not be re-planned; open the week to generate it again`),
    '',
    'The absence stands as they reported it: edit or reject it on the Absences page. A re-plan waits as a draft until you publish it.',
  ].join('\n')
  const statements = await managerStatements(ctx, schoolId, subject, body)
  if (statements.length > 0) await ctx.store.atomic(statements)
}
