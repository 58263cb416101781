// The real server for the load bench: `src/node.ts` on loopback with a fresh DATA_DIR, a school
// made the way a deployment makes one (`npm run admin`), its 500-staff week imported, generated
// and published through the API, then a staff session and that person's feed URL. Everything
// goes over HTTP, so a baseline worktree of an older commit is driven the same way.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Scenario } from '../solver/scenario.js'

export interface LoadServer {
  origin: string
  schoolId: string
  monday: string
  /** Cookie header of a member of staff with published duties this week */
  staffCookie: string
  /** Cookie header of the school's manager (writes also send Origin) */
  managerCookie: string
  feedUrl: string
  /** the pid, for --cpu-prof runs and for stopping it */
  process: ChildProcess
  stop: () => Promise<void>
}

export interface StartOptions {
  /** the checkout whose src/node.ts runs (a baseline worktree, or this one) */
  root: string
  scenario: Scenario
  /** extra node flags, e.g. --cpu-prof */
  nodeFlags?: readonly string[]
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen(0, '127.0.0.1', () => {
      const address = s.address()
      const port = typeof address === 'object' && address ? address.port : 0
      s.close(() => resolve(port))
    })
  })
}

function admin(root: string, env: NodeJS.ProcessEnv, args: string[]): string {
  return execFileSync(join(root, 'node_modules', '.bin', 'tsx'), ['scripts/admin.ts', ...args], { cwd: root, env, encoding: 'utf8' })
}

const idAfterColon = (out: string) => out.trim().split(': ').pop() ?? ''

/**
 * A generate's answer followed to its end: a big week answers 202 with its job (Location), which
 * is read until it has ended; the time is the solve's, not the 202's. Throws unless it ended done.
 */
export async function untilGenerated(origin: string, headers: Record<string, string>, res: Response): Promise<void> {
  if (res.status !== 202) {
    await res.arrayBuffer()
    if (!res.ok) throw new Error(`generate: ${res.status}`)
    return
  }
  const location = res.headers.get('location') ?? ''
  await res.arrayBuffer()
  for (;;) {
    const job = (await (await fetch(`${origin}${location}`, { headers })).json()) as { status: string; error: string | null }
    if (job.status === 'done') return
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`generate ${job.status}: ${job.error ?? ''}`)
    await new Promise((r) => setTimeout(r, 200))
  }
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}) before answering`)
    try {
      await fetch(`${origin}/`)
      return
    } catch {
      await new Promise((r) => setTimeout(r, 100))
    }
  }
  throw new Error('the server did not answer within 30 s')
}

function cookieOf(res: Response): string {
  const set = /__Host-session=[^;,]+/.exec(res.headers.get('set-cookie') ?? '')
  if (!set) throw new Error(`no session cookie (${res.status})`)
  return set[0]
}

export async function startLoadServer(options: StartOptions): Promise<LoadServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'duty-rota-load-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), PUBLIC_ORIGIN: origin }
  const org = idAfterColon(admin(options.root, env, ['create-org', '--name', 'Bench Trust']))
  const schoolId = idAfterColon(admin(options.root, env, ['create-school', '--org', org, '--name', options.scenario.school.name]))
  const link = admin(options.root, env, ['create-manager', '--school', schoolId, '--email', 'bench@example.test', '--name', 'Bench Manager'])
  const signinToken = new URL(link.trim().split('\n').pop() ?? '').searchParams.get('token') ?? ''

  // The worker-thread entry the server solves in (dist/solve-worker.mjs), as `npm start` builds it.
  execFileSync(process.execPath, ['-e', "import('./scripts/build-js.mjs').then((m) => m.buildEntries())"], { cwd: options.root, stdio: 'inherit' })
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), '--import', 'tsx', 'src/node.ts'], {
    cwd: options.root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGINT')
      await exited
    }
    rmSync(dataDir, { recursive: true, force: true })
  }
  try {
    await waitUntilUp(origin, child)
    const write = { 'content-type': 'application/json', origin }
    const signin = await fetch(`${origin}/auth/callback`, {
      method: 'POST',
      headers: { ...write, accept: 'application/json' },
      body: JSON.stringify({ token: signinToken }),
    })
    const managerCookie = cookieOf(signin)
    const api = async (method: string, path: string, body?: unknown, extra: Record<string, string> = {}) => {
      const res = await fetch(`${origin}/api/schools/${schoolId}${path}`, {
        method,
        headers: { ...write, cookie: managerCookie, ...extra },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      })
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${(await res.text()).slice(0, 300)}`)
      return res
    }
    await api('POST', '/import', options.scenario)
    const monday = options.scenario.week
    await untilGenerated(origin, { cookie: managerCookie }, await api('POST', `/weeks/${monday}/rota`))
    const draft = await api('GET', `/weeks/${monday}/rota`)
    await draft.arrayBuffer()
    const published = (await (await api('POST', `/weeks/${monday}/rota/publish`, undefined, { 'if-match': draft.headers.get('etag') ?? '' })).json()) as {
      rota: { assignments: { staff: string }[] }
    }
    const staff: { id: string; code: string }[] = []
    for (let cursor: string | null = ''; cursor !== null; ) {
      const page = (await (await api('GET', `/staff?limit=100${cursor ? `&cursor=${cursor}` : ''}`)).json()) as {
        items: { id: string; code: string }[]
        nextCursor: string | null
      }
      staff.push(...page.items)
      cursor = page.nextCursor
    }
    // The busiest person: the page and the feed with the most to say.
    const counts = new Map<string, number>()
    for (const a of published.rota.assignments) counts.set(a.staff, (counts.get(a.staff) ?? 0) + 1)
    const busiest = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0]
    const person = staff.find((s) => s.code === busiest) ?? staff[0]
    if (!person) throw new Error('the imported school has no staff')
    const personal = (await (await api('POST', `/staff/${person.id}/link`)).json()) as { url: string }
    const staffCookie = cookieOf(await fetch(personal.url.replace(/^https?:\/\/[^/]+/, origin), { redirect: 'manual' }))
    const feed = (await (await api('POST', `/staff/${person.id}/feed`)).json()) as { https: string }
    return { origin, schoolId, monday, staffCookie, managerCookie, feedUrl: feed.https.replace(/^https?:\/\/[^/]+/, origin), process: child, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
