// "Today" for a school is the date where the school is, whatever zone the server runs in.
import { afterEach, describe, expect, it } from 'vitest'
import { todayAtSchool } from '../../src/platform/school-today.js'
import { fixedClock, freshStore, insertOrganisation, insertSchool, type TestStore } from '../support/kit.js'

const open: TestStore[] = []
afterEach(async () => {
  for (const store of open.splice(0)) await store.close()
})

async function schoolIn(timezone: string) {
  const store = freshStore()
  open.push(store)
  await insertOrganisation(store, 'o')
  await insertSchool(store, { id: 's', organisationId: 'o', name: 'Oak', timezone })
  return store
}

const at = (instant: string) => fixedClock(instant)

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
