// `npm run bench:load`: the staff reads of the morning rush against the real Node server on
// loopback. Drives GET /me (a staff session) and GET /feeds/<token>.ics at fixed rates, first
// alone, then while a 500-staff generate runs in the same server, and prints one table.
//
//   npm run bench:load                        # 100, 300, 1000 req/s, 20 s each
//   npm run bench:load -- --quick             # 3 s each, for trying
//   npm run bench:load -- --rates 500         # other rates
//   npm run bench:load -- --baseline <ref>    # the same run against a worktree of <ref> too
//   npm run bench:load -- --save              # also write bench/load-results.json
//   npm run bench:load -- --cpu-prof <dir>    # the server writes a V8 CPU profile there
//   npm run bench:load -- --no-generate       # reads alone, no generate phase
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import type { Scenario } from '../solver/scenario.js'
import { secondaryWeek } from './generate.js'
import { startLoadServer, untilGenerated, type LoadServer } from './load-server.js'

const ROOT = resolve(import.meta.dirname, '..')
const STAFF = 500

export interface Row {
  target: 'me' | 'feed'
  rate: number
  generating: boolean
  p50: number
  p99: number
  errors: number
  achieved: number
  /** the generate's wall time in ms, when one ran during this row */
  generateMs: number | null
}

/** The generated week moved to the week being lived now, so /me shows it (not a past week). */
export function benchScenario(now = new Date()): Scenario {
  const base = secondaryWeek(STAFF, STAFF)
  const day = now.getUTCDay()
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + (day === 0 ? 1 : day === 6 ? 2 : 1 - day)))
  const shift = Math.round((monday.getTime() - Date.parse(`${base.week}T00:00:00Z`)) / 86_400_000)
  const moved = JSON.stringify(base).replace(/"(\d{4}-\d{2}-\d{2})"/g, (_, d: string) => {
    const t = new Date(Date.parse(`${d}T00:00:00Z`) + shift * 86_400_000)
    return `"${t.toISOString().slice(0, 10)}"`
  })
  return JSON.parse(moved) as Scenario
}

async function drive(url: string, headers: Record<string, string>, rate: number, seconds: number) {
  // Phones and calendar apps ask for gzip, so the server's compression is part of every answer.
  const r = await autocannon({
    url,
    headers: { 'accept-encoding': 'gzip', ...headers },
    overallRate: rate,
    connections: Math.min(100, Math.max(10, Math.ceil(rate / 10))),
    duration: seconds,
    timeout: 10,
  })
  return {
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts + r.non2xx,
    achieved: Math.round(r.requests.total / seconds),
  }
}

/** A generate of the week, to its draft: a 500-staff week answers 202 and solves in a worker thread. */
async function generateOnce(server: LoadServer): Promise<number> {
  const t0 = performance.now()
  const headers = { cookie: server.managerCookie, origin: server.origin }
  const res = await fetch(`${server.origin}/api/schools/${server.schoolId}/weeks/${server.monday}/rota`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
  })
  await untilGenerated(server.origin, headers, res)
  return Math.round(performance.now() - t0)
}

async function runAll(root: string, rates: readonly number[], seconds: number, nodeFlags: string[], phases: readonly boolean[]): Promise<Row[]> {
  const server = await startLoadServer({ root, scenario: benchScenario(), nodeFlags })
  const rows: Row[] = []
  try {
    const targets = { me: { url: `${server.origin}/me`, headers: { cookie: server.staffCookie } }, feed: { url: server.feedUrl, headers: {} } }
    // One short warm-up of each so JIT and SQLite caches are not in the first row.
    for (const t of Object.values(targets)) await drive(t.url, t.headers, 50, 1)
    for (const generating of phases) {
      for (const target of ['me', 'feed'] as const) {
        for (const rate of rates) {
          const gen = generating ? generateOnce(server) : undefined
          const r = await drive(targets[target].url, targets[target].headers, rate, seconds)
          const generateMs = gen ? await gen : null
          rows.push({ target, rate, generating, ...r, generateMs })
          console.error(
            `  ${target} ${rate}/s${generating ? ' +generate' : ''}: p99 ${r.p99} ms, ${r.achieved}/s, ${r.errors} errors${gen ? `, generate ${generateMs} ms` : ''}`,
          )
        }
      }
    }
  } finally {
    await server.stop()
  }
  return rows
}

/** A worktree of the ref beside this checkout's node_modules, made once per ref. */
function worktreeOf(ref: string): string {
  const sha = execFileSync('git', ['rev-parse', '--short', ref], { cwd: ROOT, encoding: 'utf8' }).trim()
  const dir = join(tmpdir(), `duty-rota-baseline-${sha}`)
  if (!existsSync(dir)) execFileSync('git', ['worktree', 'add', '--detach', dir, sha], { cwd: ROOT, stdio: 'ignore' })
  if (!existsSync(join(dir, 'node_modules'))) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'))
  return dir
}

const key = (r: Row) => `${r.target} ${r.rate} ${r.generating}`
const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`)
/** No answer at all in the run has no latency to show. */
const lat = (r: Row, n: number) => (r.achieved === 0 ? 'none answered' : ms(n))

export function table(rows: readonly Row[], before?: readonly Row[], beforeLabel = 'before'): string {
  const old = new Map((before ?? []).map((r) => [key(r), r]))
  const head = ['read', 'req/s', 'generate', 'p50', 'p99', 'errors', 'achieved/s', 'generate took']
  const beforeHead = before ? [`${beforeLabel} p50`, 'p99', 'errors', 'achieved/s', 'generate took'] : []
  const lines = [`| ${[...head, ...beforeHead].join(' | ')} |`, `|${[...head, ...beforeHead].map(() => ' --- ').join('|')}|`]
  for (const r of rows) {
    const b = old.get(key(r))
    const cells = [
      r.target === 'me' ? '/me' : 'feed',
      String(r.rate),
      r.generating ? 'running' : '-',
      lat(r, r.p50),
      lat(r, r.p99),
      String(r.errors),
      String(r.achieved),
      r.generateMs === null ? '-' : ms(r.generateMs),
    ]
    const beforeCells = before
      ? b
        ? [lat(b, b.p50), lat(b, b.p99), String(b.errors), String(b.achieved), b.generateMs === null ? '-' : ms(b.generateMs)]
        : ['n/a', '', '', '', '']
      : []
    lines.push(`| ${[...cells, ...beforeCells].join(' | ')} |`)
  }
  return lines.join('\n')
}

interface Saved {
  date: string
  commit: string
  seconds: number
  load?: string
  rows: Row[]
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      rates: { type: 'string' },
      baseline: { type: 'string' },
      save: { type: 'boolean', default: false },
      'cpu-prof': { type: 'string' },
      'no-generate': { type: 'boolean', default: false },
    },
  })
  const seconds = values.quick ? 3 : 20
  const rates = (values.rates ?? '100,300,1000').split(',').map(Number)
  const flags = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${resolve(values['cpu-prof'])}`] : []
  if (values['cpu-prof']) mkdirSync(resolve(values['cpu-prof']), { recursive: true })
  const phases = values['no-generate'] ? [false] : [false, true]
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim()

  let before: Row[] | undefined
  let beforeLabel = 'before'
  if (values.baseline) {
    console.error(`baseline ${values.baseline}:`)
    before = await runAll(worktreeOf(values.baseline), rates, seconds, [], phases)
    beforeLabel = values.baseline
  } else {
    const file = join(ROOT, 'bench', 'load-baseline.json')
    if (existsSync(file)) {
      const saved = JSON.parse(readFileSync(file, 'utf8')) as Saved
      before = saved.rows
      beforeLabel = `before (${saved.commit}, ${saved.date}, ${saved.seconds} s)`
    }
  }
  console.error(`this checkout (${commit}):`)
  const loadBefore = loadavg()[0] ?? 0
  const rows = await runAll(ROOT, rates, seconds, flags, phases)
  // The machine is shared: its load says how far the tail latencies are this server's own.
  const load = `load average ${loadBefore.toFixed(1)} at the start, ${(loadavg()[0] ?? 0).toFixed(1)} at the end`
  console.log(`\n${STAFF}-staff school, ${seconds} s per row, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, commit ${commit}, ${load}\n`)
  console.log(table(rows, before, beforeLabel))
  if (values.save) {
    const saved: Saved = { date: new Date().toISOString().slice(0, 10), commit, seconds, load, rows }
    writeFileSync(join(ROOT, 'bench', 'load-results.json'), `${JSON.stringify(saved, null, 2)}\n`)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main()
