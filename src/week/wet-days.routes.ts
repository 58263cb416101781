// Wet weather for scripts: which posts switch and which days are wet (per week), and the switch
// itself per date. PUT turns a day wet, DELETE turns it back; each answers with the re-plan draft
// it made of a published week (its ETag is the draft's version, to publish it with If-Match).
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { validate } from '../platform/http/validate.js'
import { isoDate } from '../platform/fields.js'
import { isMondayDate } from '../scenario/week-dates.js'
import { switchWeather } from './wet-days.js'
import { loadWetWeek } from './wet-week.js'

const weekParams = z.object({ schoolId: z.string().min(1), monday: isoDate.refine(isMondayDate, 'must be a Monday') })
const dayParams = z.object({ schoolId: z.string().min(1), date: isoDate })

export const wetDayRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/weeks/:monday/wet-days', validate('param', weekParams), async (c) => {
    const { schoolId, monday } = c.req.valid('param')
    return c.json(await loadWetWeek(c.var.deps.store, schoolId, monday))
  })
  .put('/schools/:schoolId/wet-days/:date', validate('param', dayParams), async (c) => {
    const { schoolId, date } = c.req.valid('param')
    return c.json(await switchWeather(writeContext(c), schoolId, date, true, c.req.header('if-match')))
  })
  .delete('/schools/:schoolId/wet-days/:date', validate('param', dayParams), async (c) => {
    const { schoolId, date } = c.req.valid('param')
    return c.json(await switchWeather(writeContext(c), schoolId, date, false, c.req.header('if-match')))
  })
