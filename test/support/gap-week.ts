// A one-day school week with one gap of each kind the price of a gap prices: a fourth yard seat
// only Nia could take but for her weekly cap of one (she must hold the gate at lunch: the others
// free then may not do lunch, or have gone home), a parents' evening half an hour longer than
// Eve's additional hours left, and an on-call seat no grade allows (Grade B's Bea, there all
// afternoon, could take it if hers did).
import type { Scenario } from '../../solver/scenario.js'

const MORNING = { mon: { start: '08:00', end: '12:00' } }
const TO_ONE = { mon: { start: '08:00', end: '13:00' } }
const DAY = { mon: { start: '08:00', end: '16:00' } }

export function gapWeek(): Scenario {
  return {
    format: 'duty-rota/scenario@1',
    school: { name: 'Gap Primary', timezone: 'Europe/London' },
    week: '2026-11-23',
    slots: [
      { id: 'break', kind: 'break', start: '10:30', end: '10:50' },
      { id: 'lunch', kind: 'lunch', start: '12:00', end: '12:30' },
      { id: 'late', kind: 'other', start: '15:00', end: '15:30' },
    ],
    grades: [
      { id: 'TA', name: 'Teaching assistant', dutyKinds: ['break', 'lunch', 'event'] },
      { id: 'GB', name: 'Grade B', dutyKinds: ['break'] },
    ],
    staff: [
      { id: 'NK', name: 'Nia Khan', grade: 'TA', hoursPerWeek: 25, pattern: TO_ONE, maxDutiesPerWeek: 1 },
      { id: 'BJ', name: 'Ben Jones', grade: 'TA', hoursPerWeek: 20, pattern: MORNING },
      { id: 'EE', name: 'Eve Evans', grade: 'TA', hoursPerWeek: 20, pattern: MORNING, additionalHoursRemaining: 1.5 },
      { id: 'BB', name: 'Bea Bright', grade: 'GB', hoursPerWeek: 30, pattern: DAY },
    ],
    duties: [
      { id: 'gate', name: 'Gate', kind: 'lunch', slots: ['lunch'], days: ['mon'], staff: 1, priority: 1 },
      { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 4 },
      { id: 'call', name: 'On call', kind: 'oncall', slots: ['late'], days: ['mon'], staff: 1 },
    ],
    events: [{ id: 'pe', name: "Parents' evening", date: '2026-11-23', start: '17:00', end: '19:00' }],
  }
}
