// JSON text columns are parsed at the repository edge; a malformed one is a bug in our own
// writes, so it fails loudly rather than leaking an unknown value further.
export function parseJsonColumn<T>(text: string | null, fallback: T): T {
  if (text === null) return fallback
  return JSON.parse(text) as T
}
