// Scenarios for the solver tests: the example files in db/scenarios, parsed as the CLI parses
// them, and the smallest week a behaviour can be shown on.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseScenario } from '../../../solver/scenario.js'
import type { Scenario } from '../../../solver/scenario.js'

export const examplesDir = join(import.meta.dirname, '..', '..', '..', 'db', 'scenarios')

export function loadExample(name: string): Scenario {
  const parsed = parseScenario(JSON.parse(readFileSync(join(examplesDir, name), 'utf8')))
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  return parsed.value
}

/** A one-day school with a single duty: the smallest week a behaviour can be shown on. */
export function tinyWeek(overrides: Partial<Scenario> = {}): Scenario {
  const base: Scenario = {
    format: 'duty-rota/scenario@1',
    school: { name: 'Test School', timezone: 'Europe/London' },
    week: '2026-11-23',
    slots: [
      { id: 'break', kind: 'break', start: '10:30', end: '10:50' },
      { id: 'lunch1', kind: 'lunch', start: '12:00', end: '12:30' },
      { id: 'lunch2', kind: 'lunch', start: '12:30', end: '13:00' },
    ],
    grades: [{ id: 'G', name: 'Grade', dutyKinds: ['break', 'lunch', 'oncall', 'other', 'cover', 'event'] }],
    staff: [
      {
        id: 'a',
        name: 'Ann Able',
        grade: 'G',
        hoursPerWeek: 37,
        pattern: { mon: { start: '08:00', end: '16:00' } },
        unpaidBreakMinutes: 30,
        skills: ['first-aid'],
      },
      { id: 'b', name: 'Ben Bell', grade: 'G', hoursPerWeek: 37, pattern: { mon: { start: '08:00', end: '16:00' } }, unpaidBreakMinutes: 30 },
    ],
    duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon'], staff: 1 }],
  }
  return { ...base, ...overrides }
}
