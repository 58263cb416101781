// Handlers of the page listing the times staff marked on their phones as ones they cannot do:
// approve (from then on the solver keeps them free) or decline. A decision from a page read
// before someone else answered comes back as the page as it stands.
import { createElement } from 'hono/jsx'
import { decideUnavailability, listUnavailability } from '../leave/unavailability.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, problemText, redirect, replanAlert, type PageContext, type PageResult } from './page-kit.js'
import { AvailabilityPage } from './views/availability-page.js'

export async function availabilityPage(pc: PageContext, options: { alert?: string; status?: number; replanned?: string[] } = {}): Promise<PageResult> {
  const [frame, marks] = await Promise.all([frameOf(pc), listUnavailability(pc.ctx.store, pc.schoolId)])
  const live = marks.filter((m) => m.status === 'requested' || m.status === 'approved')
  return html(createElement(AvailabilityPage, { frame: { ...frame, alert: options.alert }, marks: live, replanned: options.replanned }), options.status)
}

export async function decideAvailability(pc: PageContext, id: string, action: 'approve' | 'decline', values: FormValues): Promise<PageResult> {
  const version = typeof values.version === 'string' && /^\d+$/.test(values.version) ? `"${values.version}"` : undefined
  let outcome: Awaited<ReturnType<typeof decideUnavailability>>
  try {
    outcome = await decideUnavailability(pc.ctx, pc.schoolId, id, action, version)
  } catch (err) {
    return availabilityPage(pc, { alert: problemText(err), status: 409 })
  }
  const paths = (await frameOf(pc)).paths
  if (action === 'decline') return redirect(paths.availability, 'unavailability-declined')
  // Weeks re-planned are answered here, with a link to each draft; none, the plain page says so.
  if (outcome.replans.length === 0 && outcome.replanFailures.length === 0) return redirect(paths.availability, 'unavailability-approved')
  return availabilityPage(pc, { replanned: outcome.replans.map((d) => d.rota.week), ...replanAlert(outcome.replanFailures) })
}
