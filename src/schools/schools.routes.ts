import { Hono } from 'hono'
import { z } from 'zod'
import { listingPrincipal, requireOrganisationField, requireTrustAdmin } from '../auth/scope.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createSchool, deleteSchool, getSchool, listSchools, updateSchool } from './schools.js'
import { name } from '../platform/fields.js'
import { isKnownTimeZone } from '../platform/zone.js'

const schoolBody = z.strictObject({
  organisationId: z.string().min(1, 'must not be empty'),
  name,
  timezone: z.string().refine(isKnownTimeZone, 'not an IANA time zone such as "Europe/London"').default('Europe/London'),
  fullTimeHours: z.number().gt(0, 'must be more than 0').max(168).default(37),
})

const listQuery = pageQuery.extend({ organisationId: z.string().min(1).optional() })

export const schoolRoutes = new Hono<AppEnv>()
  .get('/schools', validate('query', listQuery), async (c) => c.json(await listSchools(c.var.deps.store, c.req.valid('query'), listingPrincipal(c))))
  // A school goes into an organisation its trust admin runs.
  .post('/schools', validate('json', schoolBody), async (c) => {
    await requireOrganisationField(c, c.req.valid('json').organisationId)
    const school = await createSchool(writeContext(c), c.req.valid('json'))
    c.header('Location', `/api/schools/${school.id}`)
    return versioned(c, school, 201)
  })
  .get('/schools/:schoolId', async (c) => versioned(c, await getSchool(c.var.deps.store, c.req.param('schoolId'))))
  // Managers edit their school; moving it to another organisation takes a trust admin of both.
  .put('/schools/:schoolId', validate('json', schoolBody), async (c) => {
    const current = await getSchool(c.var.deps.store, c.req.param('schoolId'))
    if (c.req.valid('json').organisationId !== current.organisationId) {
      requireTrustAdmin(c)
      await requireOrganisationField(c, c.req.valid('json').organisationId)
    }
    return versioned(c, await updateSchool(writeContext(c), c.req.param('schoolId'), c.req.valid('json'), c.req.header('if-match')))
  })
  // Deleting a school removes all its data: its trust admin only.
  .delete('/schools/:schoolId', async (c) => {
    requireTrustAdmin(c)
    await deleteSchool(writeContext(c), c.req.param('schoolId'), c.req.header('if-match'))
    return c.body(null, 204)
  })
