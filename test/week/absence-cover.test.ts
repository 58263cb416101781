import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, WEEKDAY_PATTERN, withBasics, withSchool, type TestApi } from '../support/api.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  await withBasics(api, base)
  await api.json('POST', `${base}/slots`, { code: 'p2', kind: 'lesson', start: '09:50', end: '10:50' })
  const reading = { day: 'tue', start: '09:00', end: '10:00', label: '1:1 reading, pupil K', needsCover: true }
  const choir = { day: 'tue', start: '12:10', end: '12:40', label: 'Choir' }
  const made = await api.json('POST', `${base}/staff`, {
    code: 'T101',
    name: 'Sam Jones',
    grade: 'G4',
    hoursPerWeek: 32.5,
    pattern: WEEKDAY_PATTERN,
    commitments: [reading, choir],
  })
  expect(made.status).toBe(201)
})
afterEach(() => api.close())

type Cover = { id: string; code: string; date: string; slot: string; label: string | null; absenceId: string | null }
const coverOfWeek = async (): Promise<Cover[]> =>
  ((await api.json('GET', `${base}/cover-requests?from=2026-11-23&to=2026-11-29`)).body.items as Cover[]).sort((a, b) => a.slot.localeCompare(b.slot))

describe('an absence over a commitment that needs cover', () => {
  it('asks for cover in every slot the commitment and the absence share, and only there', async () => {
    const absence = await api.json('POST', `${base}/absences`, { staff: 'T101', startDate: '2026-11-24', reason: 'sickness' })
    expect(absence.status).toBe(201)
    const cover = await coverOfWeek()
    expect(cover.map((c) => [c.date, c.slot, c.label])).toEqual([
      ['2026-11-24', 'p1', '1:1 reading, pupil K: cover for Sam Jones'],
      ['2026-11-24', 'p2', '1:1 reading, pupil K: cover for Sam Jones'],
    ])
    expect(cover.every((c) => c.absenceId === absence.body.id)).toBe(true)
  })

  it('gives back the cover it no longer needs when the absence is shortened, keeping the rest as they were', async () => {
    const absence = await api.json('POST', `${base}/absences`, { staff: 'T101', startDate: '2026-11-24', reason: 'sickness' })
    const [p1] = await coverOfWeek()
    // Back at 09:50: only the first lesson of the reading session is missed.
    const shorter = await api.json('PUT', `${base}/absences/${absence.body.id}`, {
      staff: 'T101',
      startDate: '2026-11-24',
      startTime: '08:00',
      endTime: '09:50',
    })
    expect(shorter.status).toBe(200)
    const cover = await coverOfWeek()
    expect(cover.map((c) => c.slot)).toEqual(['p1'])
    expect(cover[0]?.id).toBe(p1?.id)
  })

  it('takes its own cover away with it when deleted, and leaves cover a manager made by hand', async () => {
    const absence = await api.json('POST', `${base}/absences`, { staff: 'T101', startDate: '2026-11-24', reason: 'sickness' })
    const byHand = await api.json('POST', `${base}/cover-requests`, {
      code: 'c1',
      date: '2026-11-24',
      slot: 'lunch1',
      label: 'Choir',
      absenceId: absence.body.id,
    })
    expect(byHand.status).toBe(201)
    expect((await api.request('DELETE', `${base}/absences/${absence.body.id}`)).status).toBe(204)
    expect((await coverOfWeek()).map((c) => c.code)).toEqual(['c1'])
  })

  it('asks for nothing on a day the commitment does not run or for one that needs no cover', async () => {
    await api.json('POST', `${base}/absences`, { staff: 'T101', startDate: '2026-11-23', reason: 'sickness' })
    await api.json('POST', `${base}/absences`, { staff: 'T101', startDate: '2026-11-24', startTime: '12:00', endTime: '13:00', reason: 'medical' })
    expect(await coverOfWeek()).toEqual([])
  })

  it('shows the mark on the staff record, so the manager can see and change it', async () => {
    const staff = await api.json('GET', `${base}/staff?limit=10`)
    const commitments = (staff.body.items[0] as { commitments: { label: string; needsCover: boolean }[] }).commitments
    expect(commitments.map((c) => [c.label, c.needsCover])).toEqual([
      ['1:1 reading, pupil K', true],
      ['Choir', false],
    ])
  })
})
