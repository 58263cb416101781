import { existsSync, readdirSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkRota, solve } from '../../solver/index.js'
import { examplesDir, loadExample } from '../support/solver/scenarios.js'

// The second reading of the rules lives outside the repo; a fresh clone skips that test.
const checker = '/work/shared/tools/check-rota.mjs'
const files = readdirSync(examplesDir).filter((f) => f.endsWith('.json'))

describe('the example weeks', () => {
  it.each(files)('%s solves into a rota that keeps every hard rule', (file) => {
    const sc = loadExample(file)
    const rota = solve(sc)
    expect(checkRota(sc, rota)).toEqual([])
  })

  it.skipIf(!existsSync(checker)).each(files)('%s passes the independent checker in shared/tools', (file) => {
    const sc = loadExample(file)
    const rota = solve(sc)
    const out = execFileSync('node', [checker, join(examplesDir, file), '-'], { input: JSON.stringify(rota) }).toString()
    expect(out.trim().split('\n').at(-1)).toBe('no problems')
  })

  it('gives the same rota twice for the same week', () => {
    const sc = loadExample('secondary.json')
    expect(solve(sc)).toEqual(solve(sc))
  })
})
