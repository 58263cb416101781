// The staff phone page's content: what a member of staff reads between lessons.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadMe, type MeView } from '../../src/me/me.js'
import { renderMePage } from '../../src/me/me-page.js'
import { addCover, addEvent, addSickness, makeSchool, publish, type School } from '../support/calendar.js'

let school: School
beforeEach(async () => {
  // Tuesday 24 November 2026, 07:45 in London: before school.
  school = await makeSchool('2026-11-24T07:45:00Z')
})
afterEach(() => school.close())

const WEEK = '2026-11-23'

async function amira(): Promise<MeView> {
  const view = await loadMe(school.ctx, school.schoolId, school.staff.amira)
  if (!view) throw new Error('Amira is in the school')
  return view
}

async function page(): Promise<string> {
  return renderMePage(await amira(), { hasFeed: false })
}

describe("the staff member's week", () => {
  it("shows today's duties with what, where, when and with whom", async () => {
    await publish(school, WEEK, [
      ['stf_amira', 'yard', '2026-11-24', 'break'],
      ['stf_ben', 'yard', '2026-11-24', 'break'],
      ['stf_amira', 'gate', '2026-11-24', 'gate'],
      ['stf_amira', 'gate', '2026-11-26', 'gate'],
    ])
    const view = await amira()
    expect(view.today).toBe('2026-11-24')
    expect(view.todays.map((d) => [d.start, d.end, d.what, d.where, d.colleagues])).toEqual([
      ['08:30', '08:45', 'Duty', 'Front gate', []],
      ['10:50', '11:10', 'Break duty', 'Yard, by the climbing frame', ['Ben Ortiz']],
    ])
    expect(view.week.days.map((d) => [d.date, d.duties.length])).toEqual([
      ['2026-11-23', 0],
      ['2026-11-24', 2],
      ['2026-11-25', 0],
      ['2026-11-26', 1],
      ['2026-11-27', 0],
    ])
    const html = await page()
    expect(html).toContain('Today, Tuesday 24 November')
    expect(html).toContain('Where: Yard, by the climbing frame')
    expect(html).toContain('With Ben Ortiz')
    expect(html).toContain('Thursday 26 November')
  })

  it('marks nothing as changed on the first publish of a week', async () => {
    await publish(school, WEEK, [['stf_amira', 'gate', '2026-11-24', 'gate']])
    const view = await amira()
    expect(view.changes).toBeNull()
    expect(view.todays[0]?.change).toBeNull()
    expect(await page()).not.toContain('Changed since the last rota')
  })

  it('highlights what the latest re-plan changed, added and took away', async () => {
    await publish(school, WEEK, [
      ['stf_amira', 'yard', '2026-11-24', 'break'],
      ['stf_ben', 'yard', '2026-11-24', 'break'],
      ['stf_amira', 'gate', '2026-11-25', 'gate'],
      ['stf_amira', 'gate', '2026-11-26', 'gate'],
    ])
    school.clock.advanceSeconds(30 * 60)
    await publish(school, WEEK, [
      ['stf_amira', 'yard', '2026-11-24', 'break'],
      ['stf_cara', 'yard', '2026-11-24', 'break'],
      ['stf_amira', 'gate', '2026-11-26', 'gate'],
      ['stf_amira', 'gate', '2026-11-27', 'gate'],
    ])
    const view = await amira()
    expect(view.changes).toMatchObject({ date: '2026-11-24', time: '08:15', added: 1, updated: 1 })
    expect(view.changes?.removed.map((d) => d.date)).toEqual(['2026-11-25'])
    const marks = view.week.days.flatMap((d) => d.duties.map((x) => [x.date, x.change]))
    expect(marks).toEqual([
      ['2026-11-24', 'updated'],
      ['2026-11-26', null],
      ['2026-11-27', 'added'],
    ])
    const html = await page()
    expect(html).toContain('Changed since the last rota')
    expect(html).toContain('For you: 1 new duty, 1 changed duty, 1 duty taken off.')
    expect(html).toContain('<span class="tag">Changed</span>')
    expect(html).toContain('<span class="tag">New</span>')
    expect(html).toContain('Wed 25 Nov, 08:30 to 08:45: Duty, Front gate')
  })

  it('at the weekend shows the coming week', async () => {
    school.clock.advanceSeconds(4 * 24 * 3600) // Saturday 28 November
    await publish(school, '2026-11-30', [['stf_amira', 'gate', '2026-11-30', 'gate']])
    const view = await amira()
    expect(view.week).toMatchObject({ monday: '2026-11-30', next: true })
    expect(view.week.days[0]?.duties).toHaveLength(1)
    expect(await page()).toContain('Next week')
  })

  it('on Friday shows next week once it is published, under Later weeks', async () => {
    school.clock.advanceSeconds(3 * 24 * 3600) // Friday 27 November, 07:45
    await publish(school, WEEK, [['stf_amira', 'gate', '2026-11-27', 'gate']])
    await publish(school, '2026-11-30', [
      ['stf_amira', 'gate', '2026-11-30', 'gate'],
      ['stf_amira', 'yard', '2026-12-02', 'break'],
    ])
    const view = await amira()
    expect(view.week).toMatchObject({ monday: WEEK, next: false })
    expect(view.later.map((w) => [w.monday, w.days.map((d) => d.date)])).toEqual([['2026-11-30', ['2026-11-30', '2026-12-02']]])
    const html = await page()
    expect(html).toContain('Later weeks')
    expect(html).toContain('Week of Monday 30 November')
    expect(html).toContain('Wednesday 2 December')
  })

  it('lists no later weeks when only this week is published', async () => {
    await publish(school, WEEK, [['stf_amira', 'gate', '2026-11-24', 'gate']])
    expect((await amira()).later).toEqual([])
    expect(await page()).not.toContain('Later weeks')
  })

  it('says so when nothing is published yet', async () => {
    const view = await amira()
    expect(view.published).toBe(false)
    expect(await page()).toContain('No rota is published for this week yet.')
  })

  it('never shows why a colleague is away', async () => {
    await addSickness(school, 'stf_ben', '2026-11-24')
    await addCover(school, 'c1', '2026-11-24', '3B Maths, room M4', 'stf_ben')
    await publish(school, WEEK, [['stf_amira', 'c1', '2026-11-24', 'p1']])
    const html = await page()
    expect(html).toContain('Where: 3B Maths, room M4')
    expect(html).not.toMatch(/sick|flu|doctor|medical|absen/i)
  })
})

describe('figures', () => {
  it("puts the person's duties beside the school average, per full-time post too", async () => {
    // Amira full time, Ben half time, Cara full time: this week 2, 1 and 0 duties.
    await publish(school, WEEK, [
      ['stf_amira', 'gate', '2026-11-23', 'gate'],
      ['stf_amira', 'gate', '2026-11-24', 'gate'],
      ['stf_ben', 'gate', '2026-11-25', 'gate'],
    ])
    const { figures } = await amira()
    expect(figures.mine).toEqual({ week: 2, period: 2, carried: 0, perFte: 2 })
    expect(figures.average).toEqual({ week: 1, period: 1, carried: 0, perFte: 1.3 }) // (2 + 2 + 0) / 3
    // 3 duties shared by FTE 1 : 0.5 : 1
    expect(figures.fairShare).toBe(1.2)
    const html = await page()
    expect(html).toContain('<dt>This week</dt><dd>You: <strong>2</strong>. School average: 1.</dd>')
  })

  it('shows the additional hours left after published events', async () => {
    await addEvent(school, 'parents', '2026-11-25', "Parents' evening", '16:00', '19:30')
    await publish(school, WEEK, [['stf_amira', 'parents', '2026-11-25', null]])
    const { figures } = await amira()
    expect(figures.hours).toEqual({ allowance: 30, used: 3.5, remaining: 26.5 })
    expect(await page()).toContain('26.5 hours left')
    const ben = await loadMe(school.ctx, school.schoolId, school.staff.ben)
    expect(ben?.figures.hours).toBeNull()
  })
})

describe('the page', () => {
  it('stays far under 50 KB for a busy week', async () => {
    const rows: [string, string, string, string][] = []
    for (const date of ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27']) {
      rows.push(['stf_amira', 'gate', date, 'gate'], ['stf_amira', 'yard', date, 'break'], ['stf_ben', 'yard', date, 'break'], ['stf_cara', 'gate', date, 'p1'])
    }
    await publish(school, WEEK, rows)
    const html = await renderMePage(await amira(), {
      hasFeed: true,
      issued: { https: 'https://x/feeds/t.ics', webcal: 'webcal://x/feeds/t.ics', google: 'https://calendar.google.com/calendar/render?cid=x' },
    })
    expect(new TextEncoder().encode(html).length).toBeLessThan(50 * 1024)
  })

  it('shows the Duty Rota icon in the browser tab', async () => {
    expect(await page()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml"/>')
  })

  it('escapes names so that a name cannot inject markup', async () => {
    await school.store.db.updateTable('staff').set({ name: '<script>alert(1)</script>' }).where('id', '=', 'stf_ben').execute()
    await publish(school, WEEK, [
      ['stf_amira', 'yard', '2026-11-24', 'break'],
      ['stf_ben', 'yard', '2026-11-24', 'break'],
    ])
    const html = await page()
    expect(html).not.toContain('<script>')
    expect(html).toContain('&lt;script&gt;')
  })

  it("takes today from the school's zone, not the server's (Workers run in UTC)", async () => {
    const summer = await makeSchool('2026-10-19T23:30:00Z') // 00:30 on Tuesday 20 October in London
    try {
      await publish(summer, '2026-10-19', [['stf_amira', 'gate', '2026-10-20', 'gate']])
      const view = await loadMe(summer.ctx, summer.schoolId, summer.staff.amira)
      expect(view?.today).toBe('2026-10-20')
      expect(view?.todays).toHaveLength(1)
    } finally {
      await summer.close()
    }
  })
})
