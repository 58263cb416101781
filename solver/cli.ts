// npm run --silent solve -- scenario.json   (or - for standard input)
// Prints the rota JSON on stdout and nothing else, so it can be piped; bad input exits with
// status 2 and one line per bad path on stderr.
import { readFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { parseScenario } from './scenario.js'
import { PinError, solve } from './solve.js'

function fail(lines: string[]): never {
  process.stderr.write(lines.map((l) => `${l}\n`).join(''))
  process.exit(2)
}

const file = process.argv[2]
if (file === undefined) fail(['usage: npm run --silent solve -- scenario.json (or - for standard input)'])
let text: string
try {
  text = readFileSync(file === '-' ? 0 : file, 'utf8')
} catch (e) {
  fail([`${file}: cannot read (${(e as Error).message})`])
}
let json: unknown
try {
  json = JSON.parse(text)
} catch (e) {
  fail([`: not valid JSON (${(e as Error).message})`])
}
const parsed = parseScenario(json)
if (!parsed.ok) fail(parsed.problems.map((p) => `${p.path}: ${p.message}`))
try {
  const started = performance.now()
  const rota = solve(parsed.value)
  const solveMs = Math.round((performance.now() - started) * 10) / 10
  rota.stats = { ...rota.stats, solveMs }
  process.stdout.write(`${JSON.stringify(rota, null, 2)}\n`)
} catch (e) {
  if (e instanceof PinError) fail(e.problems.map((p) => `${p.path}: ${p.message}`))
  throw e
}
