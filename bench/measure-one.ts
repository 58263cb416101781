// node --import tsx bench/measure-one.ts SCENARIO.json
// Solves one week once in a fresh process and prints its memory as one JSON line. A fresh
// process because peak RSS (getrusage maxrss) only ever grows: measured in the benchmark's own
// process it would report the largest week so far, HiGHS included.
import { readFileSync } from 'node:fs'
import { parseScenario } from '../solver/scenario.js'
import { loadSolver } from './ours.js'

export interface MemoryReport {
  /** Peak resident set of the whole process, MB: what a 128 MB Worker limit would see. */
  peakRssMB: number
  /** Resident set before the solve (Node, tsx, zod and the parsed week), MB. */
  baselineRssMB: number
  /** V8 heap committed plus array buffers right after the solve, MB (see README). */
  heapPlusBuffersMB: number
  error?: string
}

const mb = (bytes: number): number => Math.round((bytes / 1048576) * 10) / 10

async function main(): Promise<void> {
  const path = process.argv[2]
  if (!path) throw new Error('usage: measure-one.ts SCENARIO.json')
  const parsed = parseScenario(JSON.parse(readFileSync(path, 'utf8')))
  if (!parsed.ok) throw new Error(`invalid scenario: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`)
  const solve = await loadSolver()
  if (!solve) throw new Error('solver/solve.ts not found')
  const before = process.memoryUsage()
  // maxRSS is in kilobytes.
  const baseline = process.resourceUsage().maxRSS * 1024
  let error: string | undefined
  let after = before
  try {
    solve(parsed.value)
    // Read before anything else allocates: the solver is synchronous, so no GC ran after it
    // returned, and the committed heap has not shrunk since its peak.
    after = process.memoryUsage()
  } catch (err) {
    error = (err as Error).message
  }
  const report: MemoryReport = {
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
    baselineRssMB: mb(Math.max(baseline, before.rss)),
    heapPlusBuffersMB: mb(Math.max(after.heapTotal, after.heapUsed) + after.arrayBuffers),
  }
  if (error) report.error = error
  process.stdout.write(`${JSON.stringify(report)}\n`)
}

main().catch((err: unknown) => {
  process.stdout.write(`${JSON.stringify({ error: (err as Error).message })}\n`)
  process.exitCode = 1
})
