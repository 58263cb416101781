// A published week that a cover request overtook: rung in after publish for Wednesday's first
// lesson, so its seat is empty in the published rota and can be offered to staff.
import { createCoverRequest } from '../../src/week/cover-requests.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { SCHOOL, WEEK, type World } from './week.js'

export const LATE_COVER_SEAT = { work: 'c-wed', date: '2026-11-25', slot: 's1' }

export async function publishWithLateCover(w: World): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  await createCoverRequest(w.ctx, SCHOOL, {
    code: LATE_COVER_SEAT.work,
    date: LATE_COVER_SEAT.date,
    slot: LATE_COVER_SEAT.slot,
    label: '4B reading',
    peopleNeeded: 1,
    skillSeats: {},
    priority: 3,
    absenceId: null,
  })
}
