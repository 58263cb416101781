// The five routes every school-scoped resource has (list, create, read, replace, delete), so
// each resource router only says its path, its zod schemas and its use cases, and the HTTP
// contract stays one thing: 201 with Location and ETag on create, ETag on read and replace,
// If-Match handed to the write (checked in its atomic batch), 204 on delete, and every bad
// field answered by `validate` as one problem. A resource whose routes differ (extra
// authorisation per verb, no school in the path) writes its own router instead.
import { Hono } from 'hono'
import type { z } from 'zod'
import type { Store } from '../../../db/store.js'
import type { AppEnv, WriteContext } from '../deps.js'
import { writeContext } from './context.js'
import type { Page, pageQuery } from './pagination.js'
import { created, versioned } from './reply.js'
import { validate } from './validate.js'

/** What the resource's use cases look like; `Input` is what its body schema gives. */
export interface SchoolResource<Input, Query, Item extends { id: string; version: number }> {
  list(store: Store, schoolId: string, query: Query): Promise<Page<unknown>>
  get(store: Store, schoolId: string, id: string): Promise<Item>
  create(ctx: WriteContext, schoolId: string, input: Input): Promise<Item>
  update(ctx: WriteContext, schoolId: string, id: string, input: Input, ifMatch: string | undefined): Promise<Item>
  delete(ctx: WriteContext, schoolId: string, id: string, ifMatch: string | undefined): Promise<void>
}

export interface SchoolResourceSchemas<Body extends z.ZodType, Query extends z.ZodType> {
  body: Body
  /** `pageQuery`, or `pageQuery.extend({...})` for a list's own filters */
  query: Query
}

type Collection = `/schools/:schoolId/${string}`

/**
 * A router with the five routes at `path` (e.g. '/schools/:schoolId/slots') and `path/:id`;
 * mount it under /api. Chain a resource's special routes onto the router it returns.
 */
export function schoolResourceRoutes<Body extends z.ZodType, Query extends typeof pageQuery, Item extends { id: string; version: number }>(
  path: Collection,
  schemas: SchoolResourceSchemas<Body, Query>,
  resource: SchoolResource<z.output<Body>, z.output<Query>, Item>,
): Hono<AppEnv> {
  const one = `${path}/:id` as const
  return new Hono<AppEnv>()
    .get(path, validate('query', schemas.query), async (c) => c.json(await resource.list(c.var.deps.store, c.req.param('schoolId'), c.req.valid('query'))))
    .post(path, validate('json', schemas.body), async (c) => created(c, await resource.create(writeContext(c), c.req.param('schoolId'), c.req.valid('json'))))
    .get(one, async (c) => versioned(c, await resource.get(c.var.deps.store, c.req.param('schoolId'), c.req.param('id'))))
    .put(one, validate('json', schemas.body), async (c) =>
      versioned(c, await resource.update(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.valid('json'), c.req.header('if-match'))),
    )
    .delete(one, async (c) => {
      await resource.delete(writeContext(c), c.req.param('schoolId'), c.req.param('id'), c.req.header('if-match'))
      return c.body(null, 204)
    })
}
