import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../deps.js'
import { writeContext } from '../http/context.js'
import { pageQuery } from '../http/pagination.js'
import { validate } from '../http/validate.js'
import { createOrganisation, deleteOrganisation, getOrganisation, listOrganisations, updateOrganisation } from '../services/organisations.js'
import { name } from './fields.js'

const organisationBody = z.strictObject({ name })

export const organisationRoutes = new Hono<AppEnv>()
  .get('/organisations', validate('query', pageQuery), async (c) => c.json(await listOrganisations(c.var.deps.store, c.req.valid('query'))))
  .post('/organisations', validate('json', organisationBody), async (c) => {
    const org = await createOrganisation(writeContext(c), c.req.valid('json'))
    c.header('Location', `/api/organisations/${org.id}`)
    return c.json(org, 201)
  })
  .get('/organisations/:id', async (c) => c.json(await getOrganisation(c.var.deps.store, c.req.param('id'))))
  .put('/organisations/:id', validate('json', organisationBody), async (c) =>
    c.json(await updateOrganisation(writeContext(c), c.req.param('id'), c.req.valid('json'))),
  )
  .delete('/organisations/:id', async (c) => {
    await deleteOrganisation(writeContext(c), c.req.param('id'))
    return c.body(null, 204)
  })
