import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseScenario } from '../../solver/scenario.js'

const examples = join(import.meta.dirname, '..', '..', 'db', 'scenarios')
const exampleFiles = readdirSync(examples).filter((f) => f.endsWith('.json'))

function example(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(examples, name), 'utf8')) as Record<string, unknown>
}

describe('scenario@1 files', () => {
  it.each(exampleFiles)('accepts the example week %s', (file) => {
    const parsed = parseScenario(example(file))
    expect(parsed.ok ? [] : parsed.problems).toEqual([])
  })

  it('names the path of every bad field', () => {
    const sc = example('primary.json') as { staff: Record<string, unknown>[]; slots: Record<string, unknown>[] }
    sc.staff[2]!.hoursPerWeek = -3
    sc.slots[0]!.end = '25:00'
    const parsed = parseScenario(sc)
    expect(parsed.ok).toBe(false)
    const paths = parsed.ok ? [] : parsed.problems.map((p) => p.path)
    expect(paths).toContain('staff[2].hoursPerWeek')
    expect(paths).toContain('slots[0].end')
  })

  it('rejects a misspelt field but keeps x- extension fields', () => {
    const typo = { ...example('primary.json'), wek: '2026-11-23' }
    const parsed = parseScenario(typo)
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path)).toEqual(['wek'])
    expect(parseScenario({ ...example('primary.json'), 'x-note': 'kept' }).ok).toBe(true)
  })

  it('rejects references to things that do not exist', () => {
    const sc = example('primary.json') as { staff: Record<string, unknown>[] }
    sc.staff[0]!.grade = 'NOPE'
    const parsed = parseScenario(sc)
    expect(parsed.ok ? [] : parsed.problems).toEqual([{ path: 'staff[0].grade', message: 'unknown grade "NOPE"' }])
  })

  it('reports a malformed field, a misspelt field and a bad reference in one answer', () => {
    const sc = example('primary.json') as { staff: Record<string, unknown>[] }
    sc.staff[0]!.hoursPerWeek = 'lots'
    sc.staff[0]!.grde = 'G4'
    sc.staff[1]!.grade = 'NOPE'
    const parsed = parseScenario(sc)
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.path).sort()).toEqual(['staff[0].grde', 'staff[0].hoursPerWeek', 'staff[1].grade'])
  })
})
