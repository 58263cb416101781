// An empty school and the page context its manager's page handlers take: what `npm run admin`
// makes for a new school (a trust, the school), before anything is set up.
import type { PageContext } from '../../src/manager/page-kit.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { writeContext, type TestStore } from './kit.js'

/** Elm Tree Primary in London, with `now` as its fixed clock. */
export async function emptySchoolPages(store: TestStore, now: string): Promise<PageContext> {
  const ctx = writeContext(store, 'user:test', now)
  const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
  const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
  return { ctx, schoolId: school.id, origin: 'https://rota.example.org' }
}
