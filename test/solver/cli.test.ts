import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { examplesDir, loadExample, tinyWeek } from '../support/solver/scenarios.js'

const root = join(import.meta.dirname, '..', '..')

function run(args: string[], input?: string) {
  const out = spawnSync('node', ['dist/solver-cli.mjs', ...args], { cwd: root, input, encoding: 'utf8' })
  return { status: out.status, stdout: out.stdout, stderr: out.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('npm warn')) }
}

describe('npm run solve', () => {
  it('prints only the rota JSON on stdout, with the solve time in stats', () => {
    const { status, stdout } = run([join(examplesDir, 'primary.json')])
    expect(status).toBe(0)
    const rota = JSON.parse(stdout) as { format: string; stats: { solveMs: number } }
    expect(rota.format).toBe('duty-rota/rota@1')
    expect(rota.stats.solveMs).toBeGreaterThan(0)
  })

  it('reads the week from standard input when given -', () => {
    const { status, stdout } = run(['-'], JSON.stringify(tinyWeek()))
    expect(status).toBe(0)
    expect((JSON.parse(stdout) as { assignments: unknown[] }).assignments).toHaveLength(1)
  })

  it('exits 2 with one line per bad field path', () => {
    const sc = loadExample('primary.json') as unknown as { staff: Record<string, unknown>[]; slots: Record<string, unknown>[] }
    sc.staff[2]!.hoursPerWeek = 0
    sc.slots[0]!.end = '25:00'
    const { status, stdout, stderr } = run(['-'], JSON.stringify(sc))
    expect(status).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toContain('staff[2].hoursPerWeek: must be more than 0')
    expect(stderr.some((l) => l.startsWith('slots[0].end: '))).toBe(true)
  })

  it('exits 2 on a file that is not JSON', () => {
    const { status, stderr } = run(['-'], '{ not json')
    expect(status).toBe(2)
    expect(stderr).toHaveLength(1)
  })

  it('exits 2 naming the pin that breaks a rule', () => {
    const sc = tinyWeek({
      absences: [{ staff: 'a', date: '2026-11-23', reason: 'sickness' }],
      pins: [{ staff: 'a', duty: 'yard', date: '2026-11-23', slot: 'break' }],
    })
    const { status, stderr } = run(['-'], JSON.stringify(sc))
    expect(status).toBe(2)
    expect(stderr).toEqual(['pins[0]: rule 3: Ann Able is absent at mon 2026-11-23 (break)'])
  })
})
