// The pages seen before signing in look like the manager's pages: their stylesheet, the icon, a
// heading, and a labelled field that names its own problem.
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { freshStore, testApp, type TestStore } from '../support/kit.js'

let store: TestStore
let app: App
beforeEach(() => {
  store = freshStore()
  app = testApp({ store })
})
afterEach(() => store.close())

const signinForm = (email: string) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'http://localhost' },
  body: new URLSearchParams({ email }).toString(),
})

it("the sign-in pages wear the manager pages' stylesheet and icon, with one heading each", async () => {
  const pages = [
    await app.request('/auth/signin'),
    await app.request(`/auth/callback?token=${'A'.repeat(43)}`),
    await app.request('/auth/links', signinForm('someone@example.test')),
  ]
  for (const res of pages) {
    const html = await res.text()
    expect(html).toContain('<link rel="stylesheet" href="/manage/assets/manager.css">')
    expect(html).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">')
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">')
    expect(html.match(/<h1>/g)).toHaveLength(1)
  }
})

it('the sign-in form labels its email field', async () => {
  const html = await (await app.request('/auth/signin')).text()
  expect(html).toContain('<label for="email">Your email address</label>')
  expect(html).toMatch(/<input id="email" name="email" type="email" autocomplete="email" required>/)
})

it('an address that is not one comes back with the problem said beside the field', async () => {
  const res = await app.request('/auth/links', signinForm('not an address'))
  expect(res.status).toBe(400)
  const html = await res.text()
  expect(html).toContain('<span class="field-error" id="email-error">Enter a valid email address.</span>')
  expect(html).toContain('aria-invalid="true" aria-describedby="email-error"')
})
