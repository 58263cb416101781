// `npm run admin -- --d1 ...`: the same commands on a local D1 through wrangler d1 execute.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { main } from '../../scripts/admin.js'

const ROOT = join(import.meta.dirname, '..', '..')
const WRANGLER = join(ROOT, 'node_modules', '.bin', 'wrangler')
let persistTo: string

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'duty-rota-admin-d1-'))
  await promisify(execFile)(WRANGLER, ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false' },
  })
})
afterAll(() => {
  vi.restoreAllMocks()
  rmSync(persistTo, { recursive: true, force: true })
})

it('creates an organisation, a school and its manager on D1, and prints a sign-in link', async () => {
  const out: string[] = []
  vi.spyOn(console, 'log').mockImplementation((line: unknown) => void out.push(String(line)))
  const d1 = ['--d1', 'DB', '--persist-to', persistTo]
  expect(await main(['create-org', '--name', 'Oak Trust', ...d1])).toBe(0)
  const org = out.at(-1)?.split(' ').at(-1) ?? ''
  expect(await main(['create-school', '--org', org, '--name', 'Oak Primary', ...d1])).toBe(0)
  const school = out.at(-1)?.split(' ').at(-1) ?? ''
  expect(await main(['create-manager', '--school', school, '--email', 'jo@oak.example', '--name', 'Jo', ...d1])).toBe(0)
  expect(out.at(-1)).toMatch(/\/auth\/callback\?token=[A-Za-z0-9_-]{43}$/)
  expect(await main(['list', ...d1])).toBe(0)
  expect(out.join('\n')).toContain(`jo@oak.example (Jo): manager of ${school}`)
}, 120_000)
