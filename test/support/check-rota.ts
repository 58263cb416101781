// The shared, independent checker of rotas (/work/shared/tools/rules.mjs, what check-rota.mjs
// runs), loaded from beside the clone: a second reading of the hard rules that owes nothing to
// solver/check.ts. It is plain JavaScript, so its answer is typed here.
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

export interface SharedCheck {
  violations: string[]
  unfilledMismatch: number
  noReason: number
}

const RULES = pathToFileURL(join(import.meta.dirname, '..', '..', '..', 'shared', 'tools', 'rules.mjs')).href

export async function sharedChecker(): Promise<(scenario: unknown, rota: unknown) => SharedCheck> {
  const mod = (await import(RULES)) as { check: (scenario: unknown, rota: unknown) => SharedCheck }
  return mod.check
}
