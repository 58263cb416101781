// The Edit pages and their answers rendered from made-up figures, with no database: a person's
// page after a refused save, the school's page, the conflict page and the page for a thing
// deleted meanwhile. The browser check (test/browser/manager-pages.test.ts) opens each.
import type { StaffMember } from '../../src/setup/staff.js'
import { EditConflictPage, EditGonePage } from '../../src/manager/views/edit-conflict.js'
import { renderDocument } from '../../src/manager/views/layout.js'
import { managerPaths } from '../../src/manager/views/paths.js'
import { SchoolEditPage, STAFF_EDIT_LABELS, StaffEditPage } from '../../src/manager/views/setup-edits.js'
import { AMIRA } from './manager-fixtures.js'

const paths = managerPaths('sch_elm')
const frame = { schoolName: 'Elm Tree Primary', paths }

const amira: StaffMember = {
  ...AMIRA,
  commitments: [{ id: 'cmt_1', day: 'tue', start: '12:10', end: '12:40', label: 'Choir', needsCover: false }],
  prefer: ['yard'],
  email: 'amira@elm.example',
  version: 3,
}

const yard = { code: 'yard', name: 'Yard' }

const typed: Record<string, string | string[]> = {
  name: 'Amira Patel',
  code: 'AP',
  grade: 'TA',
  hoursPerWeek: 'lots',
  pattern: 'Mon-Fri 08:00-15:50',
  unpaidBreakMinutes: '30',
  email: 'amira@elm.example',
  skills: 'first-aid (2027-06-30)',
  additionalHoursAllowance: '22.5',
  maxDutiesPerWeek: '',
  commitments: 'Tue 12:10-12:40 Choir',
  prefer: ['yard'],
}

/** Each field as one line, as the conflict page shows it. */
const lines = (values: Record<string, string | string[]>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]))

export async function renderEditPages(): Promise<Record<string, string>> {
  const staffEdit = paths.edit(paths.staff, amira.id)
  const back = { href: paths.staff, name: 'staff' }
  const pages = {
    'edit-staff-refused': (
      <StaffEditPage
        frame={frame}
        state={{ values: typed, errors: { hoursPerWeek: '"lots" is not a number of hours, e.g. 32.5 or 36:40' }, version: 3 }}
        action={staffEdit}
        back={back}
        member={amira}
        grades={[
          { id: 'grd_1', code: 'G4', name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break', 'lunch', 'cover'], hourlyRate: 13.69, version: 1 },
          { id: 'grd_2', code: 'TA', name: 'Teaching assistant', dutyKinds: ['cover'], hourlyRate: null, version: 2 },
        ]}
        posts={[yard]}
      />
    ),
    'edit-school': (
      <SchoolEditPage
        frame={frame}
        state={{ values: { name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: '37' }, errors: {}, version: 1 }}
        action={paths.school}
        back={{ href: paths.day, name: 'the school day' }}
        schoolName="Elm Tree Primary"
      />
    ),
    'edit-conflict': (
      <EditConflictPage
        frame={frame}
        conflict={{
          what: 'Amira Patel',
          section: 'staff',
          back,
          action: staffEdit,
          labels: STAFF_EDIT_LABELS,
          theirs: lines({ ...typed, grade: 'G4', hoursPerWeek: '30', email: 'a.patel@elm.example' }),
          yours: lines({ ...typed, hoursPerWeek: '32.5' }),
          typed: { ...typed, hoursPerWeek: '32.5' },
          version: 4,
        }}
      />
    ),
    'edit-gone': (
      <EditGonePage
        frame={frame}
        what="grade TA"
        section="grades"
        back={{ href: paths.grades, name: 'grades' }}
        labels={{ code: 'Short name', name: 'Name' }}
        yours={{ code: 'TA', name: 'Teaching assistant' }}
      />
    ),
  }
  const out: Record<string, string> = {}
  for (const [name, page] of Object.entries(pages)) out[name] = await renderDocument(page)
  return out
}
