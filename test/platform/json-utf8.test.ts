// JSON is UTF-8 text (RFC 8259). A body with bytes that are not UTF-8 is refused whole, rather
// than stored with U+FFFD where the bad bytes were.
import { afterEach, beforeEach, expect, it } from 'vitest'
import { freshApi, type TestApi } from '../support/api.js'

let api: TestApi
beforeEach(async () => {
  api = await freshApi()
})
afterEach(() => api.close())

const withBadByte = (json: string) => {
  const bytes = new TextEncoder().encode(json)
  const at = json.indexOf('#')
  bytes[at] = 0xff
  return bytes
}

it('a JSON body that is not valid UTF-8 answers 400 problem+json and stores nothing', async () => {
  const send = (path: string) =>
    api.app.request(path, { method: 'POST', headers: { ...api.auth, 'content-type': 'application/json' }, body: withBadByte('{"name":"Elm # Trust"}') })
  const res = await send('/api/organisations')
  expect(res.status).toBe(400)
  expect(res.headers.get('content-type')).toBe('application/problem+json')
  const body = (await res.json()) as { type: string; detail: string }
  expect(body.type).toMatch(/malformed-json$/)
  expect(body.detail).toMatch(/UTF-8/)
  expect((await api.json('GET', '/api/organisations')).body.items).toEqual([])
})
