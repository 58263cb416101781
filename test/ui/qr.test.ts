// The staffroom QR code. Checked three ways: published vectors for its arithmetic (Reed–Solomon,
// format and version bits, capacities), a reader written here that takes every symbol apart
// again, and one whole symbol that an independent decoder (jsQR 1.4.0) read back when it was
// recorded.
import { describe, expect, it } from 'vitest'
import { blockLayout, byteCapacity, dataCodewords, smallestVersion } from '../../src/manager/qr/codewords.js'
import { formatBits, functionModules, maskApplies, versionBits, type Symbol } from '../../src/manager/qr/matrix.js'
import { encodeQr, qrSvg, QrTooLong } from '../../src/manager/qr/qr.js'
import { errorCorrection, syndromes } from '../../src/manager/qr/reed-solomon.js'

describe('Reed–Solomon', () => {
  it('gives the published error correction of "HELLO WORLD" at 1-M', () => {
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
    expect(errorCorrection(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
  })

  it('makes codewords whose syndromes are zero, and notices a changed byte', () => {
    const data = [1, 2, 3, 250, 0, 77]
    const word = [...data, ...errorCorrection(data, 18)]
    expect(syndromes(word, 18).every((s) => s === 0)).toBe(true)
    word[2] = 4
    expect(syndromes(word, 18).some((s) => s !== 0)).toBe(true)
  })
})

describe('format and version information', () => {
  it('matches the standard table for level M and each mask', () => {
    const table = ['101010000010010', '101000100100101', '101111001111100', '101101101001011', '100010111111001', '100000011001110', '100111110010111', '100101010100000']
    expect(table.map((_, mask) => formatBits(mask).toString(2).padStart(15, '0'))).toEqual(table)
  })

  it('matches the standard table for versions 7 to 10', () => {
    expect([7, 8, 9, 10].map(versionBits)).toEqual([0x07c94, 0x085bc, 0x09a99, 0x0a4d3])
  })
})

describe('capacity', () => {
  it('holds the standard number of bytes at level M for versions 1 to 10', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(byteCapacity)).toEqual([14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
  })

  it('picks the smallest version that holds the text', () => {
    expect(smallestVersion(14)).toBe(1)
    expect(smallestVersion(15)).toBe(2)
    expect(encodeQr('https://rota.example.org/me').version).toBe(3)
  })

  it('refuses a text too long for version 10, saying how long it may be', () => {
    expect(() => encodeQr('x'.repeat(214))).toThrow(QrTooLong)
    expect(() => encodeQr('x'.repeat(214))).toThrow(/at most 213/)
  })

  it('pads the data with the two alternating pad bytes', () => {
    // 'A' at 1-M: 0100 00000001 01000001 0000, then pad bytes fill the 16 codewords.
    expect(dataCodewords(new TextEncoder().encode('A'), 1)).toEqual([0x40, 0x14, 0x10, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec])
  })
})

/** Reads a symbol back as a scanner would, trusting nothing but the standard's layout. */
function readBack(symbol: Symbol): { mask: number; text: string } {
  const n = symbol.size
  const m = symbol.modules
  const dark = (r: number, c: number) => (m[r]?.[c] ? 1 : 0)
  const bitsOf = (cells: [number, number][]) => cells.reduce((acc, [r, c], i) => acc | (dark(r, c) << i), 0)
  const first = bitsOf([[0, 8], [1, 8], [2, 8], [3, 8], [4, 8], [5, 8], [7, 8], [8, 8], [8, 7], [8, 5], [8, 4], [8, 3], [8, 2], [8, 1], [8, 0]])
  const second = bitsOf([
    ...Array.from({ length: 8 }, (_, i): [number, number] => [8, n - 1 - i]),
    ...Array.from({ length: 7 }, (_, i): [number, number] => [n - 7 + i, 8]),
  ])
  expect(second).toBe(first)
  const mask = [0, 1, 2, 3, 4, 5, 6, 7].find((k) => formatBits(k) === first)
  if (mask === undefined) throw new Error('format bits are not level M with any mask')
  expect(dark(n - 8, 8)).toBe(1)

  const reserved = functionModules(symbol.version)
  const bits: number[] = []
  for (let right = n - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5
    const upward = ((right + 1) & 2) === 0
    for (let step = 0; step < n; step++) {
      const r = upward ? n - 1 - step : step
      for (const c of [right, right - 1]) if (!reserved[r]?.[c]) bits.push(dark(r, c) ^ (maskApplies(mask, r, c) ? 1 : 0))
    }
  }
  const codewords: number[] = []
  for (let i = 0; i + 8 <= bits.length; i += 8) codewords.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0))

  const { ec, sizes } = blockLayout(symbol.version)
  const blocks = sizes.map((): number[] => [])
  let at = 0
  for (let i = 0; i < Math.max(...sizes); i++) sizes.forEach((size, b) => i < size && blocks[b]?.push(codewords[at++] as number))
  const ecBlocks = sizes.map((): number[] => [])
  for (let i = 0; i < ec; i++) sizes.forEach((_, b) => ecBlocks[b]?.push(codewords[at++] as number))
  blocks.forEach((b, i) => expect(syndromes([...b, ...(ecBlocks[i] ?? [])], ec).every((s) => s === 0)).toBe(true))

  const data = blocks.flat()
  const stream = data.flatMap((byte) => [7, 6, 5, 4, 3, 2, 1, 0].map((k) => (byte >>> k) & 1))
  const read = (from: number, len: number) => stream.slice(from, from + len).reduce((a, b) => (a << 1) | b, 0)
  expect(read(0, 4)).toBe(0b0100)
  const countLength = symbol.version <= 9 ? 8 : 16
  const count = read(4, countLength)
  const bytes = Uint8Array.from({ length: count }, (_, i) => read(4 + countLength + 8 * i, 8))
  return { mask, text: new TextDecoder().decode(bytes) }
}

describe('the symbol', () => {
  it('reads back at every version from 1 to 10 with every mask, filled to capacity', () => {
    for (let version = 1; version <= 10; version++) {
      const text = Array.from({ length: byteCapacity(version) }, (_, i) => 'abcdefghijklmnopqrstuvwxyz0123456789/:.-'[(i * 7 + version) % 40]).join('')
      for (let mask = 0; mask < 8; mask++) {
        const symbol = encodeQr(text, { version, mask })
        expect(symbol.size).toBe(17 + 4 * version)
        expect(readBack(symbol)).toEqual({ mask, text })
      }
    }
  })

  it('reads back text outside ASCII, byte for byte in UTF-8', () => {
    const text = 'https://école.test/me?n=Zoë'
    expect(readBack(encodeQr(text)).text).toBe(text)
  })

  it('has the three finder patterns in their corners', () => {
    const { modules, size } = encodeQr('https://rota.example.org/me')
    const finder = ['#######', '#.....#', '#.###.#', '#.###.#', '#.###.#', '#.....#', '#######']
    const at = (top: number, left: number) => finder.map((_, r) => modules[top + r]?.slice(left, left + 7).map((d) => (d ? '#' : '.')).join(''))
    expect(at(0, 0)).toEqual(finder)
    expect(at(0, size - 7)).toEqual(finder)
    expect(at(size - 7, 0)).toEqual(finder)
  })

  it('draws exactly the symbol that jsQR 1.4.0 decoded as "https://qr.test/me" (version 2, mask 4)', () => {
    const golden = [
      '#######.#..######.#######',
      '#.....#...#..#..#.#.....#',
      '#.###.#..##...##..#.###.#',
      '#.###.#.#.#.#...#.#.###.#',
      '#.###.#.###.#.###.#.###.#',
      '#.....#.##.#....#.#.....#',
      '#######.#.#.#.#.#.#######',
      '........##.#.#...........',
      '#...#.###...##.#.#####..#',
      '.####....###.###.#..##.#.',
      '#.#...#.#.#....###.#.##..',
      '#..#.....###..##.##...##.',
      '###.#.#.#....##.#.#..####',
      '##.###..#.#.#..##...#..#.',
      '....#.#....#####..#####..',
      '....#......#.#..#####.##.',
      '####.###....##..#######..',
      '........#....####...#....',
      '#######.##......#.#.#....',
      '#.....#..##.#.#.#...#####',
      '#.###.#.##.#.##.#######.#',
      '#.###.#.....#..#.###..###',
      '#.###.#...#####.#.#..#.#.',
      '#.....#..###.#.#...#####.',
      '#######.#...##.#..#...###',
    ]
    const symbol = encodeQr('https://qr.test/me')
    expect({ version: symbol.version, mask: symbol.mask }).toEqual({ version: 2, mask: 4 })
    expect(symbol.modules.map((row) => row.map((d) => (d ? '#' : '.')).join(''))).toEqual(golden)
  })
})

describe('the SVG', () => {
  const svg = qrSvg('https://rota.example.org/me', { label: 'Scan to open "My duties" & more', module: 4 })

  it('is a labelled image a screen reader can name', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-label="Scan to open &quot;My duties&quot; &amp; more"')
  })

  it('keeps a four-module light border around the 29-module symbol', () => {
    const side = (29 + 8) * 4
    expect(svg).toContain(`viewBox="0 0 ${side} ${side}"`)
    const xs = [...svg.matchAll(/M(\d+) (\d+)/g)].flatMap((m) => [Number(m[1]), Number(m[2])])
    expect(Math.min(...xs)).toBe(16)
  })

  it('uses presentation attributes only, so a strict style-src still draws it', () => {
    expect(svg).not.toMatch(/style=|<style|<script/)
  })
})
