// The price of a week's gaps over HTTP: the priced options of each empty seat, one applied
// (the change made and the week re-planned), and the cover cost ledger counting what it paid.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { freshApi, pathsOf, withSchool, type TestApi } from '../support/api.js'
import { gapWeek } from '../support/gap-week.js'
import { WEEK } from '../support/week.js'

let api: TestApi
let base: string
beforeEach(async () => {
  api = await freshApi()
  base = (await withSchool(api)).base
  expect((await api.json('POST', `${base}/import`, gapWeek())).status).toBe(200)
  const grades = (await api.json('GET', `${base}/grades`)).body.items as { id: string; code: string; name: string; dutyKinds: string[] }[]
  const ta = grades.find((g) => g.code === 'TA')
  expect((await api.json('PUT', `${base}/grades/${ta?.id}`, { code: 'TA', name: ta?.name, dutyKinds: ta?.dutyKinds, hourlyRate: 13.69 })).status).toBe(200)
})
afterEach(() => api.close())

const gaps = `/weeks/${WEEK}/gaps`
const optionsOf = async () =>
  (await api.json('GET', `${base}${gaps}`)).body.seats as {
    seat: { duty: string }
    options: { text: string; cost: { pence: number | null; text: string } }[]
  }[]
const textsFor = (seats: Awaited<ReturnType<typeof optionsOf>>, duty: string) =>
  seats.find((s) => s.seat.duty === duty)?.options.map((o) => `${o.text} = ${o.cost.text}`)

describe('the price of a week’s gaps', () => {
  it('names each way to fill a seat in words, with what it costs, cheapest first', async () => {
    const seats = await optionsOf()
    expect(textsFor(seats, 'yard')).toEqual([
      'ask Nia Khan to do a second duty this week (over their cap of 1) = no extra pay: directed time, over their weekly limit',
    ])
    expect(textsFor(seats, 'pe')).toEqual([
      'pay Eve Evans 0.5 additional hours (0 of 1.5 used) = £6.85',
      'pay Ben Jones 2 additional hours (none in their contract) = £27.38',
    ])
    expect(textsFor(seats, 'call')).toEqual(['allow Grade B to do on-call duties = no extra pay this week; holds for every week after'])
  })

  it('applies additional hours in one call: the re-plan fills the evening, and the ledger prices it once published', async () => {
    const fixed = await api.json('POST', `${base}${gaps}/fix`, { kind: 'additional-hours', staff: 'EE', hours: 0.5, duty: 'pe', date: WEEK })
    expect(fixed.status).toBe(201)
    expect(fixed.body.rota.assignments).toContainEqual({ staff: 'EE', duty: 'pe', date: WEEK })
    expect(fixed.body.rota.unfilled.map((u: { duty: string }) => u.duty)).not.toContain('pe')

    const before = await api.json('GET', `${base}/reports/cover-costs?date=${WEEK}`)
    expect(before.body.rows).toEqual([])
    expect((await api.json('POST', `${base}/weeks/${WEEK}/rota/publish`, undefined, { 'if-match': `"${fixed.body.version}"` })).status).toBe(200)
    const after = await api.json('GET', `${base}/reports/cover-costs?date=${WEEK}`)
    expect(after.body.rows).toEqual([
      expect.objectContaining({ who: expect.objectContaining({ code: 'EE' }), kind: 'additional-hours', week: { hours: 0.5, pence: 685, unpriced: 0 } }),
    ])
    const csv = await api.request('GET', `${base}/reports/cover-costs?date=${WEEK}&format=csv`)
    expect(await csv.text()).toContain('EE,Eve Evans,additional-hours,0.5,6.85')
  })

  it('raises a cap for the week only: one duty over it fills the seat, and the person’s own limit is unchanged', async () => {
    const fixed = await api.json('POST', `${base}${gaps}/fix`, { kind: 'extra-duty', staff: 'NK', cap: 1, duty: 'yard', date: WEEK, slot: 'break' })
    expect(fixed.status).toBe(201)
    expect(fixed.body.rota.assignments.filter((a: { staff: string }) => a.staff === 'NK')).toHaveLength(2)
    const nia = ((await api.json('GET', `${base}/staff`)).body.items as { code: string; maxDutiesPerWeek: number }[]).find((s) => s.code === 'NK')
    expect(nia?.maxDutiesPerWeek).toBe(1)
  })

  it('refuses the same cap raised twice from one list of options, saying the limit moved', async () => {
    const fix = { kind: 'extra-duty', staff: 'NK', cap: 1, duty: 'yard', date: WEEK, slot: 'break' }
    expect((await api.json('POST', `${base}${gaps}/fix`, fix)).status).toBe(201)
    const again = await api.json('POST', `${base}${gaps}/fix`, fix)
    expect(again.status).toBe(409)
    expect(again.body.detail).toBe("Nia Khan's limit this week is 2 now, not 1; look at the options again")
  })

  it('extends a grade’s duties: Grade B may do on-call from now on, and the seat is filled', async () => {
    const fixed = await api.json('POST', `${base}${gaps}/fix`, { kind: 'grade-kind', grade: 'GB', dutyKind: 'oncall', duty: 'call', date: WEEK, slot: 'late' })
    expect(fixed.status).toBe(201)
    expect(fixed.body.rota.assignments).toContainEqual({ staff: 'BB', duty: 'call', date: WEEK, slot: 'late' })
    const grades = (await api.json('GET', `${base}/grades`)).body.items as { code: string; dutyKinds: string[] }[]
    expect(grades.find((g) => g.code === 'GB')?.dutyKinds).toEqual(['break', 'oncall'])
  })

  it('refuses bad input by field, never a 500', async () => {
    const bad = await api.json('POST', `${base}${gaps}/fix`, { kind: 'additional-hours', staff: 'EE', hours: -1, duty: 'pe', date: 'soon' })
    expect(bad.status).toBe(400)
    expect(pathsOf(bad.body)).toEqual(['date', 'hours'])
    const nobody = await api.json('POST', `${base}${gaps}/fix`, { kind: 'additional-hours', staff: 'ZZ', hours: 1, duty: 'pe', date: WEEK })
    expect(nobody.status).toBe(404)
  })
})
