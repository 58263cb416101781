// The fairness, hours and cover cost ledgers as reports, JSON by default and CSV with ?format=csv or
// Accept: text/csv (a spreadsheet is where a business manager takes them).
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { validate } from '../platform/http/validate.js'
import { toCsv } from '../platform/csv.js'
import { fairnessReport, fairnessTable } from './fairness.js'
import { hoursReport, hoursTable } from './hours.js'
import { coverCostReport, coverCostTable } from './cover-costs.js'
import { todayAtSchool } from '../platform/school-today.js'
import { isoDate } from '../platform/fields.js'

const reportQuery = z.strictObject({
  /** the day whose week, half term, term and year are reported; default today */
  date: isoDate.optional(),
  format: z.enum(['json', 'csv']).optional(),
})

function wantsCsv(c: Context, format: 'json' | 'csv' | undefined): boolean {
  if (format !== undefined) return format === 'csv'
  const accept = c.req.header('accept') ?? ''
  return /\btext\/csv\b/i.test(accept) && !/\bapplication\/json\b/i.test(accept)
}

function csv(c: Context, name: string, rows: string[][]) {
  return c.body(toCsv(rows), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` })
}

export const reportRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/reports/fairness', validate('query', reportQuery), async (c) => {
    const { date, format } = c.req.valid('query')
    const schoolId = c.req.param('schoolId')
    const report = await fairnessReport(c.var.deps.store, schoolId, date ?? (await todayAtSchool(c.var.deps.store, c.var.deps.clock, schoolId)))
    return wantsCsv(c, format) ? csv(c, `fairness-${report.asOf}`, fairnessTable(report)) : c.json(report)
  })
  .get('/schools/:schoolId/reports/hours', validate('query', reportQuery), async (c) => {
    const { date, format } = c.req.valid('query')
    const schoolId = c.req.param('schoolId')
    const report = await hoursReport(c.var.deps.store, schoolId, date ?? (await todayAtSchool(c.var.deps.store, c.var.deps.clock, schoolId)))
    return wantsCsv(c, format) ? csv(c, `hours-${report.year.name}`, hoursTable(report)) : c.json(report)
  })
  .get('/schools/:schoolId/reports/cover-costs', validate('query', reportQuery), async (c) => {
    const { date, format } = c.req.valid('query')
    const schoolId = c.req.param('schoolId')
    const report = await coverCostReport(c.var.deps.store, schoolId, date ?? (await todayAtSchool(c.var.deps.store, c.var.deps.clock, schoolId)))
    return wantsCsv(c, format) ? csv(c, `cover-costs-${report.asOf}`, coverCostTable(report)) : c.json(report)
  })
