// The one kit every test world is made from: a fresh SQLite file per test with the migrations
// applied exactly as `npm start` applies them, a clock that only moves when the test moves it,
// the write context services take (with the publish hooks the app registers, so a publish in a
// test writes the calendar as it does in production), and the real app over them. The other
// helpers (api.ts, auth.ts, week.ts, calendar.ts) build their worlds on this, so how a test
// database or app is made is decided here once.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Clock, Instant, ZoneOffset, type ZoneId } from '@js-joda/core'
import { migrateSqlite } from '../../db/migrate.js'
import { openSqliteStore, type SqliteStore } from '../../db/sqlite.js'
import type { Store } from '../../db/store.js'
import { createApp, PUBLISH_HOOKS, type App } from '../../src/app.js'
import type { AppDeps, Deps, WriteContext } from '../../src/platform/deps.js'
import { newId } from '../../src/platform/ids.js'
import { MemoryMailer } from '../../src/platform/mailer.js'

/** Monday 23 November 2026, 09:00 UTC: the week most tests plan, unless they say otherwise. */
export const KIT_NOW = '2026-11-23T09:00:00.000Z'

/** When the rows a test inserts directly (organisations, schools) were made. */
export const SETUP_AT = '2026-09-01T00:00:00.000Z'

export interface TestStore extends SqliteStore {
  /** Closes the database and deletes its file. */
  close(): Promise<void>
}

/** An empty, migrated database in a file of its own, so no test sees another's rows. */
export function freshStore(): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'duty-rota-test-'))
  const store = openSqliteStore(join(dir, 'test.sqlite'))
  migrateSqlite(store.sqlite)
  return {
    ...store,
    async close() {
      await store.close()
      // Kysely only closes a connection it opened; a test that used raw SQL alone leaves it open.
      if (store.sqlite.open) store.sqlite.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** A clock stopped at an instant. */
export function fixedClock(iso: string = KIT_NOW): Clock {
  return Clock.fixed(Instant.parse(iso), ZoneOffset.UTC)
}

/** A clock tests move by hand (sessions expiring, a re-plan ten minutes later); nothing waits for real time to pass. */
export class TestClock extends Clock {
  constructor(private now: Instant) {
    super()
  }
  advanceSeconds(seconds: number): void {
    this.now = this.now.plusSeconds(seconds)
  }
  override instant(): Instant {
    return this.now
  }
  override millis(): number {
    return this.now.toEpochMilli()
  }
  override zone(): ZoneId {
    return ZoneOffset.UTC
  }
  override withZone(): Clock {
    return this
  }
  override equals(other: unknown): boolean {
    return other === this
  }
}

export function handClock(iso: string = KIT_NOW): TestClock {
  return new TestClock(Instant.parse(iso))
}

/** What services receive, filled in as createApp fills it in. */
export function testDeps(store: Store, clock: Clock = fixedClock()): Deps {
  return { store, clock, newId, publishHooks: PUBLISH_HOOKS }
}

/** A service call's context: who acts, and when (an instant, or a clock the test holds). */
export function writeContext(store: Store, actor = 'user:test', now: string | Clock = KIT_NOW): WriteContext {
  return { ...testDeps(store, typeof now === 'string' ? fixedClock(now) : now), actor }
}

/** The real app over a store: the kit's clock and a mailer the test can read unless given others. */
export function testApp(deps: Partial<AppDeps> & { store: Store }): App {
  return createApp({ clock: fixedClock(), mailer: new MemoryMailer(), ...deps })
}

/** An organisation row, written directly (no audit entry), for a test that needs one to hang schools off. */
export async function insertOrganisation(store: Store, id: string, name = 'Trust'): Promise<void> {
  await store.db.insertInto('organisations').values({ id, name, created_at: SETUP_AT }).execute()
}

/** A school row with nothing set up in it, written directly; the time zone is the schema's default unless given. */
export async function insertSchool(store: Store, school: { id: string; organisationId: string; name?: string; timezone?: string }): Promise<void> {
  await store.db
    .insertInto('schools')
    .values({
      id: school.id,
      organisation_id: school.organisationId,
      name: school.name ?? 'Unnamed',
      ...(school.timezone === undefined ? {} : { timezone: school.timezone }),
      created_at: SETUP_AT,
      updated_at: SETUP_AT,
    })
    .execute()
}
