// Schools made the way a new manager makes one on the pages: an empty school and the page
// context its manager's page handlers take (what `npm run admin` makes), and a small school set
// up through the setup pages' own handlers.
import type { PageContext } from '../../src/manager/page-kit.js'
import { addDutyPost, addGrade, addSlot, addTermDates, importStaff } from '../../src/manager/setup-pages.js'
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

/**
 * Elm Tree Primary set up on its pages for the autumn term of 2026: a break and a lesson (p3),
 * one grade allowing break duty, cover and events, three staff (AP Amira Patel, BJ Ben Jones,
 * CD Cara Doyle, each with 10 additional hours for events) and one break duty, Yard.
 */
export async function smallSchoolPages(store: TestStore, now: string): Promise<PageContext> {
  const pc = await emptySchoolPages(store, now)
  const steps = [
    await addSlot(pc, { code: 'break', kind: 'break', start: '10:50', end: '11:10' }),
    await addSlot(pc, { code: 'p3', kind: 'lesson', start: '11:15', end: '12:15' }),
    await addTermDates(pc, 'Autumn term 2026-09-03 2026-12-18'),
    await addGrade(pc, { code: 'G4', name: 'Grade 4', dutyKinds: ['break', 'cover', 'event'] }),
    await importStaff(pc, {
      text: [
        'Code,Name,Grade,Hours,Pattern,Additional hours',
        'AP,Amira Patel,G4,36.67,Mon-Fri 08:00-15:50,10',
        'BJ,Ben Jones,G4,32.5,Mon-Fri 08:00-15:50,10',
        'CD,Cara Doyle,G4,30,Mon-Fri 08:30-15:00,10',
      ].join('\n'),
    }),
    await addDutyPost(pc, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: ['mon', 'tue', 'wed', 'thu', 'fri'], peopleNeeded: '1' }),
  ]
  const refused = steps.find((s) => s.kind !== 'redirect')
  if (refused) throw new Error(`a setup page refused the small school: ${refused.kind === 'html' ? refused.status : refused.kind}`)
  return pc
}
