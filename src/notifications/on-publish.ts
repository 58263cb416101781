// The publish hook that tells people: when a published rota changes (a publish, an approved
// swap, accepted cover), each person whose duties changed gets one message per way they can be
// reached (e-mail, their phones) in the outbox, written in the same write as the change. Drafts never reach here.
import type { CompiledQuery } from 'kysely'
import { describeAssignments } from '../calendar/publish-record.js'
import { whatLabel } from '../calendar/entry-text.js'
import type { PublishHook, WriteContext } from '../platform/deps.js'
import { changeMessage, personChanges, type DutyLine } from './changes.js'
import { reachability } from './prefs.js'

/** What each person's calendar showed for the week before this change. */
async function shownBefore(ctx: WriteContext, schoolId: string, week: string): Promise<DutyLine[]> {
  const rows = await ctx.store.db
    .selectFrom('calendar_entries')
    .select(['staff_id', 'work_code', 'date', 'slot_code', 'kind', 'title', 'start_time', 'end_time'])
    .where('school_id', '=', schoolId)
    .where('week', '=', week)
    .where('removed_at', 'is', null)
    .execute()
  return rows.map((r) => ({
    staffId: r.staff_id,
    work: r.work_code,
    date: r.date,
    slot: r.slot_code === '' ? null : r.slot_code,
    what: whatLabel({ kind: r.kind, title: r.title }),
    start: r.start_time,
    end: r.end_time,
  }))
}

export const notifyOnPublish: PublishHook = async (ctx, event) => {
  const published = { schoolId: event.schoolId, week: event.week, rotaId: event.rotaId }
  const [before, described] = await Promise.all([
    shownBefore(ctx, event.schoolId, event.week),
    describeAssignments(ctx, {
      ...published,
      assignments: event.assignments.map((a) => ({ staffId: a.staffId, workCode: a.work, date: a.date, slotCode: a.slot })),
    }),
  ])
  const after = described.map((d) => ({ staffId: d.staffId, work: d.workCode, date: d.date, slot: d.slotCode, what: d.what, start: d.start, end: d.end }))
  const changes = personChanges(before, after)
  if (changes.length === 0) return []
  const reach = await reachability(ctx.store, event.schoolId)
  const firstPublish = before.length === 0
  const out: CompiledQuery[] = []
  for (const person of changes) {
    const who = reach.get(person.staffId)
    if (!who) continue
    const message = changeMessage(who.name, event.week, person, firstPublish)
    const channels = [...(who.email ? (['email'] as const) : []), ...(who.push ? (['push'] as const) : [])]
    for (const channel of channels) {
      out.push(
        ctx.store.db
          .insertInto('outbox')
          .values({
            id: ctx.newId('msg'),
            school_id: event.schoolId,
            staff_id: person.staffId,
            channel,
            subject: message.subject,
            body: message.body,
            status: 'queued',
            next_attempt_at: event.now,
            last_error: null,
            created_at: event.now,
            sent_at: null,
          })
          .compile(),
      )
    }
  }
  return out
}
