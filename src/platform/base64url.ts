// base64url (RFC 4648 §5, no padding): the one spelling of bytes in URLs and cookies here,
// for tokens and page cursors alike. btoa/atob rather than Buffer, so Workers run the same code.

export function toBase64url(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** The bytes of a base64url text; throws (atob's DOMException) on anything that is not one. */
export function fromBase64url(text: string): Uint8Array {
  return Uint8Array.from(atob(text.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0))
}
