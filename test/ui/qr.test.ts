// The QR code as a phone sees it: the SVG the component renders is rasterised by a reader of
// its own (test/support/qr.ts) and decoded by an independent decoder, jsQR, so these fail if
// the picture, its quiet zone or the text inside it is wrong, whoever encoded it.
import { readFileSync } from 'node:fs'
import { createElement } from 'hono/jsx'
import { describe, expect, it } from 'vitest'
import { QrCode, qrMatrix } from '../../src/ui/qr-code.js'
import { decodePicture, readQrCode, svgPicture } from '../support/qr.js'

async function render(text: string, label = `QR code for ${text}`): Promise<string> {
  const matrix = qrMatrix(text)
  if (matrix === null) throw new Error(`${text} does not fit`)
  return String(await createElement(QrCode, { matrix, label }).toString())
}

const TOKEN = 'q7Zk3_Vb9-Xy2LmNpQrStUvWxYz0123456789AbCdEf' // 43 characters, as newToken() gives
const SHORT = 'https://rota.example.org/me'
const LONG = `https://duty-rota.st-margarets-church-of-england-primary-academy.example.org/auth/staff/${TOKEN}`

describe('a QR code read back by a phone', () => {
  it('gives the staffroom poster address', async () => {
    expect(readQrCode(await render(SHORT))).toBe(SHORT)
  })

  it('gives a long personal link, token and all', async () => {
    expect(TOKEN).toHaveLength(43)
    expect(readQrCode(await render(LONG))).toBe(LONG)
  })

  it('gives text outside ASCII byte for byte', async () => {
    const text = 'https://école.test/me?n=Zoë'
    expect(readQrCode(await render(text))).toBe(text)
  })

  it('gives an address as long as the codes we draw hold (version 10 at M: 213 bytes)', async () => {
    const text = `https://rota.example.org/${'x'.repeat(213 - 25)}`
    expect(text).toHaveLength(213)
    expect(qrMatrix(text)?.size).toBe(57)
    expect(readQrCode(await render(text))).toBe(text)
  })

  it('is none for a longer address, which the page then gives as text only', () => {
    expect(qrMatrix(`https://rota.example.org/${'x'.repeat(214 - 25)}`)).toBeNull()
  })

  it('reads nothing when the picture is spoilt, so the checks above can fail', async () => {
    const svg = await render(SHORT)
    expect(readQrCode(svg.replace(/ d="M[^"]*"/, ' d="M0 0h7v7h-7z"'))).toBeNull()
    // one dark row of the symbol cut out: past what level M corrects within one block
    const cut = svgPicture(svg)
    for (const r of [10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]) cut.dark[r] = (cut.dark[r] ?? []).map(() => false)
    expect(decodePicture(cut)).toBeNull()
  })
})

describe('the picture', () => {
  it('uses level M: the 27-byte poster address needs version 3 (29 modules), where L fits version 2', () => {
    expect(qrMatrix(SHORT)?.size).toBe(29)
  })

  it('keeps a light border of four modules around the symbol', async () => {
    const { box, dark } = svgPicture(await render(SHORT))
    expect(box.width).toBe(29 + 2 * 4)
    const darkRows = dark.flatMap((row, r) => (row.some(Boolean) ? [r] : []))
    const darkCols = dark[0]?.flatMap((_, c) => (dark.some((row) => row[c]) ? [c] : [])) ?? []
    expect([darkRows[0], darkRows.at(-1), darkCols[0], darkCols.at(-1)]).toEqual([4, 32, 4, 32])
  })

  it('is one path, not an element a module', async () => {
    const svg = await render(LONG)
    expect(svg.match(/<path /g)).toHaveLength(1)
    expect(svg.match(/<[a-z]+ /g)).toHaveLength(3)
  })
})

describe('the SVG', () => {
  it('is a labelled image a screen reader can name, its label escaped like any text', async () => {
    const svg = await render(SHORT, 'Scan to open "My duties" & <more>')
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
    expect(svg).toContain('role="img"')
    expect(svg).toContain('aria-label="Scan to open &quot;My duties&quot; &amp; &lt;more&gt;"')
  })

  it('uses presentation attributes only, so a strict style-src still draws it', async () => {
    expect(await render(SHORT)).not.toMatch(/style=|<style|<script/)
  })

  it('is built as JSX where it is drawn and where it is used: no raw HTML string', () => {
    for (const file of ['src/ui/qr-code.tsx', 'src/manager/views/poster-page.tsx', 'src/manager/views/staff-link-page.tsx']) {
      const source = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      expect(source, file).not.toMatch(/\braw\(|dangerouslySetInnerHTML|from 'hono\/html'/)
    }
  })
})
