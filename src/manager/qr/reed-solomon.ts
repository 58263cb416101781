// Reed–Solomon error correction for QR codes (ISO/IEC 18004, section 7.5): arithmetic in
// GF(256) with the field's primitive polynomial x^8 + x^4 + x^3 + x^2 + 1 (0x11D), and the
// remainder of the data polynomial divided by the generator (x - a^0)(x - a^1)...(x - a^(n-1)).

/** EXP[i] = a^i for i in 0..509 (doubled, so a product never needs a modulo); LOG[a^i] = i. */
const EXP = new Uint8Array(512)
const LOG = new Uint8Array(256)
{
  let x = 1
  for (let i = 0; i < 255; i++) {
    EXP[i] = x
    LOG[x] = i
    x <<= 1
    if (x & 0x100) x ^= 0x11d
  }
  for (let i = 255; i < 512; i++) EXP[i] = EXP[i - 255] as number
}

/** Product of two field elements. */
export function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0
  return EXP[(LOG[a] as number) + (LOG[b] as number)] as number
}

/** a^i in the field. */
export function gfPow(i: number): number {
  return EXP[((i % 255) + 255) % 255] as number
}

/**
 * Coefficients of the generator polynomial of `degree`, highest power first, leading 1
 * left out (it is always 1, and division only needs the rest).
 */
export function generatorPolynomial(degree: number): number[] {
  // Start from the polynomial 1 and multiply by (x + a^i) once per i (minus is plus in GF(2^8)).
  let poly = [1]
  for (let i = 0; i < degree; i++) {
    const next = new Array<number>(poly.length + 1).fill(0)
    for (let j = 0; j < poly.length; j++) {
      const c = poly[j] as number
      next[j] = (next[j] as number) ^ c
      next[j + 1] = (next[j + 1] as number) ^ gfMul(c, gfPow(i))
    }
    poly = next
  }
  return poly.slice(1)
}

/** The `ecCount` error-correction codewords for one block of data codewords. */
export function errorCorrection(data: readonly number[], ecCount: number): number[] {
  const gen = generatorPolynomial(ecCount)
  // Long division; `rem` holds the running remainder, its first entry the next quotient term.
  const rem = new Array<number>(ecCount).fill(0)
  for (const byte of data) {
    const factor = byte ^ (rem.shift() as number)
    rem.push(0)
    for (let i = 0; i < ecCount; i++) rem[i] = (rem[i] as number) ^ gfMul(gen[i] as number, factor)
  }
  return rem
}

/**
 * The block's syndromes: all zero exactly when data followed by its error correction is a
 * codeword. Used by the tests to check what the encoder produced, independently of division.
 */
export function syndromes(codeword: readonly number[], ecCount: number): number[] {
  const out: number[] = []
  for (let i = 0; i < ecCount; i++) {
    // Evaluate the polynomial (highest power first) at a^i by Horner's rule.
    let s = 0
    for (const c of codeword) s = gfMul(s, gfPow(i)) ^ c
    out.push(s)
  }
  return out
}
