// Generate and publish on SQLite, straight against the services: the week's version is its
// ETag, a publish needs it (428 without, 412 when stale), exactly one of two racing publishes
// wins, and a publish that fails half way leaves the published rota as it was.
import { afterEach, describe, expect, it } from 'vitest'
import type { CompiledQuery } from 'kysely'
import { ProblemError } from '../../src/platform/http/problem.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek, viewWeek } from '../../src/week/publish.js'
import { createAbsence } from '../../src/week/absences.js'
import { contextFor, example, rows, SCHOOL, tinyScenario, WEEK, worldFrom, type World, statusOf } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function primary(): Promise<World> {
  const sc = example('primary.json')
  const w = await worldFrom(sc)
  open.push(w)
  return w
}

describe('generating a draft', () => {
  it('stores the solver rota as a draft with the week’s next version and its unfilled seats with reasons', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(draft.version).toBe(1)
    expect(draft.rota).toMatchObject({ status: 'draft', version: 1, week: WEEK })
    expect(draft.rota.assignments.length).toBeGreaterThan(0)
    for (const u of draft.rota.unfilled) expect(u.reason.length).toBeGreaterThan(0)
    expect(draft.diff).toBeNull()
    const stored = rows<{ n: number }>(w.store, 'SELECT COUNT(*) AS n FROM rota_assignments WHERE rota_id = ?', draft.rota.id)[0]
    expect(stored?.n).toBe(draft.rota.assignments.length)
  })

  it('replaces the previous draft and moves the week on by one version', async () => {
    const w = await primary()
    const first = await generateDraft(w.ctx, SCHOOL, WEEK)
    const second = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(second.version).toBe(first.version + 1)
    expect(rows(w.store, 'SELECT id FROM rotas WHERE school_id = ? AND week = ?', SCHOOL, WEEK)).toEqual([{ id: second.rota.id }])
  })

  it('refuses a date that is not a Monday', async () => {
    const w = await primary()
    expect(await statusOf(generateDraft(w.ctx, SCHOOL, '2026-11-24'))).toBe(400)
  })
})

describe('publishing', () => {
  it('needs If-Match (428) naming the week’s current version (412 otherwise)', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, undefined))).toBe(428)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, '*'))).toBe(428)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version + 7}"`))).toBe(412)
    const published = await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    expect(published.version).toBe(draft.version + 1)
    expect(published.rota.status).toBe('published')
    expect(published.diff.removed).toBe(0)
    expect(published.diff.added).toBe(draft.rota.assignments.length)
  })

  it('publishes exactly the reviewed draft, and the same ETag cannot publish twice', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`))).toBe(412)
    const view = await viewWeek(w.ctx, SCHOOL, WEEK)
    expect(view.draft).toBeNull()
    expect(view.published?.assignments).toEqual(draft.rota.assignments)
    expect(view.version).toBe(draft.version + 1)
  })

  it('a newer draft makes the older ETag stale', async () => {
    const w = await primary()
    const older = await generateDraft(w.ctx, SCHOOL, WEEK)
    await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${older.version}"`))).toBe(412)
  })

  it('says 409 when there is no draft newer than the published rota', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    const published = await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${published.version}"`))).toBe(409)
  })

  it('refuses (409) a draft that the week has outgrown: it now breaks a rule', async () => {
    const w = await worldFrom(tinyScenario())
    open.push(w)
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    const holder = draft.rota.assignments.find((a) => a.date === WEEK)?.staff ?? ''
    // Nothing is published, so this absence re-plans nothing; the draft still has them on Monday.
    await createAbsence(w.ctx, SCHOOL, { staff: holder, startDate: WEEK, endDate: WEEK, startTime: null, endTime: null, reason: null, detail: null })
    expect(await statusOf(publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`))).toBe(409)
    const again = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect((await publishWeek(w.ctx, SCHOOL, WEEK, `"${again.version}"`)).rota.assignments.some((a) => a.staff === holder && a.date === WEEK)).toBe(false)
  })

  it('records the diff in an audit entry written in the same write', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    const entries = rows<{ actor: string; after: string }>(w.store, "SELECT actor, after FROM audit_log WHERE action = 'publish'")
    expect(entries).toHaveLength(1)
    const after = JSON.parse(entries[0]?.after ?? '{}') as { diff: { added: number } }
    expect(entries[0]?.actor).toBe('manager@test')
    expect(after.diff.added).toBe(draft.rota.assignments.length)
  })

  it('of two concurrent publishes of the same draft, exactly one wins and the other gets 412', async () => {
    const w = await primary()
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    // Both requests have read the week before either writes: hold each write back until both
    // reads are done, so only the in-batch guard can tell them apart.
    let release!: () => void
    const gate = new Promise<void>((r) => (release = r))
    let waiting = 0
    const racingStore = {
      db: w.store.db,
      async atomic(statements: readonly CompiledQuery[]) {
        waiting++
        if (waiting === 2) release()
        await gate
        return w.store.atomic(statements)
      },
    }
    const ctxA = { ...contextFor(racingStore, 'alice@test') }
    const ctxB = { ...contextFor(racingStore, 'bob@test') }
    const results = await Promise.all([
      statusOf(publishWeek(ctxA, SCHOOL, WEEK, `"${draft.version}"`)),
      statusOf(publishWeek(ctxB, SCHOOL, WEEK, `"${draft.version}"`)),
    ])
    expect(results.sort()).toEqual([200, 412])
    expect(rows(w.store, "SELECT id FROM rotas WHERE status = 'published'")).toHaveLength(1)
    expect(rows(w.store, "SELECT id FROM audit_log WHERE action = 'publish'")).toHaveLength(1)
    expect(rows(w.store, 'SELECT rota_id FROM calendar_publishes')).toHaveLength(1)
  })

  it('a failure in the middle of a publish leaves the published rota intact', async () => {
    const w = await primary()
    const first = await generateDraft(w.ctx, SCHOOL, WEEK)
    const firstPublished = await publishWeek(w.ctx, SCHOOL, WEEK, `"${first.version}"`)
    // A second draft under a tighter weekly cap differs from the first; its publish then breaks half way.
    w.store.sqlite.prepare('UPDATE staff SET max_duties_per_week = 1 WHERE school_id = ?').run(SCHOOL)
    const second = await generateDraft(w.ctx, SCHOOL, WEEK)
    const broken = {
      db: w.store.db,
      async atomic(statements: readonly CompiledQuery[]) {
        const failing: CompiledQuery = {
          sql: 'INSERT INTO rotas (id) VALUES (NULL)',
          parameters: [],
          query: statements[0]!.query,
          queryId: statements[0]!.queryId,
        }
        const middle = Math.ceil(statements.length / 2)
        return w.store.atomic([...statements.slice(0, middle), failing, ...statements.slice(middle)])
      },
    }
    const calendarBefore = rows(w.store, 'SELECT * FROM calendar_entries ORDER BY uid')
    const err = await publishWeek(contextFor(broken), SCHOOL, WEEK, `"${second.version}"`).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(Error)
    expect(err).not.toBeInstanceOf(ProblemError)
    const view = await viewWeek(w.ctx, SCHOOL, WEEK)
    expect(view.published?.id).toBe(firstPublished.rota.id)
    expect(view.published?.assignments).toEqual(firstPublished.rota.assignments)
    expect(view.draft?.id).toBe(second.rota.id)
    expect(rows(w.store, "SELECT id FROM audit_log WHERE action = 'publish'")).toHaveLength(1)
    // the calendar snapshot written in the same batch is untouched too
    expect(rows(w.store, 'SELECT * FROM calendar_entries ORDER BY uid')).toEqual(calendarBefore)
    // and the intact draft can still be published normally afterwards
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${second.version}"`)
  })
})
