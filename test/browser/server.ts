// The app the browser test opens: a school with a published week and duties today, and the
// /me page behind a personal link. The clock is fixed so "today" is always a school day.
import { Hono } from 'hono'
import { loadMe } from '../../src/services/me.js'
import { renderMePage } from '../../src/views/me-page.js'
import { ME_STYLE_HASH } from '../../src/views/styles.js'
import { makeSchool, publish } from '../calendar/helpers.js'

export interface MeServer {
  fetch: (request: Request) => Response | Promise<Response>
  /** what a manager hands over: opening it leads to /me */
  personalLinkPath: string
  close(): void
}

/** Tuesday 24 November 2026, 07:45 in London. */
export const NOW = '2026-11-24T07:45:00Z'

export async function startMeServer(): Promise<MeServer> {
  const school = await makeSchool(NOW)
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_ben', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_cara', 'yard', '2026-11-26', 'break'],
  ])
  school.clock.advanceSeconds(600)
  await publish(school, '2026-11-23', [
    ['stf_amira', 'gate', '2026-11-24', 'gate'],
    ['stf_amira', 'yard', '2026-11-24', 'break'],
    ['stf_cara', 'yard', '2026-11-24', 'break'],
    ['stf_amira', 'yard', '2026-11-26', 'break'],
    ['stf_ben', 'yard', '2026-11-26', 'break'],
  ])
  const app = new Hono()
  app.get('/me', async (c) => {
    const view = await loadMe(school.ctx, school.schoolId, school.staff.amira)
    if (!view) return c.notFound()
    c.header('Content-Security-Policy', `default-src 'self'; script-src 'self'; style-src 'self' ${ME_STYLE_HASH}; img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'`)
    return c.html(await renderMePage(view, { hasFeed: false }))
  })
  return { fetch: app.fetch, personalLinkPath: '/me', close: () => school.close() }
}
