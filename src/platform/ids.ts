// Opaque ids for URLs and rows: 128 random bits, so ids cannot be guessed or enumerated and
// two runtimes never need to coordinate. The prefix makes an id's kind visible in logs.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz' // Crockford base32, lower case

export function newId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of bytes) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
    value &= (1 << bits) - 1
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31]
  return `${prefix}_${out}`
}
