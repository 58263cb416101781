// Messages to a school's managers: when an absence leaves seats empty, each of them is told once,
// by e-mail, with the weeks and how many seats; the draft still waits for them to publish it.
// Names of the absent person only, never the reason.
import type { CompiledQuery } from 'kysely'
import type { WriteContext } from '../platform/deps.js'
import { nowIso } from '../platform/audit.js'
import { longDate, shortDate } from '../ui/dates.js'

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
    ...gaps.map((w) => `- Week of ${longDate(w.monday)}: ${w.empty} ${w.empty === 1 ? 'seat' : 'seats'} empty`),
    '',
    'The re-plan waits as a draft: review it, offer the empty seats to staff or add cover, then publish it.',
  ].join('\n')
  const statements = await managerStatements(ctx, schoolId, subject, body)
  if (statements.length > 0) await ctx.store.atomic(statements)
}
