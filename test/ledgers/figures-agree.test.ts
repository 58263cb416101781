// One definition per figure: what a member of staff reads on their phone is what their manager
// reads in the fairness report and what the CSV download carries, for every person of every
// example week, starting balances included.
import { afterEach, describe, expect, it } from 'vitest'
import { fairnessReport, fairnessTable } from '../../src/ledgers/fairness.js'
import { loadMe } from '../../src/me/me.js'
import { renderMePage } from '../../src/me/me-page.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { contextFor, example, SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const EXAMPLES = ['primary.json', 'secondary.json', 'residential.json', 'large-secondary.json']
/** Wednesday of the published week, mid-morning: the phone shows that week. */
const WEDNESDAY = '2026-11-25T10:00:00Z'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function publishedWeekOf(name: string, terms: boolean): Promise<World> {
  const w = await worldFrom(example(name))
  open.push(w)
  if (terms) {
    w.store.sqlite
      .prepare('INSERT INTO calendar_periods (id, school_id, kind, name, start_date, end_date) VALUES (?, ?, ?, ?, ?, ?)')
      .run('cp_autumn', SCHOOL, 'term', 'Autumn', '2026-09-02', '2026-12-18')
  }
  const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
  await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
  return w
}

describe.each(EXAMPLES)('the figures of %s', (name) => {
  it.each([true, false])('agree on the phone, in the report and in the CSV for every person (term dates recorded: %s)', async (terms) => {
    const w = await publishedWeekOf(name, terms)
    const report = await fairnessReport(w.store, SCHOOL, WEEK)
    const [header, ...lines] = fairnessTable(report)
    const column = (line: string[], heading: string) => Number(line[header?.indexOf(heading) ?? -1])
    const phone = contextFor(w.store, 'phone', WEDNESDAY)
    for (const row of report.staff) {
      const view = await loadMe(phone, SCHOOL, row.staffId)
      const line = lines.find((l) => l[0] === row.staff)
      if (!view || !line) throw new Error(`${row.staff} is missing from the phone page or the CSV`)
      const period = terms ? 'term' : 'year'
      const figures = view.figures
      expect([figures.mine.week, figures.mine.period, figures.mine.carried, figures.fairShare], row.staff).toEqual([
        row.week.total,
        (row.term ?? row.year).total,
        (row.term ?? row.year).carried,
        row.fairShare,
      ])
      expect([column(line, 'week_total'), column(line, `${period}_total`), column(line, 'carried_in'), column(line, 'fair_share')], row.staff).toEqual([
        row.week.total,
        (row.term ?? row.year).total,
        (row.term ?? row.year).carried,
        row.fairShare,
      ])
      expect(String(await renderMePage(view, { hasFeed: false })), row.staff).toContain(`Your fair share: ${row.fairShare}.`)
    }
  })
})

describe('a starting balance', () => {
  it('counts in the term and the school year alike, and is shown as carried in', async () => {
    const w = await publishedWeekOf('primary.json', true)
    const report = await fairnessReport(w.store, SCHOOL, WEEK)
    // primary.json says s001 had done 12 duties this term before the week
    const s001 = report.staff.find((r) => r.staff === 's001')
    expect(s001?.term).toMatchObject({ carried: 12, total: 12 + (s001?.week.total ?? 0) })
    expect(s001?.year).toMatchObject({ carried: 12, total: s001?.term?.total })
    const view = await loadMe(contextFor(w.store, 'phone', WEDNESDAY), SCHOOL, s001?.staffId ?? '')
    expect(String(await renderMePage(view!, { hasFeed: false }))).toContain('(12 carried in from before Duty Rota)')
  })
})
