import { z } from 'zod'
import { schoolResourceRoutes } from '../platform/http/crud-routes.js'
import { pageQuery } from '../platform/http/pagination.js'
import { createStaff, deleteStaff, getStaff, listStaff, updateStaff } from './staff.js'
import { code, endAfterStart, isoDate, name, oneLine, reference, timeOfDay, weekday } from '../platform/fields.js'

const workingHours = z.strictObject({ start: timeOfDay, end: timeOfDay }).superRefine(endAfterStart('start', 'end'))

const skillHeld = z.union([
  z
    .string()
    .min(1)
    .max(100)
    .transform((skill) => ({ skill, expiresOn: null })),
  z.strictObject({ skill: z.string().min(1, 'must not be empty').max(100), expiresOn: isoDate.nullable().default(null) }),
])

const commitment = z
  .strictObject({
    day: weekday,
    start: timeOfDay,
    end: timeOfDay,
    label: oneLine(z.string().max(500)).nullable().default(null),
    needsCover: z.boolean().default(false),
  })
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

export const staffRoutes = schoolResourceRoutes(
  '/schools/:schoolId/staff',
  { body: staffBody, query: listQuery },
  { list: listStaff, get: getStaff, create: createStaff, update: updateStaff, delete: deleteStaff },
)
