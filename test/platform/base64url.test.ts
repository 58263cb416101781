// The one base64url helper behind tokens and page cursors: the URL-safe alphabet, no padding,
// and every byte value back as it went in.
import { describe, expect, it } from 'vitest'
import { fromBase64url, toBase64url } from '../../src/platform/base64url.js'

describe('base64url', () => {
  it('uses - and _ for the two characters base64 spells + and /, and drops the padding', () => {
    expect(toBase64url(Uint8Array.of(0xfb, 0xff))).toBe('-_8')
    expect(toBase64url(new TextEncoder().encode('f'))).toBe('Zg')
    expect(toBase64url(new Uint8Array(32))).toHaveLength(43)
  })

  it('gives every byte value back', () => {
    const bytes = Uint8Array.from({ length: 256 }, (_, i) => i)
    expect(fromBase64url(toBase64url(bytes))).toEqual(bytes)
  })

  it('refuses text that is not base64url', () => {
    expect(() => fromBase64url('a')).toThrow()
    expect(() => fromBase64url('not*base64')).toThrow()
  })
})
