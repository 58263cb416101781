// A cursor the audit log never gave out is the client's mistake: it is named as a bad query
// field, not quietly read as "start again at page 1".
import { afterEach, beforeEach, expect, it } from 'vitest'
import { makeApp, makeWorld, userCookie, type World } from '../support/auth.js'

let world: World
let app: ReturnType<typeof makeApp>
beforeEach(async () => {
  world = await makeWorld()
  app = makeApp(world)
})
afterEach(() => world.close())

it('a garbage audit cursor answers 400 naming the cursor instead of page 1', async () => {
  const manager = await userCookie(world, world.users.trustAdminA)
  for (const cursor of ['garbage', 'WyJhIl0', '%E2%98%83']) {
    const res = await app.request(`/api/schools/sch_a2/audit?cursor=${cursor}`, { headers: { cookie: manager } })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { type: string; errors: { path: string; in: string }[] }
    expect(body.type).toMatch(/validation$/)
    expect(body.errors).toEqual([expect.objectContaining({ path: 'cursor', in: 'query' })])
  }
})
