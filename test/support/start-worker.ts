// Runs the real worker under `wrangler dev` (workerd, local D1, no network) for a test:
// a fresh D1 in a temp dir with the repo's migrations applied, on free local ports.
// Exported for other Workers tests (e.g. the scenario D1 round trip).
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { CompiledQuery } from 'kysely'
import { seedUser, signInWith, toSqlScript } from './seed.js'

const ROOT = join(import.meta.dirname, '..', '..')
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')
const ENV = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

export interface RunningWorker {
  /** e.g. http://127.0.0.1:40123 */
  url: string
  fetch(path: string, init?: RequestInit): Promise<Response>
  /** wrangler's output so far, for failure messages */
  output(): string
  stop(): Promise<void>
  /** Cookie and Origin of a signed-in tester (no role until they create an organisation) */
  auth: Record<string, string>
  /** Runs SQL on the running worker's local D1, for rows no route may write (e.g. a loopback push endpoint) */
  sql(command: string): Promise<string>
}

export const WORKER_TESTER = { id: 'usr_worker_tester', email: 'tester@example.test', name: 'Tess Tester' }

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** Runs a wrangler command from the repo root, offline and quiet; answers its standard output, or throws with all it said. */
export async function wrangler(args: readonly string[]): Promise<string> {
  try {
    return (await promisify(execFile)(WRANGLER, [...args], { cwd: ROOT, env: ENV, maxBuffer: 16 * 1024 * 1024 })).stdout
  } catch (err) {
    const { stdout = '', stderr = '' } = err as { stdout?: string; stderr?: string }
    throw new Error(`wrangler ${args.join(' ')} failed:\n${stdout}\n${stderr}`, { cause: err })
  }
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()))
}

/**
 * `seed`: statements run on the fresh D1 before the worker starts (accounts, schools), in one
 * `wrangler d1 execute --file`; a tester account is always added and signed in.
 */
export async function startWorker(
  options: {
    timeoutMs?: number
    seed?: readonly CompiledQuery[]
    /** the Worker's env vars, e.g. SMTP_URL */
    vars?: Record<string, string>
    /** serve GET /__scheduled, which runs the Worker's cron handler (the outbox delivery) at once */
    scheduled?: boolean
  } = {},
): Promise<RunningWorker> {
  const persistTo = mkdtempSync(join(tmpdir(), 'duty-rota-d1-'))
  await wrangler(['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo])
  const tester = await seedUser(WORKER_TESTER.id, WORKER_TESTER.email, WORKER_TESTER.name)
  const seedFile = join(persistTo, 'seed.sql')
  writeFileSync(seedFile, toSqlScript([...tester.statements, ...(options.seed ?? [])]))
  await wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--file', seedFile])

  const [port, inspectorPort] = [await freePort(), await freePort()]
  // detached: its own process group, so stop() ends wrangler and the workerd it starts.
  const child = spawn(
    WRANGLER,
    [
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--inspector-port',
      String(inspectorPort),
      '--persist-to',
      persistTo,
      '--show-interactive-dev-session=false',
      ...(options.scheduled ? ['--test-scheduled'] : []),
      ...Object.entries(options.vars ?? {}).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
    ],
    { cwd: ROOT, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))

  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
      const gone = exited(child)
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {
        // already gone
      }
      const timer = setTimeout(() => {
        try {
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
        } catch {
          // already gone
        }
      }, 5000)
      await gone
      clearTimeout(timer)
    }
    rmSync(persistTo, { recursive: true, force: true })
  }

  const deadline = Date.now() + (options.timeoutMs ?? 90_000)
  for (;;) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(`wrangler dev exited with code ${child.exitCode}:\n${log}`)
    }
    try {
      const res = await fetch(`${url}/`)
      await res.arrayBuffer()
      break
    } catch {
      if (Date.now() > deadline) {
        await stop()
        throw new Error(`wrangler dev did not answer on ${url} in time:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  const fetchPath = (path: string, init?: RequestInit) => fetch(`${url}${path}`, init)
  let cookie: string
  try {
    cookie = await signInWith(fetchPath, url, tester.link)
  } catch (err) {
    await stop()
    throw new Error(`could not sign in on wrangler dev: ${String(err)}\n${log}`)
  }
  const sql = (command: string) => wrangler(['d1', 'execute', 'DB', '--local', '--persist-to', persistTo, '--command', command])
  return { url, fetch: fetchPath, output: () => log, stop, auth: { cookie, origin: url }, sql }
}

/** One request as the signed-in tester, a JSON body if given; the answer's JSON parsed, or its text. */
export async function sendAs(worker: RunningWorker, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await worker.fetch(path, {
    method,
    headers: { ...worker.auth, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const text = await res.text()
  const json = (res.headers.get('content-type') ?? '').includes('json')
  return { status: res.status, headers: res.headers, body: text && json ? JSON.parse(text) : text }
}
