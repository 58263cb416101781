// A school far from London plans by its own calendar: "this week" and "today" on the manager's
// pages come from the school's time zone, not the server's or London's.
import { afterEach, describe, expect, it } from 'vitest'
import { absencesPage } from '../../src/manager/other-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { thisWeek } from '../../src/manager/week-pages.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

// Friday 27 November 2026, 20:00 in London, is already Saturday 28 November, 09:00 in Auckland.
const FRIDAY_EVENING_IN_LONDON = '2026-11-27T20:00:00Z'

let store: TestStore | undefined
afterEach(async () => {
  await store?.close()
})

async function schoolIn(timezone: string): Promise<PageContext> {
  store = freshStore()
  const ctx = writeContext(store, 'user:test', FRIDAY_EVENING_IN_LONDON)
  const org = await createOrganisation(ctx, { name: 'Kauri Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Kauri School', timezone, fullTimeHours: 37 })
  return { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
}

describe('a school in another time zone', () => {
  it('opens "this week" on the coming week once the weekend has begun where the school is', async () => {
    const result = await thisWeek(await schoolIn('Pacific/Auckland'))
    expect(result).toMatchObject({ kind: 'redirect', to: expect.stringMatching(/\/week\/2026-11-30$/) })
  })

  it("suggests the school's own today as the first day of a new absence", async () => {
    const result = await absencesPage(await schoolIn('Pacific/Auckland'))
    expect(result.kind === 'html' ? result.html : '').toMatch(/name="startDate"[^>]*value="2026-11-28"|value="2026-11-28"[^>]*name="startDate"/)
  })

  it('in London on the same Friday evening still opens the week under way', async () => {
    const result = await thisWeek(await schoolIn('Europe/London'))
    expect(result).toMatchObject({ kind: 'redirect', to: expect.stringMatching(/\/week\/2026-11-23$/) })
  })
})
