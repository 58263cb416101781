// The week's writes on D1 (workerd with a local D1 through wrangler's platform proxy, the same
// engine `wrangler dev` runs): a D1 batch cannot read and then decide, so the stale-write
// guard is a statement inside the batch. These tests show that it does on D1 what it does on
// SQLite: one of two racing publishes wins, the other gets 412; a publish that breaks half way
// leaves the published rota as it was; and the whole loop runs.
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { D1Database } from '@cloudflare/workers-types'
import type { CompiledQuery } from 'kysely'
import { getPlatformProxy } from 'wrangler'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openD1Store } from '../../db/d1.js'
import type { Store } from '../../db/store.js'
import { recordAbsence } from '../../src/week/replan.js'
import { approveSwap, requestSwap } from '../../src/swaps/swaps.js'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek, viewWeek } from '../../src/week/publish.js'
import { insertOrganisation, insertSchool } from '../support/kit.js'
import { contextFor, example, tinyScenario, WEEK, statusOf } from '../support/week.js'

const ROOT = join(import.meta.dirname, '..', '..')
const ENV = { ...process.env, CI: '1', WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1' }

let persistTo: string
let proxy: Awaited<ReturnType<typeof getPlatformProxy<{ DB: D1Database }>>>
let store: Store

beforeAll(async () => {
  persistTo = mkdtempSync(join(tmpdir(), 'duty-rota-week-d1-'))
  await promisify(execFile)(join(ROOT, 'node_modules', '.bin', 'wrangler'), ['d1', 'migrations', 'apply', 'DB', '--local', '--persist-to', persistTo], {
    cwd: ROOT,
    env: ENV,
  })
  proxy = await getPlatformProxy<{ DB: D1Database }>({ configPath: join(ROOT, 'wrangler.toml'), persist: { path: join(persistTo, 'v3') } })
  store = openD1Store(proxy.env.DB)
})

afterAll(async () => {
  await proxy?.dispose()
  if (persistTo) rmSync(persistTo, { recursive: true, force: true })
})

let schools = 0
/** A new school in the shared D1, set up from a scenario file. */
async function school(file?: string): Promise<string> {
  const id = `sch_d1_${++schools}`
  await insertOrganisation(store, `org_${id}`)
  await insertSchool(store, { id, organisationId: `org_${id}`, name: 'D1 school' })
  await importScenario(store, id, file ? example(file) : tinyScenario(), contextFor(store))
  return id
}

describe('the week on D1', () => {
  it('of two concurrent publishes, exactly one wins and the other gets 412', async () => {
    const id = await school()
    const ctx = contextFor(store)
    const draft = await generateDraft(ctx, id, WEEK)
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let waiting = 0
    const racing: Store = {
      db: store.db,
      async atomic(statements) {
        if (++waiting === 2) release()
        await gate
        return store.atomic(statements)
      },
    }
    const results = await Promise.all([
      statusOf(publishWeek(contextFor(racing, 'alice@test'), id, WEEK, `"${draft.version}"`)),
      statusOf(publishWeek(contextFor(racing, 'bob@test'), id, WEEK, `"${draft.version}"`)),
    ])
    expect(results.sort()).toEqual([200, 412])
    const published = await store.db.selectFrom('rotas').select('id').where('school_id', '=', id).where('status', '=', 'published').execute()
    expect(published).toHaveLength(1)
    const audits = await store.db.selectFrom('audit_log').select('actor').where('school_id', '=', id).where('action', '=', 'publish').execute()
    expect(audits).toHaveLength(1)
  })

  it('a failure in the middle of a publish leaves the published rota intact', async () => {
    const id = await school()
    const ctx = contextFor(store)
    const first = await generateDraft(ctx, id, WEEK)
    const published = await publishWeek(ctx, id, WEEK, `"${first.version}"`)
    await store.atomic([store.db.updateTable('staff').set({ max_duties_per_week: 1 }).where('school_id', '=', id).compile()])
    const second = await generateDraft(ctx, id, WEEK)
    const broken: Store = {
      db: store.db,
      async atomic(statements: readonly CompiledQuery[]) {
        const first = statements[0] as CompiledQuery
        const failing: CompiledQuery = { ...first, sql: 'INSERT INTO rotas (id) VALUES (NULL)', parameters: [] }
        const middle = Math.ceil(statements.length / 2)
        return store.atomic([...statements.slice(0, middle), failing, ...statements.slice(middle)])
      },
    }
    await expect(publishWeek(contextFor(broken), id, WEEK, `"${second.version}"`)).rejects.toThrow()
    const view = await viewWeek(ctx, id, WEEK)
    expect(view.published?.id).toBe(published.rota.id)
    expect(view.published?.assignments).toEqual(published.rota.assignments)
    expect(view.draft?.id).toBe(second.rota.id)
  })

  it('runs the loop: generate, publish, absence, re-plan, publish', async () => {
    const id = await school('primary.json')
    const ctx = contextFor(store)
    const draft = await generateDraft(ctx, id, WEEK)
    expect(await statusOf(publishWeek(ctx, id, WEEK, undefined))).toBe(428)
    const published = await publishWeek(ctx, id, WEEK, `"${draft.version}"`)
    const tuesday = published.rota.assignments.find((a) => a.date === '2026-11-24') ?? { staff: '' }
    const recorded = await recordAbsence(ctx, id, {
      staff: tuesday.staff,
      startDate: '2026-11-24',
      endDate: '2026-11-24',
      startTime: null,
      endTime: null,
      reason: 'sickness',
      detail: null,
    })
    const replan = recorded.replans[0]
    if (!replan?.diff) throw new Error('expected a re-plan with a diff')
    expect(replan.diff.people.find((p) => p.staff === tuesday.staff)?.removed.length).toBeGreaterThan(0)
    expect(await statusOf(publishWeek(ctx, id, WEEK, `"${draft.version}"`))).toBe(412)
    const again = await publishWeek(ctx, id, WEEK, `"${replan.version}"`)
    expect(again.diff.removed).toBe(replan.diff.removed)
    expect((await viewWeek(ctx, id, WEEK)).published?.assignments).toEqual(replan.rota.assignments)
  })

  it('approves a swap in one guarded write, moving the week on', async () => {
    const id = await school()
    const ctx = contextFor(store)
    const draft = await generateDraft(ctx, id, WEEK)
    const published = await publishWeek(ctx, id, WEEK, `"${draft.version}"`)
    const monday = published.rota.assignments.find((a) => a.date === WEEK) ?? { staff: '' }
    const taker = ['ann', 'ben', 'cat'].find((s) => s !== monday.staff) ?? ''
    const swap = await requestSwap(ctx, id, { from: monday.staff, give: { duty: 'yard', date: WEEK, slot: 'break' }, to: taker })
    const stale = await generateDraft(ctx, id, WEEK)
    await approveSwap(ctx, id, swap.id)
    const view = await viewWeek(ctx, id, WEEK)
    expect(view.published?.assignments.find((a) => a.date === WEEK)?.staff).toBe(taker)
    expect(view.version).toBeGreaterThan(stale.version)
    expect(await statusOf(publishWeek(ctx, id, WEEK, `"${stale.version}"`))).toBe(412)
  })
})
