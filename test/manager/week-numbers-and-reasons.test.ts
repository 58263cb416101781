// What a new manager noticed on the week page, each checked as they would see it: the number
// on the Publish button is the publication the page then shows; a duty post added after a
// publish makes the page say the week needs generating again and its seats are not counted as
// filled; unfilled seats are told in names, grouped by cause, each cause with a next step.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PageContext, PageResult } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, addTermDates, importStaff } from '../../src/manager/setup-pages.js'
import { generateWeek, publishTheWeek, weekPage } from '../../src/manager/week-pages.js'
import { freshStore, type TestStore } from '../support/kit.js'
import { managerSchool } from '../support/manager-school.js'

let store: TestStore
let pc: PageContext
const MONDAY = '2026-11-23'
const STAFF_CODES = ['s001', 's002', 's003', 's004']

beforeAll(async () => {
  store = freshStore()
  pc = await managerSchool(store)
  await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' })
  await addSlot(pc, { code: 'lunch', kind: 'lunch', start: '12:10', end: '12:40' })
  await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18')
  await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event', 'oncall'] })
  await addGrade(pc, { code: 'G2', name: 'Grade 2', dutyKinds: ['break', 'lunch'] })
  const csv = [
    'Code,Name,Grade,Hours,Pattern,Skills',
    's001,Nia Khan,G4,36.67,Mon-Fri 08:00-15:50,',
    's002,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50,',
    's003,Amira Begum,G2,30,Mon-Fri 08:30-15:00,team-teach',
    's004,Dee Evans,G2,25,Mon-Fri 08:30-15:00,team-teach',
  ].join('\n')
  await importStaff(pc, { text: csv })
  await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })
  // Only grade 2 holds Team Teach, and grade 2 may not do on-call: every seat stays empty.
  await addDutyPost(pc, {
    code: 'oncall',
    name: 'On-call',
    kind: 'oncall',
    slots: 'lunch',
    days: ['mon', 'tue', 'wed', 'thu', 'fri'],
    peopleNeeded: '1',
    skillSeats: 'team-teach:1',
  })
})

afterAll(async () => {
  await store.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')
const page = async () => htmlOf(await weekPage(pc, MONDAY))
/** The version the publish form carries (hidden: it is the ETag, not a number for the manager). */
const publishVersion = (html: string) => /\/publish"[^>]*>(?:<input[^>]*>)*?<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1]
const generateVersion = (html: string) => /\/generate"[^>]*>(?:<input[^>]*>)*?<input type="hidden" name="version" value="(\d+)"/.exec(html)?.[1] ?? '0'
const reasons = (html: string) => /<section aria-labelledby="why-unfilled">[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''

describe('the week page, as a manager reads it', () => {
  it('publishes the number the Publish button says, first time and after a re-generate', async () => {
    for (const n of [1, 2]) {
      await generateWeek(pc, MONDAY, { version: generateVersion(await page()) })
      const draft = await page()
      const said = /Publish as publication (\d+)/.exec(draft)?.[1]
      expect(said).toBe(String(n))
      expect(await publishTheWeek(pc, MONDAY, { version: publishVersion(draft) ?? '' })).toMatchObject({ kind: 'redirect' })
      expect(await page()).toMatch(new RegExp(`<dt>Published</dt><dd>Publication ${said},`))
    }
  })

  it('tells unfilled seats in names, grouped, and never by a staff code', async () => {
    const html = reasons(await page())
    expect(html).toContain('5 on-call seats on Mon-Fri (On-call):')
    expect(html).toContain(
      'nobody working then whose grade allows on-call holds Team Teach; 2 people could if their grade allowed on-call (Amira Begum, Dee Evans)',
    )
    expect(html.match(/<strong>/g)).toHaveLength(1) // one group, not the same sentence five times
    for (const code of [...STAFF_CODES, 'team-teach', 'oncall']) expect(html).not.toContain(code)
  })

  it('gives each group of unfilled seats a link to the page that puts it right', async () => {
    const groups = reasons(await page())
      .split('<li><strong>')
      .slice(1)
    expect(groups.length).toBeGreaterThan(0)
    for (const g of groups) expect(g).toMatch(/<a href="\/manage\/[^"]+\/setup\/(grades|staff)">[^<]+<\/a>/)
    expect(groups[0]).toContain('Allow on-call duties for a grade on the Grades page')
  })

  it('says a duty post added after the publish needs the week generating again, and does not count its seats as filled', async () => {
    const before = await page()
    expect(before).not.toContain('generate the week again')
    const filledBefore = /(\d+) of (\d+) seats filled/.exec(before)
    await addDutyPost(pc, { code: 'library', name: 'Library', kind: 'lunch', slots: 'lunch', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' })
    const after = await page()
    expect(after).toContain('The setup changed after this rota was made: generate the week again')
    expect(after).toContain('Duty post &#39;Library&#39; added after this rota was made.')
    expect(after).toMatch(/<button type="submit" class="primary">Generate again<\/button>/)
    // One way to generate again, not a second button doing the same right below the notice.
    expect(after).not.toContain('Re-generate the week')
    // Five new seats: needed goes up by five, filled stays where it was.
    expect(after).toContain(`${filledBefore?.[1]} of ${Number(filledBefore?.[2]) + 5} seats filled.`)
    expect(after).toContain('5 not planned')
    expect(after).toContain('Not planned: 1')
  })
})
