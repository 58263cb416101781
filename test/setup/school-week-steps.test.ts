import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createCalendarPeriod } from '../../src/setup/calendar.js'
import { schoolWeekNeighbours } from '../../src/setup/school-days.js'
import { freshStore, insertOrganisation, insertSchool, writeContext, type TestStore } from '../support/kit.js'

let store: TestStore
beforeEach(async () => {
  store = freshStore()
  await insertOrganisation(store, 'org_1')
  await insertSchool(store, { id: 'sch_1', organisationId: 'org_1' })
})
afterEach(() => store.close())

const terms = async () => {
  const ctx = writeContext(store)
  await createCalendarPeriod(ctx, 'sch_1', { kind: 'term', name: 'Autumn term 2026', startDate: '2026-09-02', endDate: '2026-12-18' })
  await createCalendarPeriod(ctx, 'sch_1', { kind: 'half_term', name: 'October half term 2026', startDate: '2026-10-26', endDate: '2026-10-30' })
  await createCalendarPeriod(ctx, 'sch_1', { kind: 'term', name: 'Spring term 2027', startDate: '2027-01-05', endDate: '2027-03-26' })
}

describe('paging from one school week to the next', () => {
  it('steps over the half term and names it', async () => {
    await terms()
    expect((await schoolWeekNeighbours(store, 'sch_1', '2026-10-19')).next).toEqual({ monday: '2026-11-02', skipped: ['October half term 2026'] })
    expect((await schoolWeekNeighbours(store, 'sch_1', '2026-11-02')).previous).toEqual({ monday: '2026-10-19', skipped: ['October half term 2026'] })
  })

  it('steps over the Christmas holiday into the first week of the spring term', async () => {
    await terms()
    expect((await schoolWeekNeighbours(store, 'sch_1', '2026-12-14')).next).toEqual({ monday: '2027-01-04', skipped: ['Christmas holiday'] })
  })

  it('is the plain week either side inside a term', async () => {
    await terms()
    expect(await schoolWeekNeighbours(store, 'sch_1', '2026-11-09')).toEqual({
      previous: { monday: '2026-11-02', skipped: [] },
      next: { monday: '2026-11-16', skipped: [] },
    })
  })

  it('is the plain week either side before any term dates are typed', async () => {
    expect((await schoolWeekNeighbours(store, 'sch_1', '2026-10-19')).next).toEqual({ monday: '2026-10-26', skipped: [] })
  })
})
