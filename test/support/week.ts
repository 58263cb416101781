// A fresh, migrated SQLite file per test with one school set up from an example week, and a
// write context whose clock is fixed, so every test starts from the same known world.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Clock, Instant, ZoneOffset } from '@js-joda/core'
import { migrateSqlite } from '../../db/migrate.js'
import { openSqliteStore, type SqliteStore } from '../../db/sqlite.js'
import type { Store } from '../../db/store.js'
import type { Assignment, Scenario } from '../../solver/scenario.js'
import type { WriteContext } from '../../src/platform/deps.js'
import { PUBLISH_HOOKS } from '../../src/app.js'
import { newId } from '../../src/platform/ids.js'
import { toProblem } from '../../src/platform/http/errors.js'
import { fairnessReport } from '../../src/ledgers/fairness.js'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'

export const SCHOOL = 'sch_week'
export const WEEK = '2026-11-23'
export const NEXT_WEEK = '2026-11-30'
/** Friday before the week: managers plan ahead. */
export const NOW = '2026-11-20T10:00:00Z'

export function example(name: string): Scenario {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'scenarios', name), 'utf8')) as Scenario
}

export interface World {
  store: SqliteStore
  ctx: WriteContext
  close(): Promise<void>
}

export function contextFor(store: Store, actor = 'manager@test', now = NOW): WriteContext {
  return { store, actor, clock: Clock.fixed(Instant.parse(now), ZoneOffset.UTC), newId, publishHooks: PUBLISH_HOOKS }
}

/** An empty school in a fresh database. */
export function freshWorld(): World {
  const dir = mkdtempSync(join(tmpdir(), 'duty-rota-week-'))
  const store = openSqliteStore(join(dir, 'test.sqlite'))
  migrateSqlite(store.sqlite)
  store.sqlite.prepare("INSERT INTO organisations (id, name, created_at) VALUES ('org_week', 'Trust', '2026-09-01T00:00:00Z')").run()
  store.sqlite
    .prepare("INSERT INTO schools (id, organisation_id, name, created_at, updated_at) VALUES (?, 'org_week', 'Unnamed', '2026-09-01T00:00:00Z', '2026-09-01T00:00:00Z')")
    .run(SCHOOL)
  return {
    store,
    ctx: contextFor(store),
    async close() {
      await store.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A school set up from a scenario file (its week's absences, cover and events included). */
export async function worldFrom(scenario: Scenario): Promise<World> {
  const world = freshWorld()
  await importScenario(world.store, SCHOOL, scenario, world.ctx)
  return world
}

export function staffIdOf(store: SqliteStore, code: string): string {
  const row = store.sqlite.prepare('SELECT id FROM staff WHERE school_id = ? AND code = ?').get(SCHOOL, code) as { id: string } | undefined
  if (!row) throw new Error(`no staff ${code}`)
  return row.id
}

export function rows<T>(store: SqliteStore, query: string, ...params: unknown[]): T[] {
  return store.sqlite.prepare(query).all(...params) as T[]
}

/**
 * Three teaching assistants and one yard duty each break: small enough that who can take
 * what is evident, so swaps and overrides can be tested without searching for a legal move.
 */
export function tinyScenario(): Scenario {
  const day = { start: '08:30', end: '15:30' }
  const pattern = { mon: day, tue: day, wed: day, thu: day, fri: day }
  return {
    format: 'duty-rota/scenario@1',
    school: { name: 'Tiny Primary', timezone: 'Europe/London' },
    week: WEEK,
    slots: [
      { id: 'p1', kind: 'lesson', start: '09:00', end: '10:00' },
      { id: 'break', kind: 'break', start: '10:00', end: '10:20' },
      { id: 'lunch', kind: 'lunch', start: '12:00', end: '13:00' },
    ],
    grades: [{ id: 'TA', name: 'Teaching assistant', dutyKinds: ['break', 'cover', 'event'] }],
    staff: ['ann', 'ben', 'cat'].map((id) => ({ id, name: id.toUpperCase(), grade: 'TA', hoursPerWeek: 30, pattern })),
    duties: [{ id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 1 }],
  }
}

/** The tiny week, generated and published: its world and the published assignments. */
export async function publishedTinyWeek(): Promise<{ w: World; rota: Assignment[] }> {
  const w = await worldFrom(tinyScenario())
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  const done = await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  return { w, rota: done.rota.assignments }
}

/** Each person's duties this week in the fairness ledger, by staff code. */
export async function weekCounts(store: Store): Promise<Map<string, number>> {
  return new Map((await fairnessReport(store, SCHOOL, WEEK)).staff.map((r) => [r.staff, r.week.total]))
}

/** The HTTP status a service call would answer with: 200, or its problem's status. */
export async function statusOf(promise: Promise<unknown>): Promise<number> {
  try {
    await promise
    return 200
  } catch (err) {
    return toProblem(err).status
  }
}

