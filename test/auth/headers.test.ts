// Security headers on every answer of the real app: API JSON, problems, 404s and the sign-in pages.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { freshApi, type TestApi } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

function expectSecure(res: Response, what: string): void {
  const csp = res.headers.get('content-security-policy') ?? ''
  for (const directive of ["default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
    expect(csp, `${what}: ${directive}`).toContain(directive)
  }
  expect(csp, what).not.toContain('unsafe-inline')
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(res.headers.get('x-frame-options'), what).toBe('DENY')
  expect(res.headers.get('referrer-policy'), what).toBe('no-referrer')
  expect(res.headers.get('strict-transport-security'), what).toContain('max-age=')
  expect(res.headers.get('x-powered-by'), what).toBeNull()
}

it('every kind of answer carries a strict Content-Security-Policy and the other secure headers', async () => {
  expectSecure(await api.request('GET', '/api/me'), 'API JSON')
  expectSecure(await api.app.request('/api/me'), '401 problem')
  expectSecure(await api.request('GET', '/api/schools/sch_nope'), '404 problem')
  expectSecure(await api.request('GET', '/nowhere'), 'unknown path')
  expectSecure(await api.app.request('/auth/signin'), 'sign-in page')
  expectSecure(await api.app.request(`/auth/callback?token=${'A'.repeat(43)}`), 'sign-in confirmation page')
})

it('the sign-in pages need no inline script or style', async () => {
  for (const path of ['/auth/signin', `/auth/callback?token=${'A'.repeat(43)}`]) {
    const html = await (await api.app.request(path)).text()
    expect(html).not.toMatch(/<script|<style|\sstyle=|\son\w+=/i)
  }
})

it('API writes take JSON only, also from a signed-in browser', async () => {
  const res = await api.request('POST', '/api/organisations', 'name=Oak', { 'content-type': 'application/x-www-form-urlencoded' })
  expect(res.status).toBe(415)
})
