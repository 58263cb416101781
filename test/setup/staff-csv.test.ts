// Staff imported from a management information system's CSV export: which columns are read,
// what each cell becomes, and that a file with any bad row yields nobody and names every row.
import { describe, expect, it } from 'vitest'
import { pattern, skills } from '../../src/setup/staff-csv-cells.js'
import { describeProblem } from '../../src/setup/paste-problems.js'
import { guessMapping, parseStaffCsv, type StaffCsvOptions } from '../../src/setup/staff-csv.js'

const grades = [
  { code: 'G4', name: 'Grade 4 (NJC 9-17)' },
  { code: 'GB', name: 'Grade B' },
]

function ok(text: string, options: StaffCsvOptions = { grades }) {
  const r = parseStaffCsv(text, options)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  return r.value
}

function problems(text: string, options: StaffCsvOptions = { grades }) {
  const r = parseStaffCsv(text, options)
  if (r.ok) throw new Error('expected problems')
  return r.problems.map(describeProblem)
}

const SIMS = [
  'Staff Code,Title,Forename,Surname,Date of Birth,Grade,Contracted Hours,Working Pattern,Qualifications,Email',
  'AP,Mrs,Amira,Patel,1980-01-01,G4,36:40,Mon-Fri 08:00-15:50,"First aid (30/06/2027); Team Teach until 2027-01-31; DSL",amira@example.org',
  'BJ,Mr,Ben,Jones,1991-05-05,Grade B,32.5,"Mon-Thu 08:30-15:00; Fri 08:30-12:30",,',
].join('\r\n')

describe('the staff CSV import', () => {
  it('reads a SIMS-style export: columns found by their usual names, the rest ignored', () => {
    const v = ok(SIMS)
    expect(v.mapping).toEqual({
      code: 'Staff Code',
      forename: 'Forename',
      surname: 'Surname',
      grade: 'Grade',
      hours: 'Contracted Hours',
      pattern: 'Working Pattern',
      skills: 'Qualifications',
      email: 'Email',
    })
    expect(v.ignored).toEqual(['Title', 'Date of Birth'])
    expect(v.staff).toEqual([
      {
        line: 2,
        code: 'AP',
        name: 'Amira Patel',
        grade: 'G4',
        hoursPerWeek: 36.67,
        pattern: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, { start: '08:00', end: '15:50' }])),
        unpaidBreakMinutes: 0,
        additionalHoursAllowance: 0,
        maxDutiesPerWeek: null,
        skills: [
          { skill: 'first-aid', expiresOn: '2027-06-30' },
          { skill: 'team-teach', expiresOn: '2027-01-31' },
          { skill: 'dsl', expiresOn: null },
        ],
        commitments: [],
        avoid: [],
        prefer: [],
        email: 'amira@example.org',
      },
      expect.objectContaining({
        line: 3,
        code: 'BJ',
        name: 'Ben Jones',
        grade: 'GB', // by the grade's name
        hoursPerWeek: 32.5,
        pattern: {
          mon: { start: '08:30', end: '15:00' },
          tue: { start: '08:30', end: '15:00' },
          wed: { start: '08:30', end: '15:00' },
          thu: { start: '08:30', end: '15:00' },
          fri: { start: '08:30', end: '12:30' },
        },
        skills: [],
        email: null,
      }),
    ])
  })

  it('reads a pattern from one column per day, where a blank or "off" day is not worked', () => {
    const v = ok(
      [
        'Code,Name,Grade,Hours,Mon,Tue,Wed,Thu,Fri,Unpaid break,Additional hours,Max duties',
        'CD,Cara Doyle,g4,18.5,8:45-12:15,,off,08:45-12:15,-,20,22.5,3',
      ].join('\n'),
    )
    expect(v.days).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])
    expect(v.staff[0]).toMatchObject({
      code: 'CD',
      grade: 'G4',
      pattern: { mon: { start: '08:45', end: '12:15' }, thu: { start: '08:45', end: '12:15' } },
      unpaidBreakMinutes: 20,
      additionalHoursAllowance: 22.5,
      maxDutiesPerWeek: 3,
    })
  })

  it('takes columns chosen by hand over its guesses', () => {
    const v = ok(['Payroll,Known as,Band,Hrs,Days', 'P1,Dee,G4,37,Mon-Fri 08:00-16:00'].join('\n'), {
      grades,
      mapping: { code: 'Payroll', name: 'Known as', grade: 'Band', hours: 'Hrs', pattern: 'Days' },
    })
    expect(v.staff[0]).toMatchObject({ code: 'P1', name: 'Dee', grade: 'G4', hoursPerWeek: 37 })
  })

  it('guesses nothing from headers it does not know', () => {
    expect(guessMapping(['Payroll', 'Known as'])).toEqual({})
  })

  it('names every bad row and cell, and returns no staff at all', () => {
    const found = problems(
      [
        'Code,Name,Grade,Hours,Pattern,Skills,Email',
        'A1,Ann,G4,0,Mon-Fri 08:00-15:50,,', // hours 0
        'A 2,,G9,37,Mon-Fri 15:50-08:00,,not-an-email', // every cell but hours, in column order
        'A3,Ash,G4,37,Mon-Fri 08:00-15:50,"first aid (31/02/2027)",',
        'A1,Ann again,G4,37,Mon-Fri 08:00-15:50,,',
        'A5,Al,G9,37,Mon-Fri 08:00-15:50,,',
        'A6,Abe,G4,37',
      ].join('\n'),
    )
    expect(found).toEqual([
      'Line 2, Hours: must be more than 0 and at most 168',
      'Line 3, Code: letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
      'Line 3, Name: is empty',
      'Line 3, Grade: "G9" is not a grade of this school (G4, GB); add it under Grades or correct the cell',
      'Line 3, Pattern: "Mon-Fri 15:50-08:00": ends (08:00) before it starts (15:50)',
      'Line 3, Email: is not an email address',
      'Line 4, Skills: "first aid (31/02/2027)" is not a skill with an expiry date, e.g. "first-aid (2027-06-30)"',
      'Line 5, Code: "A1" is also on line 2',
      'Line 6, Grade: "G9" is not a grade of this school (G4, GB); add it under Grades or correct the cell',
      'Line 7: has 4 cells; the header has 7',
    ])
  })

  it('says when it cannot find the staff code column, and how to head it', () => {
    // The other columns are asked for by rows that would add someone (test/setup/imports.test.ts).
    expect(problems('Staff,Hours\nX,37')).toEqual([expect.stringMatching(/^Line 1, Staff code: no column found; head one "Staff code"/)])
    expect(problems('Code\nX')).toEqual(['Line 1, Staff code: is the only column found; add the columns to change, e.g. "code,hours"'])
    expect(problems('Code,Name,Grade,Hours,Pattern\nA,B,G4,1,Mon 08:00-09:00', { grades, mapping: { code: 'Payroll' } })).toEqual([
      'Line 1, Staff code: no column is headed "Payroll"',
    ])
  })

  it('refuses an empty file, a header alone, and a broken quote', () => {
    expect(problems('')).toEqual(['is empty'])
    expect(problems('Code,Name,Grade,Hours,Pattern\n')).toEqual(['has a header line but no staff'])
    expect(problems('Code,Name,Grade,Hours,Pattern\nA,"B,G4,1,Mon 08:00-09:00\n')).toEqual(['Line 2: a quoted field is never closed'])
  })

  it('refuses a school with no grades yet, saying to add them first', () => {
    expect(problems('Code,Name,Grade,Hours,Pattern\nA,B,G4,1,Mon 08:00-09:00', { grades: [] })).toEqual([
      expect.stringMatching(/which has none yet; add grades first/),
    ])
  })
})

describe('cells', () => {
  it('reads patterns in the ways people write them', () => {
    expect(pattern.parse('Mon, Wed & Fri 8:30-12:00')).toEqual({
      mon: { start: '08:30', end: '12:00' },
      wed: { start: '08:30', end: '12:00' },
      fri: { start: '08:30', end: '12:00' },
    })
    expect(pattern.parse('Tues/Thurs 0900 to 1500')).toEqual({ tue: { start: '09:00', end: '15:00' }, thu: { start: '09:00', end: '15:00' } })
    expect(pattern.parse('Monday - Tuesday 08:00-15:00')).toEqual({ mon: { start: '08:00', end: '15:00' }, tue: { start: '08:00', end: '15:00' } })
  })

  it('refuses a day given twice, a day that is not one, and hours with no days', () => {
    expect(pattern.safeParse('Mon-Fri 08:00-15:00; Fri 08:00-12:00').error?.issues[0]?.message).toBe('gives friday twice')
    expect(pattern.safeParse('Mon-Fry 08:00-15:00').error?.issues[0]?.message).toBe('"Mon-Fry 08:00-15:00": "Mon-Fry" is not a range of days, e.g. Mon-Fri')
    expect(pattern.safeParse('08:00-15:00').error?.issues[0]?.message).toMatch(/is not days and hours/)
  })

  it('reads skills with and without expiry, as the keys duty posts use', () => {
    expect(skills.parse('First Aid:2027-06-30, team_teach (expires 01/09/2027) | DSL')).toEqual([
      { skill: 'first-aid', expiresOn: '2027-06-30' },
      { skill: 'team-teach', expiresOn: '2027-09-01' },
      { skill: 'dsl', expiresOn: null },
    ])
    expect(skills.safeParse('first-aid; First aid').error?.issues[0]?.message).toBe('lists "first-aid" twice')
  })
})
