// HiGHS takes seconds to minutes a week and its answer depends only on the week and its time
// limit, so the bench keeps each answer under bench/.highs-cache, named by a hash of both: a
// second run (say after a change to our solver) compares against the same optimum at once.
// A re-plan week is built from our own rota, so a change to our solver gives it a new hash.
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Scenario } from '../solver/scenario.js'
import type { ExactResult } from './exact.js'
import { solveExact } from './exact.js'

export async function cachedExact(dir: string, sc: Scenario, timeLimitPerStage: number, useCache: boolean): Promise<ExactResult & { cached: boolean }> {
  const key = createHash('sha256').update(JSON.stringify({ sc, timeLimitPerStage })).digest('hex').slice(0, 24)
  const file = join(dir, `${key}.json`)
  if (useCache && existsSync(file)) return { ...(JSON.parse(readFileSync(file, 'utf8')) as ExactResult), cached: true }
  const result = await solveExact(sc, { timeLimitPerStage })
  mkdirSync(dir, { recursive: true })
  writeFileSync(file, JSON.stringify(result))
  return { ...result, cached: false }
}
