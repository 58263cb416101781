// What the app needs from its runtime, and what every handler can read from the context.
import type { Clock } from '@js-joda/core'
import type { Store } from '../db/store.js'

export type NewId = (prefix: string) => string

export interface AppDeps {
  store: Store
  clock: Clock
  newId?: NewId
}

/** The deps with defaults filled in; what services receive. */
export interface Deps {
  store: Store
  clock: Clock
  newId: NewId
}

/** Who is making a change; sign-in (a later issue) sets `actor`, until then it is 'anonymous'. */
export const ANONYMOUS = 'anonymous'

export interface AppEnv {
  Variables: {
    deps: Deps
    actor: string
  }
}

/** What a write needs to know besides its input: where to write, when, by whom, new ids. */
export interface WriteContext extends Deps {
  actor: string
}
