// The kit's fresh database (kit.ts) with one school set up from an example week, and a write
// context whose clock is fixed, so every test of the week's services starts from the same
// known world.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { SqliteStore } from '../../db/sqlite.js'
import type { Store } from '../../db/store.js'
import type { Assignment, Scenario } from '../../solver/scenario.js'
import type { WriteContext } from '../../src/platform/deps.js'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { toProblem } from '../../src/platform/http/errors.js'
import { fairnessReport } from '../../src/ledgers/fairness.js'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { freshStore, insertOrganisation, insertSchool, writeContext, type TestStore } from './kit.js'

export const SCHOOL = 'sch_week'
export const WEEK = '2026-11-23'
export const NEXT_WEEK = '2026-11-30'
/** Friday before the week: managers plan ahead. */
export const NOW = '2026-11-20T10:00:00Z'

export function example(name: string): Scenario {
  return JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'db', 'scenarios', name), 'utf8')) as Scenario
}

export interface World {
  store: TestStore
  ctx: WriteContext
  close(): Promise<void>
}

/** The kit's write context, acting as the week's manager on the Friday before. */
export function contextFor(store: Store, actor = 'manager@test', now = NOW): WriteContext {
  return writeContext(store, actor, now)
}

/** An empty school in a fresh database. */
export async function freshWorld(): Promise<World> {
  const store = freshStore()
  await insertOrganisation(store, 'org_week')
  await insertSchool(store, { id: SCHOOL, organisationId: 'org_week' })
  return { store, ctx: contextFor(store), close: () => store.close() }
}

/** A school set up from a scenario file (its week's absences, cover and events included). */
/** For a test file that makes several worlds a test: `world(make)` keeps each, closed after its test. */
export function worldsClosedAfterEach(): (make: Promise<World>) => Promise<World> {
  const worlds: World[] = []
  afterEach(async () => {
    for (const w of worlds.splice(0)) await w.close()
  })
  return async (make) => {
    const w = await make
    worlds.push(w)
    return w
  }
}

export async function worldFrom(scenario: Scenario): Promise<World> {
  const world = await freshWorld()
  await importScenario(world.store, SCHOOL, scenario, world.ctx)
  return world
}

/** A manager of the school (the Office), who is sent what managers are told. */
export async function addOfficeManager(world: World): Promise<void> {
  const db = world.store.db
  await db.insertInto('users').values({ id: 'usr_office', email: 'office@elm.example', name: 'Office', created_at: '2026-09-01T00:00:00Z' }).execute()
  await db
    .insertInto('memberships')
    .values({ id: 'mem_office', user_id: 'usr_office', role: 'manager', school_id: SCHOOL, created_at: '2026-09-01T00:00:00Z' })
    .execute()
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

const TA_DAY = { start: '08:30', end: '15:30' }

/**
 * Ann is the only one in on Tuesdays, and the dining hall needs someone at lunch1 every day:
 * on Tuesday it is Ann or nobody, so where the solver puts her there is no guesswork.
 */
export function diningWeek(): Scenario {
  const week = { mon: TA_DAY, wed: TA_DAY, thu: TA_DAY, fri: TA_DAY }
  return {
    format: 'duty-rota/scenario@1',
    school: { name: 'Elm Tree Primary', timezone: 'Europe/London' },
    week: WEEK,
    slots: [
      { id: 'break', kind: 'break', start: '10:00', end: '10:20' },
      { id: 'lunch1', kind: 'lunch', start: '12:00', end: '12:30' },
      { id: 'lunch2', kind: 'lunch', start: '12:30', end: '13:00' },
    ],
    grades: [{ id: 'TA', name: 'Teaching assistant', dutyKinds: ['break', 'lunch'] }],
    staff: [
      { id: 'ann', name: 'Ann Lee', grade: 'TA', hoursPerWeek: 30, pattern: { ...week, tue: TA_DAY } },
      { id: 'ben', name: 'Ben Ode', grade: 'TA', hoursPerWeek: 30, pattern: week },
    ],
    duties: [{ id: 'dining', name: 'Dining hall', kind: 'lunch', slots: ['lunch1'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 1 }],
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

/** The manager's page handlers over a world: its school, as the manager of `contextFor`. */
export function pagesOf(w: World): PageContext {
  return { ctx: w.ctx, schoolId: SCHOOL, origin: 'https://rota.example.org' }
}

/** A page handler's HTML ('' for a redirect or a download). */
export const htmlOf = (r: PageResult): string => (r.kind === 'html' ? r.html : '')

/** An absence a test records: `staff` (a code) off sick all of Tuesday of WEEK. */
export const sickOnTuesday = (staff: string) =>
  ({ staff, startDate: '2026-11-24', endDate: '2026-11-24', startTime: null, endTime: null, reason: 'sickness', detail: null }) as const
