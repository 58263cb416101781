// npm run bench [-- --only large,residential] [--no-highs] [--time-limit 120] [--runs 3] [--verbose]
// Solves each benchmark week with our solver and with the exact staged MILP in HiGHS, and
// prints one table and one line per target of the issue. See bench/README.md.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Rota, Scenario } from '../solver/scenario.js'
import { parseScenario } from '../solver/scenario.js'
import type { ExactResult } from './exact.js'
import { assignmentKey, loadHighs, occurrencesOf, solveExact } from './exact.js'
import { cliCheck } from './cli-check.js'
import { cachedExact } from './exact-cache.js'
import { crisisWeek, generatedWeeks, replanWeek } from './generate.js'
import type { MemoryReport } from './measure-one.js'
import type { CheckFn, SolveFn } from './ours.js'
import { loadChecker, loadSolver, provedText } from './ours.js'

const here = dirname(fileURLToPath(import.meta.url))
const root = join(here, '..')

interface Args {
  only: string[]
  highs: boolean
  /** Weeks with more staff than this skip HiGHS (it does not finish them in a few minutes). */
  highsMaxStaff: number
  /** Reuse HiGHS results of a week already solved (bench/.highs-cache, by content hash). */
  cache: boolean
  /** Also measure the built CLI (peak RSS, wall time). */
  cli: boolean
  timeLimit: number
  runs: number
  verbose: boolean
}

function parseArgs(argv: string[]): Args {
  const args: Args = { only: [], highs: true, highsMaxStaff: 250, cache: true, cli: true, timeLimit: 120, runs: 3, verbose: false }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (): string => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--only') args.only.push(...value().split(','))
    else if (a?.startsWith('--only=')) args.only.push(...a.slice(7).split(','))
    else if (a === '--no-highs') args.highs = false
    else if (a === '--verbose') args.verbose = true
    else if (a === '--no-cache') args.cache = false
    else if (a === '--no-cli') args.cli = false
    else if (a === '--highs-max-staff') args.highsMaxStaff = Number(value())
    else if (a === '--time-limit') args.timeLimit = Number(value())
    else if (a === '--runs') args.runs = Math.max(1, Number(value()))
    else throw new Error(`unknown option ${a}`)
  }
  return args
}

/** Our measures of a rota, computed the way the issue defines them. */
interface Measures {
  filled: number[]
  seats: number[]
  U: number
  U0: number
  changes: number | null
  /** whether the rota proves its seats the best possible (bench/ours.ts provedText) */
  proved: string
}

function measure(sc: Scenario, rota: Rota): Measures {
  const occs = occurrencesOf(sc)
  const perOcc = new Map<string, number>()
  const duties = new Map<string, number>()
  const kindOf = new Map(occs.map((o) => [o.key, o.kind]))
  const seen = new Set<string>()
  for (const a of rota.assignments) {
    if (seen.has(assignmentKey(a))) continue
    seen.add(assignmentKey(a))
    const key = `${a.duty}|${a.date}|${a.slot ?? ''}`
    perOcc.set(key, (perOcc.get(key) ?? 0) + 1)
    const kind = kindOf.get(key)
    // Events are paid from additional hours and do not count towards fairness.
    if (kind !== undefined && kind !== 'event') duties.set(a.staff, (duties.get(a.staff) ?? 0) + 1)
  }
  const filled = [0, 0, 0, 0, 0, 0]
  const seats = [0, 0, 0, 0, 0, 0]
  for (const o of occs) {
    seats[o.priority] = (seats[o.priority] ?? 0) + o.staff
    filled[o.priority] = (filled[o.priority] ?? 0) + Math.min(o.staff, perOcc.get(o.key) ?? 0)
  }
  const fullTime = sc.school.fullTimeHours ?? 37
  let U = 0
  let U0 = 0
  for (const p of sc.staff) {
    const fte = p.hoursPerWeek / fullTime
    const t = p.dutiesThisTerm ?? 0
    const n = t + (duties.get(p.id) ?? 0)
    U += (n * n) / fte
    U0 += (t * t) / fte
  }
  const have = new Set(rota.assignments.map(assignmentKey))
  const changes = (sc.previous ?? []).length > 0 ? (sc.previous ?? []).filter((a) => !have.has(assignmentKey(a))).length : null
  return { filled, seats, U, U0, changes, proved: provedText(rota) }
}

interface Week {
  name: string
  scenario: Scenario
}

interface Row {
  week: string
  staff: number
  occurrences: number
  oursMs: number | undefined
  oursCpuMs: number | undefined
  /** Our solver spent its step budget before its passes ended. */
  stoppedEarly: boolean
  oursError: string | undefined
  ours: Measures | undefined
  exact: ExactResult | undefined
  exactError: string | undefined
  memory: MemoryReport | undefined
  ownCheck: number | undefined
  sharedCheck: number | undefined
  /** HiGHS not run: more staff than --highs-max-staff. */
  exactSkipped: boolean
  /** Problems the shared checker finds in the exact rota: the two readings of the rules disagree. */
  exactSharedCheck: number | undefined
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

function timeOurs(solve: SolveFn, sc: Scenario, runs: number): { ms: number; cpuMs: number; rota: Rota } {
  // A warm-up run first, so JIT compilation of the solver is not charged to the first week.
  let rota = solve(sc)
  const times: number[] = []
  const cpu: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const c0 = process.cpuUsage()
    rota = solve(sc)
    const used = process.cpuUsage(c0)
    times.push(performance.now() - t0)
    cpu.push((used.user + used.system) / 1000)
  }
  return { ms: median(times), cpuMs: median(cpu), rota }
}

function measureMemory(file: string): MemoryReport | undefined {
  const out = spawnSync(process.execPath, ['--import', 'tsx', join(here, 'measure-one.ts'), file], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 24 })
  const line = out.stdout.trim().split('\n').pop()
  if (!line) return undefined
  try {
    return JSON.parse(line) as MemoryReport
  } catch {
    return undefined
  }
}

/** The independent checker in ../shared/tools, when present: its count of problems. */
function sharedCheck(scFile: string, rota: Rota, dir: string): number | undefined {
  const tool = join(root, '..', 'shared', 'tools', 'check-rota.mjs')
  if (!existsSync(tool)) return undefined
  const rotaFile = join(dir, 'rota.json')
  writeFileSync(rotaFile, JSON.stringify(rota))
  const out = spawnSync(process.execPath, [tool, scFile, rotaFile], { encoding: 'utf8' })
  const m = /(\d+) problems|no problems/.exec(out.stdout)
  if (!m) return undefined
  return m[1] ? Number(m[1]) : 0
}

function exampleWeeks(): Week[] {
  const dir = join(root, 'db', 'scenarios')
  return ['primary', 'secondary', 'large-secondary', 'residential'].map((name) => {
    const parsed = parseScenario(JSON.parse(readFileSync(join(dir, `${name}.json`), 'utf8')))
    if (!parsed.ok) throw new Error(`db/scenarios/${name}.json: ${parsed.problems[0]?.path} ${parsed.problems[0]?.message}`)
    return { name: `file-${name}`, scenario: parsed.value }
  })
}

// Rounding noise in U can make an exact match print as -0.00%.
const pct = (x: number): string => `${(Math.abs(x) < 5e-5 ? 0 : x * 100).toFixed(2)}%`

function seatsText(ours: Measures | undefined, exact: ExactResult | undefined): string {
  const parts: string[] = []
  const seats = exact?.seats ?? ours?.seats ?? []
  for (let p = 1; p <= 5; p++) {
    if (!seats[p]) continue
    const o = ours ? String(ours.filled[p]) : '-'
    const x = exact ? `${exact.filled[p]}${exact.stages.find((s) => s.name === `seats p${p}`)?.status === 'timeout' ? '?' : ''}` : `(${seats[p]})`
    parts.push(`p${p} ${o}/${x}`)
  }
  return parts.join(' ')
}

function fairnessExcess(r: Row): number | undefined {
  if (!r.ours || !r.exact) return undefined
  const denom = r.exact.U - r.exact.U0
  if (denom <= 1e-9) return r.ours.U - r.exact.U <= 1e-9 ? 0 : Infinity
  return (r.ours.U - r.exact.U) / denom
}

function seatsEqual(r: Row): boolean | undefined {
  if (!r.ours || !r.exact) return undefined
  for (let p = 1; p <= 5; p++) if (r.ours.filled[p] !== r.exact.filled[p]) return false
  return true
}

function printTable(rows: Row[]): void {
  const header = [
    'week',
    'staff',
    'occ',
    'ours ms',
    'ours CPU ms',
    'HiGHS ms',
    'HiGHS/ours',
    'seats filled ours/optimal',
    'proved',
    'fair. excess',
    'changes ours/min',
    'peak RSS MB',
    'heap+ab MB',
    'violations own/shared',
  ]
  const body = rows.map((r) => {
    const ex = fairnessExcess(r)
    return [
      r.week,
      String(r.staff),
      String(r.occurrences),
      r.oursError ? 'error' : r.oursMs === undefined ? '-' : `${r.oursMs.toFixed(0)}${r.stoppedEarly ? ' (stopped early)' : ''}`,
      r.oursCpuMs === undefined ? '-' : r.oursCpuMs.toFixed(0),
      r.exactError ? 'failed' : r.exactSkipped ? 'skipped' : r.exact ? `${r.exact.ms.toFixed(0)}${r.exact.timedOut ? ' timeout' : ''}` : '-',
      r.oursMs !== undefined && r.exact ? `${(r.exact.ms / r.oursMs).toFixed(1)}x` : '-',
      seatsText(r.ours, r.exact),
      r.ours?.proved ?? '-',
      ex === undefined ? '-' : Number.isFinite(ex) ? pct(ex) : 'inf',
      r.ours?.changes != null || r.exact?.changes != null ? `${r.ours?.changes ?? '-'}/${r.exact?.changes ?? '-'}` : '-',
      r.memory?.peakRssMB !== undefined ? `${r.memory.peakRssMB} (base ${r.memory.baselineRssMB})` : '-',
      r.memory?.heapPlusBuffersMB !== undefined ? String(r.memory.heapPlusBuffersMB) : '-',
      `${r.ownCheck ?? '-'}/${r.sharedCheck ?? '-'}`,
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)))
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === 7 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const b of body) console.log(line(b))
}

type Met = (ok: boolean | undefined, what: string, detail: string) => void

/** The speed and memory targets of issues 15 and 16. */
function scaleVerdicts(rows: Row[], met: Met): void {
  const w120 = rows.find((r) => r.week === 'gen-secondary-120')
  met(
    w120?.oursMs === undefined ? undefined : w120.oursMs <= 250,
    '120-staff week <= 250 ms',
    w120?.oursMs === undefined ? 'not run' : `${w120.oursMs.toFixed(0)} ms`,
  )
  const w500 = rows.find((r) => r.week === 'gen-secondary-500')
  met(
    w500?.oursMs === undefined ? undefined : w500.oursMs <= 1000 && (w500.memory?.heapPlusBuffersMB ?? Infinity) <= 100,
    '500-staff week <= 1 s and <= 100 MB heap',
    w500?.oursMs === undefined ? 'not run' : `${w500.oursMs.toFixed(0)} ms, heap+array buffers ${w500.memory?.heapPlusBuffersMB ?? '-'} MB`,
  )
  const w2000 = rows.find((r) => r.week === 'gen-secondary-2000')
  met(
    w2000?.oursCpuMs === undefined ? undefined : w2000.oursCpuMs <= 30_000 && (w2000.memory?.peakRssMB ?? Infinity) <= 512,
    '2,000-staff week in <= 30 s CPU and <= 512 MB',
    w2000?.oursCpuMs === undefined
      ? 'not run'
      : `${(w2000.oursCpuMs / 1000).toFixed(1)} s CPU, peak RSS ${w2000.memory?.peakRssMB ?? '-'} MB, ${w2000.stoppedEarly ? 'stopped early (budget spent)' : 'every pass ran to its end'}`,
  )
}

function verdicts(rows: Row[]): void {
  const met: Met = (ok, what, detail) => console.log(`${ok === undefined ? 'n/a    ' : ok ? 'met    ' : 'NOT MET'}  ${what}: ${detail}`)
  const both = rows.filter((r) => r.ours && r.exact)
  const seatMiss = both.filter((r) => !seatsEqual(r)).map((r) => r.week)
  met(
    both.length ? seatMiss.length === 0 : undefined,
    'seats filled equal the optimum on every week',
    seatMiss.length ? `short on ${seatMiss.join(', ')}` : `${both.length} weeks compared`,
  )
  const worst = both.map((r) => ({ w: r.week, x: fairnessExcess(r) ?? 0 })).sort((a, b) => b.x - a.x)[0]
  met(
    worst ? worst.x <= 0.02 : undefined,
    'fairness excess at most 2 %',
    worst ? `worst ${Number.isFinite(worst.x) ? pct(worst.x) : 'inf'} (${worst.w})` : 'nothing compared',
  )
  const replans = both.filter((r) => r.exact?.changes != null)
  const changeMiss = replans.filter((r) => r.ours?.changes !== r.exact?.changes)
  met(
    replans.length ? changeMiss.length === 0 : undefined,
    're-plan changes equal the minimum',
    replans.map((r) => `${r.week} ${r.ours?.changes}/${r.exact?.changes}`).join(', ') || 'no re-plan week run',
  )
  scaleVerdicts(rows, met)
  const slower = both.filter((r) => (r.oursMs ?? Infinity) >= (r.exact?.ms ?? 0)).map((r) => r.week)
  met(
    both.length ? slower.length === 0 : undefined,
    'faster than HiGHS on every week',
    slower.length ? `not on ${slower.join(', ')}` : `${both.length} weeks compared`,
  )
  const w250 = rows.find((r) => r.week === 'gen-secondary-250')
  const m = w250?.memory
  met(
    m?.peakRssMB === undefined ? undefined : m.heapPlusBuffersMB < 100,
    'peak heap under 100 MB on the 250-staff week',
    m?.peakRssMB === undefined
      ? 'not run'
      : `heap+array buffers ${m.heapPlusBuffersMB} MB; whole-process peak RSS ${m.peakRssMB} MB of which ${m.baselineRssMB} MB before the solve`,
  )
  const bad = rows.filter((r) => (r.ownCheck ?? 0) + (r.sharedCheck ?? 0) > 0).map((r) => r.week)
  met(
    rows.some((r) => r.ownCheck !== undefined || r.sharedCheck !== undefined) ? bad.length === 0 : undefined,
    'our rotas break no hard rule (own and shared checker)',
    bad.length ? `problems on ${bad.join(', ')}` : 'none found',
  )
  const exactBad = rows.filter((r) => (r.exactSharedCheck ?? 0) > 0).map((r) => `${r.week} (${r.exactSharedCheck})`)
  if (rows.some((r) => r.exactSharedCheck !== undefined))
    console.log(
      `${exactBad.length ? 'WARNING' : 'ok     '}  the exact rotas pass ../shared/tools/check-rota.mjs: ${exactBad.length ? `problems on ${exactBad.join(', ')}` : 'every week'}`,
    )
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2))
  const solve = await loadSolver()
  const checkRota: CheckFn | undefined = await loadChecker()
  if (!solve) console.log('solver/solve.ts is not there yet: the table shows the exact reference alone.')
  if (args.highs) await loadHighs()
  const tmp = mkdtempSync(join(tmpdir(), 'duty-rota-bench-'))
  const wanted = (name: string): boolean => args.only.length === 0 || args.only.some((o) => name.includes(o))
  const weeks: Week[] = [...generatedWeeks(), ...exampleWeeks()]
  // The re-plan follows the 120-staff week, whose rota it starts from.
  const at = weeks.findIndex((w) => w.name === 'gen-secondary-120')
  weeks.splice(at + 1, 0, { name: 'gen-replan-120', scenario: weeks[at]?.scenario as Scenario })
  // The crisis re-plans: the crisis hits the published rota of the 50- and 120-staff weeks.
  const crisisSeed = new Map([
    ['gen-crisis-replan-50', 4],
    ['gen-crisis-replan-120', 6],
  ])
  for (const [name] of crisisSeed) {
    const size = name.split('-').pop() as string
    const base = weeks.find((w) => w.name === `gen-secondary-${size}`)?.scenario as Scenario
    weeks.splice(weeks.findIndex((w) => w.name === `gen-crisis-${size}`) + 1, 0, { name, scenario: base })
  }
  const rows: Row[] = []
  try {
    for (const w of weeks) {
      if (!wanted(w.name)) continue
      let sc = w.scenario
      if (w.name === 'gen-replan-120') {
        // Published = our solver's rota of the 120-staff week (the exact one if ours is absent).
        const published = solve ? solve(sc) : (await solveExact(sc, { timeLimitPerStage: args.timeLimit })).rota
        sc = replanWeek(sc, published)
      }
      const seed = crisisSeed.get(w.name)
      if (seed !== undefined) sc = crisisWeek(sc, seed, solve ? solve(sc) : (await solveExact(sc, { timeLimitPerStage: args.timeLimit })).rota)
      const file = join(tmp, `${w.name}.json`)
      writeFileSync(file, JSON.stringify(sc))
      const row: Row = {
        week: w.name,
        staff: sc.staff.length,
        occurrences: occurrencesOf(sc).length,
        oursMs: undefined,
        oursCpuMs: undefined,
        stoppedEarly: false,
        oursError: undefined,
        ours: undefined,
        exact: undefined,
        exactError: undefined,
        exactSkipped: false,
        memory: undefined,
        ownCheck: undefined,
        sharedCheck: undefined,
        exactSharedCheck: undefined,
      }
      if (solve) {
        try {
          // The 2,000-staff week takes seconds a run: one timed run is enough there.
          const { ms, cpuMs, rota } = timeOurs(solve, sc, sc.staff.length > 1000 ? 1 : args.runs)
          row.oursMs = ms
          row.oursCpuMs = cpuMs
          row.stoppedEarly = rota.stats?.stoppedEarly === true
          row.ours = measure(sc, rota)
          row.ownCheck = checkRota?.(sc, rota).length
          row.sharedCheck = sharedCheck(file, rota, tmp)
          row.memory = measureMemory(file)
        } catch (err) {
          row.oursError = (err as Error).message
          console.error(`${w.name}: our solver failed: ${row.oursError}`)
        }
      }
      if (args.highs && sc.staff.length > args.highsMaxStaff) {
        row.exactSkipped = true
      } else if (args.highs) {
        try {
          row.exact = await cachedExact(join(here, '.highs-cache'), sc, args.timeLimit, args.cache)
          row.exactSharedCheck = sharedCheck(file, row.exact.rota, tmp)
        } catch (err) {
          row.exactError = (err as Error).message
          console.error(`${w.name}: HiGHS failed: ${row.exactError}`)
        }
      }
      rows.push(row)
      process.stderr.write(`${w.name}: ours ${row.oursMs?.toFixed(0) ?? '-'} ms, HiGHS ${row.exact?.ms.toFixed(0) ?? '-'} ms\n`)
      // A fingerprint of the week: equal fingerprints mean two runs solved the same input.
      if (args.verbose) process.stderr.write(`  week sha256 ${createHash('sha256').update(JSON.stringify(sc)).digest('hex').slice(0, 12)}\n`)
      if (args.verbose && row.exact) {
        process.stderr.write(
          `  HiGHS model ${row.exact.columns} columns x ${row.exact.rows} rows; stages: ${row.exact.stages.map((st) => `${st.name} ${st.status} ${st.ms.toFixed(0)} ms (${st.objective.toFixed(2)})`).join(', ')}\n`,
        )
        if (row.ours) process.stderr.write(`  U ours ${row.ours.U.toFixed(2)}, U* ${row.exact.U.toFixed(2)}, U0 ${row.exact.U0.toFixed(2)}\n`)
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true })
  }
  console.log()
  printTable(rows)
  console.log()
  verdicts(rows)
  if (args.cli) printCli(cliCheck(root, tmpdir(), secondaryWeekOf250()))
}

function secondaryWeekOf250(): Scenario {
  return generatedWeeks().find((w) => w.name === 'gen-secondary-250')?.scenario as Scenario
}

function printCli({ rss250, example }: ReturnType<typeof cliCheck>): void {
  const line = (ok: boolean | undefined, text: string) => console.log(`${ok === undefined ? 'n/a    ' : ok ? 'met    ' : 'NOT MET'}  ${text}`)
  line(
    rss250 && rss250.peakRssMB < 100,
    `CLI (node dist/solver-cli.mjs) peak RSS on gen-secondary-250 < 100 MB: ${rss250 ? `${rss250.peakRssMB} MB` : 'not measured'}`,
  )
  line(example && example.wallS < 0.5, `CLI wall time on db/scenarios/secondary.json < 0.5 s: ${example ? `${example.wallS} s (best of 3)` : 'not measured'}`)
}

main().catch((err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
