// The people who run a school over HTTP: list its managers and trust admins, add a manager (who
// is mailed a sign-in link), remove one. People only: a script's API token may not give or take
// away a person's rights, and staff never reach here (schoolAccess answers them 403).
import { Hono, type Context } from 'hono'
import { z } from 'zod'
import { appOrigin, managesSchool } from './authorise.js'
import { addManager, listSchoolPeople, removeManager } from './school-managers.js'
import type { AppEnv } from '../platform/deps.js'
import { writeContext } from '../platform/http/context.js'
import { forbidden } from '../platform/http/problem.js'
import { validate } from '../platform/http/validate.js'
import { name } from '../platform/fields.js'

export const managerInput = z.strictObject({
  email: z.string().trim().max(254, 'must be at most 254 characters').pipe(z.email('must be an email address such as name@school.org')),
  name,
})

/** The signed-in person running the school (manager or trust admin); 403 for tokens. */
export function schoolRunner(c: Context<AppEnv>): { userId: string; name: string } {
  const p = c.var.principal
  if (!managesSchool(c) || p?.kind !== 'user')
    throw forbidden('only a signed-in manager or trust admin may see or change who runs a school; an API token may not')
  return { userId: p.userId, name: p.name }
}

export const schoolManagerRoutes = new Hono<AppEnv>()
  .get('/schools/:schoolId/managers', async (c) => {
    schoolRunner(c)
    return c.json({ items: await listSchoolPeople(c.var.deps, c.req.param('schoolId')) })
  })
  // 201 with the new manager; 200 when they already managed the school (nothing sent).
  .post('/schools/:schoolId/managers', validate('json', managerInput), async (c) => {
    const me = schoolRunner(c)
    const ctx = { ...writeContext(c), mailer: c.var.authDeps.mailer }
    const added = await addManager(ctx, c.req.param('schoolId'), c.req.valid('json'), appOrigin(c, c.var.authDeps), me.name)
    return c.json({ ...added.person, mailed: added.mailed }, added.created ? 201 : 200)
  })
  .delete('/schools/:schoolId/managers/:userId', async (c) => {
    schoolRunner(c)
    await removeManager(writeContext(c), c.req.param('schoolId'), c.req.param('userId'))
    return c.body(null, 204)
  })
