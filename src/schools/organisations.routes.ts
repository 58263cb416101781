import { Hono } from 'hono'
import { z } from 'zod'
import { listingPrincipal, requireOrganisation, requirePerson } from '../auth/scope.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { pageQuery } from '../platform/http/pagination.js'
import { versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from './organisations.js'
import { name } from '../platform/fields.js'

const organisationBody = z.strictObject({ name })

// Organisations the caller cannot see answer 404, like ones that do not exist; changing one
// takes its trust admin. Whoever creates an organisation becomes its trust admin.
export const organisationRoutes = new Hono<AppEnv>()
  .get('/organisations', validate('query', pageQuery), async (c) =>
    c.json(await listOrganisations(c.var.deps.store, c.req.valid('query'), listingPrincipal(c))),
  )
  .post('/organisations', validate('json', organisationBody), async (c) => {
    const { userId } = requirePerson(c)
    const org = await createOrganisation(writeContext(c), c.req.valid('json'), userId)
    c.header('Location', `/api/organisations/${org.id}`)
    return versioned(c, org, 201)
  })
  .get('/organisations/:id', async (c) => {
    await requireOrganisation(c, c.req.param('id'), 'see')
    return versioned(c, await getOrganisation(c.var.deps.store, c.req.param('id')))
  })
  .put('/organisations/:id', validate('json', organisationBody), async (c) => {
    await requireOrganisation(c, c.req.param('id'), 'admin')
    return versioned(c, await updateOrganisation(writeContext(c), c.req.param('id'), c.req.valid('json'), c.req.header('if-match')))
  })
  .delete('/organisations/:id', async (c) => {
    await requireOrganisation(c, c.req.param('id'), 'admin')
    await deleteOrganisation(writeContext(c), c.req.param('id'), c.req.header('if-match'))
    return c.body(null, 204)
  })
