// Checks on the raw request that come before any route: body size, media type and encoding.
// Size and media type run before a body is read, so an oversized or non-JSON body is refused
// without reading it all; the encoding check reads the (size-limited) bytes once, and Hono keeps
// them for the validator that parses them next.
import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { ProblemError, problemResponse } from './problem.js'

export const DEFAULT_BODY_LIMIT = 1024 * 1024
/** A scenario for a large school is several megabytes; only the import route gets this much. */
export const IMPORT_BODY_LIMIT = 8 * 1024 * 1024
const IMPORT_PATH = /^\/api\/schools\/[^/]+\/import\/?$/

function limitFor(path: string): number {
  return IMPORT_PATH.test(path) ? IMPORT_BODY_LIMIT : DEFAULT_BODY_LIMIT
}

/**
 * The rest of an oversized body is never read, so the connection cannot carry another request:
 * saying `Connection: close` tells the client so, and makes Node close the socket after the answer
 * instead of promising keep-alive and dropping it mid-upload. Workers ignore the hop-by-hop header.
 */
const tooLarge = (limit: number) => () =>
  problemResponse(new ProblemError('payloadTooLarge', `the limit is ${Math.round(limit / 1024)} KiB`).problem, { connection: 'close' })
const limiters = new Map([DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT].map((size) => [size, bodyLimit({ maxSize: size, onError: tooLarge(size) })]))

export const limitBodySize: MiddlewareHandler = (c, next) => {
  const limiter = limiters.get(limitFor(c.req.path))
  return limiter ? limiter(c, next) : next()
}

const WRITES = new Set(['POST', 'PUT', 'PATCH'])
const JSON_MEDIA = /^application\/([\w.-]+\+)?json$/i

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false })

/**
 * JSON is UTF-8 text (RFC 8259), but `Request.json()` decodes leniently on both runtimes and
 * would store U+FFFD where the bad bytes were; refusing here covers every JSON route at once.
 */
async function refuseInvalidUtf8(c: Context): Promise<void> {
  const bytes = await c.req.arrayBuffer()
  try {
    STRICT_UTF8.decode(bytes)
  } catch (err) {
    if (err instanceof TypeError) throw new ProblemError('malformedJson', 'the body is not valid UTF-8 text; send JSON encoded as UTF-8')
    throw err
  }
}

/** Writes carry JSON; anything else would reach the validator as an empty object. */
export const requireJson: MiddlewareHandler = async (c, next) => {
  if (WRITES.has(c.req.method)) {
    const media = (c.req.header('content-type') ?? '').split(';')[0]?.trim() ?? ''
    // workerd gives a body-less POST an empty stream where Node gives null; Content-Length: 0
    // says the same on both, so a write with nothing to send is not refused on Workers only.
    const hasBody = c.req.raw.body !== null && c.req.header('content-length') !== '0'
    if (hasBody && !JSON_MEDIA.test(media)) {
      throw new ProblemError('unsupportedMediaType', media ? `got ${media}` : 'the Content-Type header is missing')
    }
    if (hasBody) await refuseInvalidUtf8(c)
  }
  await next()
}
