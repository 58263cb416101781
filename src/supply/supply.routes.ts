// Supply people and their bookings, for a school's managers and scripts. A person's checks are
// part of the person: one PUT with If-Match replaces agency, rate and checks together. Removing a
// supply person is removing the member of staff (DELETE /staff/:id), which takes the rest with it.
import { Hono } from 'hono'
import { z } from 'zod'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { created, versioned } from '../platform/http/reply.js'
import { validate } from '../platform/http/validate.js'
import { isoDate } from '../platform/fields.js'
import { bookingBody, bookSupply, cancelBooking, listBookings } from './bookings.js'
import { createSupplyPerson, getSupplyPerson, listSupplyPeople, supplyPersonBody, updateSupplyPerson } from './supply-people.js'

const bookingQuery = z.object({ from: isoDate, to: isoDate })

export const supplyRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/supply', async (c) => c.json({ items: await listSupplyPeople(c.var.deps.store, c.var.deps.clock, c.req.param('schoolId')) }))
  .post('/schools/:schoolId/supply', validate('json', supplyPersonBody), async (c) =>
    created(c, await createSupplyPerson(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))),
  )
  .get('/schools/:schoolId/supply/:id', async (c) =>
    versioned(c, await getSupplyPerson(c.var.deps.store, c.var.deps.clock, c.req.param('schoolId'), c.req.param('id'))),
  )
  .put('/schools/:schoolId/supply/:id', validate('json', supplyPersonBody), async (c) =>
    versioned(c, await updateSupplyPerson(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
  )
  .get('/schools/:schoolId/supply-bookings', validate('query', bookingQuery), async (c) => {
    const { from, to } = c.req.valid('query')
    return c.json({ items: await listBookings(c.var.deps, c.req.param('schoolId'), from, to) })
  })
  .post('/schools/:schoolId/supply-bookings', validate('json', bookingBody), async (c) => {
    const booked = await bookSupply(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))
    c.header('Location', `${c.req.path}/${booked.booking.id}`)
    return c.json(booked, 201)
  })
  .delete('/schools/:schoolId/supply-bookings/:id', async (c) => {
    return c.json(await cancelBooking(writeContext(c), c.req.param('schoolId'), c.req.param('id')))
  })
