// Handlers of the Leave requests page: list, approve (absence and re-plans), decline. A
// decision from a page read before someone else answered comes back as the page as it stands.
import { createElement } from 'hono/jsx'
import { approveLeave, declineLeave, listLeave } from '../leave/leave.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, problemText, redirect, replanAlert, type PageContext, type PageResult } from './page-kit.js'
import { LeavePage } from './views/leave-page.js'

export async function leavePage(pc: PageContext, options: { alert?: string; status?: number; replanned?: string[] } = {}): Promise<PageResult> {
  const [frame, requests] = await Promise.all([frameOf(pc), listLeave(pc.ctx.store, pc.schoolId)])
  const recent = requests.filter((r) => r.status === 'requested').concat(requests.filter((r) => r.status !== 'requested').slice(-50))
  return html(createElement(LeavePage, { frame: { ...frame, alert: options.alert }, requests: recent, replanned: options.replanned }), options.status)
}

export async function decideLeave(pc: PageContext, id: string, action: 'approve' | 'decline', values: FormValues): Promise<PageResult> {
  const version = typeof values.version === 'string' && /^\d+$/.test(values.version) ? `"${values.version}"` : undefined
  try {
    if (action === 'decline') {
      await declineLeave(pc.ctx, pc.schoolId, id, version)
      return redirect((await frameOf(pc)).paths.leave, 'leave-declined')
    }
    const outcome = await approveLeave(pc.ctx, pc.schoolId, id, version)
    return leavePage(pc, {
      replanned: [...outcome.replans.map((d) => d.rota.week), ...outcome.replanJobs.map((j) => j.week)].sort(),
      ...replanAlert(outcome.replanFailures),
    })
  } catch (err) {
    return leavePage(pc, { alert: problemText(err), status: 409 })
  }
}
