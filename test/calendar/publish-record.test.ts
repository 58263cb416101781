// The statements the publish runs for the calendar: fit D1's limits and are safe to repeat.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { recordPublishedAssignments, type PublishedAssignment } from '../../src/calendar/publish-record.js'
import { makeSchool, publish, type School } from '../support/calendar.js'

let school: School
beforeEach(async () => {
  school = await makeSchool()
})
afterEach(() => school.close())

const dates = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']

function busyWeek(): PublishedAssignment[] {
  const out: PublishedAssignment[] = []
  for (const date of dates) {
    for (const staffId of ['stf_amira', 'stf_ben', 'stf_cara']) {
      out.push({ staffId, workCode: 'yard', date, slotCode: 'break' }, { staffId, workCode: 'gate', date, slotCode: 'gate' })
    }
  }
  return out
}

describe('recordPublishedAssignments', () => {
  it('binds at most 100 parameters in any statement, as D1 requires', async () => {
    const statements = await recordPublishedAssignments(school.ctx, { schoolId: school.schoolId, week: '2026-11-23', rotaId: 'rot_x', assignments: busyWeek() })
    expect(statements.length).toBeGreaterThan(3)
    for (const s of statements) expect(s.parameters.length).toBeLessThanOrEqual(100)
  })

  it('changes no event when the same rota is recorded again', async () => {
    const rows = busyWeek().map((a) => [a.staffId, a.workCode, a.date, a.slotCode] as const)
    await publish(school, '2026-11-23', rows)
    const before = school.store.sqlite.prepare('SELECT uid, sequence, changed_at, removed_at FROM calendar_entries ORDER BY uid').all()
    school.clock.advanceSeconds(60)
    await publish(school, '2026-11-23', rows)
    expect(school.store.sqlite.prepare('SELECT uid, sequence, changed_at, removed_at FROM calendar_entries ORDER BY uid').all()).toEqual(before)
  })

  it('leaves other weeks alone', async () => {
    await publish(school, '2026-11-16', [['stf_amira', 'gate', '2026-11-16', 'gate']])
    await publish(school, '2026-11-23', [['stf_amira', 'gate', '2026-11-23', 'gate']])
    await publish(school, '2026-11-23', [])
    const live = school.store.sqlite.prepare('SELECT date FROM calendar_entries WHERE removed_at IS NULL').all()
    expect(live).toEqual([{ date: '2026-11-16' }])
  })
})
