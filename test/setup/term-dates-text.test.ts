// Term dates pasted or uploaded as text: what each line becomes, and how every bad line is named.
import { describe, expect, it } from 'vitest'
import { describeProblem } from '../../src/setup/paste-problems.js'
import { parseTermDates } from '../../src/setup/term-dates-text.js'

function ok(text: string) {
  const r = parseTermDates(text)
  if (!r.ok) throw new Error(r.problems.map(describeProblem).join('\n'))
  return r.value
}

function problems(text: string, options?: Parameters<typeof parseTermDates>[1]) {
  const r = parseTermDates(text, options)
  if (r.ok) throw new Error('expected problems')
  return r.problems
}

describe('term dates', () => {
  it('reads the four kinds of line of the brief', () => {
    const v = ok(['Autumn term 2026-09-03 2026-12-18', 'Half term 2026-10-26 2026-10-30', 'INSET 2026-09-02', 'Bank holiday 2026-05-04'].join('\n'))
    expect(v.periods).toEqual([
      { kind: 'term', name: 'Autumn term', startDate: '2026-09-03', endDate: '2026-12-18', line: 1 },
      { kind: 'half_term', name: 'Half term', startDate: '2026-10-26', endDate: '2026-10-30', line: 2 },
    ])
    expect(v.closures).toEqual([
      { date: '2026-09-02', kind: 'inset', name: 'INSET', line: 3 },
      { date: '2026-05-04', kind: 'bank_holiday', name: 'Bank holiday', line: 4 },
    ])
  })

  it('reads dates as a school website writes them, and UK day/month/year', () => {
    const v = ok(
      ['Spring term: Tuesday 5th January 2027 to Friday 26 March 2027', 'Summer term, 12/04/2027 - 21/07/2027', 'Staff training day 4 Sept 2026'].join('\n'),
    )
    expect(v.periods.map((p) => [p.name, p.startDate, p.endDate])).toEqual([
      ['Spring term', '2027-01-05', '2027-03-26'],
      ['Summer term', '2027-04-12', '2027-07-21'],
    ])
    expect(v.closures).toEqual([{ date: '2026-09-04', kind: 'inset', name: 'Staff training day', line: 3 }])
  })

  it('takes a spreadsheet paste with tabs or commas between the cells', () => {
    const v = ok('Autumn term\t2026-09-03\t2026-12-18\r\nINSET,2026-09-02\r\n')
    expect(v.periods).toHaveLength(1)
    expect(v.closures[0]?.date).toBe('2026-09-02')
  })

  it('skips blank lines and # comments, and counts lines as the manager sees them', () => {
    const v = ok('# 2026-27\n\nAutumn term 2026-09-03 2026-12-18\n')
    expect(v.periods[0]?.line).toBe(3)
  })

  it('makes one closure per school day of a closure range, leaving out the weekend', () => {
    const v = ok('Closed for building work 2026-07-17 2026-07-20')
    expect(v.closures.map((c) => [c.date, c.kind])).toEqual([
      ['2026-07-17', 'other'],
      ['2026-07-20', 'other'],
    ])
  })

  it('names every bad line, with the part of the line at fault', () => {
    const found = problems(
      [
        'Autumn term 2026-09-03 2026-12-18',
        'Christmas 2026-12-21', // not a term, half term or closure
        'Half term 2026-10-30 2026-10-26', // backwards
        'INSET 2026-02-30', // no such day
        'Spring term', // no date
        'Summer term 2027-04-12 2027-05-01 2027-07-21', // three dates
        'INSET 2026-09-02',
        'INSET again 2026-09-02', // same day twice
        'Autumn term again 2026-12-01 2027-01-10', // overlaps line 1
        'INSET 3 Septober 2026',
      ].join('\n'),
    )
    expect(found.map((p) => [p.line, p.column])).toEqual([
      [2, 'name'],
      [3, 'end date'],
      [4, 'date'],
      [5, undefined],
      [6, undefined],
      [8, undefined],
      [9, undefined],
      [10, 'date'],
    ])
    expect(found.map(describeProblem)).toEqual([
      expect.stringMatching(/^Line 2, name: say what "Christmas" is/),
      'Line 3, end date: is before the start date (2026-10-30)',
      'Line 4, date: no such calendar date',
      expect.stringMatching(/^Line 5: has no date/),
      expect.stringMatching(/^Line 6: has 3 dates/),
      'Line 8: 2026-09-02 is already a closure day on line 7',
      'Line 9: overlaps "Autumn term" on line 1',
      'Line 10, date: "Septober" is not a month',
    ])
  })

  it('refuses a closure on a day the school already closes, saying which', () => {
    const found = problems('INSET 2026-09-02', { existingClosures: new Map([['2026-09-02', 'Training day']]) })
    expect(found.map(describeProblem)).toEqual(['Line 1: 2026-09-02 is already a closure day (Training day)'])
  })

  it('refuses a holiday written as a closure range, and a weekend closure', () => {
    expect(problems('Closed 2026-12-19 2027-02-03').map((p) => p.message)).toEqual([expect.stringMatching(/more than 31 school days; holidays need no line/)])
    expect(problems('Closed 2026-09-05 2026-09-06').map((p) => p.message)).toEqual(['falls on a weekend only; there is nothing to close'])
  })

  it('says so when there is nothing to read', () => {
    expect(problems('   \n').map(describeProblem)).toEqual(['is empty'])
    expect(problems('# only a comment').map(describeProblem)).toEqual(['has only blank or # lines'])
  })

  it('refuses words it does not understand around the dates rather than guess', () => {
    expect(problems('Autumn term 2026-09-03 or maybe 2026-12-18').map((p) => p.message)).toEqual([expect.stringMatching(/"or maybe" between the dates/)])
    expect(problems('Autumn term 2026-09-03 2026-12-18 (provisional)').map((p) => p.message)).toEqual([
      expect.stringMatching(/"\(provisional\)" after the dates/),
    ])
  })
})
