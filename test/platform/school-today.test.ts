import { Clock, Instant, ZoneOffset } from '@js-joda/core'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrateSqlite } from '../../db/migrate.js'
import { openSqliteStore } from '../../db/sqlite.js'
import { todayAtSchool } from '../../src/platform/school-today.js'

async function schoolIn(timezone: string) {
  const store = openSqliteStore(join(mkdtempSync(join(tmpdir(), 'duty-rota-today-')), 'today.sqlite'))
  migrateSqlite(store.sqlite)
  store.sqlite.exec(`INSERT INTO organisations (id, name, created_at) VALUES ('o', 'Trust', '2026-01-01T00:00:00.000Z')`)
  store.sqlite
    .prepare(`INSERT INTO schools (id, organisation_id, name, timezone, created_at, updated_at) VALUES ('s', 'o', 'Oak', ?, 'x', 'x')`)
    .run(timezone)
  return store
}

const at = (instant: string) => Clock.fixed(Instant.parse(instant), ZoneOffset.UTC)

describe("a school's today", () => {
  it('is already Monday in London at 00:30 BST, while UTC still says Sunday', async () => {
    const store = await schoolIn('Europe/London')
    expect(await todayAtSchool(store, at('2026-06-07T23:30:00Z'), 's')).toBe('2026-06-08')
  })

  it('is the UTC date in winter, when London keeps GMT', async () => {
    const store = await schoolIn('Europe/London')
    expect(await todayAtSchool(store, at('2026-11-22T23:30:00Z'), 's')).toBe('2026-11-22')
  })
})
