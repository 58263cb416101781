// The CLI as shipped (built JavaScript, plain node, no tsx): its peak RSS on the 250-staff
// week and its wall time on the example week of the README, each as the operating system
// measures the whole process (/usr/bin/time), start-up and JSON parsing included.
import { spawnSync } from 'node:child_process'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scenario } from '../solver/scenario.js'

export interface CliRun {
  peakRssMB: number
  wallS: number
}

function timed(root: string, file: string): CliRun | undefined {
  if (!existsSync('/usr/bin/time')) return undefined
  const out = spawnSync('/usr/bin/time', ['-f', '%M %e', process.execPath, 'dist/solver-cli.mjs', file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 })
  const m = /(\d+) ([\d.]+)\s*$/.exec(out.stderr)
  if (out.status !== 0 || !m) return undefined
  return { peakRssMB: Math.round(Number(m[1]) / 102.4) / 10, wallS: Number(m[2]) }
}

/** Builds dist/solver-cli.mjs if a source is newer, then runs it on both weeks (best of three wall times). */
export function cliCheck(root: string, tmp: string, week250: Scenario): { rss250: CliRun | undefined; example: CliRun | undefined } {
  spawnSync(process.execPath, ['scripts/build-js.mjs'], { cwd: root, stdio: 'inherit' })
  const file = join(tmp, 'cli-250.json')
  writeFileSync(file, JSON.stringify(week250))
  const rss250 = timed(root, file)
  const runs = [0, 1, 2].map(() => timed(root, join(root, 'db', 'scenarios', 'secondary.json')))
  const example = runs.filter((r): r is CliRun => r !== undefined).sort((a, b) => a.wallS - b.wallS)[0]
  return { rss250, example }
}
