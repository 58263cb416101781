// The manager's week: read it, generate a draft, pin or bar, publish. The week's ETag is its
// version (week-rotas.ts); POST .../publish needs it in If-Match (428 without, 412 when stale).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { setEtag } from '../platform/http/etag.js'
import { validate } from '../platform/http/validate.js'
import { importCoverCsv } from './cover-csv.js'
import { generateThroughJob } from '../jobs/jobs.js'
import { addOverride, listOverrides, removeOverride } from './overrides.js'
import { publishWeek, viewWeek } from './publish.js'
import { code, isoDate, reference } from '../platform/fields.js'
import { isMondayDate } from '../scenario/week-dates.js'

const weekParams = z.object({ schoolId: z.string().min(1), monday: isoDate.refine(isMondayDate, 'must be a Monday') })

const overrideBody = z.strictObject({
  kind: z.enum(['pin', 'bar']),
  staff: reference,
  duty: code,
  date: isoDate,
  slot: code.optional(),
})

/** JSON, as every write of the API: the CSV text travels in one field. */
const coverCsvBody = z.strictObject({
  csv: z
    .string()
    .min(1, 'must not be empty')
    .max(1024 * 1024),
})

const BASE = '/schools/:schoolId/weeks/:monday'

export const weekRoutes = new Hono<AppEnv>()
  .get(`${BASE}/rota`, validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    const view = await viewWeek(c.var.deps, schoolId, monday)
    setEtag(c, view.version)
    return c.json(view)
  })
  // A week up to WAIT_FOR_JOBS_UP_TO_STAFF answers with its draft (201); a bigger one at once
  // with its job (202, Location: the job), which says when the draft is there.
  .post(`${BASE}/rota`, validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    const outcome = await generateThroughJob(writeContext(c), schoolId, monday)
    if ('job' in outcome) {
      c.header('Location', `/api/schools/${encodeURIComponent(schoolId)}/jobs/${encodeURIComponent(outcome.job.id)}`)
      return c.json(outcome.job, 202)
    }
    setEtag(c, outcome.draft.version)
    return c.json(outcome.draft, 201)
  })
  .post(`${BASE}/rota/publish`, validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    const published = await publishWeek(writeContext(c), schoolId, monday, c.req.header('if-match'))
    setEtag(c, published.version)
    return c.json(published)
  })
  .get(`${BASE}/overrides`, validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    return c.json({ items: await listOverrides(c.var.deps.store, schoolId, monday) })
  })
  .post(`${BASE}/overrides`, validate('param', weekParams), validate('json', overrideBody), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    const override = await addOverride(writeContext(c), schoolId, monday, c.req.valid('json'))
    c.header('Location', `${c.req.path.replace(/\/$/, '')}/${override.id}`)
    return c.json(override, 201)
  })
  .delete(`${BASE}/overrides/:id`, validate('param', weekParams.extend({ id: z.string().min(1) })), async (c) => {
    const { schoolId, monday, id } = c.req.valid('param')
    await removeOverride(writeContext(c), schoolId, monday, id)
    return c.body(null, 204)
  })
  .post(`${BASE}/cover-requests/csv`, validate('param', weekParams), validate('json', coverCsvBody), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    return c.json(await importCoverCsv(writeContext(c), schoolId, c.req.valid('json').csv, { week: monday }), 201)
  })
