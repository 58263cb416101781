// The 200 of a stored page or feed, gzipped once per version instead of once per request.
// On Node every answer passes the compressing front (platform/http/compression.ts), which
// spent more CPU on zlib than anything else when /me and feeds were already stored; it leaves
// an answer that already says Content-Encoding alone. Workers leave compression to Cloudflare.
import type { Context } from 'hono'

const ON_WORKERS = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers'

/** By ETag, which is a digest of the text: a version's bytes never change, so nothing goes stale. */
const gzipByEtag = new Map<string, Promise<Uint8Array<ArrayBuffer>>>()
const KEPT_GZIP = 4000

async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

function gzipOf(etag: string, text: string): Promise<Uint8Array<ArrayBuffer>> {
  const found = gzipByEtag.get(etag)
  if (found) return found
  const made = gzip(text)
  gzipByEtag.set(etag, made)
  made.catch(() => gzipByEtag.delete(etag))
  while (gzipByEtag.size > KEPT_GZIP) gzipByEtag.delete(gzipByEtag.keys().next().value ?? etag)
  return made
}

/** Accept-Encoding names gzip (or *) with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  if (header === undefined) return false
  return header.split(',').some((part) => {
    const [name, ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = params.find((p) => p.startsWith('q='))
    return (name === 'gzip' || name === '*') && (q === undefined || Number(q.slice(2)) > 0)
  })
}

export interface StoredText {
  etag: string
  body: string
}

/**
 * 200 with the text, gzipped when the client takes gzip. A gzipped answer is another
 * representation of the same text, so its ETag is the weak form (as the compressing front
 * marks its own), which If-None-Match compares alike.
 */
export async function storedText(c: Context, text: StoredText, contentType: string, headers: Record<string, string>): Promise<Response> {
  const vary = headers.Vary ? `${headers.Vary}, Accept-Encoding` : 'Accept-Encoding'
  if (ON_WORKERS || !acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(text.body, 200, { ...headers, Vary: vary, ETag: text.etag, 'Content-Type': contentType })
  }
  const bytes = await gzipOf(text.etag, text.body)
  return c.body(bytes, 200, { ...headers, Vary: vary, ETag: `W/${text.etag}`, 'Content-Type': contentType, 'Content-Encoding': 'gzip' })
}
