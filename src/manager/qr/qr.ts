// A QR code for a short text (a URL), drawn as inline SVG. Written here rather than pulled in
// as a dependency: the staffroom poster needs one fixed kind of code (byte mode, level M,
// versions 1 to 10), and an SVG made of presentation attributes needs nothing from the
// Content-Security-Policy (no style attribute, no script, no image request).
import { dataCodewords, finalCodewords, smallestVersion } from './codewords.js'
import { buildSymbol, type Symbol } from './matrix.js'

export { QrTooLong } from './codewords.js'
export type { Symbol } from './matrix.js'

export function encodeQr(text: string, options: { version?: number; mask?: number } = {}): Symbol {
  const bytes = new TextEncoder().encode(text)
  const version = options.version ?? smallestVersion(bytes.length)
  return buildSymbol(version, finalCodewords(dataCodewords(bytes, version), version), options.mask)
}

export interface QrSvgOptions {
  /** what a screen reader says for the picture */
  label: string
  /** size of one module in the SVG's own units; the SVG scales with CSS anyway */
  module?: number
  /** light border in modules; the standard asks for at least 4 */
  quiet?: number
}

/**
 * The symbol as one SVG path: each run of dark modules in a row is one rectangle, so a
 * version 4 code is a few hundred short path commands rather than a thousand elements.
 */
export function qrSvg(text: string, options: QrSvgOptions): string {
  const symbol = encodeQr(text)
  const unit = options.module ?? 8
  const quiet = options.quiet ?? 4
  const side = (symbol.size + 2 * quiet) * unit
  const parts: string[] = []
  symbol.modules.forEach((row, r) => {
    let c = 0
    while (c < symbol.size) {
      if (!row[c]) {
        c++
        continue
      }
      const start = c
      while (c < symbol.size && row[c]) c++
      parts.push(`M${(start + quiet) * unit} ${(r + quiet) * unit}h${(c - start) * unit}v${unit}h${-(c - start) * unit}z`)
    }
  })
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${side} ${side}" width="${side}" height="${side}" role="img" aria-label="${escapeAttribute(options.label)}" shape-rendering="crispEdges">` +
    `<rect width="${side}" height="${side}" fill="#fff"/>` +
    `<path fill="#000" d="${parts.join('')}"/>` +
    `</svg>`
  )
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}
