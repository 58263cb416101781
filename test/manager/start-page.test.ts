// The Start page tells a new manager the truth about term dates: the week can be planned without
// them, and then every week counts as a school week.
import { afterEach, describe, expect, it } from 'vitest'
import type { PageResult } from '../../src/manager/page-kit.js'
import { homePage } from '../../src/manager/setup-pages.js'
import { createOrganisation } from '../../src/schools/organisations.js'
import { createSchool } from '../../src/schools/schools.js'
import { freshStore, writeContext, type TestStore } from '../support/kit.js'

const open: TestStore[] = []
afterEach(async () => {
  for (const s of open.splice(0)) await s.close()
})

const htmlOf = (r: PageResult) => (r.kind === 'html' ? r.html : '')

describe('the Start page', () => {
  it('says that without term dates every week counts as a school week, and marks them optional', async () => {
    const store = freshStore()
    open.push(store)
    const ctx = writeContext(store, 'user:test', '2026-11-20T09:00:00Z')
    const org = await createOrganisation(ctx, { name: 'Elm Tree Trust' })
    const school = await createSchool(ctx, { organisationId: org.id, name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 })
    const html = htmlOf(await homePage({ ctx, schoolId: school.id, origin: 'https://rota.example.org' }))
    expect(html).toContain('Without term dates every week counts as a school week')
    expect(html).toMatch(/Term dates<\/a>: 0 terms and half terms<span class="flag">Optional/)
  })
})
