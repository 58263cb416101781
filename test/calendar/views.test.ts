// The stylesheet's CSP hash is a literal the security headers can use; it must match the text.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { ME_CSS, ME_STYLE_HASH } from '../../src/ui/phone-styles.js'

describe('the inline stylesheet', () => {
  it('is allowed by exactly the hash the page declares', () => {
    expect(ME_STYLE_HASH).toBe(`'sha256-${createHash('sha256').update(ME_CSS, 'utf8').digest('base64')}'`)
  })

  it('stays small and needs no characters that HTML would escape', () => {
    expect(ME_CSS.length).toBeLessThan(4096)
    expect(ME_CSS).not.toMatch(/[<>&]/)
  })
})
