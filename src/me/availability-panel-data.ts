// What the "When you cannot do duties" and "Duties you prefer" panels of /me are drawn from:
// the person's own marks and their answers, the parts of the day to choose from, and their
// avoid/prefer as saved, with what a refused form had typed.
import type { Store } from '../../db/store.js'
import { listUnavailability, slotChoices } from '../leave/unavailability.js'
import { myPreferences } from '../leave/preferences.js'
import type { AvailabilityPanel } from './availability-panel.js'

export type AvailabilityShown = Omit<AvailabilityPanel, 'marks' | 'slots' | 'preferences'>

export async function loadAvailabilityPanel(
  store: Store,
  me: { schoolId: string; staffId: string },
  today: string,
  shown: AvailabilityShown = {},
): Promise<AvailabilityPanel> {
  const [marks, slots, preferences] = await Promise.all([
    listUnavailability(store, me.schoolId, { staffId: me.staffId }),
    slotChoices(store, me.schoolId),
    myPreferences(store, me.schoolId, me.staffId),
  ])
  // A taken-back mark is gone for the person; a one-off that has passed says nothing any more.
  const current = marks.filter((m) => m.status !== 'withdrawn' && (m.date === null || m.date >= today))
  return { marks: current, slots, preferences, ...shown }
}
