import { describe, expect, it } from 'vitest'
import { commitments } from '../../src/setup/staff-csv-cells.js'
import { commitmentsText } from '../../src/manager/views/labels.js'

describe('commitments written as text on the staff form and in a staff CSV', () => {
  it('read "(needs cover)" after a label as a commitment that asks for cover when its holder is away', () => {
    expect(commitments.parse('Mon 09:00-10:00 1:1 reading (needs cover); Tue 12:10-12:40 Choir')).toEqual([
      { day: 'mon', start: '09:00', end: '10:00', label: '1:1 reading', needsCover: true },
      { day: 'tue', start: '12:10', end: '12:40', label: 'Choir', needsCover: false },
    ])
  })

  it('are written back the way they are read, so saving the form unchanged changes nothing', () => {
    const text = 'Mon 09:00-10:00 1:1 reading (needs cover); Tue 12:10-12:40 Choir'
    expect(commitmentsText(commitments.parse(text))).toBe(text)
  })
})
