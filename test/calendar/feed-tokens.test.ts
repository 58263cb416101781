// Feed URLs are credentials: long, random, kept only as digests, and revocable at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  findFeedToken,
  hasLiveFeed,
  issueFeedToken,
  listFeedTokens,
  revokeFeedToken,
  revokeFeedTokenById,
  type FeedTarget,
} from '../../src/calendar/feed-tokens.js'
import { makeSchool, type School } from '../support/calendar.js'

let school: School
beforeEach(async () => {
  school = await makeSchool()
})
afterEach(() => school.close())

const amira = (): FeedTarget => ({ scope: 'person', schoolId: school.schoolId, staffId: school.staff.amira })
const schoolFeed = (): FeedTarget => ({ scope: 'school', schoolId: school.schoolId, userId: 'usr_manager' })

describe('feed tokens', () => {
  it('carry at least 128 random bits and are stored only as a SHA-256 digest', async () => {
    const a = await issueFeedToken(school.ctx, amira())
    const b = await issueFeedToken(school.ctx, amira())
    expect(a.token).toMatch(/^[A-Za-z0-9_-]{43}$/) // 43 base64url characters = 256 bits
    expect(a.token).not.toBe(b.token)
    const stored = school.store.sqlite.prepare('SELECT * FROM feed_tokens').all()
    const dump = JSON.stringify(stored)
    expect(dump).not.toContain(a.token)
    expect(dump).not.toContain(b.token)
    expect(stored.every((r) => /^[0-9a-f]{64}$/.test((r as { token_hash: string }).token_hash))).toBe(true)
  })

  it('rotate: issuing again stops the old URL at once and keeps one live feed per holder', async () => {
    const old = await issueFeedToken(school.ctx, amira())
    const fresh = await issueFeedToken(school.ctx, amira())
    expect(await findFeedToken(school.ctx, old.token)).toBeUndefined()
    expect((await findFeedToken(school.ctx, fresh.token))?.staff_id).toBe(school.staff.amira)
    expect((await listFeedTokens(school.ctx, school.schoolId)).map((t) => t.id)).toEqual([fresh.id])
  })

  it('revoked by the person (or a manager for them) answer like tokens that never existed', async () => {
    const issued = await issueFeedToken(school.ctx, amira())
    expect(await revokeFeedToken(school.ctx, amira())).toBe(true)
    expect(await findFeedToken(school.ctx, issued.token)).toBeUndefined()
    expect(await hasLiveFeed(school.ctx, amira())).toBe(false)
    expect(await revokeFeedToken(school.ctx, amira())).toBe(false)
  })

  it('a manager revokes any feed of their school by id, and not one of another school', async () => {
    const issued = await issueFeedToken(school.ctx, amira())
    expect(await revokeFeedTokenById(school.ctx, 'sch_other', issued.id)).toBe(false)
    expect(await findFeedToken(school.ctx, issued.token)).toBeDefined()
    expect(await revokeFeedTokenById(school.ctx, school.schoolId, issued.id)).toBe(true)
    expect(await findFeedToken(school.ctx, issued.token)).toBeUndefined()
  })

  it("a manager's school feed stops when they no longer manage the school", async () => {
    const issued = await issueFeedToken(school.ctx, schoolFeed())
    expect(await findFeedToken(school.ctx, issued.token)).toBeDefined()
    await school.store.db.deleteFrom('memberships').where('id', '=', 'mem_manager').execute()
    expect(await findFeedToken(school.ctx, issued.token)).toBeUndefined()
  })

  it('each issue and revoke is in the audit log, without the token', async () => {
    const issued = await issueFeedToken(school.ctx, amira())
    await revokeFeedToken(school.ctx, amira())
    const audit = school.store.sqlite.prepare("SELECT action, entity_id, after FROM audit_log WHERE entity = 'feed_token' ORDER BY at, action").all() as {
      action: string
      entity_id: string
      after: string | null
    }[]
    expect(audit.map((a) => [a.action, a.entity_id])).toEqual([
      ['create', issued.id],
      ['delete', issued.id],
    ])
    expect(JSON.stringify(audit)).not.toContain(issued.token)
  })

  it('refuse malformed tokens before touching the database', async () => {
    for (const bad of ['', 'short', 'x'.repeat(44), `${'a'.repeat(42)}!`]) expect(await findFeedToken(school.ctx, bad)).toBeUndefined()
  })
})
