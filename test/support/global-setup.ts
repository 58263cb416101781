// Tests run the built JavaScript entries (the solver CLI, worker threads) exactly as `npm start`
// and `npm run solve` do; rebuild them first when a source is newer, so `npx vitest` alone is
// never testing yesterday's build.
// @ts-expect-error: a plain .mjs build script without type declarations
import { buildEntries } from '../../scripts/build-js.mjs'

export default async function setup(): Promise<void> {
  await buildEntries()
}
