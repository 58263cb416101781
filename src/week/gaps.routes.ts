// The price of a week's gaps over JSON: GET lists each empty seat with its priced options (each
// a what-if re-plan that fills it), POST .../gaps/fix applies one and re-plans, answering as
// Generate does: the draft (201) or, for a big week, its job (202).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { setEtag } from '../platform/http/etag.js'
import { validate } from '../platform/http/validate.js'
import { isoDate } from '../platform/fields.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { applyGapFix, gapFixInput } from './gap-apply.js'
import { gapPrices } from './gap-prices.js'

const weekParams = z.object({ schoolId: z.string().min(1), monday: isoDate.refine(isMondayDate, 'must be a Monday') })
const BASE = '/schools/:schoolId/weeks/:monday/gaps'

export const gapRoutes = new Hono<AppEnv>()
  .get(BASE, validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    return c.json(await gapPrices(c.var.deps, schoolId, monday))
  })
  .post(`${BASE}/fix`, validate('param', weekParams), validate('json', gapFixInput), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    const outcome = await applyGapFix(writeContext(c), schoolId, monday, c.req.valid('json'))
    if ('job' in outcome) {
      c.header('Location', `/api/schools/${encodeURIComponent(schoolId)}/jobs/${encodeURIComponent(outcome.job.id)}`)
      return c.json(outcome.job, 202)
    }
    setEtag(c, outcome.draft.version)
    return c.json(outcome.draft, 201)
  })
