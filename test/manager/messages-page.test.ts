// Messages to staff: a manager sees who can be told about changes and why not, and how the
// latest messages went, failures with their reason.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { messagesPage } from '../../src/manager/messages-pages.js'
import type { PageContext } from '../../src/manager/page-kit.js'
import { deliverDue } from '../../src/notifications/outbox.js'
import { savePrefs } from '../../src/notifications/prefs.js'
import { generateDraft } from '../../src/week/generate.js'
import { publishWeek } from '../../src/week/publish.js'
import { example, SCHOOL, staffIdOf, WEEK, worldFrom, type World, htmlOf, pagesOf } from '../support/week.js'

let w: World
let pc: PageContext

beforeEach(async () => {
  w = await worldFrom(example('primary.json'))
  pc = pagesOf(w)
  w.store.sqlite.prepare("UPDATE staff SET email = code || '@elm.example' WHERE school_id = ? AND code IN ('s001', 's002')").run(SCHOOL)
})
afterEach(() => w.close())

describe('the messages page', () => {
  it('says per person whether they can be told, and why not', async () => {
    await savePrefs(w.ctx, SCHOOL, staffIdOf(w.store, 's002'), { email: false, push: true, quietStart: '', quietEnd: '' }, 0)
    const html = htmlOf(await messagesPage(pc))
    expect(html).toContain('Yes, by e-mail to s001@elm.example')
    expect(html).toContain('No: turned off e-mail on their phone')
    expect(html).toContain('No: no e-mail address on record')
    expect(html).toMatch(/13 of 14 cannot be told by e-mail/)
  })

  it('shows a failed delivery with its reason', async () => {
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    await publishWeek(w.ctx, SCHOOL, WEEK, `"${draft.version}"`)
    await deliverDue(
      w.ctx,
      {
        send: async () => {
          throw new Error('535 authentication failed')
        },
      },
      pc.origin,
    )
    expect(htmlOf(await messagesPage(pc))).toContain('Your duties for the week of Monday 23 November: waiting to send (1 try; last: 535 authentication failed)')
  })
})
