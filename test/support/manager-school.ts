// A school a manager's page handlers can be called on directly: one trust, one school in
// London, a full-time week of 37 hours, written at a fixed moment the week before 23 November.
import type { PageContext } from '../../src/manager/page-kit.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { writeContext, type TestStore } from './kit.js'

export async function managerSchool(store: TestStore): Promise<PageContext> {
  const ctx = writeContext(store, 'user:test', '2026-11-20T09:00:00Z')
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  return { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
}
