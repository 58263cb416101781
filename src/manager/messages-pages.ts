// Handler of the Messages to staff page: reachability and recent deliveries, by surname.
import { createElement } from 'hono/jsx'
import { recentDeliveries } from '../notifications/outbox.js'
import { reachability } from '../notifications/prefs.js'
import { schoolTimeZone } from '../schools/schools.js'
import { bySurname } from '../ui/names.js'
import { frameOf, html, type PageContext, type PageResult } from './page-kit.js'
import { MessagesPage } from './views/messages-page.js'

export async function messagesPage(pc: PageContext): Promise<PageResult> {
  const [frame, reach, deliveries, timezone] = await Promise.all([
    frameOf(pc),
    reachability(pc.ctx.store, pc.schoolId),
    recentDeliveries(pc.ctx, pc.schoolId),
    schoolTimeZone(pc.ctx.store, pc.schoolId),
  ])
  const rows = [...reach]
    .map(([staffId, r]) => ({ staffId, code: staffId, name: r.name, reachable: r.email, why: r.why, deliveries: deliveries.get(staffId) ?? [] }))
    .sort(bySurname)
  return html(createElement(MessagesPage, { frame, rows, timezone }))
}
