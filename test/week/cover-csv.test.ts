// Cover requests from a CSV file: every problem of a bad file named by line and column, nothing
// written unless the whole file is good, and the requests then join the week's scenario.
import { afterEach, describe, expect, it } from 'vitest'
import { ProblemError } from '../../src/platform/http/problem.js'
import { importCoverCsv } from '../../src/week/cover-csv.js'
import { parseCsv, toCsv } from '../../src/platform/csv.js'
import { exportScenario } from '../../src/scenario/export.js'
import { generateDraft } from '../../src/week/generate.js'
import { NEXT_WEEK, rows, SCHOOL, tinyScenario, WEEK, worldFrom, type World } from '../support/week.js'

const open: World[] = []
afterEach(async () => {
  for (const w of open.splice(0)) await w.close()
})

async function tiny(): Promise<World> {
  const w = await worldFrom(tinyScenario())
  open.push(w)
  return w
}

async function problems(promise: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  try {
    await promise
  } catch (err) {
    if (err instanceof ProblemError && err.problem.status === 400) return (err.problem.errors ?? []).map(({ path, message }) => ({ path, message }))
    throw err
  }
  throw new Error('expected the file to be rejected')
}

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, CRLF or LF, and a byte-order mark', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\n"two\nlines",z\n\n')
    expect(parsed).toEqual({
      ok: true,
      lines: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"'] },
        { line: 3, fields: ['two\nlines', 'z'] },
      ],
    })
  })

  it('writes what it reads', () => {
    const table = [
      ['name', 'note'],
      ['Ann', 'said "no", then yes'],
      ['Ben', ' padded '],
    ]
    const parsed = parseCsv(toCsv(table))
    expect(parsed.ok && parsed.lines.map((l) => l.fields)).toEqual(table)
  })

  it('writes cells a spreadsheet would run as formulas as plain text', () => {
    expect(toCsv([['=1+1', '@SUM(A1)', '+44', '-3', 'Ann']])).toBe("'=1+1,'@SUM(A1),'+44,'-3,Ann\r\n")
  })

  it('names the line of an unclosed quote', () => {
    expect(parseCsv('date,slot\n2026-11-24,"p1\n')).toMatchObject({ ok: false, line: 2 })
  })
})

describe('importing cover requests from CSV', () => {
  it('creates every request of a good file, with codes made up where none is given, and they join the week', async () => {
    const w = await tiny()
    const file =
      'date,slot,label,staff,skills,priority,code\r\n2026-11-24,p1,"9X Maths, M4",,,,\r\n2026-11-24,p1,9Y English,2,first-aid:1,2,cov-9y\r\n2026-11-24,p1,10A Science,,,,\r\n'
    const result = await importCoverCsv(w.ctx, SCHOOL, file, { week: WEEK })
    expect(result.created.map((c) => [c.code, c.label, c.peopleNeeded, c.skillSeats, c.priority])).toEqual([
      ['2026-11-24-p1', '9X Maths, M4', 1, {}, 3],
      ['cov-9y', '9Y English', 2, { 'first-aid': 1 }, 2],
      ['2026-11-24-p1-2', '10A Science', 1, {}, 3],
    ])
    expect(rows(w.store, "SELECT id FROM audit_log WHERE entity = 'cover_request'")).toHaveLength(3)
    const scenario = await exportScenario(w.store, SCHOOL, WEEK)
    expect(scenario.cover?.map((c) => c.id).sort()).toEqual(['2026-11-24-p1', '2026-11-24-p1-2', 'cov-9y'])
    const draft = await generateDraft(w.ctx, SCHOOL, WEEK)
    expect(draft.rota.assignments.some((a) => a.duty === 'cov-9y') || draft.rota.unfilled.some((u) => u.duty === 'cov-9y')).toBe(true)
  })

  it('rejects a bad file with one problem per bad field and writes nothing', async () => {
    const w = await tiny()
    const before = rows(w.store, 'SELECT * FROM cover_requests').length
    const file = [
      'code,date,slot,staff,skills,priority',
      'ok-1,2026-11-24,p1,1,,3',
      'bad date,2026-11-31,p9,0,first-aid,9',
      'ok-1,2026-12-01,p1,1,,',
      'yard,2026-11-25,p1,1,first-aid:2,',
      'short,2026-11-25',
    ].join('\n')
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, file, { week: WEEK }))).toEqual([
      { path: 'line 3.code', message: expect.stringContaining('letters, digits') },
      { path: 'line 3.date', message: 'no such calendar date' },
      { path: 'line 3.staff', message: 'must be at least 1' },
      { path: 'line 3.skills', message: '"first-aid" is not skill:count (e.g. first-aid:1)' },
      { path: 'line 3.priority', message: 'must be at most 5' },
      { path: 'line 4.date', message: '2026-12-01 is not in the week starting 2026-11-23' },
      { path: 'line 5.skills', message: 'asks for 2 skill seats but only 1 people' },
      { path: 'line 6', message: 'has 2 fields; the header has 6' },
    ])
    expect(rows(w.store, 'SELECT * FROM cover_requests')).toHaveLength(before)
  })

  it('checks slots, codes already in use (duty posts share the namespace) and codes repeated in the file', async () => {
    const w = await tiny()
    const file = 'code,date,slot\nyard,2026-11-24,p1\nc1,2026-11-24,nope\nc2,2026-11-24,p1\nc2,2026-11-25,p1\n'
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, file))).toEqual([
      { path: 'line 2.code', message: '"yard" is already used by a duty post' },
      { path: 'line 3.slot', message: 'no slot with code "nope" in this school' },
      { path: 'line 5.code', message: '"c2" is also on line 4, in the same week' },
    ])
    expect(rows(w.store, 'SELECT * FROM cover_requests')).toHaveLength(0)
  })

  it("takes a code another week already uses, refuses one this week's cover or events already use, and makes up codes that clash with neither", async () => {
    const w = await tiny()
    await importCoverCsv(w.ctx, SCHOOL, 'code,date,slot\nc1,2026-11-24,p1\n', { week: WEEK })
    await importCoverCsv(w.ctx, SCHOOL, 'code,date,slot\n2026-12-01-p1,2026-12-01,p1\n', { week: NEXT_WEEK })
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, 'code,date,slot\nc1,2026-11-27,p1\n', { week: WEEK }))).toEqual([
      { path: 'line 2.code', message: '"c1" is already used by a cover request or event in the week of 2026-11-23' },
    ])
    const next = await importCoverCsv(w.ctx, SCHOOL, 'code,date,slot\nc1,2026-12-01,p1\n,2026-12-01,p1\n', { week: NEXT_WEEK })
    expect(next.created.map((c) => c.code)).toEqual(['c1', '2026-12-01-p1-2'])
    expect(rows(w.store, 'SELECT code, date FROM cover_requests ORDER BY date, code')).toEqual([
      { code: 'c1', date: '2026-11-24' },
      { code: '2026-12-01-p1', date: '2026-12-01' },
      { code: '2026-12-01-p1-2', date: '2026-12-01' },
      { code: 'c1', date: '2026-12-01' },
    ])
  })

  it('names format and reference problems of different lines in one answer, in file order', async () => {
    const w = await tiny()
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, 'date,slot\n2026-11-24,p9\n2026-13-01,p1\n'))).toEqual([
      { path: 'line 2.slot', message: 'no slot with code "p9" in this school' },
      { path: 'line 3.date', message: expect.stringContaining('expected a date "YYYY-MM-DD"') },
    ])
  })

  it('needs a header with the date and slot columns, and knows every column it is given', async () => {
    const w = await tiny()
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, 'when,slot\n2026-11-24,p1\n'))).toEqual([
      { path: 'line 1.when', message: expect.stringContaining('unknown column') },
      { path: 'line 1.date', message: 'this column is required' },
    ])
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, ''))).toHaveLength(1)
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, 'date,slot\n'))).toHaveLength(1)
    expect(await problems(importCoverCsv(w.ctx, SCHOOL, 'date,slot\n,p1\n'))).toEqual([{ path: 'line 2.date', message: 'required' }])
  })
})
