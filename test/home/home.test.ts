// What someone who types the bare address sees, and the icon every page links.
import { afterEach, beforeEach, expect, it } from 'vitest'
import type { App } from '../../src/app.js'
import { freshStore, testApp, type TestStore } from '../support/kit.js'

// What a browser sends when the address is typed.
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'

let store: TestStore
let app: App
beforeEach(() => {
  store = freshStore()
  app = testApp({ store })
})
afterEach(() => store.close())

it('the bare address is a page that sends managers to sign in, staff to their duties and developers to the API', async () => {
  const res = await app.request('/', { headers: { accept: BROWSER_ACCEPT } })
  expect(res.status).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  const html = await res.text()
  expect(html).toContain('<h1>Duties and cover for schools</h1>')
  for (const href of ['/manage', '/auth/signin', '/me', '/api/schools', '/api/schemas/scenario.json']) expect(html).toContain(`href="${href}"`)
  expect(html).toContain('<link rel="stylesheet" href="/manage/assets/manager.css">')
})

it('a script that asks for JSON at the bare address still gets the API index', async () => {
  const res = await app.request('/', { headers: { accept: 'application/json' } })
  expect(res.headers.get('content-type')).toMatch(/^application\/json/)
  expect(await res.json()).toEqual({ name: 'Duty Rota API', api: '/api', organisations: '/api/organisations', schools: '/api/schools' })
  // Caches keep the page and the JSON apart.
  expect(res.headers.get('vary')).toMatch(/accept/i)
})

it('the icon is an SVG, and a browser asking for /favicon.ico gets it instead of a 404', async () => {
  for (const path of ['/favicon.svg', '/favicon.ico']) {
    const res = await app.request(path)
    expect(res.status, path).toBe(200)
    expect(res.headers.get('content-type'), path).toBe('image/svg+xml')
    expect(await res.text(), path).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/)
  }
})
