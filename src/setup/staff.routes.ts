import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createStaff, deleteStaff, getStaff, listStaff, updateStaff } from './staff.js'
import { code, endAfterStart, isoDate, name, reference, timeOfDay, weekday } from '../platform/fields.js'

const workingHours = z.strictObject({ start: timeOfDay, end: timeOfDay }).superRefine(endAfterStart('start', 'end'))

const skillHeld = z.union([
  z.string().min(1).max(100).transform((skill) => ({ skill, expiresOn: null })),
  z.strictObject({ skill: z.string().min(1, 'must not be empty').max(100), expiresOn: isoDate.nullable().default(null) }),
])

const commitment = z
  .strictObject({ day: weekday, start: timeOfDay, end: timeOfDay, label: z.string().max(500).nullable().default(null) })
  .superRefine(endAfterStart('start', 'end'))

const staffBody = z
  .strictObject({
    code,
    name,
    grade: reference,
    hoursPerWeek: z.number().gt(0, 'must be more than 0').max(168),
    pattern: z.partialRecord(weekday, workingHours),
    unpaidBreakMinutes: z.number().int('must be a whole number').min(0).max(600).default(0),
    additionalHoursAllowance: z.number().min(0).max(10000).default(0),
    maxDutiesPerWeek: z.number().int('must be a whole number').min(0).max(1000).nullable().default(null),
    skills: z.array(skillHeld).max(100).default([]),
    commitments: z.array(commitment).max(200).default([]),
    avoid: z.array(reference).max(500).default([]),
    prefer: z.array(reference).max(500).default([]),
    email: z.email('not an email address').max(320).nullable().default(null),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>()
    s.skills.forEach((held, i) => {
      if (seen.has(held.skill)) ctx.addIssue({ code: 'custom', path: ['skills', i, 'skill'], message: `lists skill "${held.skill}" more than once` })
      seen.add(held.skill)
    })
  })

const listQuery = pageQuery.extend({ grade: z.string().min(1).optional() })

export const staffRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/staff', validate('query', listQuery), async (c) =>
    c.json(await listStaff(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))),
  )
  .post('/schools/:schoolId/staff', validate('json', staffBody), async (c) =>
    created(c, await createStaff(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/staff/:id', async (c) => versioned(c, await getStaff(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
  .put('/schools/:schoolId/staff/:id', validate('json', staffBody), async (c) =>
    versioned(c, await updateStaff(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .delete('/schools/:schoolId/staff/:id', async (c) => {
    await deleteStaff(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
