// What a route hands to a service for a write: the app's deps plus who is acting.
import type { Context } from 'hono'
import { ANONYMOUS, type AppEnv, type WriteContext } from '../deps.js'

export function writeContext(c: Context<AppEnv>): WriteContext {
  return { ...c.var.deps, actor: c.var.actor ?? ANONYMOUS }
}
