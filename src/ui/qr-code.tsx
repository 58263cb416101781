// A QR code for a URL (the staffroom poster, a new personal link), drawn as inline SVG from
// uqr's module matrix. Presentation attributes only, so the strict Content-Security-Policy
// draws it with no style attribute, script or image request; written as JSX so the label is
// escaped like any other text.
import type { FC } from 'hono/jsx'
import { encode } from 'uqr'

/**
 * Level M, as the hand-written encoder used: it survives a scuffed poster or a glare spot on a
 * screen (15% of codewords), where uqr's default L (7%) would only buy a slightly smaller code.
 */
const ERROR_CORRECTION = 'M'
/**
 * The largest version we draw (57 modules a side, 213 bytes at M). A longer address would be a
 * code too dense to scan comfortably from a screen; the page then offers the link as text only.
 */
const MAX_VERSION = 10
/** Light border in modules: the standard asks for 4 (uqr's default is 1), and cameras need it. */
const QUIET_ZONE = 4

export interface QrMatrix {
  /** modules a side, without the quiet zone */
  readonly size: number
  /** rows from the top, `true` for a dark module */
  readonly dark: readonly (readonly boolean[])[]
}

/** The code for `text`, or null when it is too long for the codes we draw. */
export function qrMatrix(text: string): QrMatrix | null {
  try {
    // The quiet zone is the SVG's view box, not padding in the matrix.
    const { size, data } = encode(text, { ecc: ERROR_CORRECTION, maxVersion: MAX_VERSION, border: 0 })
    return { size, dark: data }
  } catch (err) {
    // With these fixed, valid options uqr's only RangeError is "Data too long" past MAX_VERSION.
    if (err instanceof RangeError) return null
    throw err
  }
}

/**
 * One path for the whole symbol, a rectangle per run of dark modules in a row, in module units:
 * a version 4 code is a few hundred short commands rather than a thousand elements.
 */
function darkRunsPath(matrix: QrMatrix): string {
  const parts: string[] = []
  matrix.dark.forEach((row, y) => {
    let x = 0
    while (x < matrix.size) {
      if (!row[x]) {
        x++
        continue
      }
      const start = x
      while (x < matrix.size && row[x]) x++
      parts.push(`M${start} ${y}h${x - start}v1h${start - x}z`)
    }
  })
  return parts.join('')
}

export interface QrCodeProps {
  matrix: QrMatrix
  /** what a screen reader says for the picture */
  label: string
  /** pixels a module; the page's CSS scales the SVG anyway */
  module?: number
}

export const QrCode: FC<QrCodeProps> = ({ matrix, label, module = 8 }) => {
  const side = matrix.size + 2 * QUIET_ZONE
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={`${-QUIET_ZONE} ${-QUIET_ZONE} ${side} ${side}`}
      width={side * module}
      height={side * module}
      role="img"
      aria-label={label}
      shape-rendering="crispEdges"
    >
      <rect x={-QUIET_ZONE} y={-QUIET_ZONE} width={side} height={side} fill="#fff" />
      <path fill="#000" d={darkRunsPath(matrix)} />
    </svg>
  )
}
