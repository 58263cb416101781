// Loads our solver and checker at run time. The benchmark must run (and typecheck) before
// solver/solve.ts or solver/check.ts exist and whatever shape they are in, so both are imported
// by a computed specifier and checked at the boundary instead of trusted.
import type { Rota, Scenario } from '../solver/scenario.js'

export type SolveFn = (scenario: Scenario) => Rota
export type CheckFn = (scenario: Scenario, rota: Rota) => unknown[]

async function importOptional(specifier: string): Promise<Record<string, unknown> | undefined> {
  try {
    const mod: unknown = await import(specifier)
    return typeof mod === 'object' && mod !== null ? (mod as Record<string, unknown>) : undefined
  } catch (err) {
    // A missing module is expected early on; a module that fails to load is worth seeing.
    const code = (err as { code?: unknown }).code
    if (code !== 'ERR_MODULE_NOT_FOUND') console.error(`could not load ${specifier}: ${(err as Error).message}`)
    return undefined
  }
}

export async function loadSolver(): Promise<SolveFn | undefined> {
  const mod = await importOptional(new URL('../solver/solve.js', import.meta.url).href)
  const fn = mod?.solve
  return typeof fn === 'function' ? (fn as SolveFn) : undefined
}

export async function loadChecker(): Promise<CheckFn | undefined> {
  const mod = await importOptional(new URL('../solver/check.js', import.meta.url).href)
  const fn = mod?.checkRota
  if (typeof fn !== 'function') return undefined
  return (sc, rota) => {
    const out: unknown = (fn as (a: Scenario, b: Rota) => unknown)(sc, rota)
    return Array.isArray(out) ? out : []
  }
}

/**
 * "yes" where the rota proves every priority's seat count the best possible (solver/bound.ts),
 * "no (+N)" with the seats a better rota might still fill, "-" where the rota carries no proof.
 * Read from the rota's free-form stats, so checked here rather than trusted.
 */
export function provedText(rota: Rota): string {
  const proof = rota.stats?.proof as { byPriority?: unknown } | undefined
  if (!Array.isArray(proof?.byPriority)) return '-'
  let gap = 0
  for (const p of proof.byPriority as { filled?: unknown; bound?: unknown; proved?: unknown }[]) {
    if (p.proved !== true && typeof p.bound === 'number' && typeof p.filled === 'number') gap += Math.max(1, p.bound - p.filled)
  }
  return gap === 0 ? 'yes' : `no (+${gap})`
}
