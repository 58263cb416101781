// Everything under /api/schools/:schoolId/ belongs to that school; an unknown school is a 404
// before any resource route runs, so no route can forget to check it.
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../deps.js'
import { notFound } from '../http/problem.js'

export const requireSchool: MiddlewareHandler<AppEnv> = async (c, next) => {
  const schoolId = c.req.param('schoolId') ?? ''
  const school = await c.var.deps.store.db.selectFrom('schools').select('id').where('id', '=', schoolId).executeTakeFirst()
  if (!school) throw notFound(`no school with id ${schoolId}`)
  await next()
}
