// What a person is told when their published duties change: only what changed, in plain words,
// one message each, and nothing at all for someone whose week is the same.
import { describe, expect, it } from 'vitest'
import { changeMessage, personChanges, type DutyLine } from '../../src/notifications/changes.js'

const duty = (staffId: string, work: string, date: string, start: string, what = 'Break duty: Yard'): DutyLine => ({
  staffId,
  work,
  date,
  slot: 'break',
  what,
  start,
  end: twentyMinutesAfter(start),
})

function twentyMinutesAfter(hhmm: string): string {
  const minutes = Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3)) + 20
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`
}

describe('the changes of a publish', () => {
  it('leaves out everyone whose duties are the same', () => {
    const week = [duty('amira', 'yard', '2026-11-24', '10:50'), duty('ben', 'yard', '2026-11-25', '10:50')]
    expect(personChanges(week, week)).toEqual([])
  })

  it('tells a person what was added and taken off, and a duty given on another day as a move', () => {
    const before = [duty('amira', 'yard', '2026-11-24', '10:50'), duty('amira', 'gate', '2026-11-26', '08:30', 'Duty: Front gate')]
    const after = [duty('amira', 'yard', '2026-11-25', '10:50'), duty('amira', 'c1', '2026-11-27', '09:00', 'Cover: 4B reading')]
    const [amira] = personChanges(before, after)
    expect(amira?.moved.map((m) => [m.from.date, m.to.date])).toEqual([['2026-11-24', '2026-11-25']])
    expect(amira?.added.map((d) => d.what)).toEqual(['Cover: 4B reading'])
    expect(amira?.removed.map((d) => d.what)).toEqual(['Duty: Front gate'])
    const text = changeMessage('Amira Patel', '2026-11-23', amira!, false)
    expect(text.subject).toBe('Your duties changed: the week of Monday 23 November')
    expect(text.body.split('\n')).toEqual([
      'Hello Amira Patel,',
      '',
      'Your published duties for the week of Monday 23 November have changed:',
      '- New: Fri 27 Nov, 09:00-09:20: Cover: 4B reading',
      '- Moved: Break duty: Yard, from Tue 24 Nov, 10:50-11:10 to Wed 25 Nov, 10:50-11:10',
      '- No longer yours: Thu 26 Nov, 08:30-08:50: Duty: Front gate',
      '',
      'Please open your page and press Seen beside each change, so the office knows you have read it.',
    ])
  })

  it('asks for no Seen when a re-plan only takes duties off', () => {
    const [ben] = personChanges([duty('ben', 'yard', '2026-11-25', '10:50')], [])
    expect(changeMessage('Ben Ortiz', '2026-11-23', ben!, false).body).not.toContain('Seen')
  })

  it('lists the whole week on the first publish', () => {
    const [ben] = personChanges([], [duty('ben', 'yard', '2026-11-25', '10:50')])
    expect(changeMessage('Ben Ortiz', '2026-11-23', ben!, true)).toEqual({
      subject: 'Your duties for the week of Monday 23 November',
      body: 'Hello Ben Ortiz,\n\nYour duties for the week of Monday 23 November are published:\n- Wed 25 Nov, 10:50-11:10: Break duty: Yard',
    })
  })
})
