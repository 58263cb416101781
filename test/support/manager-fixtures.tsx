// Every manager page rendered from a small school, with no database: what the page tests read
// and what the browser check opens. Figures are made up but shaped exactly as the services
// return them.
import type { CoverCostReport } from '../../src/ledgers/cover-costs.js'
import type { Scenario } from '../../solver/scenario.js'
import { buildWeekModel } from '../../src/manager/week-model.js'
import type { FairnessReport } from '../../src/ledgers/fairness.js'
import type { HoursReport } from '../../src/ledgers/hours.js'
import { AbsencesPage } from '../../src/manager/views/absences-page.js'
import { DeletePage, slotInUse, staffGoes, type DeleteQuestion } from '../../src/manager/views/delete-page.js'
import { emptyForm, type FormState } from '../../src/ui/form-fields.js'
import { HomePage, SchoolsPage } from '../../src/manager/views/home-page.js'
import { renderDocument } from '../../src/manager/views/layout.js'
import { managerPaths } from '../../src/manager/views/paths.js'
import { PeoplePage, type PersonRow } from '../../src/manager/views/people-page.js'
import { PosterPage } from '../../src/manager/views/poster-page.js'
import { PrintPage } from '../../src/manager/views/print-page.js'
import { ReportsPage } from '../../src/manager/views/reports-page.js'
import { SchoolDayPage } from '../../src/manager/views/setup-day.js'
import { GradesPage } from '../../src/manager/views/setup-grades.js'
import { DutyPostsPage } from '../../src/manager/views/setup-posts.js'
import { StaffPage } from '../../src/manager/views/setup-staff.js'
import type { StaffMember } from '../../src/setup/staff.js'
import { NewPersonalLinkPage, PersonalLinkPage } from '../../src/manager/views/staff-link-page.js'
import { TermDatesPage } from '../../src/manager/views/setup-terms.js'
import { AvailabilityPage } from '../../src/manager/views/availability-page.js'
import { WeekPage, type WeekStatus } from '../../src/manager/views/week-page.js'

export const SCHOOL_ID = 'sch_elm'
export const paths = managerPaths(SCHOOL_ID)
const frame = { schoolName: 'Elm Tree Primary', paths }

const day = { start: '08:00', end: '15:50' }
export const scenario: Scenario = {
  format: 'duty-rota/scenario@1',
  school: { name: 'Elm Tree Primary', timezone: 'Europe/London' },
  week: '2026-11-23',
  closed: ['2026-11-27'],
  slots: [
    { id: 'break', kind: 'break', start: '10:50', end: '11:10' },
    { id: 'lunch', kind: 'lunch', start: '12:10', end: '12:40' },
  ],
  grades: [{ id: 'G4', name: 'Grade 4', dutyKinds: ['break', 'lunch', 'cover', 'event'] }],
  staff: [
    { id: 'AP', name: 'Amira Patel', grade: 'G4', hoursPerWeek: 36.67, pattern: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    { id: 'BJ', name: 'Ben Jones', grade: 'G4', hoursPerWeek: 32.5, pattern: { mon: day, tue: day, wed: day, thu: day, fri: day } },
    { id: 'CD', name: 'Cara Doyle', grade: 'G4', hoursPerWeek: 18.5, pattern: { mon: day, tue: day, thu: day } },
  ],
  duties: [
    { id: 'yard', name: 'Yard', kind: 'break', slots: ['break'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 2, skills: { 'first-aid': 1 } },
    { id: 'hall', name: 'Dining hall', kind: 'lunch', slots: ['lunch'], days: ['mon', 'tue', 'wed', 'thu', 'fri'], staff: 1 },
  ],
  absences: [{ staff: 'BJ', date: '2026-11-25' }],
  cover: [{ id: 'c1', date: '2026-11-24', slot: 'break', label: '9X Maths, room M4' }],
}

export const draft = {
  assignments: [
    { staff: 'AP', duty: 'yard', date: '2026-11-23', slot: 'break' },
    { staff: 'BJ', duty: 'yard', date: '2026-11-23', slot: 'break' },
    { staff: 'CD', duty: 'hall', date: '2026-11-23', slot: 'lunch' },
    { staff: 'AP', duty: 'yard', date: '2026-11-24', slot: 'break' },
    { staff: 'CD', duty: 'yard', date: '2026-11-24', slot: 'break' },
    { staff: 'BJ', duty: 'c1', date: '2026-11-24', slot: 'break' },
    { staff: 'BJ', duty: 'hall', date: '2026-11-24', slot: 'lunch' },
    { staff: 'AP', duty: 'yard', date: '2026-11-25', slot: 'break' },
    { staff: 'AP', duty: 'hall', date: '2026-11-25', slot: 'lunch' },
    { staff: 'BJ', duty: 'yard', date: '2026-11-26', slot: 'break' },
    { staff: 'CD', duty: 'yard', date: '2026-11-26', slot: 'break' },
    { staff: 'AP', duty: 'hall', date: '2026-11-26', slot: 'lunch' },
  ],
  unfilled: [{ duty: 'yard', date: '2026-11-25', slot: 'break', missing: 1, reason: 'needs 2: Ben Jones is absent; Cara Doyle does not work on Wednesdays' }],
  // Not proved, so the page shows its longer sentence: "1 more seat might be possible ...".
  stats: { proof: { byPriority: [{ priority: 3, filled: 12, bound: 13, proved: false }], steps: 1, complete: true } },
}

export const model = buildWeekModel(scenario, draft, [
  { id: 'ovr_pin', kind: 'pin', staff: 'AP', duty: 'yard', date: '2026-11-23', slot: 'break' },
  { id: 'ovr_bar', kind: 'bar', staff: 'CD', duty: 'hall', date: '2026-11-24', slot: 'lunch' },
])

export const replanStatus: WeekStatus = {
  version: 3,
  published: { publication: 1, publishedAt: '2026-11-20T15:02:00Z' },
  draft: { createdAt: '2026-11-23T07:40:00Z', replan: true },
  nextPublication: 2,
  showing: 'draft',
  timezone: 'Europe/London',
}

export const diff = {
  removed: 1,
  added: 1,
  people: [
    { staffId: 'stf_bj', staff: 'BJ', removed: [{ staff: 'BJ', duty: 'hall', date: '2026-11-25', slot: 'lunch' }], added: [] },
    { staffId: 'stf_ap', staff: 'AP', removed: [], added: [{ staff: 'AP', duty: 'hall', date: '2026-11-25', slot: 'lunch' }] },
  ],
}

const tally = (total: number, fte: number) => ({ duties: total, cover: 0, total, perFte: Math.round((total / fte) * 100) / 100 })
const period = (from: string, to: string) => ({ name: 'p', from, to })
export const fairness: FairnessReport = {
  asOf: '2026-11-23',
  fullTimeHours: 37,
  periods: { week: period('2026-11-23', '2026-11-29'), halfTerm: null, term: period('2026-09-03', '2026-12-18'), year: period('2026-09-01', '2027-08-31') },
  staff: [
    {
      staffId: 'stf_ap',
      staff: 'AP',
      name: 'Amira Patel',
      fte: 0.991,
      week: tally(5, 0.991),
      halfTerm: null,
      term: { ...tally(31, 0.991), carried: 0 },
      year: { ...tally(31, 0.991), carried: 0 },
      fairShare: 30.1,
    },
    {
      staffId: 'stf_bj',
      staff: 'BJ',
      name: 'Ben Jones',
      fte: 0.878,
      week: tally(4, 0.878),
      halfTerm: null,
      term: { ...tally(25, 0.878), carried: 0 },
      year: { ...tally(25, 0.878), carried: 0 },
      fairShare: 26.7,
    },
    {
      staffId: 'stf_cd',
      staff: 'CD',
      name: 'Cara Doyle',
      fte: 0.5,
      week: tally(3, 0.5),
      halfTerm: null,
      term: { ...tally(16, 0.5), carried: 2 },
      year: { ...tally(16, 0.5), carried: 2 },
      fairShare: 15.2,
    },
  ],
}

const hoursRow = (staffId: string, name: string, hoursPerWeek: number, allowance: number, used: number) => ({
  staffId,
  staff: staffId,
  name,
  hoursPerWeek,
  contractedWeeks: 39,
  contractedHours: Math.round(hoursPerWeek * 39 * 100) / 100,
  additional: { allowance, insetHours: used / 2, eveningHours: used / 2, used, remaining: Math.max(0, allowance - used), over: Math.max(0, used - allowance) },
})
export const hours: HoursReport = {
  asOf: '2026-11-23',
  year: period('2026-09-01', '2027-08-31'),
  workingDays: 195,
  contractedWeeks: 39,
  staff: [hoursRow('AP', 'Amira Patel', 36.67, 22.5, 12), hoursRow('BJ', 'Ben Jones', 32.5, 0, 0), hoursRow('CD', 'Cara Doyle', 18.5, 10, 11)],
}

const typed = (values: Record<string, string | string[]>, errors: Record<string, string> = {}): FormState => ({ values, errors })

/** The question before deleting a row of the staff list or the school day. */
function question(what: string, list: 'staff' | 'day', id: string, says: Partial<DeleteQuestion>) {
  const back = { href: paths[list], name: list === 'day' ? 'the school day' : 'staff' }
  return <DeletePage frame={frame} question={{ what, section: list, back, action: paths.remove(paths[list], id), goes: [], inUse: [], ...says }} />
}

/** Each page, rendered: the name is what the browser check calls it and its screenshot. */
/** Amira as the staff service returns her. */
export const AMIRA: StaffMember = {
  id: 'stf_ap',
  code: 'AP',
  name: 'Amira Patel',
  grade: 'G4',
  gradeId: 'grd_1',
  hoursPerWeek: 36.67,
  pattern: scenario.staff[0]?.pattern ?? {},
  unpaidBreakMinutes: 30,
  additionalHoursAllowance: 22.5,
  maxDutiesPerWeek: null,
  skills: [{ skill: 'first-aid', expiresOn: '2027-06-30' }],
  commitments: [],
  avoid: [],
  prefer: [],
  email: null,
  version: 1,
}

export async function renderPages(): Promise<Record<string, string>> {
  const slots = [
    { id: 'slt_1', code: 'break', kind: 'break' as const, start: '10:50', end: '11:10', days: null, version: 1 },
    { id: 'slt_2', code: 'lunch', kind: 'lunch' as const, start: '12:10', end: '12:40', days: null, version: 1 },
  ]
  const grades = [
    { id: 'grd_1', code: 'G4', name: 'Grade 4 (NJC 9-17)', dutyKinds: ['break' as const, 'lunch' as const, 'cover' as const], hourlyRate: 13.69, version: 1 },
  ]
  const staff = [AMIRA]
  const staffOptions = scenario.staff.map((s) => ({ value: s.id, label: s.name }))
  const names = {
    staff: new Map(scenario.staff.map((s) => [s.id, s.name])),
    work: new Map([
      ['hall', 'Dining hall'],
      ['yard', 'Yard'],
    ]),
    weekly: new Map(),
  }
  const runners: PersonRow[] = [
    { id: 'usr_jo', name: 'Jo Bloggs', email: 'jo@elm.example', role: 'manager', since: '2026-09-01T08:00:00.000Z', you: true, removable: true },
    { id: 'usr_sam', name: 'Sam Okafor', email: 'sam@elm.example', role: 'manager', since: '2026-10-12T08:00:00.000Z', you: false, removable: true },
    { id: 'usr_ada', name: 'Ada Chief', email: 'ceo@oak.example', role: 'trust_admin', since: '2026-06-01T08:00:00.000Z', you: false, removable: true },
  ]
  const pages: Record<string, unknown> = {
    schools: <SchoolsPage schools={[{ id: SCHOOL_ID, name: 'Elm Tree Primary' }]} />,
    home: <HomePage frame={frame} counts={{ slots: 2, periods: 0, grades: 1, staff: 3, posts: 2 }} monday="2026-11-23" />,
    day: (
      <SchoolDayPage
        frame={frame}
        slots={slots}
        school={{ name: 'Elm Tree Primary', timezone: 'Europe/London', fullTimeHours: 37 }}
        form={typed(
          { code: 'p 1', kind: 'lesson', start: '09:00', end: '08:00', days: ['mon', 'wed'] },
          { code: 'letters, digits...', end: 'must be after the start (09:00)' },
        )}
      />
    ),
    terms: (
      <TermDatesPage
        frame={frame}
        periods={[{ id: 'cal_1', kind: 'term', name: 'Autumn term', startDate: '2026-09-03', endDate: '2026-12-18', version: 1 }]}
        closures={[{ id: 'cls_1', date: '2026-09-02', kind: 'inset', name: 'INSET', version: 1 }]}
        form={typed({ text: 'Spring term 2027-01-05 2027-03-26\nChristmas 2026-12-21' })}
        problems={[{ line: 2, column: 'name', message: 'say what "Christmas" is' }]}
      />
    ),
    grades: <GradesPage frame={frame} grades={grades} form={emptyForm({ dutyKinds: ['break', 'lunch'] })} />,
    staff: (
      <StaffPage
        frame={frame}
        staff={staff}
        grades={grades}
        form={typed(
          { name: 'Dee Evans', code: 'DE', grade: 'G4', hoursPerWeek: 'lots', pattern: 'Mon-Fri 08:00-15:50' },
          { hoursPerWeek: '"lots" is not a number of hours' },
        )}
        importPanel={{
          form: typed({ text: 'Payroll,Name\nP1,Fred' }),
          problems: [{ line: 1, column: 'Staff code', message: 'no column found' }],
          headers: ['Payroll', 'Name'],
          mapping: { name: 'Name' },
        }}
      />
    ),
    posts: (
      <DutyPostsPage frame={frame} posts={[]} slots={slots} form={emptyForm({ kind: 'break', priority: '3', days: ['mon', 'tue', 'wed', 'thu', 'fri'] })} />
    ),
    week: (
      <WeekPage
        frame={frame}
        model={model}
        status={replanStatus}
        diff={diff}
        previous={{ monday: '2026-11-16', skipped: [] }}
        next={{ monday: '2026-11-30', skipped: [] }}
        receipts={{
          ordinal: 2,
          publishedAt: '2026-11-23T07:40:00Z',
          duties: [
            {
              date: '2026-11-24',
              start: '10:50',
              end: '11:10',
              what: 'Break duty: Yard',
              seen: [{ name: 'Amira Patel', at: '2026-11-23T07:52:00Z' }],
              notYet: ['Ben Ortiz'],
            },
            { date: '2026-11-25', start: '12:10', end: '12:40', what: 'Lunch duty: Dining hall', seen: [], notYet: ['Cara Li', 'Ben Ortiz'] },
          ],
        }}
      />
    ),
    'week-empty': (
      <WeekPage
        frame={frame}
        model={buildWeekModel(scenario, null, [])}
        status={{ version: 0, published: null, draft: null, nextPublication: 1, showing: 'none', timezone: 'Europe/London' }}
        diff={null}
        previous={{ monday: '2026-11-16', skipped: [] }}
        next={{ monday: '2026-11-30', skipped: [] }}
        problem={{ title: 'A pin breaks a rule of the week', details: ['pins[0]: Ben Jones is absent on Wednesday'] }}
      />
    ),
    absences: (
      <AbsencesPage
        frame={frame}
        staff={staffOptions}
        absences={[
          {
            id: 'abs_1',
            staff: 'BJ',
            staffId: 'stf_bj',
            startDate: '2026-11-25',
            endDate: '2026-11-25',
            startTime: null,
            endTime: null,
            reason: 'sickness',
            version: 1,
            createdAt: '2026-11-23T07:30:00Z',
          },
        ]}
        form={typed({ staff: 'BJ', startDate: '2026-11-25', endDate: '2026-11-24' }, { endDate: 'must not be before the first day (2026-11-25)' })}
        recorded={{ who: 'Ben Jones', replans: [{ monday: '2026-11-23', diff, unfilled: 1 }], names }}
      />
    ),
    reports: <ReportsPage frame={frame} asOf="2026-11-23" monday="2026-11-23" fairness={fairness} hours={hours} costs={COVER_COSTS} />,
    print: <PrintPage schoolName="Elm Tree Primary" model={model} label="publication 1" generated paths={paths} />,
    poster: <PosterPage frame={frame} meUrl="https://rota.example.org/me" />,
    availability: (
      <AvailabilityPage
        frame={frame}
        marks={[
          {
            id: 'una_1',
            staffId: 'stf_ap',
            staffName: 'Amira Patel',
            repeat: 'weekly' as const,
            day: 'tue' as const,
            date: null,
            start: '12:10',
            end: '12:40',
            note: 'I run the chess club',
            status: 'requested' as const,
            requestedAt: '2026-11-20T09:00:00Z',
            version: 1,
          },
          {
            id: 'una_2',
            staffId: 'stf_ap',
            staffName: 'Amira Patel',
            repeat: 'once' as const,
            day: null,
            date: '2026-12-02',
            start: null,
            end: null,
            note: null,
            status: 'approved' as const,
            requestedAt: '2026-11-20T09:00:00Z',
            version: 1,
          },
        ]}
      />
    ),
    'delete-staff': question('Amira Patel', 'staff', 'stf_ap', {
      goes: staffGoes({ absences: 2, published: 31, drafts: 5, overrides: 1, swaps: 0, personalLink: true, calendarFeed: true }),
    }),
    'delete-slot-in-use': question('slot break (10:50-11:10)', 'day', 'slt_1', {
      inUse: slotInUse(
        { posts: [{ id: 'dut_yard', name: 'Yard' }], cover: [{ code: 'c1', label: '9X Maths, room M4', date: '2026-11-24' }] },
        (id) => `/manage/sch_1/setup/posts/${id}/edit`,
      ),
      fix: "Change those first (a duty post's name opens its Edit page, where it can be moved to other slots), then delete the slot.",
    }),
    'personal-link': (
      <PersonalLinkPage
        frame={frame}
        view={{
          staffName: 'Amira Patel',
          actions: { make: '/manage/sch_elm/setup/staff/stf_ap/link', stop: '/manage/sch_elm/setup/staff/stf_ap/link/stop' },
          timezone: 'Europe/London',
          liveSince: '2026-11-20T15:02:00Z',
          hasCalendarFeed: true,
        }}
      />
    ),
    people: (
      <PeoplePage
        frame={frame}
        people={runners}
        form={typed({ name: 'Sam Lee', email: 'sam at elm' }, { email: 'enter an email address such as name@school.org' })}
      />
    ),
    'people-last-manager': <PeoplePage frame={frame} people={[{ ...(runners[0] as PersonRow), removable: false }]} form={emptyForm()} />,
    'personal-link-new': (
      <NewPersonalLinkPage frame={frame} staffName="Amira Patel" url="https://rota.example.org/auth/staff/0123456789abcdefghijklmnopqrstuvwxyzABCDEFG" />
    ),
  }
  const out: Record<string, string> = {}
  for (const [name, page] of Object.entries(pages)) out[name] = await renderDocument(page as Parameters<typeof renderDocument>[0])
  return out
}

/** A ledger with one of each kind: additional hours paid at a rate, and cover in directed time. */
const EVE = { id: 'stf_eve', code: 'EE', name: 'Eve Evans' }
const COVER_COSTS: CoverCostReport = {
  asOf: '2026-11-23',
  periods: {
    week: { name: 'week of 2026-11-23', from: '2026-11-23', to: '2026-11-29' },
    term: { name: 'Autumn term', from: '2026-09-03', to: '2026-12-18' },
    year: { name: '2026-27', from: '2026-09-01', to: '2027-08-31' },
  },
  rows: [
    {
      who: EVE,
      kind: 'additional-hours',
      week: { hours: 0.5, pence: 685, unpriced: 0 },
      term: { hours: 0.5, pence: 685, unpriced: 0 },
      year: { hours: 0.5, pence: 685, unpriced: 0 },
    },
    {
      who: EVE,
      kind: 'directed-cover',
      week: { hours: 1, pence: 0, unpriced: 0 },
      term: { hours: 3, pence: 0, unpriced: 0 },
      year: { hours: 3, pence: 0, unpriced: 0 },
    },
  ],
  totals: [
    {
      kind: 'additional-hours',
      week: { hours: 0.5, pence: 685, unpriced: 0 },
      term: { hours: 0.5, pence: 685, unpriced: 0 },
      year: { hours: 0.5, pence: 685, unpriced: 0 },
    },
    { kind: 'directed-cover', week: { hours: 1, pence: 0, unpriced: 0 }, term: { hours: 3, pence: 0, unpriced: 0 }, year: { hours: 3, pence: 0, unpriced: 0 } },
  ],
}
