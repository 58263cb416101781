// An imported file's school zone is checked against the same list as a school's own.
import { describe, expect, it } from 'vitest'
import { fieldProblems } from '../../src/scenario/import-guard.js'

describe('fieldProblems on school.timezone', () => {
  it('takes a zone js-joda knows and refuses one it cannot compute with', () => {
    expect(fieldProblems({ school: { timezone: 'Pacific/Auckland' } })).toEqual([])
    for (const timezone of ['Mars/Olympus', 'europe/london', 'SYSTEM']) {
      expect(fieldProblems({ school: { timezone } }), timezone).toEqual([
        { path: 'school.timezone', message: 'not an IANA time zone such as "Europe/London"', in: 'body' },
      ])
    }
  })
})
