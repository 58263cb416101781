// Replies for versioned resources always carry the ETag the next edit should send back.
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { setEtag } from './etag.js'

export function versioned<T extends { version: number }>(c: Context, item: T, status: ContentfulStatusCode = 200) {
  setEtag(c, item.version)
  return c.json(item, status)
}

export function created<T extends { id: string; version: number }>(c: Context, item: T) {
  c.header('Location', `${c.req.path.replace(/\/$/, '')}/${item.id}`)
  return versioned(c, item, 201)
}
