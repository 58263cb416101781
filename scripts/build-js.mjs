#!/usr/bin/env node
// Builds the plain-JavaScript entries that must start without tsx: the solver CLI (so `npm run
// solve` starts in a fraction of a second and small memory) and, as features need them, worker
// thread entries (a worker thread cannot load TypeScript by itself). Run by ensure-setup before
// `npm start` and `npm test`, and by `npm run build:js`; each entry is rebuilt only when a source
// file is newer than its output, so a warm start costs a few milliseconds.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

/** Each entry: the TypeScript source and the JavaScript file it becomes under dist/. */
export const ENTRIES = [
  { source: 'solver/cli.ts', output: 'dist/solver-cli.mjs' },
  // The thread that runs solves for `npm start` (src/jobs/runner.ts).
  { source: 'src/jobs/solve-worker.ts', output: 'dist/solve-worker.mjs' },
]

const SOURCE_DIRS = ['solver', 'src', 'db']

function newestSource(dir) {
  let newest = 0
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, name.name)
    newest = Math.max(newest, name.isDirectory() ? newestSource(path) : statSync(path).mtimeMs)
  }
  return newest
}

export async function buildEntries({ force = false } = {}) {
  const sources = Math.max(...SOURCE_DIRS.filter((d) => existsSync(d)).map(newestSource))
  for (const { source, output } of ENTRIES) {
    if (!force && existsSync(output) && statSync(output).mtimeMs >= sources) continue
    await build({
      entryPoints: [source],
      outfile: output,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      // Native and runtime-provided packages stay outside the bundle.
      packages: 'external',
      sourcemap: 'linked',
      logLevel: 'warning',
    })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await buildEntries({ force: process.argv.includes('--force') })
