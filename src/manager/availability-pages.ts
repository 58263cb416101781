// Handlers of the page listing the times staff marked on their phones as ones they cannot do:
// approve (from then on the solver keeps them free) or decline. A decision from a page read
// before someone else answered comes back as the page as it stands.
import { createElement } from 'hono/jsx'
import { decideUnavailability, listUnavailability } from '../leave/unavailability.js'
import type { FormValues } from './form-readers.js'
import { frameOf, html, problemText, redirect, type PageContext, type PageResult } from './page-kit.js'
import { AvailabilityPage } from './views/availability-page.js'

export async function availabilityPage(pc: PageContext, options: { alert?: string; status?: number } = {}): Promise<PageResult> {
  const [frame, marks] = await Promise.all([frameOf(pc), listUnavailability(pc.ctx.store, pc.schoolId)])
  const live = marks.filter((m) => m.status === 'requested' || m.status === 'approved')
  return html(createElement(AvailabilityPage, { frame: { ...frame, alert: options.alert }, marks: live }), options.status)
}

export async function decideAvailability(pc: PageContext, id: string, action: 'approve' | 'decline', values: FormValues): Promise<PageResult> {
  const version = typeof values.version === 'string' && /^\d+$/.test(values.version) ? `"${values.version}"` : undefined
  try {
    await decideUnavailability(pc.ctx, pc.schoolId, id, action, version)
  } catch (err) {
    return availabilityPage(pc, { alert: problemText(err), status: 409 })
  }
  return redirect((await frameOf(pc)).paths.availability, action === 'approve' ? 'unavailability-approved' : 'unavailability-declined')
}
