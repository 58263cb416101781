// Optimistic concurrency for edits: the ETag of a resource is its version. A client that sends
// If-Match with the version it read gets 412 if someone changed the resource since.
import type { Context } from 'hono'
import { preconditionFailed } from './problem.js'

export function etagOf(version: number): string {
  return `"${version}"`
}

export function setEtag(c: Context, version: number): void {
  c.header('ETag', etagOf(version))
}

/**
 * The versions the client says it read, from If-Match; undefined when the header is absent
 * or "*" (no precondition beyond existing). Weak tags are accepted: versions are exact.
 */
export function ifMatchVersions(header: string | undefined): number[] | undefined {
  if (header === undefined || header.trim() === '' || header.trim() === '*') return undefined
  return header.split(',').map((part) => {
    const m = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(part)
    return m ? Number(m[1]) : Number.NaN
  })
}

/** Throws 412 when If-Match was sent and does not name the current version. */
export function checkIfMatch(header: string | undefined, current: number, what: string): void {
  const wanted = ifMatchVersions(header)
  if (wanted && !wanted.includes(current)) {
    throw preconditionFailed(`${what} is now at version ${current}; reload it and apply your change again`)
  }
}
