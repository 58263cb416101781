// The Edit forms of one term (or half term) and one closure day, read with zod like the other
// setup forms: the paste on the Term dates page adds them, these change one at a time.
import { z } from 'zod'
import { name } from '../platform/fields.js'
import type { CalendarPeriodInput, ClosureInput } from '../setup/calendar.js'
import { date, required, text } from './form-readers.js'

export const periodForm: z.ZodType<CalendarPeriodInput> = z
  .object({
    name: text(required.pipe(name)),
    kind: text(z.enum(['term', 'half_term'], 'choose term or half term')),
    startDate: text(date),
    endDate: text(date),
  })
  .superRefine(
    (v, ctx) => {
      // Compared only when both are dates: a bad one already has its own message.
      const ok = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d)
      if (ok(v.startDate) && ok(v.endDate) && v.endDate < v.startDate)
        ctx.addIssue({ code: 'custom', path: ['endDate'], message: `must not be before the first day (${v.startDate})` })
    },
    { when: () => true },
  )

export const closureForm: z.ZodType<ClosureInput> = z.object({
  date: text(date),
  kind: text(z.enum(['inset', 'bank_holiday', 'other'], 'choose a kind from the list')),
  name: text(required.pipe(name)),
})
