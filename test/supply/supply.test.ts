// Supply people work only the days booked for them, and never on a day their Single Central
// Record checks (DBS seen, agency confirmation, identity) do not cover: the week's scenario
// says so as an absence, so the solver and the independent checker keep it.
import { afterEach, describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { checkRota } from '../../solver/check.js'
import { exportScenario } from '../../src/scenario/export.js'
import { importScenario } from '../../src/scenario/import.js'
import { generateDraft } from '../../src/week/generate.js'
import { bookSupply } from '../../src/supply/bookings.js'
import { createSupplyPerson, listSupplyPeople, updateSupplyPerson, type SupplyPersonInput } from '../../src/supply/supply-people.js'
import { readSupplyPeople } from '../../src/supply/supply.js'
import { diningWeek, SCHOOL, statusOf, WEEK, worldFrom, type World } from '../support/week.js'

const TUESDAY = '2026-11-24'
const ALL_CHECKS = {
  dbs: { checkedOn: '2026-09-01', expiresOn: '2027-08-31' },
  agency_confirmation: { checkedOn: '2026-11-01', expiresOn: null },
  identity: { checkedOn: '2026-11-01', expiresOn: null },
}
const SAM: SupplyPersonInput = { code: 'sam', name: 'Sam Supply', grade: 'TA', agency: 'Acme Supply', ratePence: 14500, rateUnit: 'day', checks: ALL_CHECKS }

/** Ben alone, who does not work Tuesdays: Tuesday's dining hall has nobody. */
function noOneOnTuesday(): Scenario {
  const week = diningWeek()
  return { ...week, staff: week.staff.filter((s) => s.id === 'ben') }
}

let w: World
afterEach(() => w.close())

async function draft() {
  return (await generateDraft(w.ctx, SCHOOL, WEEK)).rota
}
const samOn = (rota: { assignments: readonly { staff: string; date: string }[] }, date: string) =>
  rota.assignments.some((a) => a.staff === 'sam' && a.date === date)

describe('a supply person', () => {
  it('works no day of a week they are not booked in', async () => {
    w = await worldFrom(noOneOnTuesday())
    await createSupplyPerson(w.ctx, SCHOOL, SAM)
    const rota = await draft()
    expect(rota.assignments.filter((a) => a.staff === 'sam')).toEqual([])
    expect(rota.unfilled).toContainEqual(expect.objectContaining({ duty: 'dining', date: TUESDAY }))
  })

  it('booked for the day nobody can fill, fills its seat in the re-planned draft', async () => {
    w = await worldFrom(noOneOnTuesday())
    const sam = await createSupplyPerson(w.ctx, SCHOOL, SAM)
    const booked = await bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: TUESDAY, start: '08:30', end: '15:30' })
    expect(booked.draft?.rota.assignments).toContainEqual(expect.objectContaining({ staff: 'sam', duty: 'dining', date: TUESDAY }))
    expect(booked.draft?.rota.assignments.filter((a) => a.staff === 'sam').map((a) => a.date)).toEqual([TUESDAY])
  })

  it('booked on a day their DBS has expired, is absent that day and never assigned, and the checker agrees', async () => {
    w = await worldFrom(noOneOnTuesday())
    const sam = await createSupplyPerson(w.ctx, SCHOOL, SAM)
    await bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: TUESDAY, start: '08:30', end: '15:30' })
    // The DBS is found to have lapsed the day before the booking.
    await updateSupplyPerson(
      w.ctx,
      SCHOOL,
      sam.id,
      { ...SAM, checks: { ...ALL_CHECKS, dbs: { checkedOn: '2026-09-01', expiresOn: '2026-11-23' } } },
      `"${sam.version}"`,
    )

    const scenario = await exportScenario(w.store, SCHOOL, WEEK)
    expect(scenario.absences).toContainEqual({ staff: 'sam', date: TUESDAY, reason: 'checks-missing' })
    const rota = await draft()
    expect(samOn(rota, TUESDAY)).toBe(false)
    const asRota = { format: 'duty-rota/rota@1' as const, assignments: rota.assignments, unfilled: rota.unfilled }
    const forced = { ...asRota, assignments: [...rota.assignments, { staff: 'sam', duty: 'dining', date: TUESDAY, slot: 'lunch1' }] }
    expect(checkRota(scenario, forced).map((p) => p.rule)).toContain(3)
  })

  it('says plainly why they cannot work today', async () => {
    w = await worldFrom(noOneOnTuesday())
    await createSupplyPerson(w.ctx, SCHOOL, { ...SAM, checks: { ...ALL_CHECKS, dbs: { checkedOn: '2025-09-01', expiresOn: '2026-11-19' } } })
    await createSupplyPerson(w.ctx, SCHOOL, { ...SAM, code: 'pat', name: 'Pat Agency', checks: { dbs: ALL_CHECKS.dbs } })
    const [pat, sam] = await listSupplyPeople(w.store, w.ctx.clock, SCHOOL)
    expect(sam).toMatchObject({ canWorkToday: false, cannotWork: 'DBS seen expired 2026-11-19' })
    expect(pat).toMatchObject({ canWorkToday: false, cannotWork: 'Agency confirmation missing; Identity checked missing' })
  })

  it('cannot be booked for a day their checks do not cover, nor twice on one day', async () => {
    w = await worldFrom(noOneOnTuesday())
    const sam = await createSupplyPerson(w.ctx, SCHOOL, { ...SAM, checks: { ...ALL_CHECKS, identity: { checkedOn: '2026-11-25', expiresOn: null } } })
    await expect(bookSupply(w.ctx, SCHOOL, { staff: 'sam', date: TUESDAY, start: '08:30', end: '15:30' })).rejects.toMatchObject({
      problem: { status: 400, errors: [{ path: 'staff', message: expect.stringContaining('Identity checked not until 2026-11-25') }] },
    })
    await bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: '2026-11-26', start: '08:30', end: '12:00' })
    await expect(bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: '2026-11-26', start: '13:00', end: '15:00' })).rejects.toMatchObject({
      problem: { errors: [{ path: 'date', message: expect.stringContaining('already booked') }] },
    })
  })

  it('edited from a page read before someone else saved, is refused and keeps their save', async () => {
    w = await worldFrom(noOneOnTuesday())
    const sam = await createSupplyPerson(w.ctx, SCHOOL, SAM)
    await updateSupplyPerson(w.ctx, SCHOOL, sam.id, { ...SAM, ratePence: 15000 }, `"${sam.version}"`)
    expect(await statusOf(updateSupplyPerson(w.ctx, SCHOOL, sam.id, { ...SAM, ratePence: 9000 }, `"${sam.version}"`))).toBe(412)
    expect((await readSupplyPeople(w.store.db, SCHOOL))[0]).toMatchObject({ ratePence: 15000, rateUnit: 'day', agency: 'Acme Supply' })
  })

  it('keeps no days of their own when the week they are booked in is exported and imported back, and the import changes nothing', async () => {
    w = await worldFrom(noOneOnTuesday())
    const sam = await createSupplyPerson(w.ctx, SCHOOL, SAM)
    await bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: TUESDAY, start: '08:30', end: '15:30' })
    await bookSupply(w.ctx, SCHOOL, { staff: sam.id, date: '2026-11-26', start: '08:30', end: '12:00' })
    await updateSupplyPerson(
      w.ctx,
      SCHOOL,
      sam.id,
      { ...SAM, checks: { ...ALL_CHECKS, identity: { checkedOn: '2026-11-25', expiresOn: null } } },
      `"${sam.version}"`,
    )
    const exported = await exportScenario(w.store, SCHOOL, WEEK)
    expect(exported.staff.find((s) => s.id === 'sam')).toMatchObject({
      pattern: { tue: { start: '08:30', end: '15:30' }, thu: { start: '08:30', end: '12:00' } },
      hoursPerWeek: 10.5,
    })

    const summary = await importScenario(w.store, SCHOOL, exported, w.ctx)
    expect(summary.changed).toBe(false)
    expect(await exportScenario(w.store, SCHOOL, WEEK)).toStrictEqual(exported)
    const next = await exportScenario(w.store, SCHOOL, '2026-11-30')
    expect(next.staff.find((s) => s.id === 'sam')?.pattern).toEqual({})
  })
})
