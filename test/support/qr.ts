// Reads a QR code back out of a page as a phone would, trusting nothing of how it was drawn:
// the SVG's filled outlines are rasterised here by the nonzero rule (any M/L/H/V/Z path, not
// just the runs our component writes) and an independent decoder, jsQR, reads the picture.
import jsQR from 'jsqr'

export interface SvgPicture {
  /** the view box: left, top, width, height in the SVG's own units */
  box: { x: number; y: number; width: number; height: number }
  /** one row per unit of the view box, sampled at each unit's centre; `true` is dark */
  dark: boolean[][]
}

type Point = readonly [number, number]

/** Closed outlines of a path's `d`, absolute and relative M, L, H, V and Z only. */
function outlines(d: string): Point[][] {
  const tokens = d.match(/[MmLlHhVvZz]|-?\d*\.?\d+(?:e-?\d+)?/g) ?? []
  const shapes: Point[][] = []
  let shape: Point[] = []
  let at: Point = [0, 0]
  let start: Point = [0, 0]
  let command = ''
  const number = () => {
    const t = tokens.shift()
    if (t === undefined || !/\d/.test(t)) throw new Error(`path ends inside ${command}`)
    return Number(t)
  }
  const close = () => {
    if (shape.length > 1) shapes.push(shape)
    shape = []
  }
  while (tokens.length > 0) {
    const head = tokens[0] as string
    if (/[A-Za-z]/.test(head)) {
      command = head
      tokens.shift()
    } else if (command === 'M') command = 'L'
    else if (command === 'm') command = 'l'
    else if (command === '' || command === 'Z' || command === 'z') throw new Error(`a number where a command belongs: ${head}`)
    switch (command) {
      case 'M':
      case 'm': {
        close()
        const [x, y] = [number(), number()]
        at = command === 'M' ? [x, y] : [at[0] + x, at[1] + y]
        start = at
        shape = [at]
        break
      }
      case 'L':
      case 'l': {
        const [x, y] = [number(), number()]
        at = command === 'L' ? [x, y] : [at[0] + x, at[1] + y]
        shape.push(at)
        break
      }
      case 'H':
      case 'h': {
        const x = number()
        at = [command === 'H' ? x : at[0] + x, at[1]]
        shape.push(at)
        break
      }
      case 'V':
      case 'v': {
        const y = number()
        at = [at[0], command === 'V' ? y : at[1] + y]
        shape.push(at)
        break
      }
      case 'Z':
      case 'z':
        close()
        at = start
        shape = [at]
        break
      default:
        throw new Error(`path command ${command || head} is not one this reader draws`)
    }
  }
  close()
  return shapes
}

/** Nonzero winding number of the point over every outline: the SVG default fill rule. */
function inside(shapes: readonly Point[][], [px, py]: Point): boolean {
  let winding = 0
  for (const shape of shapes) {
    for (let i = 0; i < shape.length; i++) {
      const [x1, y1] = shape[i] as Point
      const [x2, y2] = shape[(i + 1) % shape.length] as Point
      if (y1 <= py && y2 > py && (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1) > 0) winding++
      else if (y1 > py && y2 <= py && (x2 - x1) * (py - y1) - (px - x1) * (y2 - y1) < 0) winding--
    }
  }
  return winding !== 0
}

const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

/**
 * The first `role="img"` SVG in some HTML, as light and dark samples. It must be a white square
 * under black paths and nothing else, so a picture drawn some other way fails here, loudly.
 */
export function svgPicture(html: string): SvgPicture {
  const svg = /<svg\b[^>]*\srole="img"[^>]*>([\s\S]*?)<\/svg>/.exec(html)
  if (!svg) throw new Error('no <svg role="img"> in the page')
  const [open, body] = [/^<svg\b[^>]*>/.exec(svg[0])?.[0] ?? '', svg[1] ?? '']
  const [x, y, width, height] = (attribute(open, 'viewBox') ?? '').split(/[\s,]+/).map(Number) as [number, number, number, number]
  if (![x, y, width, height].every(Number.isFinite)) throw new Error(`no viewBox on ${open}`)
  const elements = body.match(/<[a-z]+\b[^>]*>/g) ?? []
  const shapes: Point[][] = []
  let background = false
  for (const tag of elements) {
    if (tag.startsWith('<rect')) {
      const covers =
        [attribute(tag, 'x'), attribute(tag, 'y'), attribute(tag, 'width'), attribute(tag, 'height')].map(Number).join() === [x, y, width, height].join()
      if (!covers || attribute(tag, 'fill') !== '#fff') throw new Error(`a rect other than the white background: ${tag}`)
      background = true
    } else if (tag.startsWith('<path')) {
      if (attribute(tag, 'fill') !== '#000') throw new Error(`a path that is not black: ${tag}`)
      shapes.push(...outlines(attribute(tag, 'd') ?? ''))
    } else throw new Error(`an element this reader does not draw: ${tag}`)
  }
  if (!background) throw new Error('no white background: the quiet zone would be the page behind it')
  const dark = Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => inside(shapes, [x + c + 0.5, y + r + 0.5])))
  return { box: { x, y, width, height }, dark }
}

/** What a phone camera would read from the picture: each unit 4 pixels wide, RGBA, to jsQR. */
export function decodePicture({ dark }: SvgPicture): string | null {
  const scale = 4
  const height = dark.length * scale
  const width = (dark[0]?.length ?? 0) * scale
  const pixels = new Uint8ClampedArray(width * height * 4)
  for (let py = 0; py < height; py++) {
    for (let px = 0; px < width; px++) {
      const shade = dark[Math.floor(py / scale)]?.[Math.floor(px / scale)] ? 0 : 255
      pixels.set([shade, shade, shade, 255], (py * width + px) * 4)
    }
  }
  return jsQR(pixels, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null
}

/** The text of the QR code in a page, read back through the picture it draws. */
export function readQrCode(html: string): string | null {
  return decodePicture(svgPicture(html))
}
