// Through the week's own publish (generate, publish, an absence, the re-plan published): the
// people the week page lists as still to see a change are exactly the people whose change
// message asks them to press Seen, so the office never chases someone the message left alone.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { weekReceipts } from '../../src/notifications/receipts.js'
import { createAbsence } from '../../src/week/absences.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { handClock, writeContext } from '../support/kit.js'
import { example, rows, SCHOOL, WEEK, worldFrom, type World, sickOnTuesday } from '../support/week.js'

let w: World

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  w.ctx = writeContext(w.store, 'user:manager', handClock('2026-11-20T10:00:00Z'))
  w.store.sqlite.prepare("UPDATE staff SET email = code || '@elm.example' WHERE school_id = ?").run(SCHOOL)
})
afterEach(() => w.close())

async function generateAndPublish(): Promise<void> {
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
}

it('a re-plan asks for a Seen from exactly the people its messages ask', async () => {
  await generateAndPublish()
  expect(await weekReceipts(w.store, SCHOOL, WEEK)).toBeUndefined()
  await createAbsence(w.ctx, SCHOOL, sickOnTuesday('s001'))
  await generateAndPublish()

  const receipts = await weekReceipts(w.store, SCHOOL, WEEK)
  const asked = [...new Set(receipts?.duties.flatMap((d) => d.notYet))].sort()
  const messaged = rows<{ name: string }>(
    w.store,
    "SELECT DISTINCT s.name FROM outbox o JOIN staff s ON s.id = o.staff_id WHERE o.subject LIKE 'Your duties changed%' AND o.body LIKE '%press Seen%' ORDER BY s.name",
  ).map((r) => r.name)
  expect(asked.length).toBeGreaterThan(0)
  expect(asked).toEqual(messaged)
})
