// Leave asked for on a phone and decided by a manager: an approved request becomes an absence
// and the published week is re-planned around it; a declined or withdrawn one changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { approveLeave, declineLeave, listLeave, requestLeave, withdrawLeave } from '../../src/leave/leave.js'
import { getAbsence } from '../../src/week/absences.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { example, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

let w: World
let nia: string
const WEDNESDAY = { kind: 'appointment', startDate: '2026-11-25', endDate: '2026-11-25', startTime: null, endTime: null, note: 'Hospital, 10:00' }

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  nia = staffIdOf(w.store, 's001')
})
afterEach(() => w.close())

describe('a leave request', () => {
  it('names each bad field: dates out of order, half a part day, part of a multi-day request', async () => {
    await expect(requestLeave(w.ctx, SCHOOL, nia, { ...WEDNESDAY, endDate: '2026-11-24' })).rejects.toMatchObject({
      problem: { errors: [{ path: 'endDate' }] },
    })
    await expect(requestLeave(w.ctx, SCHOOL, nia, { ...WEDNESDAY, startTime: '09:00' })).rejects.toMatchObject({ problem: { errors: [{ path: 'endTime' }] } })
    await expect(requestLeave(w.ctx, SCHOOL, nia, { ...WEDNESDAY, endDate: '2026-11-26', startTime: '09:00', endTime: '11:00' })).rejects.toMatchObject({
      problem: { errors: [{ path: 'startTime', message: 'part of a day is for a one-day request' }] },
    })
    await expect(requestLeave(w.ctx, SCHOOL, nia, { ...WEDNESDAY, kind: 'holiday' })).rejects.toMatchObject({ problem: { errors: [{ path: 'kind' }] } })
  })

  it('becomes an absence when approved, and the published week is re-planned without them that day', async () => {
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    const request = await requestLeave(w.ctx, SCHOOL, nia, WEDNESDAY)
    const { request: approved, replans } = await approveLeave(w.ctx, SCHOOL, request.id, `"${request.version}"`)
    expect(approved.status).toBe('approved')
    const absence = await getAbsence(w.store, SCHOOL, approved.absenceId ?? '')
    expect(absence).toMatchObject({
      staffId: nia,
      startDate: '2026-11-25',
      endDate: '2026-11-25',
      reason: 'medical',
      detail: 'Appointment, approved: Hospital, 10:00',
    })
    expect(replans).toHaveLength(1)
    expect(replans[0]?.rota.assignments.filter((a) => a.staff === 's001' && a.date === '2026-11-25')).toEqual([])
  })

  it('is decided once: a second approval, or one from a page read before a change, is refused', async () => {
    const request = await requestLeave(w.ctx, SCHOOL, nia, WEDNESDAY)
    await expect(approveLeave(w.ctx, SCHOOL, request.id, '"7"')).rejects.toMatchObject({ problem: { status: 412 } })
    await approveLeave(w.ctx, SCHOOL, request.id, `"${request.version}"`)
    await expect(approveLeave(w.ctx, SCHOOL, request.id)).rejects.toThrow(/already approved/)
    expect(rows(w.store, 'SELECT id FROM absences')).toHaveLength((example('primary.json').absences?.length ?? 0) + 1)
  })

  it('changes nothing when declined or withdrawn, and only its owner can withdraw it', async () => {
    const first = await requestLeave(w.ctx, SCHOOL, nia, WEDNESDAY)
    expect((await declineLeave(w.ctx, SCHOOL, first.id)).status).toBe('declined')
    const second = await requestLeave(w.ctx, SCHOOL, nia, { ...WEDNESDAY, kind: 'annual', note: null })
    await expect(withdrawLeave(w.ctx, SCHOOL, staffIdOf(w.store, 's002'), second.id)).rejects.toMatchObject({ problem: { status: 404 } })
    expect((await withdrawLeave(w.ctx, SCHOOL, nia, second.id)).status).toBe('withdrawn')
    const statuses = (await listLeave(w.store, SCHOOL, { staffId: nia })).map((r) => [r.kind, r.status, r.absenceId])
    expect(statuses.sort()).toEqual([
      ['annual', 'withdrawn', null],
      ['appointment', 'declined', null],
    ])
  })
})
