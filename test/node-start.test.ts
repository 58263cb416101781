// `npm start` on a fresh machine: an empty DATA_DIR becomes a migrated database holding the demo
// school, the API answers on PORT, the terminal says what to open, and Ctrl+C stops it cleanly.
import { spawn } from 'node:child_process'
import { get } from 'node:http'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInWith } from './support/seed.js'
import { freePort } from './support/start-worker.js'

const ROOT = join(import.meta.dirname, '..')

interface Started {
  output: () => string
  stop: () => Promise<number | null>
}

async function start(dataDir: string, port: number): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/node.ts'], {
    cwd: ROOT,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr.on('data', (d: Buffer) => (log += d.toString()))
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
  const deadline = Date.now() + 60_000
  while (!log.includes('Press Ctrl+C')) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${log}`)
    await new Promise((r) => setTimeout(r, 100))
  }
  return {
    output: () => log,
    stop: async () => {
      child.kill('SIGINT')
      return exited
    },
  }
}

/** One GET as raw bytes: fetch() would undo the compression before the test could see it. */
function rawGet(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      res.on('error', reject)
    }).on('error', reject)
  })
}

/** Follows the sign-in link `npm start` printed, as a browser would after the button press. */
async function signInDemoManager(started: Started, at: number): Promise<string> {
  const token = /http:\/\/localhost:\d+\/auth\/callback\?token=([A-Za-z0-9_-]{43})/.exec(started.output())?.[1]
  if (!token) throw new Error(`no sign-in link printed:\n${started.output()}`)
  return signInWith((path, init) => fetch(`http://127.0.0.1:${at}${path}`, init), `http://localhost:${at}`, token)
}

let dataDir: string
let port: number
let server: Started
beforeAll(async () => {
  dataDir = join(mkdtempSync(join(tmpdir(), 'duty-rota-start-')), 'data')
  port = await freePort()
  server = await start(dataDir, port)
})
afterAll(async () => {
  await server?.stop()
  rmSync(join(dataDir, '..'), { recursive: true, force: true })
})

describe('npm start', () => {
  it('creates the database under DATA_DIR and tells the user where to open the pages and the demo school', () => {
    expect(existsSync(join(dataDir, 'duty-rota.sqlite'))).toBe(true)
    expect(server.output()).toContain(`the manager's pages are at http://localhost:${port}/manage`)
    expect(server.output()).toMatch(new RegExp(`Demo school's API: http://localhost:${port}/api/schools/sch_\\w+`))
  })

  it('prints a one-time sign-in link for the demo manager, who then sees the demo school', async () => {
    const cookie = await signInDemoManager(server, port)
    expect((await fetch(`http://127.0.0.1:${port}/api/schools`)).status).toBe(401)
    const schools = (await (await fetch(`http://127.0.0.1:${port}/api/schools`, { headers: { cookie } })).json()) as { items: { id: string; name: string }[] }
    expect(schools.items.map((s) => s.name)).toEqual(['Elm Tree Primary Academy'])
    const staff = (await (await fetch(`http://127.0.0.1:${port}/api/schools/${schools.items[0]?.id}/staff?limit=200`, { headers: { cookie } })).json()) as {
      items: unknown[]
    }
    expect(staff.items.length).toBeGreaterThan(10)
  })

  it('sends pages gzipped to a browser that accepts gzip, and they unpack to the page', async () => {
    const res = await rawGet(`http://127.0.0.1:${port}/`, { 'accept-encoding': 'gzip, deflate, br', accept: 'text/html' })
    expect(res.headers['content-encoding']).toBe('gzip')
    expect(res.headers.vary).toMatch(/accept-encoding/i)
    expect(gunzipSync(res.body).toString('utf8')).toContain('<h1>Duties and cover for schools</h1>')
  })

  it('sends the page uncompressed to a client that does not ask for compression', async () => {
    const res = await rawGet(`http://127.0.0.1:${port}/`, { accept: 'text/html' })
    expect(res.headers['content-encoding']).toBeUndefined()
    expect(res.body.toString('utf8')).toContain('<h1>Duties and cover for schools</h1>')
  })

  it('stops on Ctrl+C, and a second start keeps the one demo school', async () => {
    expect(await server.stop()).toBe(0)
    server = await start(dataDir, port)
    expect(server.output()).not.toContain('Loaded the demo school')
    const cookie = await signInDemoManager(server, port)
    const schools = (await (await fetch(`http://127.0.0.1:${port}/api/schools`, { headers: { cookie } })).json()) as { items: unknown[] }
    expect(schools.items).toHaveLength(1)
  })
})
