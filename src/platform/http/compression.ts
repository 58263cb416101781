// Gzip (or deflate) for text answers on Node: pages, JSON, CSS, CSV and iCalendar feeds shrink
// to a fraction over a school's slow connection. Only src/node.ts uses it: Cloudflare compresses
// what a Worker answers on its own, and compressing twice would only cost the Worker CPU time.
import { Hono } from 'hono'
import { compress } from 'hono/compress'

interface Fetcher {
  fetch: (request: Request, env?: unknown) => Response | Promise<Response>
}

/**
 * The app behind a compressing front: a wrapper rather than `app.use`, because middleware added
 * after the routes would not run before them, and mounting the app inside another would trade
 * its own not-found and error answers for the wrapper's.
 */
export function withCompression(app: Fetcher): Hono {
  const front = new Hono()
  // Every size, said plainly: the default 1 KiB floor reads only Content-Length, which Hono's
  // answers do not carry.
  front.use(compress({ threshold: 0 }))
  // The runtime's env (the Node socket, which sign-in limits read) passes through untouched.
  front.all('*', (c) => app.fetch(c.req.raw, c.env))
  return front
}
