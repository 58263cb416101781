// Whatever a supply person's checks say and whichever days they are booked, the rota never gives
// them work on a day a check is missing, not yet made or expired, nor on a day they are not
// booked; and the independent checker in shared/tools, reading the week's scenario as exported,
// finds nothing wrong with the rota. The rule the test holds the plan to is written out here,
// from the brief, not borrowed from src/supply.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Scenario } from '../../solver/scenario.js'
import { checkRota } from '../../solver/check.js'
import { exportScenario } from '../../src/scenario/export.js'
import { generateDraft } from '../../src/week/generate.js'
import { createSupplyPerson, updateSupplyPerson, type SupplyPersonInput } from '../../src/supply/supply-people.js'
import { diningWeek, SCHOOL, WEEK, worldFrom } from '../support/week.js'

const checker = '/work/shared/tools/check-rota.mjs'
const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']
const KINDS = ['dbs', 'agency_confirmation', 'identity'] as const

interface Check {
  checkedOn: string
  expiresOn: string | null
}
type Checks = Partial<Record<(typeof KINDS)[number], Check>>

/** A check made before, during or after the week, expiring before, during or after it, or never; or none. */
const checkArb: fc.Arbitrary<Check | undefined> = fc.option(
  fc
    .record({ from: fc.integer({ min: -3, max: 5 }), length: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }) })
    .map(({ from, length }) => ({ checkedOn: dayFrom(from), expiresOn: length === null ? null : dayFrom(from + length) })),
  { nil: undefined, freq: 5 },
)

function dayFrom(offset: number): string {
  const d = new Date(Date.UTC(2026, 10, 23 + offset))
  return d.toISOString().slice(0, 10)
}

const personArb = fc.record({
  checks: fc.record({ dbs: checkArb, agency_confirmation: checkArb, identity: checkArb }),
  booked: fc.subarray(DATES, { minLength: 1 }),
  afternoonOnly: fc.boolean(),
})

/** The rule: every check there, made on or before the day, not expired by it. */
function mayWork(checks: Checks, date: string): boolean {
  return KINDS.every((k) => {
    const c = checks[k]
    return c !== undefined && c.checkedOn <= date && (c.expiresOn === null || c.expiresOn >= date)
  })
}

/** Ben alone, who does not work Tuesdays, and a yard duty each break as well as the dining hall. */
function thinWeek(): Scenario {
  const week = diningWeek()
  return {
    ...week,
    staff: week.staff.filter((s) => s.id === 'ben'),
    duties: [...week.duties, { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 2 }],
  }
}

const ALWAYS = { checkedOn: '2026-01-01', expiresOn: null }

describe('supply people and their checks, on random weeks', () => {
  it('a supply person is never given work on a day their checks do not cover or they are not booked', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'supply-property-'))
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(personArb, { minLength: 1, maxLength: 3 }), async (people) => {
          const w = await worldFrom(thinWeek())
          try {
            const checksOf = new Map<string, Checks>()
            for (const [i, p] of people.entries()) {
              const input: SupplyPersonInput = {
                code: `sup${i}`,
                name: `Supply ${i}`,
                grade: 'TA',
                agency: 'Acme',
                ratePence: 100,
                rateUnit: 'hour',
                checks: { dbs: ALWAYS, agency_confirmation: ALWAYS, identity: ALWAYS },
              }
              const made = await createSupplyPerson(w.ctx, SCHOOL, input)
              // Booked while the checks held; what the checks say now is the random part.
              for (const date of p.booked) {
                const times = p.afternoonOnly ? { start_time: '12:15', end_time: '15:30' } : { start_time: '08:30', end_time: '15:30' }
                await w.store.db
                  .insertInto('supply_bookings')
                  .values({
                    id: `spb_${i}_${date}`,
                    school_id: SCHOOL,
                    staff_id: made.id,
                    date,
                    ...times,
                    created_at: '2026-11-20T10:00:00Z',
                    created_by: null,
                  })
                  .execute()
              }
              const checks = Object.fromEntries(Object.entries(p.checks).filter(([, c]) => c !== undefined)) as Checks
              await updateSupplyPerson(w.ctx, SCHOOL, made.id, { ...input, checks }, `"${made.version}"`)
              checksOf.set(input.code, checks)
            }

            const { rota } = await generateDraft(w.ctx, SCHOOL, WEEK)
            for (const a of rota.assignments) {
              const checks = checksOf.get(a.staff)
              if (checks === undefined) continue
              const person = people[Number(a.staff.slice(3))]
              expect(person?.booked, `${a.staff} works ${a.date}, not booked`).toContain(a.date)
              expect(mayWork(checks, a.date), `${a.staff} works ${a.date} without valid checks`).toBe(true)
            }

            const scenario = await exportScenario(w.store, SCHOOL, WEEK)
            const asRota = { format: 'duty-rota/rota@1' as const, assignments: rota.assignments, unfilled: rota.unfilled }
            expect(checkRota(scenario, asRota)).toEqual([])
            if (existsSync(checker)) {
              const file = join(dir, 'scenario.json')
              writeFileSync(file, JSON.stringify(scenario))
              const out = execFileSync('node', [checker, file, '-'], { input: JSON.stringify(asRota) }).toString()
              expect(out.trim().split('\n').at(-1)).toBe('no problems')
            }
          } finally {
            await w.close()
          }
        }),
        { numRuns: 15 },
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }, 120_000)
})
