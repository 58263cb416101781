// The demo school a fresh install starts with, so `npm start` shows something real. It is made
// only when the database has no organisation at all: a school that deleted its demo keeps it gone.
import type { Store } from '../../db/store.js'
import { parseScenario } from '../../solver/scenario.js'
import type { WriteContext } from '../platform/deps.js'
import { createOrganisation, deleteOrganisation } from '../schools/organisations.js'
import { importScenario } from './import.js'
import { createSchool, deleteSchool } from '../schools/schools.js'
import { schoolToday } from '../platform/zone.js'
import { createCalendarPeriod } from '../setup/calendar.js'
import { demoMonday, demoTerms, shiftedTo } from './demo-calendar.js'
import { createSigninLink } from '../auth/signin-links.js'
import { ensureUser, grant } from '../auth/users.js'

export interface DemoSchool {
  schoolId: string
  name: string
  created: boolean
}

export async function ensureDemoSchool(ctx: WriteContext, scenarioJson: unknown): Promise<DemoSchool | undefined> {
  const anyOrganisation = await ctx.store.db.selectFrom('organisations').select('id').limit(1).executeTakeFirst()
  if (anyOrganisation) return findDemoSchool(ctx.store, scenarioJson)

  const parsed = parseScenario(scenarioJson)
  if (!parsed.ok) throw new Error(`the demo scenario is not valid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`)
  // Placed in the current term and its week by the injected clock, never by the file's date.
  const today = schoolToday(ctx.clock, parsed.value.school.timezone)
  const terms = demoTerms(today)
  const scenario = shiftedTo(parsed.value, demoMonday(terms, today))
  const org = await createOrganisation(ctx, { name: `${scenario.school.name} (demo)` })
  const school = await createSchool(ctx, {
    organisationId: org.id,
    name: scenario.school.name,
    timezone: scenario.school.timezone,
    fullTimeHours: scenario.school.fullTimeHours ?? 37,
  })
  try {
    await importScenario(ctx.store, school.id, scenario, ctx)
    for (const term of terms) await createCalendarPeriod(ctx, school.id, term)
  } catch (err) {
    // Several writes make the demo; undo the school and its trust so the next start tries again from nothing.
    await deleteSchool(ctx, school.id)
    await deleteOrganisation(ctx, org.id)
    throw err
  }
  return { schoolId: school.id, name: school.name, created: true }
}

/** Who a fresh `npm start` signs in as: the demo school's manager. */
export const DEMO_MANAGER = { email: 'manager@demo.example', name: 'Demo Manager' }

/** A one-time sign-in link for the demo school's manager, made a manager of it on first use. */
export async function demoManagerLink(ctx: WriteContext, schoolId: string, origin: string): Promise<string> {
  const manager = await ensureUser(ctx, DEMO_MANAGER.email, DEMO_MANAGER.name)
  await grant(ctx, manager.id, { role: 'manager', schoolId })
  return createSigninLink(ctx, manager.id, origin)
}

async function findDemoSchool(store: Store, scenarioJson: unknown): Promise<DemoSchool | undefined> {
  const parsed = parseScenario(scenarioJson)
  const name = parsed.ok ? parsed.value.school.name : undefined
  let q = store.db.selectFrom('schools').select(['id', 'name'])
  if (name !== undefined) q = q.orderBy((eb) => eb.case().when('name', '=', name).then(0).else(1).end())
  const school = await q.orderBy('created_at').limit(1).executeTakeFirst()
  return school ? { schoolId: school.id, name: school.name, created: false } : undefined
}
