// Feeds are served from a stored copy between changes (src/calendar/read-views.ts): what a
// calendar app fetches after a re-publish or a rename is the new feed, never the stored one.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { lookupView, storeView } from '../../src/calendar/read-views.js'
import { parseFeed, phoneWorld, publish, type School } from '../support/calendar.js'

const ORIGIN = 'http://localhost'
const WEEK = '2026-11-23'

let school: School
let app: App
let feedPath: string

beforeEach(async () => {
  const world = await phoneWorld('2026-11-24T07:45:00Z', WEEK, [['stf_amira', 'gate', '2026-11-24', 'gate']])
  ;({ school, app } = world)
  const issued = await app.request(`/api/schools/${school.schoolId}/staff/${school.staff.amira}/feed`, {
    method: 'POST',
    headers: { cookie: world.manager, origin: ORIGIN },
  })
  feedPath = new URL(((await issued.json()) as { https: string }).https).pathname
})
afterEach(() => school.close())

const feed = async () => parseFeed(await (await app.request(feedPath)).text())

describe('the stored feed', () => {
  it('a feed after re-publish shows the new duties', async () => {
    expect((await feed()).events.map((e) => e.summary)).toEqual(['Duty: Front gate'])
    school.clock.advanceSeconds(60)
    await publish(school, WEEK, [
      ['stf_amira', 'gate', '2026-11-24', 'gate'],
      ['stf_amira', 'yard', '2026-11-25', 'break'],
    ])
    expect((await feed()).events.map((e) => e.summary)).toEqual(['Duty: Front gate', 'Break duty: Yard, by the climbing frame'])
  })

  it('renaming the person renames their calendar at once, with no publish', async () => {
    expect((await feed()).name).toBe('Duty Rota: Amira Patel')
    await school.store.db.updateTable('staff').set({ name: 'Amira Khan' }).where('id', '=', school.staff.amira).execute()
    expect((await feed()).name).toBe('Duty Rota: Amira Khan')
  })

  it('a copy made while a change lands is never served, even though it was stored after the change', async () => {
    const key = 'feed:probe'
    const slot = await lookupView(school.ctx, school.schoolId, key, '')
    if (!slot) throw new Error('the school has an epoch')
    // The change commits between reading the epoch and storing what was made before it.
    await school.store.db.updateTable('schools').set({ name: 'Elm Tree Academy' }).where('id', '=', school.schoolId).execute()
    await storeView(school.ctx, slot, { etag: '"old"', body: 'made before the rename', modified: null })
    expect((await lookupView(school.ctx, school.schoolId, key, ''))?.current).toBeUndefined()
  })

  it('a new draft of the week (a generate) leaves the stored copy current', async () => {
    const before = await app.request(feedPath)
    const slot = await lookupView(
      school.ctx,
      school.schoolId,
      `feed:${(await school.store.db.selectFrom('feed_tokens').select('id').executeTakeFirstOrThrow()).id}`,
      `${ORIGIN}/me`,
    )
    expect(slot?.current?.etag).toBe(before.headers.get('etag'))
    await school.store.db
      .insertInto('rotas')
      .values({
        id: 'rot_draft',
        school_id: school.schoolId,
        week: WEEK,
        version: 99,
        status: 'draft',
        created_at: school.clock.instant().toString(),
        published_at: null,
      })
      .execute()
    await school.store.db
      .insertInto('rota_assignments')
      .values({ id: 'ras_d', rota_id: 'rot_draft', staff_id: school.staff.ben, work_code: 'gate', date: '2026-11-24', slot_code: 'gate' })
      .execute()
    expect((await lookupView(school.ctx, school.schoolId, slot?.key ?? '', `${ORIGIN}/me`))?.current?.etag).toBe(before.headers.get('etag'))
  })
})
