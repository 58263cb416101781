// The QR symbol itself: function patterns, codeword placement, masking and the format and
// version information (ISO/IEC 18004, sections 6.3 to 6.10). Rows and columns count from the
// top-left corner; `true` is a dark module.

export type Modules = boolean[][]

export interface Symbol {
  version: number
  size: number
  mask: number
  modules: Modules
}

/** Centres of alignment patterns per version (both axes use the same list), versions 1 to 10. */
const ALIGNMENT: readonly (readonly number[])[] = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
]

export const sizeOf = (version: number): number => 17 + 4 * version

/** Remainder of `value` (shifted left by the check length) divided by `generator`, bit by bit. */
function bchRemainder(value: number, generator: number, checkBits: number): number {
  let rem = value << checkBits
  for (let bit = 30; bit >= checkBits; bit--) if ((rem >>> bit) & 1) rem ^= generator << (bit - checkBits)
  return rem
}

/** The 15 format bits for level M (indicator 00) and a mask: BCH(15,5), then XOR 101010000010010. */
export function formatBits(mask: number): number {
  const data = (0b00 << 3) | mask
  return ((data << 10) | bchRemainder(data, 0b10100110111, 10)) ^ 0b101010000010010
}

/** The 18 version bits (versions 7 and up): BCH(18,6). */
export function versionBits(version: number): number {
  return (version << 12) | bchRemainder(version, 0b1111100100101, 12)
}

/** A grid and which of its modules belong to function patterns (never data, never masked). */
class Grid {
  readonly dark: Modules
  readonly reserved: boolean[][]
  constructor(readonly size: number) {
    this.dark = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
    this.reserved = Array.from({ length: size }, () => new Array<boolean>(size).fill(false))
  }
  fix(row: number, col: number, dark: boolean): void {
    ;(this.dark[row] as boolean[])[col] = dark
    ;(this.reserved[row] as boolean[])[col] = true
  }
  isReserved(row: number, col: number): boolean {
    return (this.reserved[row] as boolean[])[col] as boolean
  }
}

function drawFinder(g: Grid, top: number, left: number): void {
  // 7x7 rings (dark, light, 3x3 dark core) plus the one-module light separator around them.
  for (let dr = -1; dr <= 7; dr++) {
    for (let dc = -1; dc <= 7; dc++) {
      const r = top + dr
      const c = left + dc
      if (r < 0 || c < 0 || r >= g.size || c >= g.size) continue
      const ring = Math.max(Math.abs(dr - 3), Math.abs(dc - 3))
      g.fix(r, c, ring !== 2 && ring !== 4)
    }
  }
}

function drawAlignment(g: Grid, row: number, col: number): void {
  for (let dr = -2; dr <= 2; dr++) for (let dc = -2; dc <= 2; dc++) g.fix(row + dr, col + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1)
}

function drawFunctionPatterns(g: Grid, version: number): void {
  const n = g.size
  drawFinder(g, 0, 0)
  drawFinder(g, 0, n - 7)
  drawFinder(g, n - 7, 0)
  for (let i = 8; i < n - 8; i++) {
    g.fix(6, i, i % 2 === 0)
    g.fix(i, 6, i % 2 === 0)
  }
  const centres = ALIGNMENT[version - 1] ?? []
  const last = centres.length - 1
  centres.forEach((r, i) =>
    centres.forEach((c, j) => {
      // The three corners that the finder patterns occupy get no alignment pattern.
      if ((i === 0 && j === 0) || (i === 0 && j === last) || (i === last && j === 0)) return
      drawAlignment(g, r, c)
    }),
  )
  // Reserve the format areas now (filled once the mask is known) and set the dark module.
  drawFormat(g, 0)
  g.fix(n - 8, 8, true)
  if (version >= 7) {
    const bits = versionBits(version)
    for (let i = 0; i < 18; i++) {
      const dark = ((bits >>> i) & 1) === 1
      const a = n - 11 + (i % 3)
      const b = Math.floor(i / 3)
      g.fix(b, a, dark)
      g.fix(a, b, dark)
    }
  }
}

/** Both copies of the format bits; bit 14 is the most significant. */
function drawFormat(g: Grid, mask: number): void {
  const n = g.size
  const bits = formatBits(mask)
  const bit = (i: number) => ((bits >>> i) & 1) === 1
  // Around the top-left finder: bits 0-7 up column 8 (skipping the timing row), 8-14 along row 8.
  for (let i = 0; i <= 5; i++) g.fix(i, 8, bit(i))
  g.fix(7, 8, bit(6))
  g.fix(8, 8, bit(7))
  g.fix(8, 7, bit(8))
  for (let i = 9; i < 15; i++) g.fix(8, 14 - i, bit(i))
  // The second copy, split between the top-right and bottom-left finders.
  for (let i = 0; i < 8; i++) g.fix(8, n - 1 - i, bit(i))
  for (let i = 8; i < 15; i++) g.fix(n - 15 + i, 8, bit(i))
}

/** Codewords into the free modules: two-column strips from the right, up then down, column 6 skipped. */
function placeCodewords(g: Grid, codewords: readonly number[]): void {
  const n = g.size
  let i = 0
  const total = codewords.length * 8
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < n; step++) {
      const row = upward ? n - 1 - step : step
      for (const col of [right, right - 1]) {
        if (g.isReserved(row, col)) continue
        // Past the last codeword come the remainder bits, which are light.
        const dark = i < total && (((codewords[i >>> 3] as number) >>> (7 - (i & 7))) & 1) === 1
        ;(g.dark[row] as boolean[])[col] = dark
        i++
      }
    }
  }
}

const MASKS: readonly ((r: number, c: number) => boolean)[] = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
]

export function maskApplies(mask: number, row: number, col: number): boolean {
  const m = MASKS[mask]
  if (!m) throw new RangeError(`no mask ${mask}`)
  return m(row, col)
}

function masked(g: Grid, mask: number): Modules {
  return g.dark.map((line, r) => line.map((dark, c) => (g.isReserved(r, c) ? dark : dark !== maskApplies(mask, r, c))))
}

/** The standard's penalty score (section 7.8.3): lower reads more reliably. */
export function penalty(m: Modules): number {
  const n = m.length
  const at = (r: number, c: number) => (m[r] as boolean[])[c] as boolean
  let score = 0
  const lines: boolean[][] = [...m.map((row) => [...row]), ...Array.from({ length: n }, (_, c) => m.map((row) => row[c] as boolean))]
  const finderLike = [
    [true, false, true, true, true, false, true, false, false, false, false],
    [false, false, false, false, true, false, true, true, true, false, true],
  ]
  for (const line of lines) {
    // Rule 1: five or more of one colour in a row.
    let run = 1
    for (let i = 1; i <= n; i++) {
      if (i < n && line[i] === line[i - 1]) run++
      else {
        if (run >= 5) score += 3 + (run - 5)
        run = 1
      }
    }
    // Rule 3: something that looks like a finder pattern.
    for (let i = 0; i + 11 <= n; i++) for (const p of finderLike) if (p.every((v, k) => line[i + k] === v)) score += 40
  }
  // Rule 2: 2x2 blocks of one colour.
  for (let r = 0; r + 1 < n; r++) for (let c = 0; c + 1 < n; c++) if (at(r, c) === at(r, c + 1) && at(r, c) === at(r + 1, c) && at(r, c) === at(r + 1, c + 1)) score += 3
  // Rule 4: dark modules far from half.
  const dark = m.reduce((sum, row) => sum + row.filter(Boolean).length, 0)
  score += Math.floor(Math.abs((dark * 100) / (n * n) - 50) / 5) * 10
  return score
}

/** The finished symbol: every mask tried, the one with the lowest penalty kept (the lowest number on a tie). */
export function buildSymbol(version: number, codewords: readonly number[], forceMask?: number): Symbol {
  const g = new Grid(sizeOf(version))
  drawFunctionPatterns(g, version)
  placeCodewords(g, codewords)
  let best: Symbol | undefined
  let bestScore = Infinity
  for (let mask = 0; mask < 8; mask++) {
    if (forceMask !== undefined && mask !== forceMask) continue
    drawFormat(g, mask)
    const modules = masked(g, mask)
    const score = forceMask !== undefined ? 0 : penalty(modules)
    if (score < bestScore) {
      bestScore = score
      best = { version, size: g.size, mask, modules }
    }
  }
  if (!best) throw new RangeError(`no mask ${forceMask}`)
  return best
}

/** Which modules are function patterns: for tests that read the data back. */
export function functionModules(version: number): boolean[][] {
  const g = new Grid(sizeOf(version))
  drawFunctionPatterns(g, version)
  return g.reserved
}
