// An oversized body is refused before it is read, so the rest of it is still on the wire: the
// 413 says `Connection: close`, and the client knows not to send another request on it.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { freshApi, type TestApi } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

it('a 413 for an oversized body tells the client the connection is closing', async () => {
  const res = await api.request('POST', '/api/organisations', { name: 'x'.repeat(1024 * 1024 + 1) })
  expect(res.status).toBe(413)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  expect(res.headers.get('connection')).toBe('close')
  expect(((await res.json()) as { type: string }).type).toMatch(/payload-too-large$/)
})
