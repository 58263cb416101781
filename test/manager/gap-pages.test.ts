// The gaps page and its buttons, through the page handlers: priced options as a form the page
// sends back whole, one pressed re-plans the week, and a tampered form is answered on the page.
import { afterEach, describe, expect, it } from 'vitest'
import { fixGap, gapsPage } from '../../src/manager/gap-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { formOf, htmlOf } from '../support/page-forms.js'
import { gapWeek } from '../support/gap-week.js'
import { SCHOOL, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function pages(): Promise<PageContext> {
  const w = await worldFrom(gapWeek())
  open.push(w)
  return { ctx: w.ctx, schoolId: SCHOOL, origin: 'http://localhost' }
}

describe('the gaps page', () => {
  it('sends back the option whose button was pressed, which re-plans the week and says so', async () => {
    const pc = await pages()
    const html = htmlOf(await gapsPage(pc, WEEK))
    expect(html).toContain('Ask Nia Khan to do a second duty this week (over their cap of 1)')
    const form = formOf(html.slice(html.indexOf('Ask Nia Khan')), 'Apply and re-plan')
    expect(form).toEqual({ kind: 'extra-duty', staff: 'NK', cap: '1', duty: 'yard', date: WEEK, slot: 'break' })
    expect(await fixGap(pc, WEEK, form)).toEqual({ kind: 'redirect', to: `/manage/${SCHOOL}/week/${WEEK}?done=gap-fixed` })
  })

  it('answers a form that was tampered with on the page, naming the field, with a 400', async () => {
    const pc = await pages()
    const answer = await fixGap(pc, WEEK, { kind: 'additional-hours', staff: 'EE', hours: '-1', duty: 'pe', date: WEEK })
    expect(answer).toMatchObject({ kind: 'html', status: 400 })
    expect(htmlOf(answer)).toContain('hours: must be more than 0')
  })

  it('says on the page when the option no longer holds, rather than asking for one more duty again', async () => {
    const pc = await pages()
    const form = { kind: 'extra-duty', staff: 'NK', cap: '1', duty: 'yard', date: WEEK, slot: 'break' }
    await fixGap(pc, WEEK, form)
    const again = await fixGap(pc, WEEK, form)
    expect(again).toMatchObject({ kind: 'html', status: 409 })
    expect(htmlOf(again)).toContain('limit this week is 2 now, not 1')
  })
})
