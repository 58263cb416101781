// Standard base64 (with padding), as CSP hash sources are written; WebCrypto gives raw bytes.
export function base64Bytes(bytes: Uint8Array): string {
  let binary = ''
  for (const b of bytes) binary += String.fromCharCode(b)
  return btoa(binary)
}
