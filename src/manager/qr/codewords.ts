// From text to the final codeword sequence of a QR code: byte mode, error correction level M,
// the smallest version from 1 to 10 that holds the text. A URL for the staffroom wall is a few
// dozen bytes; version 10-M holds 213, far more than /me needs.
import { errorCorrection } from './reed-solomon.js'

/** Error correction level M's block structure per version (ISO/IEC 18004, table 9). */
interface Blocks {
  /** error correction codewords in each block */
  ec: number
  /** [number of blocks, data codewords in each] for group 1 and, where there is one, group 2 */
  groups: readonly (readonly [number, number])[]
}

const LEVEL_M: readonly Blocks[] = [
  { ec: 10, groups: [[1, 16]] },
  { ec: 16, groups: [[1, 28]] },
  { ec: 26, groups: [[1, 44]] },
  { ec: 18, groups: [[2, 32]] },
  { ec: 24, groups: [[2, 43]] },
  { ec: 16, groups: [[4, 27]] },
  { ec: 18, groups: [[4, 31]] },
  { ec: 22, groups: [[2, 38], [2, 39]] },
  { ec: 22, groups: [[3, 36], [2, 37]] },
  { ec: 26, groups: [[4, 43], [1, 44]] },
]

export const MAX_VERSION = LEVEL_M.length

function blocksOf(version: number): Blocks {
  const b = LEVEL_M[version - 1]
  if (!b) throw new RangeError(`QR version ${version} is not supported (1 to ${MAX_VERSION})`)
  return b
}

export function dataCapacity(version: number): number {
  return blocksOf(version).groups.reduce((sum, [count, size]) => sum + count * size, 0)
}

/** Bits of the byte-mode character count: 8 up to version 9, 16 from 10. */
function countBits(version: number): number {
  return version <= 9 ? 8 : 16
}

/** Bytes that fit in byte mode at level M: 4 mode bits and the count come out of the capacity. */
export function byteCapacity(version: number): number {
  return Math.floor((dataCapacity(version) * 8 - 4 - countBits(version)) / 8)
}

export class QrTooLong extends Error {
  constructor(bytes: number) {
    super(`${bytes} bytes do not fit in a QR code up to version ${MAX_VERSION} at level M (at most ${byteCapacity(MAX_VERSION)})`)
    this.name = 'QrTooLong'
  }
}

export function smallestVersion(byteLength: number): number {
  for (let v = 1; v <= MAX_VERSION; v++) if (byteCapacity(v) >= byteLength) return v
  throw new QrTooLong(byteLength)
}

/** Appends bits most significant first. */
class BitWriter {
  readonly bits: number[] = []
  put(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bits.push((value >>> i) & 1)
  }
}

/** The data codewords: mode, count, the bytes, terminator, then the two pad bytes in turn. */
export function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const capacity = dataCapacity(version)
  const w = new BitWriter()
  w.put(0b0100, 4)
  w.put(bytes.length, countBits(version))
  for (const b of bytes) w.put(b, 8)
  if (w.bits.length > capacity * 8) throw new QrTooLong(bytes.length)
  w.put(0, Math.min(4, capacity * 8 - w.bits.length))
  w.put(0, (8 - (w.bits.length % 8)) % 8)
  const out: number[] = []
  for (let i = 0; i < w.bits.length; i += 8) out.push(w.bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0))
  for (let pad = 0xec; out.length < capacity; pad ^= 0xec ^ 0x11) out.push(pad)
  return out
}

/** Data split into blocks, each block's error correction, both interleaved column by column. */
export function finalCodewords(data: readonly number[], version: number): number[] {
  const { ec, groups } = blocksOf(version)
  const blocks: number[][] = []
  let at = 0
  for (const [count, size] of groups) {
    for (let i = 0; i < count; i++) {
      blocks.push(data.slice(at, at + size))
      at += size
    }
  }
  const ecBlocks = blocks.map((b) => errorCorrection(b, ec))
  const out: number[] = []
  const longest = Math.max(...blocks.map((b) => b.length))
  for (let i = 0; i < longest; i++) for (const b of blocks) if (i < b.length) out.push(b[i] as number)
  for (let i = 0; i < ec; i++) for (const b of ecBlocks) out.push(b[i] as number)
  return out
}

/** The layout facts the matrix and the tests need. */
export function blockLayout(version: number): { ec: number; sizes: number[] } {
  const { ec, groups } = blocksOf(version)
  return { ec, sizes: groups.flatMap(([count, size]) => new Array<number>(count).fill(size)) }
}
