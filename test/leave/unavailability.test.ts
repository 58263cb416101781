// Times staff cannot do, marked on their phones: a manager's approval makes one a hard rule of
// every rota generated after it, and re-plans a published week that has them on duty then;
// before that the solver may still use the time. Preferences
// chosen on the phone are the solver's own avoid/prefer, honoured where nothing is worse for it.
import { afterEach, describe, expect, it } from 'vitest'
import type { Assignment, Scenario } from '../../solver/scenario.js'
import { checkRota } from '../../solver/check.js'
import { decideUnavailability, listUnavailability, markUnavailable, withdrawUnavailability } from '../../src/leave/unavailability.js'
import { savePreferences } from '../../src/leave/preferences.js'
import { exportScenario } from '../../src/scenario/export.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { diningWeek, rows, SCHOOL, staffIdOf, WEEK, worldFrom, type World } from '../support/week.js'

const TUESDAY = '2026-11-24'
const NOT_TUESDAY_LUNCH = { repeat: 'weekly', day: 'tue', slot: 'lunch1', note: 'I run the chess club' }

let w: World
afterEach(() => w.close())

async function draft() {
  return (await generateDraft(w.ctx, SCHOOL, WEEK)).rota
}
const annOnTuesdayLunch = (rota: { assignments: readonly Assignment[] }) =>
  rota.assignments.some((a) => a.staff === 'ann' && a.date === TUESDAY && a.slot === 'lunch1')

describe('"not Tuesday lunch", marked on the phone', () => {
  it('binds nothing while it waits: the solver still puts her on Tuesday lunch', async () => {
    w = await worldFrom(diningWeek())
    await markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), NOT_TUESDAY_LUNCH)
    expect(annOnTuesdayLunch(await draft())).toBe(true)
  })

  it('once a manager approves it, no generate puts her there, and the checker agrees', async () => {
    w = await worldFrom(diningWeek())
    const mark = await markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), NOT_TUESDAY_LUNCH)
    expect(mark).toMatchObject({ repeat: 'weekly', day: 'tue', start: '12:00', end: '12:30', status: 'requested' })
    await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve', `"${mark.version}"`)

    const rota = await draft()
    expect(annOnTuesdayLunch(rota)).toBe(false)
    expect(rota.unfilled).toContainEqual(expect.objectContaining({ duty: 'dining', date: TUESDAY, slot: 'lunch1' }))
    const scenario = await exportScenario(w.store, SCHOOL, WEEK)
    const asRota = { format: 'duty-rota/rota@1' as const, assignments: rota.assignments, unfilled: rota.unfilled }
    expect(checkRota(scenario, asRota)).toEqual([])
    // The independent checker would flag her there: it is an absence of that time in the week.
    const forced = { ...asRota, assignments: [...rota.assignments, { staff: 'ann', duty: 'dining', date: TUESDAY, slot: 'lunch1' }] }
    expect(checkRota(scenario, forced).map((p) => p.rule)).toContain(3)
  })

  it('approved while a published week has her on Tuesday lunch, re-plans that week at once without her there', async () => {
    w = await worldFrom(diningWeek())
    const made = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${made.version}"`)
    expect(annOnTuesdayLunch(made.rota)).toBe(true)
    const mark = await markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), NOT_TUESDAY_LUNCH)
    const { replans, replanFailures } = await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve')
    expect(replanFailures).toEqual([])
    expect(replans.map((d) => d.rota.week)).toEqual([WEEK])
    expect(annOnTuesdayLunch(replans[0]?.rota ?? { assignments: [] })).toBe(false)
    expect(replans[0]?.rota.stats.origin).toEqual({ kind: 'replan', unavailabilityId: mark.id })
  })

  it('approved for a time no published duty of hers falls in, re-plans nothing', async () => {
    w = await worldFrom(diningWeek())
    const made = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${made.version}"`)
    const mark = await markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), { repeat: 'once', date: TUESDAY, start: '09:00', end: '10:30' })
    expect(await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve')).toMatchObject({ replans: [], replanFailures: [] })
  })

  it('changes nothing when declined or withdrawn, and only she can withdraw it', async () => {
    w = await worldFrom(diningWeek())
    const ann = staffIdOf(w.store, 'ann')
    const first = await markUnavailable(w.ctx, SCHOOL, ann, NOT_TUESDAY_LUNCH)
    await decideUnavailability(w.ctx, SCHOOL, first.id, 'decline')
    const second = await markUnavailable(w.ctx, SCHOOL, ann, { repeat: 'once', date: TUESDAY })
    await expect(withdrawUnavailability(w.ctx, SCHOOL, staffIdOf(w.store, 'ben'), second.id)).rejects.toMatchObject({ problem: { status: 404 } })
    await withdrawUnavailability(w.ctx, SCHOOL, ann, second.id)
    expect((await listUnavailability(w.store, SCHOOL)).map((m) => m.status).sort()).toEqual(['declined', 'withdrawn'])
    expect(annOnTuesdayLunch(await draft())).toBe(true)
  })

  it('is answered once: a second answer, or one from a page read before a change, is refused', async () => {
    w = await worldFrom(diningWeek())
    const mark = await markUnavailable(w.ctx, SCHOOL, staffIdOf(w.store, 'ann'), NOT_TUESDAY_LUNCH)
    await expect(decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve', '"9"')).rejects.toMatchObject({ problem: { status: 412 } })
    await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve')
    await expect(decideUnavailability(w.ctx, SCHOOL, mark.id, 'decline')).rejects.toThrow(/already approved/)
  })

  it('a one-off part of a day, approved, keeps her free only at those times', async () => {
    w = await worldFrom(diningWeek())
    const ann = staffIdOf(w.store, 'ann')
    const approve = async (start: string, end: string) => {
      const mark = await markUnavailable(w.ctx, SCHOOL, ann, { repeat: 'once', date: TUESDAY, start, end })
      await decideUnavailability(w.ctx, SCHOOL, mark.id, 'approve')
    }
    await approve('09:00', '10:30')
    expect(annOnTuesdayLunch(await draft())).toBe(true)
    await approve('11:50', '12:10')
    expect(annOnTuesdayLunch(await draft())).toBe(false)
  })
})

describe('a mark with a bad field', () => {
  const refused = async (input: Record<string, unknown>, path: string) => {
    const ann = staffIdOf(w.store, 'ann')
    await expect(markUnavailable(w.ctx, SCHOOL, ann, input)).rejects.toMatchObject({ problem: { status: 400, errors: [expect.objectContaining({ path })] } })
  }

  it('is refused naming the field, and nothing is written', async () => {
    w = await worldFrom(diningWeek())
    await refused({ ...NOT_TUESDAY_LUNCH, slot: 'assembly' }, 'slot')
    await refused({ repeat: 'weekly', day: 'tue', start: '12:30', end: '12:00' }, 'end')
    await refused({ repeat: 'once', date: TUESDAY, start: '13:00', end: '12:00' }, 'end')
    await refused({ ...NOT_TUESDAY_LUNCH, staff: staffIdOf(w.store, 'ben') }, 'staff')
    await refused({ repeat: 'weekly', slot: 'lunch1' }, 'day')
    await refused({ repeat: 'once' }, 'date')
    await refused({ repeat: 'once', date: '2026-11-19' }, 'date')
    expect(rows(w.store, 'SELECT id FROM staff_unavailability')).toEqual([])
    expect(rows(w.store, "SELECT id FROM audit_log WHERE entity = 'unavailability'")).toEqual([])
  })
})

/** Two people, two posts at every break: either can take either, so only preference decides who. */
function twoPostWeek(): Scenario {
  const day = { start: '08:30', end: '15:30' }
  const pattern = { mon: day, tue: day, wed: day, thu: day, fri: day }
  const days = ['mon', 'tue', 'wed', 'thu', 'fri'] as const
  return {
    ...diningWeek(),
    staff: [
      { id: 'ann', name: 'Ann Lee', grade: 'TA', hoursPerWeek: 30, pattern },
      { id: 'ben', name: 'Ben Ode', grade: 'TA', hoursPerWeek: 30, pattern },
    ],
    duties: [
      { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: [...days], staff: 1 },
      { id: 'library', name: 'Library', kind: 'break', slots: ['break'], days: [...days], staff: 1 },
    ],
  }
}

describe('preferences chosen on the phone', () => {
  it('are honoured where nothing else is worse for it: Ann gets the library every day, Ben the yard', async () => {
    w = await worldFrom(twoPostWeek())
    const ann = staffIdOf(w.store, 'ann')
    const ben = staffIdOf(w.store, 'ben')
    const version = (id: string) => rows<{ version: number }>(w.store, 'SELECT version FROM staff WHERE id = ?', id)[0]?.version ?? -1
    await savePreferences(w.ctx, SCHOOL, ann, { prefer: ['library'], avoid: ['yard'], version: version(ann) })
    await savePreferences(w.ctx, SCHOOL, ben, { prefer: ['yard'], avoid: [], version: version(ben) })
    const rota = await draft()
    const postsOf = (staff: string) => [...new Set(rota.assignments.filter((a) => a.staff === staff).map((a) => a.duty))]
    expect(postsOf('ann')).toEqual(['library'])
    expect(postsOf('ben')).toEqual(['yard'])
  })

  it('naming a post the school does not have is refused naming the field, and nothing is written', async () => {
    w = await worldFrom(twoPostWeek())
    const ann = staffIdOf(w.store, 'ann')
    const before = rows(w.store, 'SELECT avoid, prefer, version FROM staff WHERE id = ?', ann)
    await expect(savePreferences(w.ctx, SCHOOL, ann, { prefer: ['yard', 'bus'], avoid: [], version: 1 })).rejects.toMatchObject({
      problem: { status: 400, errors: [expect.objectContaining({ path: 'prefer[1]' })] },
    })
    await expect(savePreferences(w.ctx, SCHOOL, ann, { prefer: [], avoid: [], staff: staffIdOf(w.store, 'ben'), version: 1 })).rejects.toMatchObject({
      problem: { errors: [expect.objectContaining({ path: 'staff' })] },
    })
    expect(rows(w.store, 'SELECT avoid, prefer, version FROM staff WHERE id = ?', ann)).toEqual(before)
  })
})
