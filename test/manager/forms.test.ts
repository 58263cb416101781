// The manager's forms read into service input: text and ticked boxes in, typed values out, or
// one message per field for the page to show next to what was typed.
import { describe, expect, it } from 'vitest'
import { absenceForm, dutyPostForm, gradeForm, read, slotForm, staffForm } from '../../src/manager/form-readers.js'

describe('the slot form', () => {
  it('reads a slot; no day ticked means every day, and 8:30 is 08:30', () => {
    expect(read(slotForm, { code: 'before', kind: 'other', start: '8:30', end: '08:50' })).toEqual({
      ok: true,
      value: { code: 'before', kind: 'other', start: '08:30', end: '08:50', days: null },
    })
    expect(read(slotForm, { code: 'club', kind: 'other', start: '15:15', end: '16:00', days: ['mon', 'wed'] })).toMatchObject({
      ok: true,
      value: { days: ['mon', 'wed'] },
    })
  })

  it('names each bad field', () => {
    expect(read(slotForm, { code: 'p 1', kind: 'nap', start: '25:00', end: '' })).toEqual({
      ok: false,
      errors: {
        code: 'letters, digits, ".", "_", ":" or "-", starting with a letter or digit',
        kind: 'choose a kind',
        start: 'enter a time such as 10:50',
        end: 'enter a value',
      },
    })
    expect(read(slotForm, { code: 'p1', kind: 'lesson', start: '10:00', end: '09:00' })).toEqual({
      ok: false,
      errors: { end: 'must be after the start (10:00)' },
    })
  })
})

describe('the grade form', () => {
  it('reads the kinds ticked, one or several', () => {
    expect(read(gradeForm, { code: 'GB', name: 'Grade B', dutyKinds: 'break' })).toEqual({
      ok: true,
      value: { code: 'GB', name: 'Grade B', dutyKinds: ['break'], hourlyRate: null },
    })
    expect(read(gradeForm, { code: 'T', name: 'Teacher' })).toEqual({ ok: true, value: { code: 'T', name: 'Teacher', dutyKinds: [], hourlyRate: null } })
    expect(read(gradeForm, { code: '', name: ' ', dutyKinds: ['naps'] })).toEqual({
      ok: false,
      errors: { code: 'enter a value', name: 'enter a value', dutyKinds: 'choose kinds from the list' },
    })
  })

  it('reads an hourly rate in pounds, and refuses one below zero by name', () => {
    expect(read(gradeForm, { code: 'GB', name: 'Grade B', hourlyRate: ' 13.69 ' })).toMatchObject({ ok: true, value: { hourlyRate: 13.69 } })
    expect(read(gradeForm, { code: 'GB', name: 'Grade B', hourlyRate: '-2' })).toEqual({ ok: false, errors: { hourlyRate: 'must not be below zero' } })
    expect(read(gradeForm, { code: 'GB', name: 'Grade B', hourlyRate: 'lots' })).toEqual({
      ok: false,
      errors: { hourlyRate: 'enter pounds and pence, e.g. 13.69' },
    })
  })
})

describe('the staff form', () => {
  it('reads hours, pattern and skills in the grammar of the staff import', () => {
    const r = read(staffForm, {
      code: 'AP',
      name: 'Amira Patel',
      grade: 'G4',
      hoursPerWeek: '36:40',
      pattern: 'Mon-Fri 08:00-15:50',
      skills: 'first-aid (2027-06-30); dsl',
      unpaidBreakMinutes: '30',
      email: '',
    })
    expect(r).toEqual({
      ok: true,
      value: {
        code: 'AP',
        name: 'Amira Patel',
        grade: 'G4',
        hoursPerWeek: 36.67,
        pattern: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, { start: '08:00', end: '15:50' }])),
        unpaidBreakMinutes: 30,
        email: null,
        skills: [
          { skill: 'first-aid', expiresOn: '2027-06-30' },
          { skill: 'dsl', expiresOn: null },
        ],
        additionalHoursAllowance: 0,
        maxDutiesPerWeek: null,
        commitments: [],
        avoid: [],
        prefer: [],
      },
    })
  })

  it('names each bad field', () => {
    const r = read(staffForm, { code: 'AP', name: 'Amira', grade: '', hoursPerWeek: 'lots', pattern: 'weekdays', email: 'amira' })
    expect(r.ok ? [] : Object.keys(r.errors)).toEqual(['grade', 'hoursPerWeek', 'pattern', 'email'])
  })
})

describe('the duty post form', () => {
  it('reads slots, days, people and skill seats', () => {
    expect(
      read(dutyPostForm, {
        code: 'yard',
        name: 'Yard',
        kind: 'break',
        slots: 'break',
        days: ['mon', 'tue'],
        peopleNeeded: '2',
        skillSeats: 'first-aid:1',
        priority: '2',
      }),
    ).toEqual({
      ok: true,
      value: {
        code: 'yard',
        name: 'Yard',
        kind: 'break',
        slots: ['break'],
        days: ['mon', 'tue'],
        peopleNeeded: 2,
        skillSeats: { 'first-aid': 1 },
        priority: 2,
        wetWeatherFor: null,
      },
    })
  })

  it('asks for a slot and a day, and no more skilled seats than people, all at once', () => {
    expect(read(dutyPostForm, { code: 'yard', name: 'Yard', kind: 'break', peopleNeeded: '1', skillSeats: 'first-aid:2' })).toEqual({
      ok: false,
      errors: { slots: 'tick at least one slot', days: 'tick at least one day', skillSeats: 'asks for 2 skilled people but only 1 in all' },
    })
    expect(
      read(dutyPostForm, { code: 'yard', name: 'Yard', kind: 'break', slots: 'break', days: 'mon', peopleNeeded: '1', skillSeats: 'first-aid:2' }),
    ).toEqual({
      ok: false,
      errors: { skillSeats: 'asks for 2 skilled people but only 1 in all' },
    })
  })
})

describe('the absence form', () => {
  it('reads whole days, open-ended, with no reason', () => {
    expect(read(absenceForm, { staff: 'BJ', startDate: '2026-11-25', endDate: '', start: '', end: '', reason: '' })).toEqual({
      ok: true,
      value: { staff: 'BJ', startDate: '2026-11-25', endDate: null, startTime: null, endTime: null, reason: null, detail: null },
    })
  })

  it('reads part of each day and a reason', () => {
    expect(read(absenceForm, { staff: 'BJ', startDate: '2026-11-25', endDate: '2026-11-26', start: '08:00', end: '12:00', reason: 'medical' })).toMatchObject({
      ok: true,
      value: { startTime: '08:00', endTime: '12:00', reason: 'medical' },
    })
  })

  it('names each bad field', () => {
    expect(read(absenceForm, { staff: '', startDate: '2026-11-25', endDate: '2026-11-24', start: '09:00', end: '' })).toEqual({
      ok: false,
      errors: { staff: 'choose who is absent', endDate: 'must not be before the first day (2026-11-25)', end: 'give both times, or neither for whole days' },
    })
  })
})
